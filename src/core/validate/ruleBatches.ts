/**
 * A rule's query run over its driving table in ranges of rowids rather than in one statement: on a
 * million-row snapshot one statement holds the thread for seconds, a range of a few thousand rows
 * for tens of milliseconds. Between ranges the rule yields, where the engine may give the event
 * loop a turn. Rows come back in the order the single statement gave them (`ORDER BY` the same
 * keys, applied again across the ranges).
 *
 * A row costs very different time in different rules (an id look-up, or decompressing a record and
 * sorting its items), so ranges are sized by time: the engine times each step between two yields
 * (`BatchSizer.lastStepMs`) and the next range grows or shrinks toward `TARGET_MS`.
 */
import type { SqlValue } from '../snapshot/entities';
import type { SnapshotDb } from '../snapshot/snapshotDb';

/** The most rows in one batch. */
export const DEFAULT_BATCH_ROWS = 50_000;
/** A batch's time aimed at: well under the 100 ms goal, with room for a batch that costs more than the last. */
const TARGET_MS = 20;
/** Small: the first batch is not timed yet, and in some rules a row costs a decompressed record. */
const FIRST_BATCH_ROWS = 200;
const FEWEST_BATCH_ROWS = 50;

/** The size of a rule's next batch, from how long its last one took. */
export class BatchSizer {
  rows: number;
  /** Set by the engine: how long the rule ran between its last two yields (one batch's query). */
  lastStepMs = 0;

  constructor(readonly maxRows = DEFAULT_BATCH_ROWS) {
    this.rows = Math.min(maxRows, FIRST_BATCH_ROWS);
  }

  /** After a batch: the next one scaled toward TARGET_MS, at most doubled or halved at a time. */
  adjust(): void {
    const factor = this.lastStepMs > 0 ? Math.min(2, Math.max(0.5, TARGET_MS / this.lastStepMs)) : 2;
    this.rows = Math.min(this.maxRows, Math.max(FEWEST_BATCH_ROWS, Math.round(this.rows * factor)));
  }
}

/**
 * Inclusive rowid ranges covering `table` (a table or a format 2 view: both expose rowid), sized by
 * `sizer`. The caller runs one batch per range and then yields, so the engine times exactly that batch.
 */
export function* rowidRanges(db: SnapshotDb, table: string, sizer: BatchSizer): Generator<[number, number], void, void> {
  // Not min(rowid)/max(rowid): through a format 2 view SQLite scans every row for those (160 ms for
  // 120k orders), where ORDER BY rowid LIMIT 1 reads one end of the table.
  const end = (order: 'ASC' | 'DESC') => db.all<{ r: number }>(`SELECT rowid AS r FROM ${table} ORDER BY rowid ${order} LIMIT 1`)[0]?.r;
  const first = end('ASC');
  const last = end('DESC');
  if (first === undefined || last === undefined) return;
  for (let lo = first; lo <= last;) {
    const hi = Math.min(lo + Math.min(sizer.rows, sizer.maxRows) - 1, last);
    yield [lo, hi];
    sizer.adjust();
    lo = hi + 1;
  }
}

/**
 * `sql` over `table` batch by batch: its last two parameters must be the range, as in
 * `... AND o.rowid BETWEEN ? AND ?`; `params` are the ones before them. `order` sorts the rows of all
 * batches as the statement's ORDER BY sorted each (a stable sort: ties keep rowid order).
 */
export function* allInBatches<T>(
  db: SnapshotDb,
  table: string,
  sizer: BatchSizer,
  sql: string,
  params: SqlValue[],
  order: (a: T, b: T) => number,
): Generator<void, T[], void> {
  const rows: T[] = [];
  for (const [lo, hi] of rowidRanges(db, table, sizer)) {
    for (const row of db.all<T>(sql, [...params, lo, hi])) rows.push(row);
    yield;
  }
  return rows.sort(order);
}

/** SQLite's `CAST(x AS INTEGER)` of an id, for sorting as the rules' `ORDER BY CAST(id AS INTEGER)` does. */
export function integerOf(id: string | number | null): number {
  if (id === null) return 0;
  const leading = /^\s*[+-]?\d+/.exec(String(id));
  return leading ? Number(leading[0]) : 0;
}

/** Compares by the integer value of each key in turn (`ORDER BY CAST(a AS INTEGER), CAST(b AS INTEGER)`). */
export function byIntegerIds<T>(...keys: Array<(row: T) => string | number | null>): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const d = integerOf(key(a)) - integerOf(key(b));
      if (d) return d;
    }
    return 0;
  };
}

/**
 * Ranges of an indexed column's values, sized by `sizer` as rowid ranges are, for a query that groups by that
 * column (a group must not be split between batches, as a rowid range could split it): each range is
 * `(after, upTo]` in the index's order, `after` undefined for the first. NULLs are in no range.
 */
export function* keyRanges(
  db: SnapshotDb,
  table: string,
  column: string,
  sizer: BatchSizer,
): Generator<[SqlValue | undefined, SqlValue], void, void> {
  let after: SqlValue | undefined;
  for (;;) {
    const next = (where: string, params: SqlValue[], offset: number) =>
      db.all<{ k: SqlValue }>(`SELECT ${column} AS k FROM ${table} WHERE ${where} ORDER BY ${column} LIMIT 1 OFFSET ?`, [
        ...params,
        offset,
      ])[0];
    const where = after === undefined ? `${column} IS NOT NULL` : `${column} > ?`;
    const params = after === undefined ? [] : [after];
    // The batch ends at the row `batchRows` on, or at the column's last value.
    const end =
      next(where, params, Math.min(sizer.rows, sizer.maxRows) - 1) ??
      db.all<{ k: SqlValue }>(`SELECT max(${column}) AS k FROM ${table} WHERE ${where}`, params).find((r) => r.k !== null);
    if (!end) return;
    yield [after, end.k];
    sizer.adjust();
    after = end.k;
  }
}

/** `sql` for each key range: its last parameters are the range, as `${keyRangeSql('x.id', after)}`. */
export function keyRangeSql(column: string, after: SqlValue | undefined): string {
  return after === undefined ? `${column} IS NOT NULL AND ${column} <= ?` : `${column} > ? AND ${column} <= ?`;
}

/** The parameters `keyRangeSql` takes. */
export function keyRangeParams(after: SqlValue | undefined, upTo: SqlValue): SqlValue[] {
  return after === undefined ? [upTo] : [after, upTo];
}
