"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.prepareRows = prepareRows;
/**
 * A page of records as the rows they become: each record's id and indexed columns, and the child
 * rows it carries (an order's items). Computing them needs the parsed records, which only the
 * thread that read the page has; storing them needs none. So a capture prepares rows where it
 * parses and sends only these values, and the JSON text, to the thread that writes the snapshot.
 */
const entities_1 = require("./entities");
function prepareRows(entity, records) {
    const def = entities_1.ENTITY_DEFS[entity];
    const own = [];
    const children = (def.children ?? []).map((c) => ({ entity: c.entity, rows: [] }));
    records.forEach((r, index) => {
        const record = r;
        own.push([def.idOf(record), ...def.columns.map((c) => c.of(record))]);
        (def.children ?? []).forEach((child, c) => {
            const childDef = entities_1.ENTITY_DEFS[child.entity];
            child.of(record).forEach((row, slot) => {
                children[c].rows.push([index, slot, childDef.idOf(row, record), ...childDef.columns.map((col) => col.of(row, record))]);
            });
        });
    });
    return { own, children };
}
//# sourceMappingURL=preparedRows.js.map