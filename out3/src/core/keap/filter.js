"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeapFilter = void 0;
exports.filter = filter;
/**
 * Builds Keap v2 `filter` values: `;`-joined `field<op>value` clauses. Values are checked so a
 * stray `;` cannot smuggle in another clause (Keap silently ignores what it does not know, and a
 * broken filter can turn into a full export).
 */
const errors_1 = require("./errors");
class KeapFilter {
    clauses = [];
    static where(field, op, value) {
        return new KeapFilter().and(field, op, value);
    }
    and(field, op, value) {
        if (!/^[A-Za-z0-9_]+$/.test(field))
            throw new errors_1.KeapRequestError('filter-field', `Invalid filter field '${field}'`);
        const text = Array.isArray(value) ? value.join(',') : String(value);
        if (text.includes(';'))
            throw new errors_1.KeapRequestError('filter-value', `A filter value cannot contain ';' (${field})`);
        this.clauses.push(`${field}${op}${text}`);
        return this;
    }
    toString() {
        return this.clauses.join(';');
    }
}
exports.KeapFilter = KeapFilter;
function filter(field, op, value) {
    return KeapFilter.where(field, op, value).toString();
}
//# sourceMappingURL=filter.js.map