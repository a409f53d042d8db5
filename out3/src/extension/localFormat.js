"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.usableLocale = usableLocale;
exports.localDateTime = localDateTime;
exports.localDate = localDate;
exports.spokenDateTime = spokenDateTime;
exports.localCents = localCents;
exports.localCurrencyValue = localCurrencyValue;
exports.localMajor = localMajor;
exports.fileSize = fileSize;
const money_1 = require("../core/money");
/** A locale Intl accepts: VS Code's language tag, else the core's. */
function usableLocale(locale) {
    if (!locale)
        return money_1.MONEY_LOCALE;
    try {
        return Intl.getCanonicalLocales(locale)[0] ?? money_1.MONEY_LOCALE;
    }
    catch {
        return money_1.MONEY_LOCALE; // not a BCP 47 tag
    }
}
function format(iso, locale, options, timeZone) {
    if (!iso)
        return '';
    const at = new Date(iso);
    if (Number.isNaN(at.getTime()))
        return iso;
    return new Intl.DateTimeFormat(usableLocale(locale), { ...options, timeZone }).format(at);
}
/** "27 Nov 2026, 14:05" (the order and words of the locale): for a line in a list. */
function localDateTime(iso, locale, timeZone) {
    return format(iso, locale, { dateStyle: 'medium', timeStyle: 'short' }, timeZone);
}
/** "27 Nov 2026". */
function localDate(iso, locale, timeZone) {
    return format(iso, locale, { dateStyle: 'medium' }, timeZone);
}
/** "27 November 2026 at 14:05": for a sentence, a tooltip, a screen reader. */
function spokenDateTime(iso, locale, timeZone) {
    return format(iso, locale, { dateStyle: 'long', timeStyle: 'short' }, timeZone);
}
/** Cents in the locale's money format ("$401.50", "401,50 $"). */
function localCents(cents, currencyCode, locale) {
    return (0, money_1.formatCents)(cents, currencyCode || 'USD', usableLocale(locale));
}
/** Keap's money object in the locale's format. */
function localCurrencyValue(value, locale) {
    return (0, money_1.formatCurrencyValue)(value, usableLocale(locale));
}
/** An amount Keap sends in major units (a payment's `amount`). */
function localMajor(major, currencyCode, locale) {
    return (0, money_1.formatMajor)(major, currencyCode || 'USD', usableLocale(locale));
}
/** "1.2 MiB". */
function fileSize(bytes) {
    if (bytes < 1024 * 1024)
        return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
//# sourceMappingURL=localFormat.js.map