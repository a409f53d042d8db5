"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FIELD_TEXT = exports.STATUS_TEXT = exports.STATUS_ICON = exports.REASON_TEXT = exports.ACTION_ICON = exports.ACTION_TEXT = exports.ENTITY_IMPORTANCE = exports.ENTITY_NOUN = void 0;
exports.entityTitle = entityTitle;
exports.countOf = countOf;
exports.countNoun = countNoun;
exports.listOf = listOf;
exports.capitalize = capitalize;
exports.actionCount = actionCount;
exports.fieldText = fieldText;
exports.internalCodes = internalCodes;
exports.ENTITY_NOUN = {
    custom_fields: { one: 'custom field', many: 'custom fields' },
    tags: { one: 'tag', many: 'tags' },
    companies: { one: 'company', many: 'companies' },
    contacts: { one: 'contact', many: 'contacts' },
    products: { one: 'product', many: 'products' },
    subscription_plans: { one: 'subscription plan', many: 'subscription plans' },
    orders: { one: 'order', many: 'orders' },
    payments: { one: 'payment', many: 'payments' },
    contact_tags: { one: 'tag assignment', many: 'tag assignments' },
    subscriptions: { one: 'subscription', many: 'subscriptions' },
    campaigns: { one: 'campaign', many: 'campaigns' },
};
/** The order a summary names entities in: what a Keap admin cares about first. */
exports.ENTITY_IMPORTANCE = [
    'orders',
    'payments',
    'subscriptions',
    'contacts',
    'companies',
    'products',
    'subscription_plans',
    'tags',
    'contact_tags',
    'campaigns',
    'custom_fields',
];
/** "Custom fields": an entity as a heading or a filter option. */
function entityTitle(entity) {
    return capitalize(exports.ENTITY_NOUN[entity].many);
}
/** "1 custom field", "2 custom fields", "1,204 contacts". */
function countOf(n, entity) {
    return countNoun(n, exports.ENTITY_NOUN[entity]);
}
function countNoun(n, noun) {
    const { one, many } = typeof noun === 'string' ? { one: noun, many: `${noun}s` } : noun;
    return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
/** "a", "a and b", "a, b and c". */
function listOf(parts) {
    if (parts.length <= 1)
        return parts.join('');
    return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** An action as a column value and a filter option. */
exports.ACTION_TEXT = {
    create: 'Create',
    update: 'Update',
    skip: 'Leave as is',
    conflict: 'Needs your decision',
    blocked: "Can't be restored",
};
/** An action as a count in a sentence: "7 to create", "1 needs your decision". */
function actionCount(n, action) {
    const num = n.toLocaleString('en-US');
    switch (action) {
        case 'create':
            return `${num} to create`;
        case 'update':
            return `${num} to update`;
        case 'skip':
            return `${num} unchanged`;
        case 'conflict':
            return `${num} ${n === 1 ? 'needs' : 'need'} your decision`;
        case 'blocked':
            return `${num} can't be restored`;
    }
}
exports.ACTION_ICON = {
    create: 'add',
    update: 'edit',
    skip: 'dash',
    conflict: 'question',
    blocked: 'circle-slash',
};
/** Why a step does what it does, as a sentence (the code itself goes into the tooltip). */
exports.REASON_TEXT = {
    'missing-in-live': 'Not in the account: it will be created, and Keap gives it a new id.',
    'marker-field-missing': 'Created first, so restored records can be recognised later (see "Keap Vault Ref" above).',
    identical: 'Already in the account, identical.',
    'restored-earlier': 'Already restored by an earlier restore.',
    'present-differs': 'In the account with other values; left as it is.',
    differs: "In the account with other values: they are set back to the snapshot's.",
    relink: 'Points at a record that is gone; it will point at the restored one.',
    'matched-by-key': 'In the account under another id (same email, SKU or name).',
    'likely-duplicate': 'The account has an order that looks the same: is it this one?',
    'parent-missing': 'Needs a record that is neither in the account nor in this restore.',
    'parent-blocked': "Needs a record that can't be restored.",
    'cannot-create': "Keap's API can't create this kind of record: rebuild it in Keap.",
    'past-start-date': "Keap won't start a subscription in the past.",
    'not-restorable': 'Keap makes this itself: nothing to restore.',
    'would-overpay': "The order in the account owes less than this payment: it isn't recorded.",
    'linked-by-choice': 'You said the order in the account is this one: linked, nothing created.',
    'created-by-choice': 'You said the look-alike in the account is a different order: created anyway.',
};
exports.STATUS_ICON = {
    running: 'loading codicon-modifier-spin',
    done: 'check',
    skipped: 'dash',
    failed: 'error',
    reconciled: 'sync',
    'already-done': 'check-all',
    linked: 'link',
    conflict: 'warning',
};
exports.STATUS_TEXT = {
    running: 'Running…',
    done: 'Done',
    skipped: 'Skipped',
    failed: 'Failed',
    reconciled: 'Found done after a restart',
    'already-done': 'Already done',
    linked: 'Already in Keap: linked',
    conflict: 'Held: a look-alike appeared',
};
/** Field names of Keap's records as people read them; others are shown with spaces for underscores. */
exports.FIELD_TEXT = {
    given_name: 'first name',
    family_name: 'last name',
    middle_name: 'middle name',
    email_addresses: 'email addresses',
    phone_numbers: 'phone numbers',
    fax_numbers: 'fax numbers',
    addresses: 'addresses',
    job_title: 'job title',
    company: 'company',
    company_name: 'company name',
    contact: 'contact',
    order_items: 'items',
    order_time: 'order date',
    order_title: 'title',
    title: 'title',
    product: 'product',
    subscription_plan: 'subscription plan',
    price_per_unit: 'price',
    cost_per_unit: 'cost',
    custom_fields: 'custom fields',
    shipping_information: 'shipping address',
    shipping_address: 'shipping address',
    promo_code: 'promo code',
    lead_affiliate_id: 'lead affiliate',
    sales_affiliate_id: 'sales affiliate',
    payment_time: 'payment date',
    start_date: 'start date',
    end_date: 'end date',
    next_bill_date: 'next bill date',
    billing_amount: 'billing amount',
    sku: 'SKU',
    website: 'website',
    notes: 'notes',
    terms: 'terms',
    owner_id: 'owner',
    anniversary: 'anniversary',
    birthday: 'birthday',
    source_type: 'source',
    lead_source_id: 'lead source',
};
function fieldText(path) {
    return exports.FIELD_TEXT[path] ?? path.replace(/[._]+/g, ' ').trim();
}
/**
 * What the page must never show as visible text: the internal codes above, which are not words
 * (`custom_fields`, `missing-in-live`, `already-done`…). Entity names that are plain words
 * (`orders`) are words too, so they are not listed.
 */
function internalCodes() {
    const keys = [...Object.keys(exports.ENTITY_NOUN), ...Object.keys(exports.REASON_TEXT), ...Object.keys(exports.STATUS_TEXT), ...Object.keys(exports.FIELD_TEXT)];
    return [...new Set(keys.filter((k) => /[_:-]/.test(k)))];
}
//# sourceMappingURL=labels.js.map