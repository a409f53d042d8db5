"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdCursor = void 0;
exports.mergeById = mergeById;
exports.unmatchedIds = unmatchedIds;
const idOrder_1 = require("./idOrder");
/** The merge-join of two id-ordered cursors: each row of A and of B goes to exactly one callback. */
function mergeById(ca, cb, on) {
    let x = ca.next();
    let y = cb.next();
    while (x || y) {
        const order = !x ? 1 : !y ? -1 : (0, idOrder_1.compareIds)(x.id, y.id);
        if (order < 0) {
            on.removed(x);
            x = ca.next();
        }
        else if (order > 0) {
            on.added(y);
            y = cb.next();
        }
        else {
            on.both(x, y);
            x = ca.next();
            y = cb.next();
        }
    }
}
/** Added and removed ids of an entity not being compared, for restore pairing; the JSON is not read. */
function unmatchedIds(a, b, entity) {
    const out = { added: [], removed: [] };
    const ca = new IdCursor(a, entity, false);
    const cb = new IdCursor(b, entity, false);
    try {
        mergeById(ca, cb, { removed: (x) => out.removed.push(x.id), added: (y) => out.added.push(y.id), both: () => undefined });
    }
    finally {
        ca.close();
        cb.close();
    }
    return out;
}
/** Rows of one table in id order (then stored order for duplicate ids), one at a time. */
class IdCursor {
    seen = 0;
    rows;
    done = false;
    constructor(db, entity, withJson = true) {
        // `entity` is checked against SNAPSHOT_ENTITIES by the caller; the (id) index yields this order.
        this.rows = db.rows(entity, { order: 'id', json: withJson });
    }
    next() {
        if (this.done)
            return undefined;
        const row = this.rows.next();
        if (row.done) {
            this.done = true;
            return undefined;
        }
        this.seen++;
        return { id: row.value.id, json: row.value.json };
    }
    close() {
        this.rows.return(undefined);
    }
}
exports.IdCursor = IdCursor;
//# sourceMappingURL=diffMerge.js.map