/**
 * "live" as a snapshot: the account captured now into a temporary file, opened, and the file
 * removed (the open snapshot lives in memory). Used by `diff A live`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureSnapshot } from '../core/snapshot/capture';
import { SnapshotDb } from '../core/snapshot/snapshotDb';
import { clientFromFlags, type ConnectionFlags } from './connection';
import { captureProgressPrinter } from './progress';
import type { Io } from './output';

export async function captureLiveSnapshot(flags: ConnectionFlags, io: Io): Promise<SnapshotDb> {
  const client = clientFromFlags(flags);
  const dir = await mkdtemp(path.join(tmpdir(), 'keap-vault-live-'));
  const progress = captureProgressPrinter(io);
  try {
    const out = path.join(dir, 'live.kvsnap');
    await captureSnapshot({ client, out, onProgress: (p) => progress.update(p) });
    return await SnapshotDb.open(out);
  } finally {
    progress.end();
    await rm(dir, { recursive: true, force: true });
  }
}
