"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALL_OPS = exports.MAX_PAGE_SIZE = exports.DEFAULT_PAGE_SIZE = void 0;
exports.listPage = listPage;
/**
 * Keap v2 list semantics: `filter` (`;`-joined clauses, `==`/`!=`/`<`/`<=`/`>`/`>=`, trailing `*`
 * wildcards, custom fields by `field_name`), `order_by=field asc|desc`, and opaque cursor paging
 * (`page_size` ≤ 1000, `page_token` in, `next_page_token` out).
 * Cursors are keyset positions, so records created or deleted between pages never make a reader
 * skip or repeat one.
 */
const apiError_1 = require("./apiError");
/** Keap does not document a default page size; 50 is what we assume when the caller sends none. */
exports.DEFAULT_PAGE_SIZE = 50;
exports.MAX_PAGE_SIZE = 1000;
exports.ALL_OPS = ['==', '!=', '<', '<=', '>', '>='];
const CLAUSE = /^\s*([A-Za-z0-9_]+)\s*(==|!=|>=|<=|>|<)\s*(.*?)\s*$/;
/**
 * One page of rows. `rowsAfter(id)` yields rows in ascending id order starting after `id`
 * (a table's index makes this cheap; the default `id asc` order never sorts).
 */
function listPage(spec, query, rowsAfter) {
    const pageSize = parsePageSize(query.page_size);
    const predicate = compileFilter(spec, query.filter ?? '');
    const [orderField, direction] = parseOrderBy(spec, query.order_by);
    const queryKey = `${query.filter ?? ''}|${orderField}|${direction}`;
    const cursor = query.page_token ? decodeCursor(query.page_token, queryKey) : undefined;
    const items = [];
    let more = false;
    if (orderField === 'id' && direction === 'asc') {
        for (const row of rowsAfter(cursor ? cursor.k[1] : 0)) {
            if (!predicate(row))
                continue;
            if (items.length === pageSize) {
                more = true;
                break;
            }
            items.push(row);
        }
    }
    else {
        const key = spec.orderBy[orderField];
        const sortValue = (row) => (orderField === 'id' ? row.id : (key(row) ?? null));
        const sign = direction === 'asc' ? 1 : -1;
        const compare = (a, b) => sign * (compareValues(a[0], b[0]) || a[1] - b[1]);
        const rows = [...rowsAfter(0)]
            .filter(predicate)
            .map((row) => ({ row, k: [sortValue(row), row.id] }));
        rows.sort((a, b) => compare(a.k, b.k));
        let start = 0;
        if (cursor)
            while (start < rows.length && compare(rows[start].k, cursor.k) <= 0)
                start++;
        for (let i = start; i < rows.length; i++) {
            if (items.length === pageSize) {
                more = true;
                break;
            }
            items.push(rows[i].row);
        }
    }
    const last = items[items.length - 1];
    const nextPageToken = more && last
        ? encodeCursor({ q: queryKey, k: [orderField === 'id' ? last.id : (spec.orderBy[orderField](last) ?? null), last.id] })
        : '';
    return { items, nextPageToken };
}
function parsePageSize(raw) {
    if (raw === undefined || raw === '')
        return exports.DEFAULT_PAGE_SIZE;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > exports.MAX_PAGE_SIZE) {
        throw (0, apiError_1.badRequest)(`page_size must be a whole number between 1 and ${exports.MAX_PAGE_SIZE}`);
    }
    return n;
}
function parseOrderBy(spec, raw) {
    if (!raw)
        return ['id', 'asc'];
    const [field, dir = 'asc', ...rest] = raw.trim().split(/\s+/);
    const direction = dir.toLowerCase();
    if (rest.length || (direction !== 'asc' && direction !== 'desc'))
        throw (0, apiError_1.badRequest)(`order_by '${raw}' must be 'field asc' or 'field desc'`);
    if (!(field in spec.orderBy) && field !== 'id') {
        throw (0, apiError_1.badRequest)(`order_by field '${field}' is not supported for ${spec.resource}; use one of ${Object.keys(spec.orderBy).join(', ')}`);
    }
    return [field, direction];
}
function compileFilter(spec, raw) {
    const clauses = raw.split(';').filter((c) => c.trim() !== '');
    const tests = clauses.map((clause) => {
        const m = CLAUSE.exec(clause);
        if (!m)
            throw (0, apiError_1.badRequest)(`Invalid filter clause '${clause}'`);
        const [, name, op, value] = m;
        const field = spec.filters[name] ?? customFilterField(spec, name);
        if (!field)
            throw (0, apiError_1.badRequest)(`Invalid filter field '${name}' for ${spec.resource}`);
        const ops = field.ops ?? ['=='];
        if (!ops.includes(op))
            throw (0, apiError_1.badRequest)(`Operator '${op}' is not allowed for filter field '${name}'`);
        return clauseTest(field, op, value, name);
    });
    return (row) => tests.every((t) => t(row));
}
function customFilterField(spec, name) {
    if (!spec.customFields || !spec.customOf)
        return undefined;
    const field = spec.customFields().find((f) => f.field_name.toLowerCase() === name.toLowerCase());
    if (!field)
        return undefined;
    const customOf = spec.customOf;
    const numeric = ['CURRENCY', 'DECIMAL_NUMBER', 'PERCENT', 'WHOLE_NUMBER', 'YEAR', 'MONTH', 'DAY_OF_WEEK', 'USER'].includes(field.field_type);
    const dated = field.field_type === 'DATE' || field.field_type === 'DATE_TIME';
    return {
        type: numeric ? { kind: 'number' } : dated ? { kind: 'text' } : { kind: 'text', wildcard: true },
        ops: numeric || dated ? exports.ALL_OPS : ['=='],
        get: (row) => customOf(row)[String(field.id)],
    };
}
function clauseTest(field, op, value, name) {
    const type = field.type;
    switch (type.kind) {
        case 'text': {
            if (type.contains && value.startsWith('*'))
                throw (0, apiError_1.badRequest)(`Filter field '${name}' takes a wildcard only at the end of the value`);
            if (type.wildcard && value.endsWith('*') && op === '==') {
                const prefix = value.slice(0, -1).toLowerCase();
                return (row) => String(field.get(row) ?? '')
                    .toLowerCase()
                    .startsWith(prefix);
            }
            const lower = value.toLowerCase();
            if (type.contains && op === '==')
                return (row) => String(field.get(row) ?? '')
                    .toLowerCase()
                    .includes(lower);
            return (row) => {
                const actual = field.get(row);
                if (actual === undefined || actual === null)
                    return op === '!=';
                return compareOp(String(actual).toLowerCase(), lower, op);
            };
        }
        case 'number': {
            const n = Number(value);
            if (value === '' || Number.isNaN(n))
                throw (0, apiError_1.badRequest)(`Filter field '${name}' needs a number, got '${value}'`);
            return (row) => {
                const actual = field.get(row);
                if (actual === undefined || actual === null || actual === '')
                    return op === '!=';
                return compareOp(Number(actual), n, op);
            };
        }
        case 'bool': {
            if (value !== 'true' && value !== 'false')
                throw (0, apiError_1.badRequest)(`Filter field '${name}' needs true or false`);
            return (row) => Boolean(field.get(row)) === (value === 'true');
        }
        case 'list': {
            const set = new Set(value
                .split(',')
                .map((v) => v.trim())
                .filter(Boolean));
            return (row) => {
                const actual = field.get(row);
                return Array.isArray(actual) ? actual.some((a) => set.has(String(a))) : set.has(String(actual));
            };
        }
        case 'since':
        case 'until': {
            const t = Date.parse(value);
            if (Number.isNaN(t))
                throw (0, apiError_1.badRequest)(`Filter field '${name}' needs an ISO-8601 time, got '${value}'`);
            return (row) => {
                const actual = field.get(row);
                if (typeof actual !== 'string')
                    return false;
                const at = Date.parse(actual);
                return type.kind === 'since' ? at >= t : at <= t;
            };
        }
    }
}
function compareOp(a, b, op) {
    switch (op) {
        case '==':
            return a === b;
        case '!=':
            return a !== b;
        case '<':
            return a < b;
        case '<=':
            return a <= b;
        case '>':
            return a > b;
        case '>=':
            return a >= b;
    }
}
function compareValues(a, b) {
    if (a === b)
        return 0;
    if (a === null)
        return -1;
    if (b === null)
        return 1;
    return a < b ? -1 : 1;
}
function encodeCursor(cursor) {
    return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}
function decodeCursor(token, queryKey) {
    let cursor;
    try {
        cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    }
    catch {
        throw (0, apiError_1.badRequest)('Invalid page_token');
    }
    if (!cursor || !Array.isArray(cursor.k) || typeof cursor.k[1] !== 'number')
        throw (0, apiError_1.badRequest)('Invalid page_token');
    if (cursor.q !== queryKey)
        throw (0, apiError_1.badRequest)('page_token was issued for a different filter or order_by');
    return cursor;
}
//# sourceMappingURL=listing.js.map