"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inferEntity = inferEntity;
const has = (record, keys) => keys.some((k) => record[k] !== undefined);
function inferEntity(record) {
    if (has(record, ['order_items', 'order_title', 'order_time']))
        return 'orders';
    if (has(record, ['subscription_plan_id']))
        return 'subscriptions';
    // Transactions carry order_ids like payments; their own fields keep them from being called payments.
    if (has(record, ['transaction_time', 'transaction_method']))
        return 'transactions';
    if (has(record, ['payment_amount', 'payment_time', 'order_ids', 'pay_time']))
        return 'payments';
    if (has(record, ['email_addresses', 'given_name']))
        return 'contacts';
    return undefined;
}
//# sourceMappingURL=entityInference.js.map