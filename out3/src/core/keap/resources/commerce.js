"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SubscriptionsResource = exports.TransactionsResource = exports.SalesPaymentsResource = exports.OrdersResource = exports.ProductsResource = exports.ALL_COMPANY_FIELDS = exports.CompaniesResource = void 0;
const paging_1 = require("../paging");
const resource_1 = require("./resource");
class CompaniesResource extends resource_1.KeapResource {
    constructor(transport) {
        super(transport, '/v2/companies', 'companies');
    }
}
exports.CompaniesResource = CompaniesResource;
/** Company fields Keap's list leaves out unless asked for. */
exports.ALL_COMPANY_FIELDS = [
    'company_name',
    'address',
    'email_address',
    'phone_number',
    'fax_number',
    'website',
    'notes',
    'custom_fields',
    'create_time',
    'update_time',
    'owner_id',
];
class ProductsResource extends resource_1.KeapResource {
    constructor(transport) {
        super(transport, '/v2/products', 'products');
    }
    plans(productId, options) {
        return (0, paging_1.listAll)(this.transport, `/v2/products/${(0, resource_1.encodeId)(productId)}/subscriptions`, 'subscriptions', options);
    }
    async createPlan(productId, body, verify) {
        return (await this.transport.request({
            method: 'POST',
            path: `/v2/products/${(0, resource_1.encodeId)(productId)}/subscriptions`,
            body,
            verify,
        })).data;
    }
}
exports.ProductsResource = ProductsResource;
class OrdersResource extends resource_1.KeapResource {
    constructor(transport) {
        super(transport, '/v2/orders', 'orders');
    }
    async addItem(orderId, item, verify) {
        return (await this.transport.request({ method: 'POST', path: `/v2/orders/${(0, resource_1.encodeId)(orderId)}/items`, body: item, verify })).data;
    }
    async deleteItem(orderId, itemId) {
        await this.transport.request({ method: 'DELETE', path: `/v2/orders/${(0, resource_1.encodeId)(orderId)}/items/${(0, resource_1.encodeId)(itemId)}` });
    }
    /** The order's payments (invoice-payment links: `id` is the link, `payment_id` the payment). */
    payments(orderId, options) {
        return (0, paging_1.listAll)(this.transport, `/v2/orders/${(0, resource_1.encodeId)(orderId)}/payments`, 'invoice_order_payments', options);
    }
    /**
     * Records a payment. Keap can never delete one, so a payment whose answer was lost is never
     * sent again blindly: `verify` must look at the order's payments (the default does, matching
     * amount, time and note) and only a proven absence lets it go again.
     */
    async recordPayment(orderId, payment, verify) {
        return (await this.transport.request({
            method: 'POST',
            path: `/v2/orders/${(0, resource_1.encodeId)(orderId)}/payments`,
            body: payment,
            verify: verify ?? (() => this.findPayment(orderId, payment)),
        })).data;
    }
    /** A recorded payment of the order that matches amount, time and note, as a PaymentResult. */
    async findPayment(orderId, payment) {
        for await (const p of this.payments(orderId)) {
            const sameAmount = Math.round((p.amount ?? 0) * 100) === Math.round(payment.payment_amount * 100);
            const sameTime = !payment.payment_time || (p.pay_time && Date.parse(p.pay_time) === Date.parse(payment.payment_time));
            const sameNote = !payment.notes || p.note === payment.notes;
            if (sameAmount && sameTime && sameNote) {
                return {
                    id: p.payment_id ?? p.id,
                    invoice_id: p.invoice_id,
                    payment_amount: p.amount,
                    payment_status_message: 'Found after a lost answer',
                };
            }
        }
        return undefined;
    }
}
exports.OrdersResource = OrdersResource;
/** `GET /v2/sales/payments`: every payment with its `order_ids`, one list for the whole account. */
class SalesPaymentsResource extends resource_1.KeapList {
    constructor(transport) {
        super(transport, '/v2/sales/payments', 'payments');
    }
}
exports.SalesPaymentsResource = SalesPaymentsResource;
/** `GET /v2/sales/transactions` (read-only; v2 gives transactions no id of their own). */
class TransactionsResource extends resource_1.KeapList {
    constructor(transport) {
        super(transport, '/v2/sales/transactions', 'transactions');
    }
}
exports.TransactionsResource = TransactionsResource;
class SubscriptionsResource extends resource_1.KeapResource {
    constructor(transport) {
        super(transport, '/v2/subscriptions', 'subscriptions');
    }
    /** Stops a subscription (Keap answers without a body; read it again to see the result). */
    async deactivate(id, reason) {
        await this.transport.request({
            method: 'POST',
            path: `/v2/subscriptions/${(0, resource_1.encodeId)(id)}:deactivate`,
            body: reason ? { reason } : {},
            idempotent: true,
        });
    }
}
exports.SubscriptionsResource = SubscriptionsResource;
//# sourceMappingURL=commerce.js.map