"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MONEY_LOCALE = void 0;
exports.toCents = toCents;
exports.toMajor = toMajor;
exports.formatCents = formatCents;
exports.formatMajor = formatMajor;
exports.formatCurrencyValue = formatCurrencyValue;
exports.currencyValue = currencyValue;
exports.centsOf = centsOf;
/**
 * Keap sends money two ways: `CurrencyValue` (integer minor units) in most v2 responses and plain
 * doubles in major units for order-item prices, payment amounts and billing amounts in requests.
 * Everything inside Keap Vault works in integer cents so that sums are exact.
 */
function toCents(major) {
    return Math.round(major * 100);
}
function toMajor(cents) {
    return cents / 100;
}
/**
 * The locale money is written in. Keap Vault's messages are English sentences that scripts and
 * people read alike, so amounts in them read the same on every machine: `$1,507.86`.
 */
exports.MONEY_LOCALE = 'en-US';
const formatters = new Map();
function formatterFor(currencyCode, locale) {
    const key = `${locale}|${currencyCode}`;
    let formatter = formatters.get(key);
    if (formatter === undefined) {
        try {
            formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode });
        }
        catch {
            formatter = null; // not an ISO 4217 code: written as the code and the number
        }
        formatters.set(key, formatter);
    }
    return formatter;
}
/**
 * An amount in cents as people read it: the currency's symbol, thousands separators, its minor
 * units (`$1,507.86`, `-$5.00`, `€12.50`). The one money format of the core, the CLI and the extension.
 */
function formatCents(cents, currencyCode = 'USD', locale = exports.MONEY_LOCALE) {
    const formatter = formatterFor(currencyCode, locale);
    if (formatter)
        return formatter.format(cents / 100);
    return `${cents < 0 ? '-' : ''}${currencyCode} ${(Math.abs(cents) / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
/** An amount Keap sends in major units (a payment's `amount`, an item's price) the same way: `12.5` -> `$12.50`. */
function formatMajor(major, currencyCode = 'USD', locale = exports.MONEY_LOCALE) {
    return formatCents(toCents(major ?? 0), currencyCode, locale);
}
/** Keap's money object as text in the same format; Keap's own display text only when the amount is missing. */
function formatCurrencyValue(value, locale = exports.MONEY_LOCALE) {
    if (typeof value?.amount === 'number' && Number.isFinite(value.amount))
        return formatCents(value.amount, value.currency_code || 'USD', locale);
    return value?.formatted_amount ?? '';
}
function currencyValue(cents, currencyCode = 'USD') {
    return { amount: cents, currency_code: currencyCode, formatted_amount: formatCents(cents, currencyCode) };
}
/** Cents of a CurrencyValue, tolerating the missing values Keap sends for empty money fields. */
function centsOf(value) {
    return value?.amount ?? 0;
}
//# sourceMappingURL=money.js.map