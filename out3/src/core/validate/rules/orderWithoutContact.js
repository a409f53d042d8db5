"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.orderWithoutContact = void 0;
const ruleBatches_1 = require("../ruleBatches");
exports.orderWithoutContact = {
    id: 'order/orphan-contact',
    severity: 'error',
    title: 'Order whose contact is missing',
    explanation: 'Every Keap order belongs to a contact. An order whose contact no longer exists cannot be invoiced, reported on or credited ' +
        'to anyone, and a restore that re-creates the contact gives it a new id the order does not point to. Restore the contact from ' +
        'a snapshot with Keap Vault so that the order is re-linked through the id map.',
    *run({ db, batches }) {
        const rows = yield* (0, ruleBatches_1.allInBatches)(db, 'orders', batches, `SELECT o.id, o.contact_id FROM orders o LEFT JOIN contacts c ON c.id = o.contact_id WHERE c.id IS NULL AND o.rowid BETWEEN ? AND ?`, [], (0, ruleBatches_1.byIntegerIds)((r) => r.id));
        return rows.map((r) => ({
            entity: 'orders',
            recordId: r.id,
            message: r.contact_id
                ? `Order ${r.id} belongs to contact ${r.contact_id}, which is not in the account`
                : `Order ${r.id} has no contact`,
            related: r.contact_id ? [{ entity: 'contacts', id: r.contact_id }] : [],
        }));
    },
};
//# sourceMappingURL=orderWithoutContact.js.map