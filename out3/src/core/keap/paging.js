"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_PAGE_SIZE = void 0;
exports.listPages = listPages;
exports.listAll = listAll;
/**
 * Keap v2 cursor paging as async iteration, always at the largest page Keap allows, so reading N
 * records costs ceil(N / 1000) requests. Pages carry the token that fetched them and the next
 * one, so a reader can checkpoint and resume mid-list.
 */
const errors_1 = require("./errors");
exports.MAX_PAGE_SIZE = 1000;
async function* listPages(transport, path, key, options = {}) {
    let pageToken = options.pageToken;
    const seen = new Set();
    for (;;) {
        const res = await transport.request({
            method: 'GET',
            path,
            query: {
                ...options.query,
                filter: options.filter,
                order_by: options.orderBy,
                page_size: options.pageSize ?? exports.MAX_PAGE_SIZE,
                page_token: pageToken,
            },
            signal: options.signal,
        });
        const items = res.data?.[key];
        if (!Array.isArray(items))
            throw new errors_1.KeapPagingError('no-list', `GET ${path}: Keap's answer has no '${key}' list`, `GET ${path}`);
        const next = typeof res.data.next_page_token === 'string' && res.data.next_page_token ? res.data.next_page_token : undefined;
        yield { items: items, pageToken, nextPageToken: next };
        if (!next || items.length === 0)
            return;
        // A cursor that comes back again would loop forever: stop loudly instead.
        if (seen.has(next))
            throw new errors_1.KeapPagingError('repeated-page-token', `GET ${path}: Keap returned the same page token twice`, `GET ${path}`);
        seen.add(next);
        pageToken = next;
    }
}
async function* listAll(transport, path, key, options = {}) {
    for await (const page of listPages(transport, path, key, options))
        yield* page.items;
}
//# sourceMappingURL=paging.js.map