"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noContent = void 0;
exports.listQuery = listQuery;
exports.listResponse = listResponse;
exports.fromTable = fromTable;
exports.fromArray = fromArray;
exports.requestedFields = requestedFields;
exports.pathId = pathId;
const apiError_1 = require("../apiError");
const listing_1 = require("../listing");
function listQuery(query) {
    return {
        filter: query.get('filter') ?? undefined,
        order_by: query.get('order_by') ?? undefined,
        page_size: query.get('page_size') ?? undefined,
        page_token: query.get('page_token') ?? undefined,
    };
}
/** A list endpoint's answer: `{ <key>: [...], next_page_token }`. */
function listResponse(req, key, spec, rowsAfter, render) {
    const page = (0, listing_1.listPage)(spec, listQuery(req.query), rowsAfter);
    return { status: 200, body: { [key]: page.items.map(render), next_page_token: page.nextPageToken } };
}
function fromTable(table) {
    return (afterId) => table.valuesAfter(afterId);
}
function fromArray(rows) {
    const sorted = [...rows].sort((a, b) => a.id - b.id);
    return (afterId) => sorted.filter((r) => r.id > afterId);
}
/** `fields=a,b` (or repeated) -> the fields to return, always with `id`; undefined = the default set. */
function requestedFields(query, allowed) {
    const raw = query
        .getAll('fields')
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
    if (!raw.length)
        return undefined;
    for (const f of raw)
        if (!allowed.includes(f))
            throw (0, apiError_1.badRequest)(`Unknown field '${f}' in fields`);
    return ['id', ...raw.filter((f) => f !== 'id')];
}
function pathId(req, name) {
    const raw = req.params[name];
    if (!/^\d{1,15}$/.test(raw ?? ''))
        throw (0, apiError_1.badRequest)(`${name} must be a Keap id (a string of digits)`);
    return Number(raw);
}
exports.noContent = { status: 204 };
//# sourceMappingURL=common.js.map