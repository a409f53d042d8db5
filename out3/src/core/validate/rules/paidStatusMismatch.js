"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.paidStatusMismatch = void 0;
const money_1 = require("../../money");
exports.paidStatusMismatch = {
    id: 'order/paid-status-mismatch',
    severity: 'warning',
    title: 'Order status disagrees with what was paid',
    explanation: 'An order marked PAID should owe nothing, and an order whose total has been paid should be PAID. A mismatch means payments ' +
        "were removed or added behind Keap's back, or the status was edited; dunning, fulfilment and revenue reports will act on the " +
        "wrong state. Check the order's payments against a snapshot.",
    run({ db, settings }) {
        const tol = settings.roundingToleranceCents;
        return db
            .all(`SELECT id, status, total_cents, COALESCE(paid_cents, 0) AS paid_cents, COALESCE(due_cents, total_cents - COALESCE(paid_cents, 0)) AS due_cents FROM orders
       WHERE (status = 'PAID' AND COALESCE(due_cents, total_cents - COALESCE(paid_cents, 0)) > ?)
          OR (status <> 'PAID' AND total_cents > 0 AND COALESCE(paid_cents, 0) >= total_cents - ?)
       ORDER BY CAST(id AS INTEGER)`, [tol, tol])
            .map((r) => ({
            entity: 'orders',
            recordId: r.id,
            message: r.status === 'PAID'
                ? `Order ${r.id} is marked PAID but ${(0, money_1.formatCents)(r.due_cents)} is still due`
                : `Order ${r.id} is fully paid (${(0, money_1.formatCents)(r.paid_cents)} of ${(0, money_1.formatCents)(r.total_cents)}) but marked ${r.status}`,
            related: [],
        }));
    },
};
//# sourceMappingURL=paidStatusMismatch.js.map