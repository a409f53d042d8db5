"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.transactions = void 0;
const define_1 = require("./define");
exports.transactions = (0, define_1.defineEntity)({
    name: 'transactions',
    noun: { one: 'transaction', many: 'transactions' },
    pages: (client, o) => (0, define_1.asJsonPages)(client.transactions.pages(o)),
    changedSince: 'since_time',
    table: {
        name: 'transactions',
        // Keap v2 gives transactions no id: the payment and the time identify one.
        idOf: (r) => `${r.payment_id ?? ''}@${r.transaction_time ?? ''}`,
        columns: [
            (0, define_1.text)('payment_id', (r) => r.payment_id, true),
            (0, define_1.text)('order_id', (r) => r.order_ids?.[0], true),
            (0, define_1.text)('contact_id', (r) => r.contact_id, true),
            (0, define_1.int)('amount_cents', (r) => (0, define_1.cents)(r.amount)),
            (0, define_1.text)('transaction_time', (r) => r.transaction_time),
            (0, define_1.text)('status', (r) => r.status),
            (0, define_1.text)('method', (r) => r.transaction_method),
        ],
    },
    label: define_1.plainLabel,
    explorerRank: 90,
    live: {},
});
//# sourceMappingURL=transactions.js.map