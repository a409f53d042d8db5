/** The messages between a capture and the thread that writes its snapshot (snapshotWriter.ts). */
import type { SnapshotEntity } from './entities';
import type { PreparedRows } from './preparedRows';
import type { SavedMeta, SnapshotMeta } from './snapshotDb';

export type WriterRequest =
  | { id: number; type: 'insert'; entity: SnapshotEntity; rows: PreparedRows; jsons: string[] }
  /** Every record of the entity is in: its indexes can be built now. */
  | { id: number; type: 'index'; entity: SnapshotEntity }
  /** Last: records the metadata, exports the image and closes the database; `hash`: with the image's SHA-256. */
  | { id: number; type: 'finish'; meta: SavedMeta; hash?: boolean }
  /**
   * Ends the thread after what was asked before it, the database (if not finished) with it: the
   * thread leaves on its own, between two requests, instead of being terminated mid-call (see close()).
   */
  | { id: number; type: 'close' };

export type WriterReply =
  | { id: number; ok: true; image?: Uint8Array; meta?: Omit<SnapshotMeta, 'checksum'>; sha256?: string }
  | { id: number; ok: false; error: string };
