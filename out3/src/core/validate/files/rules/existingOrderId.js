"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.existingOrderId = void 0;
const fileRule_1 = require("../fileRule");
exports.existingOrderId = {
    id: 'file/existing-order-id',
    severity: 'warning',
    title: 'Order whose id the account already has',
    explanation: "Keap assigns an order's id itself when the order is created and ignores any id an import sends, so importing this record does " +
        'not update the existing order: it creates a second order for the same sale under a new Order ID, which can be invoiced and paid ' +
        'twice, while payments and integrations that use the id in the file still point at the existing order. If the record changes the ' +
        'existing order, update that order instead of importing it; if it is a new order, remove its id; to bring back a deleted order, ' +
        'restore it with Keap Vault, which maps the old id to the new one.',
    start: ({ snapshot }) => ({
        check(records) {
            const orders = records.filter((r) => r.entity === 'orders' && r.id !== undefined);
            // Each order id is asked about once (a repeat is file/duplicate-id's), so nothing is remembered.
            const existing = snapshot.existingIds('orders', orders.map((r) => r.id), { remember: false });
            return orders
                .filter((r) => existing.has(r.id))
                .map((record) => (0, fileRule_1.findingAt)(record, 'id', `${(0, fileRule_1.describeRecord)(record)} already exists in the snapshot; importing it creates a second order with a new id instead of updating this one`, [{ entity: 'orders', id: record.id }]));
        },
    }),
};
//# sourceMappingURL=existingOrderId.js.map