"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.subscriptions = void 0;
/** Subscriptions: a contact's recurring billing of a product's plan. */
const define_1 = require("./define");
const restoreMark_1 = require("./restoreMark");
exports.subscriptions = (0, define_1.defineEntity)({
    name: 'subscriptions',
    noun: { one: 'subscription', many: 'subscriptions' },
    pages: (client, o) => (0, define_1.asJsonPages)(client.subscriptions.pages(o)),
    changeTime: 'modification_time',
    newestFirst: { orderBy: 'modification_time desc', timeField: 'modification_time' },
    get: async (client, id) => (await client.subscriptions.get(id)),
    table: {
        name: 'subscriptions',
        idOf: define_1.byId,
        columns: [
            (0, define_1.text)('contact_id', (r) => r.contact_id, true),
            (0, define_1.text)('product_id', (r) => r.product_id, true),
            (0, define_1.text)('subscription_plan_id', (r) => r.subscription_plan_id, true),
            (0, define_1.int)('active', (r) => r.active),
            restoreMark_1.customFieldRestoreMark,
        ],
    },
    label: define_1.plainLabel,
    explorerRank: 60,
    live: {},
    uniqueIds: true,
});
//# sourceMappingURL=subscriptions.js.map