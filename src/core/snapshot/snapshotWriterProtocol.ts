/** The messages between a capture and the thread that writes its snapshot (snapshotWriter.ts). */
import type { SnapshotEntity } from './entities';
import type { PreparedRows } from './preparedRows';
import type { SavedMeta, SnapshotMeta } from './snapshotDb';
import type { WorkingFileHandle } from './workingFile';

/** Given to the thread as it starts: the working file it builds the database in. */
export interface WriterData {
  working: WorkingFileHandle;
}

export type WriterRequest =
  | { id: number; type: 'insert'; entity: SnapshotEntity; rows: PreparedRows; jsons: string[] }
  /** Every record of the entity is in: its indexes can be built now. */
  | { id: number; type: 'index'; entity: SnapshotEntity }
  /** Last: records the metadata and closes the database, which is left in the working file; `hash`: with its SHA-256. */
  | { id: number; type: 'finish'; meta: SavedMeta; hash?: boolean }
  /**
   * Ends the thread after what was asked before it, the database (if not finished) with it: the
   * thread leaves on its own, between two requests, instead of being terminated mid-call (see close()).
   */
  | { id: number; type: 'close' };

export type WriterReply =
  /** `bytes`: the finished database's length, from the start of the working file. */
  | { id: number; ok: true; bytes?: number; meta?: Omit<SnapshotMeta, 'checksum'>; sha256?: string }
  | { id: number; ok: false; error: string };
