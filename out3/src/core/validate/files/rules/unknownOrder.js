"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unknownOrder = void 0;
const detachedText_1 = require("../detachedText");
const fileRule_1 = require("../fileRule");
/** Keap's transactions have the same shape as payments. */
const PAYING = ['payments', 'transactions'];
exports.unknownOrder = {
    id: 'file/unknown-order',
    severity: 'error',
    title: 'Payment for an order that is neither in the account nor in the file',
    explanation: 'A payment is money received against an order (`order_id` or `order_ids`). A payment for an order that does not exist is money ' +
        'accounting cannot place, and Keap cannot delete payments once they are recorded. The order may be from another account, may ' +
        "have been deleted, or may be missing from this import. Add the order to the file, use the order's id from the snapshot, or " +
        'restore the order first with Keap Vault so that the payment lands on it.',
    start: ({ snapshot, ids }) => {
        /** Findings that an order later in the file may still answer. */
        const pending = [];
        return {
            check(records) {
                const refs = records.flatMap((record) => {
                    if (!PAYING.includes(record.entity))
                        return [];
                    const single = (0, fileRule_1.referenceAt)(record.source.record, ['order_id']);
                    return [...(single ? [single] : []), ...(0, fileRule_1.referencesIn)(record.source.record, 'order_ids')].map((ref) => ({ record, ref }));
                });
                const unseen = refs.filter((r) => !ids.has('orders', r.ref.id));
                const known = snapshot.existingIds('orders', unseen.map((r) => r.ref.id));
                for (const { record, ref } of unseen) {
                    if (known.has(ref.id))
                        continue;
                    const finding = (0, fileRule_1.findingAt)(record, ref.path, `${(0, fileRule_1.describeRecord)(record)} is for order ${(0, fileRule_1.quoteId)(ref.id)}, which is neither in the snapshot nor in this file`, [{ entity: 'orders', id: ref.id }]);
                    pending.push({ order: (0, detachedText_1.detachedText)(ref.id), finding: (0, detachedText_1.detachedFinding)(finding) });
                }
                return [];
            },
            finish: () => pending.filter((p) => !ids.has('orders', p.order)).map((p) => p.finding),
        };
    },
};
//# sourceMappingURL=unknownOrder.js.map