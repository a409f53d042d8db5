"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrderPayments = exports.ORDER_PAYMENTS_BATCH = void 0;
const filter_1 = require("../keap/filter");
/** Orders per batched read: well inside a URL's length (ids of up to 12 digits). */
exports.ORDER_PAYMENTS_BATCH = 50;
class OrderPayments {
    client;
    options;
    /** Orders this apply created -> their payments as last read (undefined: not read yet). */
    created = new Map();
    now;
    constructor(client, options) {
        this.client = client;
        this.options = options;
        this.now = options.now ?? Date.now;
    }
    /** An order this plan's apply created: its payments can be read in batches. */
    noteCreatedOrder(liveOrderId) {
        if (!this.created.has(liveOrderId))
            this.created.set(liveOrderId, undefined);
    }
    /**
     * The order's payments as Keap holds them now (or, for an order this apply created, as of a read at
     * most `maxAgeMs` ago plus what this apply recorded since). `upcoming` names the live orders whose
     * payments come next in the plan, to read together with this one.
     */
    async before(liveOrderId, upcoming) {
        if (!this.created.has(liveOrderId))
            return this.readOne(liveOrderId);
        const known = this.created.get(liveOrderId);
        if (known && this.now() - known.readAt < this.options.maxAgeMs)
            return known.payments;
        const batch = [liveOrderId];
        for (const id of upcoming()) {
            if (batch.length >= exports.ORDER_PAYMENTS_BATCH)
                break;
            if (batch.includes(id) || !this.created.has(id))
                continue;
            const view = this.created.get(id);
            if (view && this.now() - view.readAt < this.options.maxAgeMs)
                continue;
            batch.push(id);
        }
        const readAt = this.now();
        const byOrder = new Map(batch.map((id) => [id, []]));
        for await (const p of this.client.payments.list({ filter: (0, filter_1.filter)('order_ids', '==', batch) }))
            for (const order of p.order_ids ?? [])
                byOrder.get(String(order))?.push(asOrderPayment(p));
        for (const [id, payments] of byOrder)
            this.created.set(id, { payments, readAt });
        return byOrder.get(liveOrderId);
    }
    /** A payment this apply recorded (Keap confirmed it): part of what the order holds from now on. */
    noteRecorded(liveOrderId, payment) {
        this.created.get(liveOrderId)?.payments.push(payment);
    }
    async readOne(liveOrderId) {
        const read = [];
        for await (const p of this.client.orders.payments(liveOrderId))
            read.push(p);
        return read;
    }
}
exports.OrderPayments = OrderPayments;
/** A row of the account's payment list in the shape of an order's payment list (what matching reads). */
function asOrderPayment(p) {
    return { id: p.id, payment_id: p.id, amount: p.amount, note: p.note, pay_time: p.payment_time };
}
//# sourceMappingURL=orderPayments.js.map