"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lowercasedKey = exports.asJsonPages = exports.amountOf = exports.cents = exports.byId = exports.int = exports.text = void 0;
exports.defineEntity = defineEntity;
exports.plainLabel = plainLabel;
const money_1 = require("../money");
/** Keeps the literal names, so the registry can derive the entity name types from the modules. */
function defineEntity(module) {
    return module;
}
const text = (name, of, indexed = false) => ({
    name,
    type: 'TEXT',
    indexed,
    of: (r, p) => toText(of(r, p)),
});
exports.text = text;
const int = (name, of, indexed = false) => ({
    name,
    type: 'INTEGER',
    indexed,
    of: (r, p) => toInt(of(r, p)),
});
exports.int = int;
const byId = (r) => String(r.id);
exports.byId = byId;
function toText(v) {
    return v === undefined || v === null || v === '' ? null : String(v);
}
function toInt(v) {
    if (v === undefined || v === null || v === '')
        return null;
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    const n = Number(v);
    return Number.isFinite(n) ? Math.round(n) : null;
}
/** Keap's decimal amount (payments, transactions) in cents. */
const cents = (major) => (typeof major === 'number' ? (0, money_1.toCents)(major) : null);
exports.cents = cents;
/** The amount of a money object (`{ amount, currency_code, formatted_amount }`). */
const amountOf = (v) => v?.amount;
exports.amountOf = amountOf;
/** Keap's typed list pages, as plain records. */
const asJsonPages = (pages) => pages;
exports.asJsonPages = asJsonPages;
/** A text field as a natural key: lowercased (Keap compares it without case), none when empty. */
const lowercasedKey = (value) => (typeof value === 'string' && value ? [value.toLowerCase()] : []);
exports.lowercasedKey = lowercasedKey;
/** The record's name-like field, or its id: for entities with nothing better to show. */
function plainLabel(record) {
    return {
        label: String(record.name ?? record.label ?? record.title ?? `#${record.id ?? '?'}`),
        description: record.id ? `#${record.id}` : undefined,
    };
}
//# sourceMappingURL=define.js.map