"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scanUrls = scanUrls;
/** The classic admin pages, by the name of their JSP (legacy names: a Job is an order, a ContactGroup a tag). */
const ADMIN_PAGES = {
    job: 'order',
    order: 'order',
    contact: 'contact',
    company: 'company',
    product: 'product',
    contactgroup: 'tag',
    invoice: 'invoice',
    subscription: 'subscription',
    recurringorder: 'subscription',
};
/** Path words of the app and the API. */
const PATH_KINDS = {
    orders: 'order',
    order: 'order',
    contacts: 'contact',
    contact: 'contact',
    companies: 'company',
    company: 'company',
    products: 'product',
    product: 'product',
    tags: 'tag',
    tag: 'tag',
    invoices: 'invoice',
    invoice: 'invoice',
    subscriptions: 'subscription',
    payments: 'payment',
};
// `manageJob.jsp?…ID=1234`: the JSP's name and its query (a URL ends at a blank, a quote or a bracket).
const ADMIN_PAGE = /manage([A-Za-z]+)\.jsp\?([^\s"'<>()`]*)/g;
// A URL of Keap's, from its host or the REST API's base path on (what comes before cannot hold an id),
// or a path string that starts with the API's version (`'/v2/orders/1234/payments'`: Keap's REST paths
// as integration code writes them; other shops' APIs put `/api/` or `/admin/` first).
const KEAP_URL = /(?:infusionsoft|keap)\.(?:com|app)(?=[/:])|\/crm\/rest\/|["'`]\/v[12]\/(?=[a-z]+\/[1-9])/gi;
// `/orders/1234`, `/contact/view/55` (the app puts a verb between the kind and the id).
const PATH_SEGMENT = /\/([a-z]+)\/(?:(?:view|edit|details)\/)?([1-9]\d{0,11})(?=$|[/?#&)\]"'`\s,;]|\.(?!\d))/gi;
const URL_END = /[\s"'<>`]/;
/** Whether the text can hold a Keap URL at all: plain substring searches, much faster than the regexes over most code. */
function mayHoldKeapUrl(text) {
    return (text.includes('nfusionsoft') || text.includes('eap.') || text.includes('/crm/rest/') || text.includes('/v1/') || text.includes('/v2/'));
}
function scanUrls(text, found) {
    if (!text.includes('.jsp?') && !mayHoldKeapUrl(text))
        return;
    for (const m of text.matchAll(ADMIN_PAGE)) {
        const kind = ADMIN_PAGES[m[1].toLowerCase()];
        if (!kind)
            continue;
        const queryStart = m.index + m[0].length - m[2].length;
        const id = /(?:^|&)id=([1-9]\d{0,11})(?=$|[&#])/i.exec(m[2]);
        if (id)
            found.push({
                kind,
                offset: queryStart + id.index + id[0].length - id[1].length,
                length: id[1].length,
                rule: 'admin-url',
                context: `manage${m[1]}.jsp?ID=`,
            });
    }
    let from = 0;
    if (!mayHoldKeapUrl(text))
        return;
    for (const m of text.matchAll(KEAP_URL)) {
        if (m.index < from)
            continue; // inside a URL already read
        let end = m.index + m[0].length;
        while (end < text.length && !URL_END.test(text[end]))
            end++;
        from = end;
        const url = text.slice(m.index, end);
        for (const s of url.matchAll(PATH_SEGMENT)) {
            const kind = PATH_KINDS[s[1].toLowerCase()];
            if (!kind)
                continue;
            const offset = m.index + s.index + s[0].length - s[2].length;
            found.push({ kind, offset, length: s[2].length, rule: 'api-url', context: `/${s[1]}/` });
        }
    }
}
//# sourceMappingURL=urlScan.js.map