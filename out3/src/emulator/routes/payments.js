"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerPaymentRoutes = registerPaymentRoutes;
const money_1 = require("../money");
const apiError_1 = require("../apiError");
const body_1 = require("../http/body");
const listing_1 = require("../listing");
const render_1 = require("../render");
const common_1 = require("./common");
const CREATE_FIELDS = [
    'notes',
    'payment_method_id',
    'payment_method_type',
    'payment_time',
    'payment_amount',
    'apply_to_commissions',
    'external_source',
    'external_source_value',
    'external_status_value',
    'external_create_time',
    'external_update_time',
    'external_create_user',
];
const orderPaymentSpec = {
    resource: 'order payments',
    filters: {
        invoice_id: { type: { kind: 'number' }, get: (p) => p.invoice_id },
        payment_id: { type: { kind: 'number' }, get: (p) => p.id },
        amount: { type: { kind: 'number' }, ops: listing_1.ALL_OPS, get: (p) => p.amount_cents / 100 },
        pay_status: { type: { kind: 'text' }, get: (p) => p.pay_status },
        skip_commission: { type: { kind: 'bool' }, get: (p) => p.skip_commission },
    },
    orderBy: {
        invoice_id: (p) => p.invoice_id,
        payment_id: (p) => p.id,
        amount: (p) => p.amount_cents,
        pay_time: (p) => p.pay_time,
        pay_status: (p) => p.pay_status,
        skip_commission: (p) => (p.skip_commission ? 1 : 0),
        last_updated_time: (p) => p.update_time,
    },
};
/** `since_time`/`until_time` on sales payments read the last update, which is what incremental capture needs. */
const salesPaymentSpec = {
    resource: 'payments',
    filters: {
        id: { type: { kind: 'number' }, ops: ['==', '>', '>=', '<', '<='], get: (p) => p.id },
        ids: { type: { kind: 'list' }, get: (p) => p.id },
        amount: { type: { kind: 'number' }, ops: listing_1.ALL_OPS, get: (p) => p.amount_cents / 100 },
        order_id: { type: { kind: 'number' }, get: (p) => p.order_id },
        order_ids: { type: { kind: 'list' }, get: (p) => p.order_id },
        contact_id: { type: { kind: 'number' }, get: (p) => p.contact_id },
        since_time: { type: { kind: 'since' }, get: (p) => p.update_time },
        until_time: { type: { kind: 'until' }, get: (p) => p.update_time },
    },
    orderBy: { amount: (p) => p.amount_cents, payment_time: (p) => p.pay_time, contact_id: (p) => p.contact_id },
};
const transactionSpec = {
    resource: 'transactions',
    filters: {
        order_id: { type: { kind: 'number' }, get: (p) => p.order_id },
        contact_id: { type: { kind: 'number' }, get: (p) => p.contact_id },
        status: { type: { kind: 'text' }, get: () => 'APPROVED' },
        transaction_method: { type: { kind: 'text' }, get: () => 'MANUAL' },
        is_successful: { type: { kind: 'bool' }, get: () => true },
        since_time: { type: { kind: 'since' }, get: (p) => p.pay_time },
        until_time: { type: { kind: 'until' }, get: (p) => p.pay_time },
    },
    orderBy: { amount: (p) => p.amount_cents, transaction_time: (p) => p.pay_time, contact_id: (p) => p.contact_id },
};
function registerPaymentRoutes(router) {
    router.add('GET', '/v2/orders/{order_id}/payments', (req) => {
        const orderId = (0, common_1.pathId)(req, 'order_id');
        req.store.requireOrder(orderId);
        return (0, common_1.listResponse)(req, 'invoice_order_payments', orderPaymentSpec, (0, common_1.fromArray)(req.store.paymentsOf(orderId)), render_1.renderOrderPayment);
    });
    router.add('POST', '/v2/orders/{order_id}/payments', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, CREATE_FIELDS);
        if ((0, body_1.optString)(body, 'payment_method_id') !== undefined) {
            throw (0, apiError_1.badRequest)('Charging a stored payment method is not available in the emulator; record a manual payment with payment_method_type');
        }
        const methodType = (0, body_1.optString)(body, 'payment_method_type');
        if (!methodType)
            throw (0, apiError_1.badRequest)('payment_method_type or payment_method_id is required');
        const payment = req.store.recordPayment((0, common_1.pathId)(req, 'order_id'), {
            amount_cents: (0, money_1.centsOfDollars)((0, body_1.reqNumber)(body, 'payment_amount')),
            apply_to_commissions: (0, body_1.reqBool)(body, 'apply_to_commissions'),
            method_type: methodType,
            pay_time: (0, body_1.optTime)(body, 'payment_time'),
            note: (0, body_1.optString)(body, 'notes'),
        });
        return {
            status: 201,
            body: {
                id: String(payment.id),
                invoice_id: String(payment.invoice_id),
                payment_amount: payment.amount_cents / 100,
                payment_status_message: 'Payment recorded',
                transaction_id: String(payment.transaction_id),
            },
        };
    });
    router.add('GET', '/v2/sales/payments', (req) => (0, common_1.listResponse)(req, 'payments', salesPaymentSpec, (0, common_1.fromTable)(req.store.payments), render_1.renderSalesPayment));
    router.add('GET', '/v2/sales/transactions', (req) => (0, common_1.listResponse)(req, 'transactions', transactionSpec, (0, common_1.fromTable)(req.store.payments), (p) => (0, render_1.renderTransaction)(req.store, p)));
}
//# sourceMappingURL=payments.js.map