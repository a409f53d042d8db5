"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.orders = void 0;
const money_1 = require("../money");
const define_1 = require("./define");
const restoreMark_1 = require("./restoreMark");
exports.orders = (0, define_1.defineEntity)({
    name: 'orders',
    noun: { one: 'order', many: 'orders' },
    pages: (client, o) => (0, define_1.asJsonPages)(client.orders.pages(o)),
    get: async (client, id) => (await client.orders.get(id)),
    changedSince: 'modified_since_time',
    changeTime: 'modification_time',
    table: {
        name: 'orders',
        idOf: define_1.byId,
        columns: [
            (0, define_1.text)('contact_id', (r) => r.contact?.id, true),
            (0, define_1.text)('invoice_id', (r) => r.invoice_id, true),
            (0, define_1.text)('status', (r) => r.status),
            (0, define_1.text)('order_time', (r) => r.order_time, true),
            (0, define_1.int)('total_cents', (r) => (0, define_1.amountOf)(r.total)),
            (0, define_1.int)('paid_cents', (r) => (0, define_1.amountOf)(r.total_paid)),
            (0, define_1.int)('due_cents', (r) => (0, define_1.amountOf)(r.total_due)),
            restoreMark_1.customFieldRestoreMark,
        ],
    },
    children: [
        {
            name: 'order_items',
            parentColumn: 'order_id',
            noun: { one: 'order item', many: 'order items' },
            idOf: define_1.byId,
            rowsOf: (r) => (r.order_items ?? []),
            columns: [
                (0, define_1.text)('order_id', (_r, p) => p?.id, true),
                (0, define_1.text)('product_id', (r) => r.product?.id, true),
                (0, define_1.text)('item_type', (r) => r.item_type),
                (0, define_1.int)('quantity', (r) => r.quantity),
                (0, define_1.int)('price_cents', (r) => (0, define_1.amountOf)(r.price_per_unit)),
                (0, define_1.text)('subscription_plan_id', (r) => r.subscription_plan?.id),
            ],
            uniqueIds: true,
        },
    ],
    label: (record) => {
        const o = record;
        const who = [o.contact?.given_name, o.contact?.family_name].filter(Boolean).join(' ') || o.contact?.email || `contact ${o.contact?.id ?? '?'}`;
        const total = (0, money_1.formatCurrencyValue)(o.total);
        // Keap's status codes (PAID, DRAFT…) as the words they are: shorter in a sidebar, and spoken as words.
        const status = o.status?.toLowerCase();
        return {
            label: `#${o.id} ${who}`,
            // What fits beside the name in a sidebar: the amount, and the status only when it is not the usual "paid".
            description: [total, status === 'paid' ? '' : status].filter(Boolean).join(' '),
            spoken: [`Order ${o.id}`, who, total, status].filter(Boolean).join(', '),
        };
    },
    explorerRank: 10,
    live: { orderBy: 'order_time desc' },
    uniqueIds: true,
});
//# sourceMappingURL=orders.js.map