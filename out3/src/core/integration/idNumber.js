"use strict";
/**
 * Reading the number in a place where a Keap id is expected, and refusing what only looks like one:
 * a price (`12.50`), a date or a time (`2026-11-27`, `12:30`), a phone number (`555-1234`), a
 * version (`1.2.3`), a percentage, hex (`0x1f`, `1a2b`), a code with leading zeros (`0042`).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.isDigit = isDigit;
exports.isWordChar = isWordChar;
exports.readIdNumber = readIdNumber;
exports.endsCleanly = endsCleanly;
exports.startsCleanly = startsCleanly;
const ZERO = 48;
const NINE = 57;
/** Keap's ids are positive integers; beyond 12 digits a number is a timestamp or a card, not an id. */
const MAX_ID_DIGITS = 12;
function isDigit(c) {
    return c >= ZERO && c <= NINE;
}
function isWordChar(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= ZERO && c <= NINE) || c === 95; /* _ */
}
/**
 * The id at `at` (digits, possibly in quotes), or undefined when the number there is not one.
 * `listInQuote`: the quotes may hold a comma-separated list (`"12,15"`), so a comma may end the number.
 */
function readIdNumber(text, at, listInQuote = false) {
    let i = at;
    let quote;
    const q = text[i];
    if (q === '"' || q === "'") {
        quote = q;
        i++;
    }
    const start = i;
    const first = text.charCodeAt(i);
    if (!isDigit(first) || first === ZERO)
        return undefined;
    while (i < text.length && isDigit(text.charCodeAt(i)))
        i++;
    const end = i;
    if (end - start > MAX_ID_DIGITS)
        return undefined;
    if (!endsCleanly(text, end))
        return undefined;
    if (quote) {
        if (text[end] === quote)
            return { start, end, quote, next: end + 1 };
        if (listInQuote && text[end] === ',')
            return { start, end, quote, next: end };
        return undefined;
    }
    return { start, end, next: end };
}
/** The number ends here and is not part of a decimal, a date, a time, a range, a version or a word. */
function endsCleanly(text, end) {
    const after = text.charCodeAt(end);
    if (Number.isNaN(after))
        return true;
    if (isWordChar(after) || after === 37 /* % */)
        return false;
    // 12.50, 2026-11-27, 12:30, 11/27, 1.2.3, 555-1234: a number goes on after the punctuation.
    if (after === 46 /* . */ || after === 45 /* - */ || after === 58 /* : */ || after === 47 /* / */) {
        return !isDigit(text.charCodeAt(end + 1));
    }
    return true;
}
/** Nothing before the number makes it the tail of something else (`v2`, `1.2`, `-5`, `+1 555…`, `#ff…`). */
function startsCleanly(text, start) {
    const before = text.charCodeAt(start - 1);
    if (Number.isNaN(before))
        return true;
    return !(isWordChar(before) || before === 46 || before === 45 || before === 43 /* + */);
}
//# sourceMappingURL=idNumber.js.map