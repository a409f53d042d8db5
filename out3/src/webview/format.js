"use strict";
/**
 * Dates as people read them, in VS Code's display language and this machine's time zone: the plan
 * and the receipt carry UTC ISO times ("2023-12-06T13:41:06.000Z"), the page shows "Dec 6, 2023, 1:41 PM".
 * Pure (no DOM): the host formats the same way for what it says.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.useLocale = useLocale;
exports.currentLocale = currentLocale;
exports.dateTime = dateTime;
exports.dateOnly = dateOnly;
exports.timeOnly = timeOnly;
exports.localizeTimes = localizeTimes;
exports.number = number;
/** Matches the ISO times the core writes into its sentences (`dated 2024-06-02T19:25:42.000Z`). */
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/g;
let pageLocale = 'en';
/** The locale the page formats in (VS Code's `env.language`, sent by the host); unknown tags fall back to English. */
function useLocale(locale) {
    pageLocale = supported(locale) ?? 'en';
}
function currentLocale() {
    return pageLocale;
}
function supported(locale) {
    if (!locale)
        return undefined;
    try {
        return Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : undefined;
    }
    catch {
        return undefined; // not a well-formed language tag
    }
}
function parse(iso) {
    if (!iso)
        return undefined;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? undefined : date;
}
/** "Dec 6, 2023, 1:41 PM"; the text itself when it is not a time. */
function dateTime(iso, locale = pageLocale) {
    const date = parse(iso);
    if (!date)
        return iso ?? '';
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
/** "Dec 6, 2023". */
function dateOnly(iso, locale = pageLocale) {
    const date = parse(iso);
    if (!date)
        return iso ?? '';
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}
/** "1:41 PM" (with seconds when the time has them: a quota reset at 00:00:30 is said so). */
function timeOnly(iso, locale = pageLocale) {
    const date = parse(iso);
    if (!date)
        return iso ?? '';
    return new Intl.DateTimeFormat(locale, { timeStyle: date.getSeconds() ? 'medium' : 'short' }).format(date);
}
/** A sentence of the core's with its ISO times written as local dates. */
function localizeTimes(text, locale = pageLocale) {
    return text.replace(ISO_TIME, (iso) => dateTime(iso, locale));
}
/** A whole number as the locale writes it: "1,204". */
function number(n, locale = pageLocale) {
    return n.toLocaleString(locale);
}
//# sourceMappingURL=format.js.map