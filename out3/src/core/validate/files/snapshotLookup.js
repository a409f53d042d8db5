"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SnapshotLookup = void 0;
const detachedText_1 = require("./detachedText");
/** The tables and columns file rules look up; nothing else reaches the SQL text. */
const COLUMNS = {
    contacts: ['id'],
    products: ['id', 'sku'],
    orders: ['id'],
    tags: ['id'],
};
/** SQLite's default limit on bound parameters is 999 in older builds; stay well under it. */
const BATCH = 500;
class SnapshotLookup {
    db;
    known = new Map();
    constructor(db) {
        this.db = db;
    }
    /**
     * The ids among `ids` that the table holds. `remember: false` for ids asked about once (a file's
     * own record ids): remembering them would make memory grow with the file, not with its references.
     */
    existingIds(table, ids, options = {}) {
        return this.existing(table, 'id', ids, options.remember ?? true);
    }
    /** The SKUs among `skus` some product has. */
    existingSkus(skus) {
        return this.existing('products', 'sku', skus, true);
    }
    existing(table, column, values, remember) {
        // invariant: `column` is typed LookupColumn<T>; only a cast in a caller could name another one.
        if (!COLUMNS[table].includes(column))
            throw new Error(`No lookup of ${table}.${column}`);
        const key = `${table}.${column}`;
        const known = (remember && this.known.get(key)) || new Map();
        if (remember)
            this.known.set(key, known);
        const wanted = [...new Set(values)];
        const unknown = wanted.filter((v) => !known.has(v));
        for (let i = 0; i < unknown.length; i += BATCH) {
            const batch = unknown.slice(i, i + BATCH);
            for (const v of batch)
                known.set(remember ? (0, detachedText_1.detachedText)(v) : v, false);
            const rows = this.db.all(`SELECT DISTINCT ${column} AS v FROM ${table} WHERE ${column} IN (${batch.map(() => '?').join(', ')})`, batch);
            for (const row of rows)
                known.set(String(row.v), true);
        }
        return new Set(wanted.filter((v) => known.get(v)));
    }
}
exports.SnapshotLookup = SnapshotLookup;
//# sourceMappingURL=snapshotLookup.js.map