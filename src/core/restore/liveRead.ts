/**
 * The live account read fresh, as a snapshot in memory: what planning compares against, what
 * apply checks for staleness and what verification re-reads. It costs what a capture costs
 * (about ceil(N/1000) requests per entity), small beside the writes of a restore.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KeapClient } from '../keap/client';
import { captureSnapshot, type CaptureProgress } from '../snapshot/capture';
import { SnapshotDb } from '../snapshot/snapshotDb';

export async function readLiveAccount(
  client: KeapClient,
  options: { signal?: AbortSignal; onProgress?: (p: CaptureProgress) => void } = {},
): Promise<{ db: SnapshotDb; readAt: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'keap-vault-live-'));
  try {
    const readAt = new Date().toISOString();
    const out = path.join(dir, 'live.kvsnap');
    await captureSnapshot({ client, out, signal: options.signal, onProgress: options.onProgress });
    return { db: await SnapshotDb.open(out), readAt };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
