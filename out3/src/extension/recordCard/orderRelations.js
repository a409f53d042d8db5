"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.orderRelations = orderRelations;
exports.contactSubscriptions = contactSubscriptions;
const localFormat_1 = require("../localFormat");
const contactName = (order, contact) => [contact?.given_name ?? order.contact?.given_name, contact?.family_name ?? order.contact?.family_name].filter(Boolean).join(' ') ||
    contact?.email_addresses?.[0]?.email ||
    order.contact?.email;
function orderRelations(input) {
    const { order, locale, state } = input;
    const currency = order.total?.currency_code;
    const nodes = [];
    const edges = [];
    const add = (node) => {
        if (!nodes.some((n) => n.key === node.key))
            nodes.push({ ...node, state });
    };
    const orderKey = `orders:${order.id}`;
    const contactId = order.contact?.id;
    const contactKey = contactId ? `contacts:${contactId}` : undefined;
    if (contactKey && contactId) {
        add({ key: contactKey, kind: 'contacts', id: contactId, title: contactName(order, input.contact) || `Contact #${contactId}` });
    }
    add({
        key: orderKey,
        kind: 'orders',
        id: order.id,
        title: order.title || `Order #${order.id}`,
        detail: [order.total ? (0, localFormat_1.localCurrencyValue)(order.total, locale) : '', (0, localFormat_1.localDate)(order.order_time, locale)].filter(Boolean).join(' · '),
    });
    if (contactKey)
        edges.push({ from: contactKey, to: orderKey, label: 'placed' });
    input.items.forEach(({ item, product }, n) => {
        const key = `items:${order.id}:${n}`;
        const productId = item.product?.id;
        const quantity = item.quantity ?? 1;
        const name = item.name ?? product?.name ?? item.product?.name ?? 'Item';
        add({
            key,
            kind: 'items',
            title: `${quantity.toLocaleString(locale)} × ${name}`,
            detail: (0, localFormat_1.localCents)((item.price_per_unit?.amount ?? 0) * quantity - (item.discount?.amount ?? 0), item.price_per_unit?.currency_code ?? currency, locale),
        });
        edges.push({ from: orderKey, to: key, label: 'has item' });
        if (productId) {
            add({
                key: `products:${productId}`,
                kind: 'products',
                id: productId,
                title: product?.name ?? item.product?.name ?? `Product #${productId}`,
            });
            edges.push({ from: key, to: `products:${productId}`, label: 'sells' });
        }
    });
    for (const p of input.payments) {
        // A live order's payment row has the payment's id in `payment_id` (its `id` is the invoice link).
        const id = String(p.payment_id ?? p.id);
        const amount = typeof p.amount === 'number' ? (0, localFormat_1.localMajor)(p.amount, currency, locale) : '';
        const when = (0, localFormat_1.localDate)(String(p.payment_time ?? p.pay_time ?? ''), locale);
        add({ key: `payments:${id}`, kind: 'payments', id, title: [amount, when].filter(Boolean).join(' on ') || `Payment #${id}` });
        edges.push({ from: orderKey, to: `payments:${id}`, label: 'paid by' });
    }
    const products = new Set(nodes.filter((n) => n.kind === 'products').map((n) => n.id));
    for (const s of input.subscriptions) {
        const key = `subscriptions:${s.id}`;
        const cycle = s.billing_cycle
            ? `every ${s.billing_frequency && s.billing_frequency > 1 ? `${s.billing_frequency} ` : ''}${s.billing_cycle.toLowerCase()}`
            : '';
        add({
            key,
            kind: 'subscriptions',
            id: s.id,
            title: [typeof s.billing_amount === 'number' ? (0, localFormat_1.localMajor)(s.billing_amount, currency, locale) : '', cycle].filter(Boolean).join(' ') ||
                `Subscription #${s.id}`,
            detail: s.active === false ? 'Inactive' : s.next_bill_date ? `Next bill ${(0, localFormat_1.localDate)(s.next_bill_date, locale)}` : undefined,
        });
        // Drawn from the product it renews when the order sold that product; else from the contact who has it.
        if (s.product_id && products.has(s.product_id))
            edges.push({ from: `products:${s.product_id}`, to: key, label: 'renews as' });
        else if (contactKey)
            edges.push({ from: contactKey, to: key, label: 'subscribes to' });
    }
    return { title: `Relationships of order #${order.id}`, nodes, edges };
}
/** The contact's subscriptions in a snapshot (the order's own records come from `orderDetails`). */
function contactSubscriptions(db, contactId) {
    if (!contactId)
        return [];
    return db
        .all('SELECT json FROM subscriptions WHERE contact_id = ? ORDER BY rowid', [contactId])
        .map((r) => JSON.parse(r.json));
}
//# sourceMappingURL=orderRelations.js.map