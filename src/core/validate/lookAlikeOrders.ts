/**
 * The orders that could be one of a look-alike pair (orderPairs.ts): those sharing their contact and
 * their total with another order. A pair needs both, and in a real account few orders share
 * them, so `order/likely-duplicate` builds its items signatures (a look-up of the order's items
 * each) and reads restore markers (the order's JSON) for these alone instead of for every order.
 *
 * Found in one pass over the contact index, in key ranges of it (a batch at a time), grouping each
 * range's orders by contact and total.
 */
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { keyRangeParams, keyRangeSql, keyRanges, type BatchSizer } from './ruleBatches';

/** The candidates' rowids in `orders`, in rowid order. */
export const LOOK_ALIKE_ROWS = 'temp.look_alike_order_row';
/** The candidates' ids, each once (an id two rows share brings both rows' markers, as for every order). */
export const LOOK_ALIKE_IDS = 'temp.look_alike_order_id';

/**
 * Runs `run` with LOOK_ALIKE_ROWS and LOOK_ALIKE_IDS filled; drops them after, also when `run`
 * throws or the caller stops the generator.
 */
export function* withLookAlikeOrders<T>(
  db: SnapshotDb,
  batches: BatchSizer,
  run: () => Generator<void, T, void>,
): Generator<void, T, void> {
  dropTables(db);
  db.db.run(`CREATE TEMP TABLE ${LOOK_ALIKE_ROWS.slice('temp.'.length)} (rid INTEGER PRIMARY KEY)`);
  db.db.run(`CREATE TEMP TABLE ${LOOK_ALIKE_IDS.slice('temp.'.length)} (id TEXT PRIMARY KEY)`);
  try {
    for (const [after, upTo] of keyRanges(db, 'orders', 'contact_id', batches)) {
      // The groups of two or more orders sharing contact and total, then the orders of those groups:
      // grouping equates values as the pairing's `=` does, so no pair it would make is left out. A
      // look-up of each order's contact's other orders (an EXISTS per order) cost twice this.
      // Few rows come back: carrying every order's key over to JS cost twice this query.
      const found = db.all<{ rid: number; id: string }>(
        `SELECT o.rowid AS rid, o.id
         FROM (SELECT contact_id, total_cents FROM orders
               WHERE ${keyRangeSql('contact_id', after)} AND total_cents IS NOT NULL
               GROUP BY contact_id, total_cents HAVING COUNT(*) > 1) d
           JOIN orders o ON o.contact_id = d.contact_id AND o.total_cents = d.total_cents`,
        keyRangeParams(after, upTo),
      );
      if (found.length) {
        db.db.run(`INSERT INTO ${LOOK_ALIKE_ROWS} SELECT value FROM json_each(?)`, [JSON.stringify(found.map((r) => r.rid))]);
        db.db.run(`INSERT OR IGNORE INTO ${LOOK_ALIKE_IDS} SELECT value FROM json_each(?)`, [JSON.stringify(found.map((r) => r.id))]);
      }
      yield;
    }
    return yield* run();
  } finally {
    dropTables(db);
  }
}

function dropTables(db: SnapshotDb): void {
  db.db.run(`DROP TABLE IF EXISTS ${LOOK_ALIKE_ROWS}`);
  db.db.run(`DROP TABLE IF EXISTS ${LOOK_ALIKE_IDS}`);
}
