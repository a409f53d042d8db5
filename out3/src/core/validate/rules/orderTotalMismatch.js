"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.orderTotalMismatch = void 0;
const money_1 = require("../../money");
const ruleBatches_1 = require("../ruleBatches");
exports.orderTotalMismatch = {
    id: 'order/total-mismatch',
    severity: 'error',
    title: 'Order total differs from the sum of its items',
    explanation: "Keap computes an order's total from its items. A total that differs from quantity × price summed over the items means " +
        'items were lost or changed after the fact (or the data was edited outside Keap), and invoices, payments and reports disagree. ' +
        'Compare the order with a snapshot from before the change and restore its items.',
    *run({ db, settings, batches }) {
        const rows = yield* (0, ruleBatches_1.allInBatches)(db, 'orders', batches, `SELECT o.id, o.total_cents, COALESCE((SELECT SUM(i.quantity * i.price_cents) FROM order_items i WHERE i.order_id = o.id), 0) AS items_cents
       FROM orders o WHERE o.total_cents IS NOT NULL AND abs(o.total_cents - items_cents) > ? AND o.rowid BETWEEN ? AND ?`, [settings.roundingToleranceCents], (0, ruleBatches_1.byIntegerIds)((r) => r.id));
        return rows.map((r) => ({
            entity: 'orders',
            recordId: r.id,
            message: `Order ${r.id} totals ${(0, money_1.formatCents)(r.total_cents)} but its items add up to ${(0, money_1.formatCents)(r.items_cents)}`,
            related: [],
        }));
    },
};
//# sourceMappingURL=orderTotalMismatch.js.map