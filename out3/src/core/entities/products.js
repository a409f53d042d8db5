"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.products = void 0;
const money_1 = require("../money");
const define_1 = require("./define");
exports.products = (0, define_1.defineEntity)({
    name: 'products',
    noun: { one: 'product', many: 'products' },
    pages: (client, o) => (0, define_1.asJsonPages)(client.products.pages(o)),
    changeTime: 'update_time',
    newestFirst: { orderBy: 'last_updated_time desc', timeField: 'update_time' },
    naturalKey: { name: 'SKU', of: (r) => (typeof r.sku === 'string' && r.sku ? [r.sku] : []) },
    get: async (client, id) => (await client.products.get(id)),
    table: {
        name: 'products',
        idOf: define_1.byId,
        columns: [
            (0, define_1.text)('name', (r) => r.name),
            (0, define_1.text)('sku', (r) => r.sku, true),
            (0, define_1.int)('price_cents', (r) => (0, define_1.amountOf)(r.price)),
            (0, define_1.int)('active', (r) => r.active),
        ],
    },
    children: [
        {
            name: 'subscription_plans',
            parentColumn: 'product_id',
            noun: { one: 'subscription plan', many: 'subscription plans' },
            idOf: define_1.byId,
            rowsOf: (r) => (r.subscription_plans ?? []),
            columns: [(0, define_1.text)('product_id', (_r, p) => p?.id, true), (0, define_1.int)('price_cents', (r) => (0, define_1.amountOf)(r.plan_price))],
        },
    ],
    label: (record) => ({
        label: String(record.name ?? `#${record.id}`),
        description: [record.sku, (0, money_1.formatCurrencyValue)(record.price)].filter(Boolean).join(' '),
    }),
    explorerRank: 40,
    live: {},
    uniqueIds: true,
});
//# sourceMappingURL=products.js.map