"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.words = words;
exports.orderCard = orderCard;
const localFormat_1 = require("../localFormat");
const recordNames_1 = require("../recordNames");
/** Codes that are names, not words: kept as their owners write them. */
const NAMES = { API: 'API', QUICKBOOKS: 'QuickBooks', PAYPAL_PAID: 'PayPal paid' };
/** Keap's codes in words: PAID -> "Paid", MANUAL_PAID -> "Manual paid", CHECKOUT_FORM -> "Checkout form", API -> "API". */
function words(code) {
    if (typeof code !== 'string' || !code)
        return undefined;
    if (NAMES[code])
        return NAMES[code];
    const lower = code.replace(/_/g, ' ').toLowerCase();
    return lower.charAt(0).toUpperCase() + lower.slice(1);
}
function orderCard(input) {
    const { order, locale, timeZone } = input;
    const currency = order.total?.currency_code;
    const when = (iso) => (typeof iso === 'string' ? (0, localFormat_1.localDateTime)(iso, locale, timeZone) : '');
    const money = (value) => (value ? (0, localFormat_1.localCurrencyValue)(value, locale) : '');
    const contactName = [input.contact?.given_name ?? order.contact?.given_name, input.contact?.family_name ?? order.contact?.family_name]
        .filter(Boolean)
        .join(' ') || undefined;
    const email = input.contact?.email_addresses?.[0]?.email ?? order.contact?.email;
    const contactId = order.contact?.id;
    const items = input.items.map(({ item, product }) => {
        const quantity = item.quantity ?? 1;
        const unit = item.price_per_unit?.amount ?? 0;
        const discount = item.discount?.amount ?? 0;
        const code = item.price_per_unit?.currency_code ?? currency;
        const productId = item.product?.id;
        const productName = product?.name ?? item.product?.name;
        return {
            name: item.name ?? productName ?? 'Item',
            product: productId
                ? { name: productName ?? (0, recordNames_1.recordTitle)('products', productId), link: { entity: 'products', id: productId } }
                : undefined,
            kind: item.item_type && item.item_type !== 'PRODUCT' ? words(item.item_type) : undefined,
            quantity: quantity.toLocaleString(locale),
            unitPrice: (0, localFormat_1.localCents)(unit, code, locale),
            amount: (0, localFormat_1.localCents)(unit * quantity - discount, code, locale),
            note: [
                discount ? `${(0, localFormat_1.localCents)(discount, code, locale)} discount` : '',
                item.subscription_plan ? 'Subscription' : '',
                item.description ?? '',
            ]
                .filter(Boolean)
                .join(' · ') || undefined,
        };
    });
    const payments = input.payments.map((p) => {
        // A live order's payment row has the payment's id in `payment_id` (its `id` is the invoice link).
        const id = String(p.payment_id ?? p.id);
        return {
            title: (0, recordNames_1.recordTitle)('payments', id),
            date: when(p.payment_time ?? p.pay_time),
            amount: (0, localFormat_1.localMajor)(typeof p.amount === 'number' ? p.amount : 0, currency, locale),
            method: words(p.type),
            status: words(p.status ?? p.pay_status),
            link: input.source === 'snapshot' ? { entity: 'payments', id } : undefined,
        };
    });
    const facts = [
        { label: 'Ordered', value: when(order.order_time) },
        { label: 'Title', value: order.title ?? '' },
        { label: 'Invoice', value: order.invoice_number ?? order.invoice_id ?? '' },
        { label: 'Order type', value: words(order.order_type) ?? '' },
        { label: 'Came from', value: words(order.source_type) ?? '' },
        { label: 'Promo code', value: order.promo_code ?? '' },
        { label: 'Created', value: when(order.creation_time) },
        { label: 'Last changed', value: when(order.modification_time) },
        { label: 'Order id', value: order.id },
    ].filter((f) => f.value);
    const totals = [
        { label: 'Total', value: money(order.total) },
        { label: 'Paid', value: money(order.total_paid) },
        { label: 'Due', value: money(order.total_due) },
        ...(order.refund_total?.amount ? [{ label: 'Refunded', value: money(order.refund_total) }] : []),
    ].filter((f) => f.value);
    return {
        kind: 'order',
        title: `Order ${order.id}`,
        status: words(order.status),
        where: input.where,
        contact: contactId
            ? { name: contactName ?? (0, recordNames_1.recordTitle)('contacts', contactId), email, link: { entity: 'contacts', id: contactId } }
            : undefined,
        facts,
        items,
        totals: totals.length ? totals : [{ label: 'Total', value: (0, localFormat_1.localCents)(0, currency, locale) }],
        payments,
        notes: order.notes || undefined,
        problems: input.problems ?? [],
        restorable: input.source === 'snapshot',
    };
}
//# sourceMappingURL=orderCard.js.map