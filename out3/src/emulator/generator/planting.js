"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlantingStage = void 0;
const calendar_1 = require("./calendar");
const subscriptions_1 = require("./subscriptions");
class PlantingStage extends subscriptions_1.SubscriptionStage {
    plantProblems() {
        for (const [kind, count] of this.plant) {
            const rng = this.rng.fork(`plant:${kind}`);
            for (let i = 0; i < count; i++)
                this.plantOne(rng, kind, i);
        }
    }
    pickers = new Map();
    /**
     * The next untouched, still existing contact (in a per-purpose random order) for which `fits`
     * finds a target; if none is left, a fresh contact made by `fallback`. The contact is then marked
     * touched, so no two plants share a contact (nor its orders, payments or subscriptions).
     */
    claim(rng, purpose, fits, fallback) {
        let picker = this.pickers.get(purpose);
        if (!picker) {
            picker = { order: rng.shuffle(Array.from({ length: this.contacts.length }, (_, i) => i)), cursor: 0 };
            this.pickers.set(purpose, picker);
        }
        while (picker.cursor < picker.order.length) {
            const contact = this.contacts[picker.order[picker.cursor++]];
            if (this.touched.has(contact.record.id) || !this.store.contacts.has(contact.record.id))
                continue;
            const target = fits(contact);
            if (target !== undefined) {
                this.touched.add(contact.record.id);
                return [contact, target];
            }
        }
        const contact = this.addContact(rng, this.between(rng, this.nowSec - 3 * calendar_1.YEAR, this.nowSec - 3 * calendar_1.DAY));
        fallback(contact);
        const target = fits(contact);
        if (target === undefined)
            throw new Error(`internal: fallback for ${purpose} does not fit`);
        this.touched.add(contact.record.id);
        return [contact, target];
    }
    /** A fresh order of the given shape for a fallback contact, its payments numbered and inserted. */
    freshOrder(rng, contact, shape) {
        const sec = this.between(rng, contact.createSec + calendar_1.MIN, this.nowSec - 3 * calendar_1.HOUR);
        const meta = this.buildOrder(rng, contact, sec, shape);
        for (const p of meta.payments)
            this.finishPayment(rng, p);
        return meta;
    }
    firstOrder(contact, fits) {
        return contact.orders.find((o) => this.store.orders.has(o.order.id) && fits(o));
    }
    record(kind, entity, ids, note) {
        this.planted.push({ kind, entity, ids: ids.map(String), note });
    }
    removeContact(contact) {
        this.store.contactTags.delete(contact.record.id);
        this.store.contacts.delete(contact.record.id);
    }
    plantOne(rng, kind, i) {
        const unpaid = (o) => o.payments.length === 0;
        const withUnpaid = (shape) => (c) => {
            this.freshOrder(rng, c, shape);
        };
        // For plants that move an order in time: with no sibling orders, the move cannot make a look-alike pair.
        const onlyUnpaidOrder = (c) => (c.orders.length === 1 && unpaid(c.orders[0]) ? c.orders[0] : undefined);
        switch (kind) {
            case 'orphan-order': {
                const [contact, order] = this.claim(rng, kind, (c) => (c.subs.length === 0 ? onlyUnpaidOrder(c) : undefined), withUnpaid('unpaid'));
                this.removeContact(contact);
                this.record(kind, 'order', [order.order.id], `order ${order.order.id}: its contact ${contact.record.id} was deleted (the contact had no other orders or subscriptions)`);
                break;
            }
            case 'dangling-product': {
                const [, order] = this.claim(rng, kind, (c) => this.firstOrder(c, () => true), withUnpaid('unpaid'));
                const product = this.doomedItemProducts[i];
                const productItems = order.order.items.filter((it) => it.item_type === 'PRODUCT');
                const item = rng.pick(productItems);
                Object.assign(item, {
                    product_id: product.id,
                    product_name: product.name,
                    product_sku: product.sku,
                    name: product.name,
                    description: product.short_description,
                });
                this.store.products.delete(product.id);
                this.record(kind, 'order_item', [order.order.id, item.id], `order ${order.order.id} item ${item.id} names product ${product.id}, which was deleted`);
                break;
            }
            case 'orphan-payment': {
                const [, order] = this.claim(rng, kind, (c) => this.firstOrder(c, (o) => o.payments.length === 1), withUnpaid('full1'));
                // Table.delete, not removeOrder: the payment must stay behind.
                this.store.orders.delete(order.order.id);
                const payment = order.payments[0];
                this.record(kind, 'payment', [payment.id], `payment ${payment.id}: its order ${order.order.id} was deleted`);
                break;
            }
            case 'duplicate-payment': {
                const [, order] = this.claim(rng, kind, (c) => this.firstOrder(c, (o) => unpaid(o) && o.total >= 2), withUnpaid('unpaid'));
                const amount = Math.max(1, Math.floor(order.total * rng.float(0.2, 0.5)));
                const paySec = this.between(rng, order.timeSec + 1, Math.min(this.nowSec - calendar_1.MIN, order.timeSec + 30 * calendar_1.DAY));
                const first = this.finishPayment(rng, this.paymentRecord(rng, order.order.id, order.order.invoice_id, order.order.contact_id, amount, paySec));
                const second = this.finishPayment(rng, { ...first });
                order.payments.push(first, second);
                this.record(kind, 'payment', [first.id, second.id], `payments ${first.id} and ${second.id} on order ${order.order.id} are the same payment recorded twice`);
                break;
            }
            case 'overpaid-order': {
                const lastPay = (o) => Date.parse(o.payments[o.payments.length - 1].pay_time) / 1000;
                // Generated payments are all at least a minute before now, so there is room for one more.
                const [, order] = this.claim(rng, kind, (c) => this.firstOrder(c, (o) => (o.shape === 'full1' || o.shape === 'full2') && o.payments.length > 0 && lastPay(o) < this.nowSec - 2), withUnpaid('full1'));
                const amount = Math.max(1, Math.round(order.total * rng.float(0.05, 0.5)));
                const paySec = this.between(rng, lastPay(order) + 1, Math.min(this.nowSec - 1, lastPay(order) + 20 * calendar_1.DAY));
                const extraPayment = this.finishPayment(rng, this.paymentRecord(rng, order.order.id, order.order.invoice_id, order.order.contact_id, amount, paySec));
                order.payments.push(extraPayment);
                this.record(kind, 'order', [order.order.id], `order ${order.order.id} totals ${order.total} cents but payment ${extraPayment.id} brings payments to ${order.total + amount}`);
                break;
            }
            case 'total-mismatch': {
                const [, order] = this.claim(rng, kind, (c) => this.firstOrder(c, unpaid), withUnpaid('unpaid'));
                const delta = Math.max(1, Math.round(order.total * rng.float(0.01, 0.2)));
                const stored = rng.chance(0.5) || order.total - delta <= 0 ? order.total + delta : order.total - delta;
                order.order.total_override_cents = stored;
                this.record(kind, 'order', [order.order.id], `order ${order.order.id} stores total ${stored} cents, its items sum to ${order.total}`);
                break;
            }
            case 'paid-status-mismatch': {
                if (i % 2 === 0) {
                    const [, order] = this.claim(rng, `${kind}:paid`, (c) => this.firstOrder(c, (o) => o.shape === 'unpaid' || o.shape === 'partial'), withUnpaid('partial'));
                    order.order.status_override = 'PAID';
                    this.record(kind, 'order', [order.order.id], `order ${order.order.id} says PAID with an amount still due`);
                }
                else {
                    const [, order] = this.claim(rng, `${kind}:unpaid`, (c) => this.firstOrder(c, (o) => o.shape === 'full1' || o.shape === 'full2'), withUnpaid('full1'));
                    order.order.status_override = order.order.sent_time ? 'SENT' : 'DRAFT';
                    this.record(kind, 'order', [order.order.id], `order ${order.order.id} says ${order.order.status_override} though fully paid`);
                }
                break;
            }
            case 'orphan-subscription': {
                const withSub = (c) => {
                    this.buildSubscription(rng, c, rng.pick(this.plans), this.between(rng, c.createSec + calendar_1.MIN, this.nowSec - 2 * calendar_1.DAY));
                };
                if (i % 2 === 0) {
                    const [contact, sub] = this.claim(rng, `${kind}:contact`, (c) => (c.orders.length === 0 && c.subs.length === 1 ? c.subs[0] : undefined), withSub);
                    this.removeContact(contact);
                    this.record(kind, 'subscription', [sub.id], `subscription ${sub.id}: its contact ${contact.record.id} was deleted`);
                }
                else {
                    const [, sub] = this.claim(rng, `${kind}:product`, (c) => (c.subs.length ? c.subs[0] : undefined), withSub);
                    const doomed = this.doomedPlanProducts[Math.floor(i / 2)];
                    const plan = doomed.plan;
                    sub.product_id = doomed.product.id;
                    sub.subscription_plan_id = plan.id;
                    sub.billing_amount_cents = plan.price_cents * sub.quantity;
                    this.store.deleteProduct(doomed.product.id); // takes the product's plans with it, as Keap does
                    this.record(kind, 'subscription', [sub.id], `subscription ${sub.id}: its product ${doomed.product.id} (plan ${plan.id}) was deleted`);
                }
                break;
            }
            case 'dangling-tag': {
                const [contact] = this.claim(rng, kind, () => true, () => undefined);
                const tag = this.doomedTags[i];
                let applied = this.store.contactTags.get(contact.record.id);
                if (!applied)
                    this.store.contactTags.set(contact.record.id, (applied = new Map()));
                applied.set(tag.id, (0, calendar_1.iso)(this.between(rng, contact.createSec + 1, this.nowSec - calendar_1.MIN)));
                this.store.tags.delete(tag.id);
                this.record(kind, 'contact_tag', [contact.record.id, tag.id], `contact ${contact.record.id} carries tag ${tag.id}, which was deleted`);
                break;
            }
            case 'dangling-company': {
                const [contact] = this.claim(rng, kind, () => true, () => undefined);
                const company = this.doomedCompanies[i];
                contact.record.company_id = company.id;
                this.store.companies.delete(company.id);
                this.record(kind, 'contact', [contact.record.id], `contact ${contact.record.id} points at company ${company.id}, which was deleted`);
                break;
            }
            case 'future-order': {
                const [, order] = this.claim(rng, kind, onlyUnpaidOrder, withUnpaid('unpaid'));
                const sec = this.nowSec + rng.int(calendar_1.HOUR, 120 * calendar_1.DAY);
                order.order.order_time = (0, calendar_1.iso)(sec);
                order.timeSec = sec;
                this.record(kind, 'order', [order.order.id], `order ${order.order.id} is dated ${order.order.order_time}, after now`);
                break;
            }
            case 'order-before-contact': {
                const [contact, order] = this.claim(rng, kind, onlyUnpaidOrder, withUnpaid('unpaid'));
                const sec = contact.createSec - rng.int(calendar_1.HOUR, 180 * calendar_1.DAY);
                order.order.order_time = (0, calendar_1.iso)(sec);
                order.timeSec = sec;
                this.record(kind, 'order', [order.order.id], `order ${order.order.id} is dated ${order.order.order_time}, before its contact ${contact.record.id} was created (${contact.record.create_time})`);
                break;
            }
            case 'duplicate-order': {
                const [contact, original] = this.claim(rng, kind, (c) => this.firstOrder(c, () => true), withUnpaid('unpaid'));
                const o = original.order;
                const shift = rng.int(20, 5 * calendar_1.MIN);
                const id = this.store.orders.allocateId();
                const copy = {
                    ...o,
                    id,
                    invoice_id: this.store.allocateInvoiceId(),
                    title: o.title.replace(/^Web order \d+$/, `Web order ${id}`),
                    order_time: (0, calendar_1.iso)(original.timeSec + shift),
                    creation_time: (0, calendar_1.iso)(Date.parse(o.creation_time) / 1000 + shift),
                    modification_time: (0, calendar_1.iso)(Date.parse(o.creation_time) / 1000 + shift),
                    sent_time: o.sent_time ? (0, calendar_1.iso)(Date.parse(o.sent_time) / 1000 + shift) : undefined,
                    due_time: o.due_time ? (0, calendar_1.iso)(Date.parse(o.due_time) / 1000 + shift) : undefined,
                    promo_codes: [...o.promo_codes],
                    items: o.items.map((it) => ({ ...it, id: this.store.allocateItemId() })),
                    custom: { ...o.custom },
                    extra: structuredClone(o.extra),
                };
                this.store.insertOrder(copy);
                const meta = {
                    order: copy,
                    contact,
                    shape: 'unpaid',
                    timeSec: original.timeSec + shift,
                    total: original.total,
                    payments: [],
                };
                contact.orders.push(meta);
                this.record(kind, 'order', [o.id, id], `order ${id} repeats order ${o.id} (same contact, items and total) ${shift} s later`);
                break;
            }
        }
    }
}
exports.PlantingStage = PlantingStage;
//# sourceMappingURL=planting.js.map