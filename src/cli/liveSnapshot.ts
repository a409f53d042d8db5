/**
 * "live" as a snapshot for the CLI: the account read now (see core/restore/liveRead), with capture
 * progress on the terminal. Used by `diff A live`.
 */
import { readLiveAccount } from '../core/restore/liveRead';
import type { SnapshotDb } from '../core/snapshot/snapshotDb';
import { clientFromFlags, type ConnectionFlags } from './connection';
import { captureProgressPrinter } from './progress';
import type { Io } from './output';

export async function captureLiveSnapshot(flags: ConnectionFlags, io: Io): Promise<SnapshotDb> {
  const progress = captureProgressPrinter(io);
  try {
    return (await readLiveAccount(clientFromFlags(flags), { onProgress: (p) => progress.update(p) })).db;
  } finally {
    progress.end();
  }
}
