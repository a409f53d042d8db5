"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.orderSide = orderSide;
/**
 * A likely duplicate side by side: the snapshot's order and the live order the plan found with the
 * same contact, items and total, as the same rows of words (contact, dates, total, status, items,
 * payments), so a person can say "same order: link" or "different order: create". Pure (no vscode):
 * the panel reads the two orders (the snapshot, and Keap for the live one) and sends these rows.
 */
const money_1 = require("../../core/money");
const format_1 = require("../../webview/format");
const labels_1 = require("../../webview/labels");
function orderSide(heading, order, payments, locale) {
    const currency = order.total?.currency_code || 'USD';
    const contact = order.contact;
    const who = [contact?.given_name, contact?.family_name].filter(Boolean).join(' ') ||
        contact?.email ||
        (contact?.id ? `contact #${contact.id}` : '(none)');
    const paid = payments.reduce((sum, p) => sum + (0, money_1.toCents)(p.amount ?? 0), 0);
    return {
        heading,
        rows: [
            { label: 'Contact', value: contact?.email && who !== contact.email ? `${who} (${contact.email})` : who },
            { label: 'Title', value: order.title || '(none)' },
            { label: 'Order date', value: order.order_time ? (0, format_1.dateOnly)(order.order_time, locale) : '(none)' },
            { label: 'Total', value: (0, money_1.formatCurrencyValue)(order.total, locale) || '(none)' },
            { label: 'Status', value: order.status ? order.status.charAt(0) + order.status.slice(1).toLowerCase() : '(none)' },
            { label: 'Items', value: (order.order_items ?? []).map((i) => itemLine(i, locale)).join('\n') || '(none)' },
            {
                label: 'Payments',
                value: payments.length ? `${(0, labels_1.countNoun)(payments.length, 'payment')}, ${(0, money_1.formatCents)(paid, currency, locale)} in all` : 'none',
            },
            { label: 'Invoice', value: order.invoice_number || order.invoice_id ? `#${order.invoice_number || order.invoice_id}` : '(none)' },
            // A copy re-entered by hand was entered after the snapshot, whatever date it carries.
            { label: 'Entered in Keap', value: order.creation_time ? (0, format_1.dateOnly)(order.creation_time, locale) : '(unknown)' },
        ],
    };
}
function itemLine(item, locale) {
    const name = item.name || item.product?.name || 'item';
    const price = item.price_per_unit ? ` at ${(0, money_1.formatCurrencyValue)(item.price_per_unit, locale)}` : '';
    return `${item.quantity ?? 1} × ${name}${price}`;
}
//# sourceMappingURL=lookAlike.js.map