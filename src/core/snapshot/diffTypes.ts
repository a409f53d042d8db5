/** The shape of a diff's result (see diff.ts for the rules a reader of it should know). */
import type { SnapshotEntity } from './entities';

export interface FieldChange {
  /** e.g. `total.amount`, `order_items[1].quantity`, `email_addresses[0].email`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface RecordChange {
  /** The record's id in A. */
  id: string;
  /** Set when B holds the record restored under a new id: its id in B. */
  newId?: string;
  changes: FieldChange[];
}

/** A record of A that B holds restored under a new id. */
export interface RestoredRecord {
  oldId: string;
  newId: string;
}

export interface EntityDiff {
  entity: SnapshotEntity;
  /** Rows in A and in B. */
  before: number;
  after: number;
  /** Ids only in B / only in A, in natural id order (see compareIdsNaturally). */
  added: string[];
  removed: string[];
  /**
   * Records in both whose fields differ, in natural id order; at most `maxChangedRecords`, and then
   * the first ones in the merge's string order (`"10"` before `"9"`), as the cap is applied while
   * merging so that memory stays bounded.
   */
  changed: RecordChange[];
  /** Exact number of changed records, however many `changed` lists. */
  changedCount: number;
  unchanged: number;
  /**
   * Records only in A whose restore under a new id is in B and matches it, in natural order of
   * `oldId`: neither removed nor added, and not a difference.
   */
  restored: RestoredRecord[];
  /** Every record restored under a new id: `restored` plus the changed records with a `newId`. */
  restoredCount: number;
  /** Ids only in B of the custom fields a restore added to carry its markers: bookkeeping, not added. */
  markerFields: string[];
}

export interface SnapshotSide {
  snapshotId?: string;
  finishedAt?: string;
}

export interface SnapshotDiff {
  a: SnapshotSide;
  b: SnapshotSide;
  entities: EntityDiff[];
  totals: { added: number; removed: number; changed: number };
  /** Records restored under new ids, all entities (the sum of `restoredCount`); not differences. */
  restored: number;
}
