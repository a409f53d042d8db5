"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nameWords = nameWords;
exports.idKeyOf = idKeyOf;
exports.containerKindOf = containerKindOf;
exports.singularKindWord = singularKindWord;
exports.isPlainIdName = isPlainIdName;
exports.isLookupVerb = isLookupVerb;
exports.lookupKindOf = lookupKindOf;
exports.isConstantName = isConstantName;
exports.isCountingName = isCountingName;
exports.nameInfo = nameInfo;
exports.kindOfFileName = kindOfFileName;
/** Words naming a kind, singular and plural. `plan` only counts after `subscription`. */
const KIND_WORDS = {
    order: { kind: 'order', plural: false },
    orders: { kind: 'order', plural: true },
    contact: { kind: 'contact', plural: false },
    contacts: { kind: 'contact', plural: true },
    company: { kind: 'company', plural: false },
    companies: { kind: 'company', plural: true },
    product: { kind: 'product', plural: false },
    products: { kind: 'product', plural: true },
    subscription: { kind: 'subscription', plural: false },
    subscriptions: { kind: 'subscription', plural: true },
    tag: { kind: 'tag', plural: false },
    tags: { kind: 'tag', plural: true },
    invoice: { kind: 'invoice', plural: false },
    invoices: { kind: 'invoice', plural: true },
    payment: { kind: 'payment', plural: false },
    payments: { kind: 'payment', plural: true },
};
/** Other systems an integration talks to: their order and customer ids are not Keap's. */
const FOREIGN_SYSTEMS = new Set([
    'shopify',
    'stripe',
    'woo',
    'woocommerce',
    'wc',
    'quickbooks',
    'qb',
    'qbo',
    'xero',
    'paypal',
    'hubspot',
    'salesforce',
    'sf',
    'sfdc',
    'zoho',
    'mailchimp',
    'bigcommerce',
    'magento',
    'amazon',
    'ebay',
    'etsy',
    'square',
    'shipstation',
    'netsuite',
    'zendesk',
    'intercom',
    'klaviyo',
    'pipedrive',
    'chargebee',
    'recurly',
    'braintree',
    'authorize',
    'external',
    'ext',
    'erp',
    'wms',
    'github',
    'jira',
    'slack',
    'twilio',
]);
/** Words that make a name a count, a size, a position or a setting rather than an id. */
const NOT_AN_ID = new Set([
    'count',
    'counts',
    'total',
    'totals',
    'max',
    'min',
    'num',
    'number',
    'limit',
    'size',
    'index',
    'idx',
    'position',
    'pos',
    'rank',
    'sort',
    'display',
    'qty',
    'quantity',
    'price',
    'amount',
    'version',
    'port',
    'timeout',
    'length',
    'page',
    'offset',
    'line',
    'level',
    'color',
    'colour',
    'name',
    'type',
    'status',
]);
/** Kinds that integrations name without `id` (`VIP_TAG = 91`, `DEFAULT_PRODUCT: 17`); never `order` (sort order). */
const BARE_KIND_WORDS = new Set(['tag', 'product', 'contact', 'invoice', 'company', 'subscription']);
/**
 * Cuts a name into lower-case words: `X-Keap-OrderID` -> x keap order id, `tagIds` -> tag ids,
 * `$order_id` -> order id. Digits stay with their word.
 */
function nameWords(name) {
    const words = [];
    let word = '';
    const flush = () => {
        if (word)
            words.push(word.toLowerCase());
        word = '';
    };
    for (let i = 0; i < name.length; i++) {
        const c = name[i];
        if (c === '_' || c === '-' || c === ' ' || c === '$' || c === '@' || c === '.' || c === ':') {
            flush();
            continue;
        }
        const upper = c >= 'A' && c <= 'Z';
        if (upper && word) {
            const prev = name[i - 1];
            const next = name[i + 1];
            const prevLower = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9');
            // orderId -> order|Id; OrderID -> Order|ID; HTTPServer -> HTTP|Server
            if (prevLower || (next !== undefined && next >= 'a' && next <= 'z' && prev >= 'A' && prev <= 'Z'))
                flush();
        }
        word += c;
    }
    flush();
    return words;
}
const keyCache = new Map();
const CACHE_LIMIT = 20_000;
/** The kind of id a name holds, or undefined when it is not a Keap id's name. */
function idKeyOf(name) {
    const known = keyCache.get(name);
    if (known !== undefined)
        return known ?? undefined;
    const key = classify(nameWords(name));
    if (keyCache.size >= CACHE_LIMIT)
        keyCache.clear();
    keyCache.set(name, key ?? null);
    return key;
}
function classify(words) {
    if (!words.length)
        return undefined;
    const last = words[words.length - 1];
    let kindWords;
    let plural = false;
    let bare = false;
    if (last === 'id' || last === 'ids') {
        kindWords = words.slice(0, -1);
        plural = last === 'ids';
    }
    else {
        kindWords = words;
        bare = true;
    }
    const kindAt = kindWords.length - 1;
    if (kindAt < 0)
        return undefined;
    const word = kindWords[kindAt];
    let kind;
    let qualifiers = kindWords.slice(0, kindAt);
    if ((word === 'plan' || word === 'plans') && kindWords[kindAt - 1]?.startsWith('subscription')) {
        kind = 'subscription_plan';
        plural ||= word === 'plans';
        qualifiers = kindWords.slice(0, kindAt - 1);
    }
    else {
        const known = KIND_WORDS[word];
        if (!known)
            return undefined;
        kind = known.kind;
        if (bare && (known.plural || !BARE_KIND_WORDS.has(word)))
            return undefined;
        plural ||= known.plural && !bare;
    }
    if (qualifiers.some((q) => FOREIGN_SYSTEMS.has(q) || NOT_AN_ID.has(q)))
        return undefined;
    return { kind, plural, explicit: !bare };
}
/**
 * The kind of record an object or list under this name holds: `"contact": {"id": …}`, `tags: [{id: …}]`,
 * `order:` (YAML) above `id: 1234`. Only a kind word at the end, not owned by another system.
 */
