"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOOK_ALIKE_IDS = exports.LOOK_ALIKE_ROWS = void 0;
exports.withLookAlikeOrders = withLookAlikeOrders;
const ruleBatches_1 = require("./ruleBatches");
/** The candidates' rowids in `orders`, in rowid order. */
exports.LOOK_ALIKE_ROWS = 'temp.look_alike_order_row';
/** The candidates' ids, each once (an id two rows share brings both rows' markers, as for every order). */
exports.LOOK_ALIKE_IDS = 'temp.look_alike_order_id';
/**
 * Runs `run` with LOOK_ALIKE_ROWS and LOOK_ALIKE_IDS filled; drops them after, also when `run`
 * throws or the caller stops the generator.
 */
function* withLookAlikeOrders(db, batches, run) {
    dropTables(db);
    db.db.run(`CREATE TEMP TABLE ${exports.LOOK_ALIKE_ROWS.slice('temp.'.length)} (rid INTEGER PRIMARY KEY)`);
    db.db.run(`CREATE TEMP TABLE ${exports.LOOK_ALIKE_IDS.slice('temp.'.length)} (id TEXT PRIMARY KEY)`);
    try {
        for (const [after, upTo] of (0, ruleBatches_1.keyRanges)(db, 'orders', 'contact_id', batches)) {
            // The same `=` as the pairing's join, so no pair it would make is left out. Few rows come back:
            // carrying every order's key over to JS cost twice this query.
            const found = db.all(`SELECT o.rowid AS rid, o.id FROM orders o
         WHERE ${(0, ruleBatches_1.keyRangeSql)('o.contact_id', after)} AND o.total_cents IS NOT NULL
           AND EXISTS (SELECT 1 FROM orders b WHERE b.contact_id = o.contact_id AND b.total_cents = o.total_cents AND b.rowid <> o.rowid)`, (0, ruleBatches_1.keyRangeParams)(after, upTo));
            if (found.length) {
                db.db.run(`INSERT INTO ${exports.LOOK_ALIKE_ROWS} SELECT value FROM json_each(?)`, [JSON.stringify(found.map((r) => r.rid))]);
                db.db.run(`INSERT OR IGNORE INTO ${exports.LOOK_ALIKE_IDS} SELECT value FROM json_each(?)`, [JSON.stringify(found.map((r) => r.id))]);
            }
            yield;
        }
        return yield* run();
    }
    finally {
        dropTables(db);
    }
}
function dropTables(db) {
    db.db.run(`DROP TABLE IF EXISTS ${exports.LOOK_ALIKE_ROWS}`);
    db.db.run(`DROP TABLE IF EXISTS ${exports.LOOK_ALIKE_IDS}`);
}
//# sourceMappingURL=lookAlikeOrders.js.map