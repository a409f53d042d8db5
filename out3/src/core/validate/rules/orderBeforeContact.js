"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.orderBeforeContact = void 0;
const restoreMarkers_1 = require("../restoreMarkers");
const ruleBatches_1 = require("../ruleBatches");
exports.orderBeforeContact = {
    id: 'order/before-contact',
    severity: 'warning',
    title: 'Order dated before its contact existed',
    explanation: 'A contact cannot buy before it exists. This pattern appears when an order was moved to another contact, or when contacts ' +
        'were re-created by an import (new contact, old order dates). Check whether the order belongs to an earlier contact that was lost. ' +
        'Contacts re-created by a Keap Vault restore (they carry its marker) are not reported: Keap dates them the day of the restore ' +
        'while their restored orders rightly keep their original dates.',
    *run({ db, batches }) {
        return yield* (0, restoreMarkers_1.withRestoreMarkers)(db, ['contacts'], batches, function* () {
            const rows = yield* (0, ruleBatches_1.allInBatches)(db, 'orders', batches, `SELECT o.id, o.order_time, o.contact_id, c.create_time FROM orders o JOIN contacts c ON c.id = o.contact_id
         WHERE c.create_time IS NOT NULL AND o.order_time < c.create_time
           AND NOT EXISTS (SELECT 1 FROM temp.restore_marker m WHERE m.entity = 'contacts' AND m.id = c.id)
           AND o.rowid BETWEEN ? AND ?`, [], (0, ruleBatches_1.byIntegerIds)((r) => r.id));
            return rows.map((r) => ({
                entity: 'orders',
                recordId: r.id,
                message: `Order ${r.id} is dated ${r.order_time}, before its contact ${r.contact_id} was created (${r.create_time})`,
                related: [{ entity: 'contacts', id: r.contact_id }],
            }));
        });
    },
};
//# sourceMappingURL=orderBeforeContact.js.map