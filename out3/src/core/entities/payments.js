"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.payments = void 0;
const money_1 = require("../money");
const define_1 = require("./define");
const restoreMark_1 = require("./restoreMark");
exports.payments = (0, define_1.defineEntity)({
    name: 'payments',
    noun: { one: 'payment', many: 'payments' },
    pages: (client, o) => (0, define_1.asJsonPages)(client.payments.pages(o)),
    changedSince: 'since_time',
    changeTime: 'update_time',
    table: {
        name: 'payments',
        idOf: define_1.byId,
        columns: [
            (0, define_1.text)('order_id', (r) => r.order_ids?.[0], true),
            (0, define_1.text)('contact_id', (r) => r.contact_id, true),
            (0, define_1.int)('amount_cents', (r) => (0, define_1.cents)(r.amount)),
            (0, define_1.text)('payment_time', (r) => r.payment_time),
            (0, define_1.text)('status', (r) => r.status),
            (0, define_1.text)('method', (r) => r.type),
            restoreMark_1.noteRestoreMark,
        ],
    },
    label: (record) => {
        const amount = (0, money_1.formatMajor)(Number(record.amount ?? 0));
        // A sales payment has `payment_time`; an order's payment row (read live) has `pay_time`.
        const day = String(record.payment_time ?? record.pay_time ?? '').slice(0, 10);
        return {
            label: `Payment #${record.id}`,
            description: `${amount} ${day}`.trim(),
            spoken: [`Payment ${String(record.id)}`, amount, day && `on ${day}`].filter(Boolean).join(', '),
        };
    },
    explorerRank: 50,
    live: {},
    uniqueIds: true,
});
//# sourceMappingURL=payments.js.map