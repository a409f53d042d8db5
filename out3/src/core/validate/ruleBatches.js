"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BatchSizer = exports.DEFAULT_BATCH_ROWS = void 0;
exports.rowidRanges = rowidRanges;
exports.allInBatches = allInBatches;
exports.integerOf = integerOf;
exports.byIntegerIds = byIntegerIds;
exports.keyRanges = keyRanges;
exports.keyRangeSql = keyRangeSql;
exports.keyRangeParams = keyRangeParams;
/** The most rows in one batch. */
exports.DEFAULT_BATCH_ROWS = 50_000;
/** A batch's time aimed at: well under the 100 ms goal, with room for a batch that costs more than the last. */
const TARGET_MS = 20;
/** Small: the first batch is not timed yet, and in some rules a row costs a decompressed record. */
const FIRST_BATCH_ROWS = 200;
const FEWEST_BATCH_ROWS = 50;
/** The size of a rule's next batch, from how long its last one took. */
class BatchSizer {
    maxRows;
    rows;
    /** Set by the engine: how long the rule ran between its last two yields (one batch's query). */
    lastStepMs = 0;
    constructor(maxRows = exports.DEFAULT_BATCH_ROWS) {
        this.maxRows = maxRows;
        this.rows = Math.min(maxRows, FIRST_BATCH_ROWS);
    }
    /** After a batch: the next one scaled toward TARGET_MS, at most doubled or halved at a time. */
    adjust() {
        const factor = this.lastStepMs > 0 ? Math.min(2, Math.max(0.5, TARGET_MS / this.lastStepMs)) : 2;
        this.rows = Math.min(this.maxRows, Math.max(FEWEST_BATCH_ROWS, Math.round(this.rows * factor)));
    }
}
exports.BatchSizer = BatchSizer;
/**
 * Inclusive rowid ranges covering `table` (a table or a format 2 view: both expose rowid), sized by
 * `sizer`. The caller runs one batch per range and then yields, so the engine times exactly that batch.
 */
function* rowidRanges(db, table, sizer) {
    // Not min(rowid)/max(rowid): through a format 2 view SQLite scans every row for those (160 ms for
    // 120k orders), where ORDER BY rowid LIMIT 1 reads one end of the table.
    const end = (order) => db.all(`SELECT rowid AS r FROM ${table} ORDER BY rowid ${order} LIMIT 1`)[0]?.r;
    const first = end('ASC');
    const last = end('DESC');
    if (first === undefined || last === undefined)
        return;
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
function* allInBatches(db, table, sizer, sql, params, order) {
    const rows = [];
    for (const [lo, hi] of rowidRanges(db, table, sizer)) {
        for (const row of db.all(sql, [...params, lo, hi]))
            rows.push(row);
        yield;
    }
    return rows.sort(order);
}
/** SQLite's `CAST(x AS INTEGER)` of an id, for sorting as the rules' `ORDER BY CAST(id AS INTEGER)` does. */
function integerOf(id) {
    if (id === null)
        return 0;
    const leading = /^\s*[+-]?\d+/.exec(String(id));
    return leading ? Number(leading[0]) : 0;
}
/** Compares by the integer value of each key in turn (`ORDER BY CAST(a AS INTEGER), CAST(b AS INTEGER)`). */
function byIntegerIds(...keys) {
    return (a, b) => {
        for (const key of keys) {
            const d = integerOf(key(a)) - integerOf(key(b));
            if (d)
                return d;
        }
        return 0;
    };
}
/**
 * Ranges of an indexed column's values, sized by `sizer` as rowid ranges are, for a query that groups by that
 * column (a group must not be split between batches, as a rowid range could split it): each range is
 * `(after, upTo]` in the index's order, `after` undefined for the first. NULLs are in no range.
 */
function* keyRanges(db, table, column, sizer) {
    let after;
    for (;;) {
        const next = (where, params, offset) => db.all(`SELECT ${column} AS k FROM ${table} WHERE ${where} ORDER BY ${column} LIMIT 1 OFFSET ?`, [
            ...params,
            offset,
        ])[0];
        const where = after === undefined ? `${column} IS NOT NULL` : `${column} > ?`;
        const params = after === undefined ? [] : [after];
        // The batch ends at the row `batchRows` on, or at the column's last value.
        const end = next(where, params, Math.min(sizer.rows, sizer.maxRows) - 1) ??
            db.all(`SELECT max(${column}) AS k FROM ${table} WHERE ${where}`, params).find((r) => r.k !== null);
        if (!end)
            return;
        yield [after, end.k];
        sizer.adjust();
        after = end.k;
    }
}
/** `sql` for each key range: its last parameters are the range, as `${keyRangeSql('x.id', after)}`. */
function keyRangeSql(column, after) {
    return after === undefined ? `${column} IS NOT NULL AND ${column} <= ?` : `${column} > ? AND ${column} <= ?`;
}
/** The parameters `keyRangeSql` takes. */
function keyRangeParams(after, upTo) {
    return after === undefined ? [upTo] : [after, upTo];
}
//# sourceMappingURL=ruleBatches.js.map