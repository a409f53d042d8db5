/**
 * Reading the two sides of a diff: each table as a cursor in id order, merge-joined so that memory
 * is bounded by the ids reported, never by the records.
 */
import type { SnapshotEntity } from './entities';
import { compareIds } from './idOrder';
import type { UnmatchedIds } from './restoreMatch';
import type { SnapshotDb } from './snapshotDb';

export interface Row {
  id: string;
  json: string;
}

/** The merge-join of two id-ordered cursors: each row of A and of B goes to exactly one callback. */
export function mergeById(
  ca: IdCursor,
  cb: IdCursor,
  on: { removed(x: Row): void; added(y: Row): void; both(x: Row, y: Row): void },
): void {
  let x = ca.next();
  let y = cb.next();
  while (x || y) {
    const order = !x ? 1 : !y ? -1 : compareIds(x.id, y.id);
    if (order < 0) {
      on.removed(x!);
      x = ca.next();
    } else if (order > 0) {
      on.added(y!);
      y = cb.next();
    } else {
      on.both(x!, y!);
      x = ca.next();
      y = cb.next();
    }
  }
}

/** Added and removed ids of an entity not being compared, for restore pairing; the JSON is not read. */
export function unmatchedIds(a: SnapshotDb, b: SnapshotDb, entity: SnapshotEntity): UnmatchedIds {
  const out = { added: [] as string[], removed: [] as string[] };
  const ca = new IdCursor(a, entity, false);
  const cb = new IdCursor(b, entity, false);
  try {
    mergeById(ca, cb, { removed: (x) => out.removed.push(x.id), added: (y) => out.added.push(y.id), both: () => undefined });
  } finally {
    ca.close();
    cb.close();
  }
  return out;
}

/** Rows of one table in id order (then stored order for duplicate ids), one at a time. */
export class IdCursor {
  seen = 0;
  private readonly rows: Generator<Row>;
  private done = false;

  constructor(db: SnapshotDb, entity: SnapshotEntity, withJson = true) {
    // `entity` is checked against SNAPSHOT_ENTITIES by the caller; the (id) index yields this order.
    this.rows = db.rows(entity, { order: 'id', json: withJson });
  }

  next(): Row | undefined {
    if (this.done) return undefined;
    const row = this.rows.next();
    if (row.done) {
      this.done = true;
      return undefined;
    }
    this.seen++;
    return { id: row.value.id, json: row.value.json };
  }

  close(): void {
    this.rows.return(undefined);
  }
}
