"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrderStage = void 0;
exports.itemSignature = itemSignature;
exports.itemsTotal = itemsTotal;
const calendar_1 = require("./calendar");
const payments_1 = require("./payments");
const vocabulary_1 = require("./vocabulary");
class OrderStage extends payments_1.PaymentStage {
    generateOrders(target) {
        const rng = this.rng.fork('orders');
        const n = this.contacts.length;
        if (!n || !this.catalog.length)
            return;
        // Orders land on contacts at random, with a pool of repeat customers getting a quarter of them.
        const perContact = new Uint16Array(n);
        const repeat = rng.sample(Array.from({ length: n }, (_, i) => i), Math.max(1, Math.ceil(n * 0.15)));
        for (let j = 0; j < target; j++) {
            const ci = rng.chance(0.25) ? repeat[rng.int(0, repeat.length - 1)] : rng.int(0, n - 1);
            if (perContact[ci] < 65535)
                perContact[ci]++;
        }
        // Times: a contact's orders fall in equal slots of [created + 1 min, now - 1 h], at least 2 h apart,
        // so that no two of them look like a double submission.
        const gap = 2 * calendar_1.HOUR;
        const specs = [];
        for (let ci = 0; ci < n; ci++) {
            let k = perContact[ci];
            if (!k)
                continue;
            const contact = this.contacts[ci];
            const start = contact.createSec + calendar_1.MIN;
            const end = this.nowSec - calendar_1.HOUR;
            k = Math.min(k, Math.floor((end - start) / (gap + calendar_1.HOUR)));
            if (k <= 0)
                continue;
            const slot = (end - start) / k;
            for (let s = 0; s < k; s++) {
                const from = Math.ceil(start + s * slot);
                const to = Math.floor(start + (s + 1) * slot - gap);
                // Often the first order is the checkout that created the contact.
                const sec = s === 0 && rng.chance(0.4) ? this.between(rng, from, Math.min(to, from + 30 * calendar_1.MIN)) : this.between(rng, from, to);
                specs.push({ contact, sec });
            }
        }
        specs.sort((a, b) => a.sec - b.sec || a.contact.record.id - b.contact.record.id);
        const pending = [];
        for (const spec of specs) {
            // Gaps: orders deleted before payment, invoices of subscription billing runs.
            if (rng.chance(0.01))
                this.store.orders.allocateId();
            if (rng.chance(0.04))
                this.store.allocateInvoiceId();
            const shapeRoll = rng.next();
            const shape = shapeRoll < 0.6 ? (rng.chance(0.7) ? 'full1' : 'full2') : shapeRoll < 0.8 ? 'partial' : 'unpaid';
            const meta = this.buildOrder(rng, spec.contact, spec.sec, shape);
            pending.push(...meta.payments);
        }
        // Payment ids follow pay time, like Keap's.
        pending.sort((a, b) => (a.pay_time < b.pay_time ? -1 : a.pay_time > b.pay_time ? 1 : a.order_id - b.order_id));
        for (const payment of pending)
            this.finishPayment(rng, payment);
    }
    /** Builds and inserts an order; its payments are returned unnumbered (see finishPayment). */
    buildOrder(rng, contact, orderSec, shape) {
        const c = contact.record;
        const id = this.store.orders.allocateId();
        const invoiceId = this.store.allocateInvoiceId();
        const source = rng.weighted(vocabulary_1.SOURCE_WEIGHTS);
        const orderType = source === 'CHECKOUT_FORM'
            ? 'ONLINE'
            : source === 'API'
                ? rng.chance(0.8)
                    ? 'ONLINE'
                    : 'OFFLINE'
                : source === 'UNKNOWN'
                    ? rng.pick(['ONLINE', 'OFFLINE'])
                    : source === 'INVOICE'
                        ? rng.chance(0.7)
                            ? 'OFFLINE'
                            : 'ONLINE'
                        : 'OFFLINE';
        // Items: 1–5 lines, mostly distinct products at their price, sometimes shipping, tax or a discount.
        const lines = rng.weighted(vocabulary_1.LINE_COUNT_WEIGHTS);
        const productLines = Math.min(this.catalog.length, Math.max(1, lines - (lines > 1 && rng.chance(0.3) ? 1 : 0)));
        const chosen = new Set();
        for (let tries = 0; chosen.size < productLines && tries < 50; tries++) {
            chosen.add(this.catalog[Math.floor(this.catalog.length * Math.pow(rng.next(), 1.6))]);
        }
        for (let i = 0; chosen.size < productLines; i++)
            chosen.add(this.catalog[i]);
        const items = [];
        let subtotal = 0;
        let taxable = 0;
        let shippable = false;
        for (const p of chosen) {
            const quantity = rng.chance(0.85) ? 1 : rng.int(2, 5);
            items.push({
                id: this.store.allocateItemId(),
                product_id: p.id,
                product_name: p.name,
                product_sku: p.sku,
                name: p.name,
                description: p.short_description,
                quantity,
                price_cents: p.price_cents,
                cost_cents: Math.round(p.price_cents * rng.float(0.3, 0.6)),
                item_type: 'PRODUCT',
            });
            subtotal += quantity * p.price_cents;
            if (p.taxable)
                taxable += quantity * p.price_cents;
            shippable ||= p.shippable;
        }
        const promoCodes = [];
        const shipTo = c.addresses.find((a) => a.field === 'SHIPPING') ?? c.addresses[0];
        if (items.length < 5 && rng.chance(0.08)) {
            const [code, pct] = rng.pick(vocabulary_1.PROMO_CODES);
            promoCodes.push(code);
            items.push({
                id: this.store.allocateItemId(),
                name: `Discount (${code})`,
                quantity: 1,
                price_cents: -Math.max(1, Math.round((subtotal * pct) / 100)),
                cost_cents: 0,
                item_type: 'DISCOUNT',
            });
        }
        let extra = {};
        if (items.length < 5 && shippable && shipTo && rng.chance(0.5)) {
            const express = rng.chance(0.2);
            items.push({
                id: this.store.allocateItemId(),
                name: express ? 'Express Shipping' : 'Standard Shipping',
                quantity: 1,
                price_cents: express ? rng.pick([1995, 2495]) : rng.pick([495, 595, 795, 995]),
                cost_cents: 0,
                item_type: 'SHIPPING',
            });
            extra = {
                shipping_address: {
                    line1: shipTo.line1,
                    line2: shipTo.line2,
                    locality: shipTo.locality,
                    region: shipTo.region,
                    zip_code: shipTo.zip_code ?? shipTo.postal_code,
                    country_code: shipTo.country_code,
                    first_name: c.given_name,
                    last_name: c.family_name,
                },
            };
        }
        if (items.length < 5 && taxable > 0 && rng.chance(0.1)) {
            const tax = Math.round(taxable * rng.pick([0.0625, 0.0725, 0.08, 0.0875]));
            if (tax > 0)
                items.push({ id: this.store.allocateItemId(), name: 'Sales Tax', quantity: 1, price_cents: tax, cost_cents: 0, item_type: 'TAX' });
        }
        // However wide a validator's duplicate-order window, a contact's own orders within 3 days never
        // repeat the same lines (a repeat purchase gets one more unit of its first product).
        for (let tries = 0; tries < 5 && this.repeatsRecentOrder(contact, orderSec, items); tries++)
            items[0].quantity++;
        const total = itemsTotal(items);
        const contactName = [c.given_name, c.family_name].filter(Boolean).join(' ');
        const first = [...chosen][0];
        const title = source === 'INVOICE'
            ? `Invoice #${invoiceId}`
            : rng.weighted([
                [first.name, 4],
                [`Order for ${contactName}`, 3],
                [`Web order ${id}`, source === 'CHECKOUT_FORM' ? 2 : 0],
                [`${first.name} - ${contactName}`, 1],
            ]);
        const creationSec = Math.min(this.nowSec - calendar_1.MIN, orderSec + rng.int(0, 120));
        const sentSec = source === 'INVOICE' ? Math.min(this.nowSec - calendar_1.MIN, orderSec + rng.int(0, 2 * calendar_1.DAY)) : undefined;
        const payments = this.buildPayments(rng, id, invoiceId, c.id, orderSec, total, shape);
        // Recording a payment touches the order; a payment's update_time is at most 5 s after its pay_time.
        let modificationSec = creationSec;
        if (payments.length)
            modificationSec = Math.max(creationSec, Math.min(this.nowSec, this.lastPaySec + 5));
        const order = {
            id,
            invoice_id: invoiceId,
            contact_id: c.id,
            title,
            order_type: orderType,
            source_type: source,
            order_time: (0, calendar_1.iso)(orderSec),
            creation_time: (0, calendar_1.iso)(creationSec),
            modification_time: (0, calendar_1.iso)(modificationSec),
            sent_time: sentSec !== undefined ? (0, calendar_1.iso)(sentSec) : undefined,
            due_time: sentSec !== undefined ? (0, calendar_1.iso)(sentSec + 30 * calendar_1.DAY) : undefined,
            notes: rng.chance(0.06) ? rng.pick(vocabulary_1.ORDER_NOTES) : undefined,
            terms: source === 'INVOICE' ? 'Net 30' : undefined,
            promo_codes: promoCodes,
            items,
            custom: {},
            extra,
        };
        this.store.insertOrder(order);
        const meta = { order, contact, shape, timeSec: orderSec, total, payments };
        contact.orders.push(meta);
        return meta;
    }
    repeatsRecentOrder(contact, orderSec, items) {
        let signature;
        for (let i = contact.orders.length - 1; i >= 0; i--) {
            const other = contact.orders[i];
            if (Math.abs(other.timeSec - orderSec) > 3 * calendar_1.DAY)
                continue;
            signature ??= itemSignature(items);
            if (itemSignature(other.order.items) === signature)
                return true;
        }
        return false;
    }
}
exports.OrderStage = OrderStage;
function itemSignature(items) {
    return items
        .map((i) => `${i.item_type}:${i.product_id ?? ''}:${i.quantity}:${i.price_cents}`)
        .sort()
        .join(',');
}
function itemsTotal(items) {
    let total = 0;
    for (const item of items)
        total += item.quantity * item.price_cents;
    return total;
}
//# sourceMappingURL=orders.js.map