function containerKindOf(name) {
    const words = nameWords(name);
    const last = words[words.length - 1];
    if (last === undefined)
        return undefined;
    let kind;
    let qualifiers;
    if ((last === 'plan' || last === 'plans') && words[words.length - 2]?.startsWith('subscription')) {
        kind = 'subscription_plan';
        qualifiers = words.slice(0, -2);
    }
    else {
        kind = KIND_WORDS[last]?.kind;
        qualifiers = words.slice(0, -1);
    }
    if (!kind || qualifiers.some((q) => FOREIGN_SYSTEMS.has(q) || NOT_AN_ID.has(q)))
        return undefined;
    return kind;
}
/** A word that names a kind on its own (`Order` in "Order #1234", "order id 1234"), singular only. */
function singularKindWord(word) {
    const known = KIND_WORDS[word.toLowerCase()];
    return known && !known.plural ? known.kind : undefined;
}
/** `id`, `Id`, `ID`, `_id`: the name of a record's own id. */
function isPlainIdName(name) {
    return /^[_$]?(?:id|Id|ID)$/.test(name);
}
/** Verbs of a call that takes an id first: `orders.get(1234)`, `Contact::find(55)`, `fetch_order(1234)`. */
const LOOKUP_VERBS = new Set([
    'get',
    'fetch',
    'find',
    'load',
    'retrieve',
    'read',
    'show',
    'lookup',
    'delete',
    'destroy',
    'remove',
    'refund',
    'cancel',
    // `tags.apply(88, …)`: Keap's tags are applied and removed by id
    'apply',
]);
/** A verb of a lookup by id, alone (`get` in `orders.get(1234)`). */
function isLookupVerb(name) {
    return LOOKUP_VERBS.has(name.toLowerCase());
}
/** `getOrder`, `fetch_contact`, `findProductById`: a function that takes the id of a kind first. */
function lookupKindOf(name) {
    const words = nameWords(name);
    if (words.length < 2 || !LOOKUP_VERBS.has(words[0]))
        return undefined;
    let last = words.length - 1;
    if (words[last] === 'id' && words[last - 1] === 'by')
        last -= 2;
    if (last !== 1)
        return undefined;
    const known = KIND_WORDS[words[1]];
    return known && !known.plural ? known.kind : undefined;
}
/** `VIP_TAG`, `KEAP_ORDER_ID`: a constant's or an environment variable's name. */
function isConstantName(name) {
    return /^[A-Z][A-Z0-9_]*$/.test(name);
}
/** A word that makes a label a count or a setting: `"total": 17` in a map of tags is not a tag. */
function isCountingName(name) {
    return nameWords(name).some((w) => NOT_AN_ID.has(w));
}
const infoCache = new Map();
/** Longer names (a minified line, a base64 blob read as one word) name no id, and are not worth cutting up. */
const MAX_NAME_LENGTH = 80;
const NOTHING = { containerPlural: false, plainId: false, verb: false };
function nameInfo(name) {
    if (name.length > MAX_NAME_LENGTH)
        return NOTHING;
    let info = infoCache.get(name);
    if (!info) {
        const words = nameWords(name);
        const container = containerKindOf(name);
        info = {
            idKey: idKeyOf(name),
            container,
            containerPlural: !!container && !!KIND_WORDS[words[words.length - 1]]?.plural,
            lookup: lookupKindOf(name),
            singular: singularKindWord(name),
            plainId: isPlainIdName(name),
            verb: isLookupVerb(name),
        };
        if (infoCache.size >= CACHE_LIMIT)
            infoCache.clear();
        infoCache.set(name, info);
    }
    return info;
}
/**
 * The one kind a file's name names (`orders.csv`, `keap-order.json`, `contacts_2026-11.csv`), if it
 * names exactly one: what an unlabelled `id` at the top of the file is.
 */
function kindOfFileName(fileName) {
    const base = fileName.split(/[\\/]/).pop() ?? '';
    const kinds = new Set(nameWords(base.replace(/\.[^.]+$/, ''))
        .map((w) => containerKindOf(w))
        .filter(Boolean));
    return kinds.size === 1 ? [...kinds][0] : undefined;
}
//# sourceMappingURL=keyNames.js.map