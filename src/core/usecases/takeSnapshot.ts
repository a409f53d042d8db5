/**
 * Take a snapshot of an account: choose the file (the one given, an interrupted capture of the same
 * kind to resume, or a new one in the folder), find the previous snapshot for the shrinkage check,
 * and capture. The CLI's `snapshot` and the extension's Take Snapshot both come through here, so a
 * capture resumes and is named the same way whichever front end started it.
 */
import * as path from 'node:path';
import type { KeapClient } from '../keap/client';
import { captureSnapshot, type CaptureProgress, type CaptureResult } from '../snapshot/capture';
import { interruptedCapture, latestSnapshot, newSnapshotPath } from '../snapshot/library';
import type { SnapshotDb } from '../snapshot/snapshotDb';

export interface TakeSnapshotInput {
  client: KeapClient;
  /** The folder of the account's snapshots: new files go here, and the previous one is looked for here. */
  folder: string;
  /** Write exactly this file instead (it is resumed if a capture of it was interrupted). */
  out?: string;
  /** The account, when the caller has asked Keap already (saves a request). */
  account?: string;
  /** Encrypt the new snapshot with this key. */
  encryptKey?: string;
  /** The key that opens earlier snapshots in the folder (to find the previous one). */
  readKey?: string;
  /** Incremental: read only what changed since this snapshot, and merge. */
  since?: SnapshotDb;
  checkDeletions?: boolean;
  /** Warn when an entity shrank by more than this fraction since the previous snapshot. */
  anomalyThreshold: number;
  /** Discard an interrupted capture and start over. */
  restart?: boolean;
  signal?: AbortSignal;
  /** The file chosen, before reading starts; `resuming` when an interrupted capture of it is picked up. */
  onTarget?: (target: { file: string; resuming: boolean }) => void;
  onProgress?: (progress: CaptureProgress) => void;
}

export async function takeSnapshot(input: TakeSnapshotInput): Promise<CaptureResult> {
  const sinceMeta = input.since?.meta();
  const account = sinceMeta?.account ?? input.account ?? (await input.client.account());
  // Only a capture of the same kind (full, or incremental from the same snapshot) is picked up again:
  // starting another kind on its file would throw away what it had read. With `restart` its file is
  // reused and its journal discarded, so no orphaned partial capture is left behind.
  const interrupted = await interruptedCapture(input.folder, account, sinceMeta?.snapshotId);
  const out = input.out ?? interrupted ?? newSnapshotPath(input.folder, account);
  input.onTarget?.({ file: out, resuming: !input.restart && out === interrupted });
  const previous = input.since ? undefined : (await latestSnapshot(path.dirname(out), account, input.readKey))?.meta;
  return captureSnapshot({
    client: input.client,
    out,
    key: input.encryptKey,
    since: input.since && sinceMeta ? { db: input.since, meta: sinceMeta } : undefined,
    checkDeletions: input.checkDeletions,
    previous,
    anomalyThreshold: input.anomalyThreshold,
    restart: input.restart,
    signal: input.signal,
    onProgress: input.onProgress,
  });
}
