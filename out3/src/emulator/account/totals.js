"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.countsAsPaid = countsAsPaid;
exports.orderTotals = orderTotals;
/** Refunded, voided and failed payments do not count towards what an order has been paid. */
function countsAsPaid(status) {
    return status === 'MANUAL_PAID' || status === 'PAYPAL_PAID' || status === 'APPROVED';
}
function orderTotals(account, order) {
    const itemsTotal = order.items.reduce((sum, i) => sum + i.quantity * i.price_cents, 0);
    const total = order.total_override_cents ?? itemsTotal;
    const paid = account
        .paymentsOf(order.id)
        .filter((p) => countsAsPaid(p.pay_status))
        .reduce((sum, p) => sum + p.amount_cents, 0);
    const due = total - paid;
    const derived = paid > 0 && due <= 0 ? 'PAID' : order.sent_time ? 'SENT' : 'DRAFT';
    return { total, paid, due, status: order.status_override ?? derived };
}
//# sourceMappingURL=totals.js.map