"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.duplicateIds = void 0;
const entities_1 = require("../../entities");
const ruleBatches_1 = require("../ruleBatches");
exports.duplicateIds = {
    id: 'entity/duplicate-id',
    severity: 'error',
    title: 'The same id appears more than once',
    explanation: 'Keap ids identify exactly one record; an order id that appears twice means two different orders claim the same Order ID, ' +
        'so payments, invoices and integrations that key on it can land on the wrong one. This usually comes from merging exports or ' +
        're-importing data. Keep the record Keap holds under that id and re-create the other through a restore, which gives it a new id.',
    *run({ db, batches }) {
        const findings = [];
        for (const entity of entities_1.UNIQUE_ID_ENTITIES) {
            // By ranges of the id index, in its order: a group never spans two ranges, and the ranges follow `ORDER BY id`.
            for (const [after, upTo] of (0, ruleBatches_1.keyRanges)(db, entity, 'id', batches)) {
                const rows = db.all(`SELECT id, COUNT(*) AS n FROM ${entity} WHERE ${(0, ruleBatches_1.keyRangeSql)('id', after)} GROUP BY id HAVING COUNT(*) > 1 ORDER BY id`, (0, ruleBatches_1.keyRangeParams)(after, upTo));
                for (const r of rows)
                    findings.push({ entity, recordId: r.id, message: `${entity} id ${r.id} appears ${r.n} times`, related: [] });
                yield;
            }
        }
        return findings;
    },
};
//# sourceMappingURL=duplicateIds.js.map