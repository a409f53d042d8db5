"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.idText = idText;
exports.referenceAt = referenceAt;
exports.referencesIn = referencesIn;
exports.findingAt = findingAt;
exports.describeRecord = describeRecord;
exports.quoteId = quoteId;
const fieldPath_1 = require("./fieldPath");
/** An id-like value (non-empty text or a number) as text. */
function idText(value) {
    if (typeof value === 'string')
        return value.trim() ? value : undefined;
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    return undefined;
}
/** The first of `paths` holding an id, e.g. `contact_id` or else `contact.id`. */
function referenceAt(record, paths, prefix = '') {
    for (const path of paths) {
        const id = idText((0, fieldPath_1.valueAt)(record, prefix + path));
        if (id !== undefined)
            return { id, path: prefix + path };
    }
    return undefined;
}
/** Every id in an array field, each with its path (`tag_ids[2]`). */
function referencesIn(record, path) {
    const list = (0, fieldPath_1.valueAt)(record, path);
    if (!Array.isArray(list))
        return [];
    return list.flatMap((v, i) => {
        const id = idText(v);
        return id === undefined ? [] : [{ id, path: `${path}[${i}]` }];
    });
}
/** A finding at a field of a record (at the record when the field cannot be placed). */
function findingAt(record, path, message, related = []) {
    return {
        entity: record.entity,
        recordId: record.recordId,
        message,
        related,
        position: record.source.fieldPosition(path) ?? record.source.position,
    };
}
const NOUNS = {
    contacts: 'Contact',
    companies: 'Company',
    products: 'Product',
    orders: 'Order',
    payments: 'Payment',
    transactions: 'Transaction',
    subscriptions: 'Subscription',
    tags: 'Tag',
    campaigns: 'Campaign',
    custom_fields: 'Custom field',
    order_items: 'Order item',
    subscription_plans: 'Subscription plan',
    contact_tags: 'Contact tag',
};
/** `Order 123`, or `Order without an id (record #2)`. */
function describeRecord(record) {
    const noun = NOUNS[record.entity] ?? record.entity;
    return record.id !== undefined ? `${noun} ${quoteId(record.id)}` : `${noun} without an id (record #${record.source.index})`;
}
/** Ids as they are when plain, quoted (JSON-escaped) when they hold anything else, so odd values read as data. */
function quoteId(id) {
    return /^[\w.-]+$/.test(id) ? id : JSON.stringify(id);
}
//# sourceMappingURL=fileRule.js.map