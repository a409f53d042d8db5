"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.paymentWithoutOrder = void 0;
const ruleBatches_1 = require("../ruleBatches");
exports.paymentWithoutOrder = {
    id: 'payment/orphan-order',
    severity: 'error',
    title: 'Payment or transaction pointing at a missing order',
    explanation: "A payment is money received against an order's invoice. A payment whose order is gone is money accounting cannot place; " +
        "Keap cannot delete payments, so it will stay. Restore the order so that the payment's history makes sense again, and check " +
        'that the restored order is not paid a second time.',
    *run({ db, batches }) {
        const rows = function* (entity) {
            const found = yield* (0, ruleBatches_1.allInBatches)(db, entity, batches, `SELECT x.id, x.order_id FROM ${entity} x LEFT JOIN orders o ON o.id = x.order_id
       WHERE x.order_id IS NOT NULL AND o.id IS NULL AND x.rowid BETWEEN ? AND ? ORDER BY x.rowid`, [], 
            // In rowid order already: batches follow each other by rowid.
            () => 0);
            return found.map((r) => ({
                entity,
                recordId: r.id,
                message: `${entity === 'payments' ? 'Payment' : 'Transaction'} ${r.id} is for order ${r.order_id}, which is not in the account`,
                related: [{ entity: 'orders', id: r.order_id }],
            }));
        };
        return [...(yield* rows('payments')), ...(yield* rows('transactions'))];
    },
};
//# sourceMappingURL=paymentWithoutOrder.js.map