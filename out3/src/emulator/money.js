"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACCOUNT_CURRENCY = void 0;
exports.centsOfDollars = centsOfDollars;
exports.dollarsOfCents = dollarsOfCents;
exports.currencyValue = currencyValue;
/** The emulated account bills in one currency; Keap accounts are single-currency too. */
exports.ACCOUNT_CURRENCY = 'USD';
/** A dollar amount sent as a JSON number (`"payment_amount": 12.5`) as the cents the account stores. */
function centsOfDollars(dollars) {
    // Round, not truncate: 0.07 * 100 is 7.000000000000001 and 0.29 * 100 is 28.999999999999996.
    return Math.round(dollars * 100);
}
/** Stored cents as the dollar double Keap answers with where it sends no CurrencyValue. */
function dollarsOfCents(cents) {
    return cents / 100;
}
/** Stored cents as Keap's CurrencyValue, with the display string Keap's UI would show ("-$1,234.50"). */
function currencyValue(cents) {
    return { amount: cents, currency_code: exports.ACCOUNT_CURRENCY, formatted_amount: displayDollars(cents) };
}
/** Integer arithmetic only, so the display never shows a float's rounding error. */
function displayDollars(cents) {
    const negative = cents < 0;
    const abs = Math.abs(cents);
    const dollars = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const pennies = String(abs % 100).padStart(2, '0');
    return `${negative ? '-' : ''}$${dollars}.${pennies}`;
}
//# sourceMappingURL=money.js.map