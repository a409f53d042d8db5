/**
 * A rule's query run over its driving table in ranges of rowids rather than in one statement: on a
 * million-row snapshot one statement holds the thread for seconds, a range of `batchRows` rows for
 * tens of milliseconds. Between ranges the generator yields, where the engine may give the event
 * loop a turn. Rows come back in the order the single statement gave them (`ORDER BY` the same
 * keys, applied again across the ranges).
 */
import type { SqlValue } from '../snapshot/entities';
import type { SnapshotDb } from '../snapshot/snapshotDb';

/** About 20-40 ms of a rule's SQL per batch on this 2-core machine (measured with bench/responsiveness). */
export const DEFAULT_BATCH_ROWS = 20_000;

/** Inclusive rowid ranges covering `table` (a table or a format 2 view: both expose rowid), `batchRows` rowids each. */
export function* rowidRanges(db: SnapshotDb, table: string, batchRows: number): Generator<[number, number], void, void> {
  const bounds = db.all<{ lo: number | null; hi: number | null }>(`SELECT min(rowid) AS lo, max(rowid) AS hi FROM ${table}`)[0];
  if (bounds?.lo == null || bounds.hi == null) return;
  for (let lo = bounds.lo; lo <= bounds.hi; lo += batchRows) yield [lo, Math.min(lo + batchRows - 1, bounds.hi)];
}

/**
 * `sql` over `table` batch by batch: its last two parameters must be the range, as in
 * `... AND o.rowid BETWEEN ? AND ?`; `params` are the ones before them. `order` sorts the rows of all
 * batches as the statement's ORDER BY sorted each (a stable sort: ties keep rowid order).
 */
export function* allInBatches<T>(
  db: SnapshotDb,
  table: string,
  batchRows: number,
  sql: string,
  params: SqlValue[],
  order: (a: T, b: T) => number,
): Generator<void, T[], void> {
  const rows: T[] = [];
  for (const [lo, hi] of rowidRanges(db, table, batchRows)) {
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
 * Ranges of an indexed column's values, about `batchRows` rows each, for a query that groups by that
 * column (a group must not be split between batches, as a rowid range could split it): each range is
 * `(after, upTo]` in the index's order, `after` undefined for the first. NULLs are in no range.
 */
export function* keyRanges(
  db: SnapshotDb,
  table: string,
  column: string,
  batchRows: number,
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
      next(where, params, batchRows - 1) ??
      db.all<{ k: SqlValue }>(`SELECT max(${column}) AS k FROM ${table} WHERE ${where}`, params).find((r) => r.k !== null);
    if (!end) return;
    yield [after, end.k];
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
