"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.orderOverpaid = void 0;
const money_1 = require("../../money");
const ruleBatches_1 = require("../ruleBatches");
exports.orderOverpaid = {
    id: 'order/overpaid',
    severity: 'error',
    title: 'Payments exceed the order total',
    explanation: "Keap never lets a payment exceed an order's balance, so more paid than owed means payments were recorded twice or landed on " +
        'the wrong order (a classic result of re-importing payments). Keap cannot delete payments through its API: find the duplicate ' +
        "and refund or reassign it in Keap's web app.",
    *run({ db, settings, batches }) {
        // Per order, its payments summed in a look-up of the order_id index; their ids only for the few
        // orders found (a join grouped by order cost a quarter more). An order id two rows share gets
        // every payment of that id in each, as the join gave.
        const rows = yield* (0, ruleBatches_1.allInBatches)(db, 'orders', batches, `SELECT id, total_cents, paid_cents, payments_cents, (SELECT group_concat(p.id) FROM payments p WHERE p.order_id = s.id) AS payment_ids
       FROM (SELECT o.id, o.total_cents, o.paid_cents, (SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p WHERE p.order_id = o.id) AS payments_cents
             FROM orders o WHERE o.rowid BETWEEN ?2 AND ?3) s
       WHERE max(COALESCE(paid_cents, 0), payments_cents) > total_cents + ?1`, [settings.roundingToleranceCents], (0, ruleBatches_1.byIntegerIds)((r) => r.id));
        return rows.map((r) => ({
            entity: 'orders',
            recordId: r.id,
            message: `Order ${r.id} totals ${(0, money_1.formatCents)(r.total_cents)} but ${(0, money_1.formatCents)(Math.max(r.paid_cents ?? 0, r.payments_cents))} was paid`,
            related: (r.payment_ids?.split(',') ?? []).map((id) => ({ entity: 'payments', id })),
        }));
    },
};
//# sourceMappingURL=orderOverpaid.js.map