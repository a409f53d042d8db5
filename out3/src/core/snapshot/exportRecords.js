"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordsOf = recordsOf;
const schema_1 = require("./schema");
/** Each record's JSON, one at a time from the snapshot's cursor. */
function* recordsOf(db, entity) {
    const child = schema_1.CHILD_OF[entity];
    if (!child) {
        for (const row of db.rows(entity))
            yield row.json;
        return;
    }
    // Derived rows' JSON does not name their parent: add its id from the indexed column.
    const { parentColumn } = child;
    for (const row of db.rows(entity, { also: parentColumn }))
        yield JSON.stringify({ [parentColumn]: row.also, ...JSON.parse(row.json) });
}
//# sourceMappingURL=exportRecords.js.map