"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeapResource = exports.KeapList = void 0;
exports.encodeId = encodeId;
const errors_1 = require("../errors");
const paging_1 = require("../paging");
/** A Keap v2 list endpoint: pages (with their tokens, for resuming) or one record at a time. */
class KeapList {
    transport;
    path;
    listKey;
    constructor(transport, 
    /** e.g. `/v2/orders` */
    path, 
    /** The list field in Keap's answer, e.g. `orders`. */
    listKey) {
        this.transport = transport;
        this.path = path;
        this.listKey = listKey;
    }
    pages(options) {
        return (0, paging_1.listPages)(this.transport, this.path, this.listKey, options);
    }
    list(options) {
        return (0, paging_1.listAll)(this.transport, this.path, this.listKey, options);
    }
}
exports.KeapList = KeapList;
/**
 * The list / get / create / update / delete shape most Keap v2 resources share. Resources with
 * more (payments, tags…) extend it; ones with less expose only what Keap has.
 */
class KeapResource extends KeapList {
    async get(id, query, signal) {
        return (await this.transport.request({ method: 'GET', path: `${this.path}/${encodeId(id)}`, query, signal })).data;
    }
    /**
     * Creates a record. Keap has no idempotency key, so pass `verify` (look the record up by what
     * identifies it) to let a create whose answer was lost be resolved instead of failing.
     */
    async create(body, options = {}) {
        return (await this.transport.request({
            method: 'POST',
            path: this.path,
            body,
            query: options.query,
            verify: options.verify,
            signal: options.signal,
        })).data;
    }
    /** PATCH with Keap's `update_mask`: only the named fields change (Keap replaces list fields whole). */
    async update(id, patch, signal) {
        const mask = Object.keys(patch);
        return (await this.transport.request({
            method: 'PATCH',
            path: `${this.path}/${encodeId(id)}`,
            body: patch,
            query: { update_mask: mask },
            signal,
        })).data;
    }
    async delete(id, signal) {
        await this.transport.request({ method: 'DELETE', path: `${this.path}/${encodeId(id)}`, signal });
    }
}
exports.KeapResource = KeapResource;
/** Keap ids are digit strings; anything else must not reach a URL path. */
function encodeId(id) {
    if (!/^\d+$/.test(id))
        throw new errors_1.KeapRequestError('id', `Not a Keap id: ${JSON.stringify(id).slice(0, 40)}`);
    return id;
}
//# sourceMappingURL=resource.js.map