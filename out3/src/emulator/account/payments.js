"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordPayment = recordPayment;
/** Manual payments against an order: Keap's rules for recording one, and which payments count as paid. */
const apiError_1 = require("../apiError");
const orders_1 = require("./orders");
const totals_1 = require("./totals");
/** Records a manual payment. Keap: amount > 0, never above the balance, method must be configured. */
function recordPayment(account, orderId, input) {
    const order = (0, orders_1.requireOrder)(account, orderId);
    if (!Number.isFinite(input.amount_cents) || input.amount_cents <= 0)
        throw (0, apiError_1.badRequest)('payment_amount must be greater than 0');
    if (!account.manualPaymentTypes.includes(input.method_type)) {
        throw (0, apiError_1.badRequest)(`payment_method_type '${input.method_type}' is not a Manual Payment Type of this account (${account.manualPaymentTypes.join(', ')})`);
    }
    const { due } = (0, totals_1.orderTotals)(account, order);
    if (input.amount_cents > due) {
        throw (0, apiError_1.badRequest)(`payment_amount ${(input.amount_cents / 100).toFixed(2)} exceeds the order balance ${(due / 100).toFixed(2)}`);
    }
    const now = account.nowIso();
    const payment = {
        id: account.payments.allocateId(),
        invoice_payment_id: account.allocateInvoicePaymentId(),
        order_id: order.id,
        invoice_id: order.invoice_id,
        contact_id: order.contact_id,
        amount_cents: input.amount_cents,
        method_type: input.method_type,
        pay_time: input.pay_time ?? now,
        update_time: now,
        note: input.note,
        pay_status: 'MANUAL_PAID',
        skip_commission: !input.apply_to_commissions,
        transaction_id: account.allocateTransactionId(),
    };
    order.modification_time = now;
    return account.insertPayment(payment);
}
//# sourceMappingURL=payments.js.map