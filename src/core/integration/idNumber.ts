/**
 * Reading the number in a place where a Keap id is expected, and refusing what only looks like one:
 * a price (`12.50`), a date or a time (`2026-11-27`, `12:30`), a phone number (`555-1234`), a
 * version (`1.2.3`), a percentage, hex (`0x1f`, `1a2b`), a code with leading zeros (`0042`).
 */

const ZERO = 48;
const NINE = 57;

/** Keap's ids are positive integers; beyond 12 digits a number is a timestamp or a card, not an id. */
const MAX_ID_DIGITS = 12;

export function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= ZERO && c <= NINE) || c === 95; /* _ */
}

export interface IdNumber {
  /** Offset of the first digit and just after the last. */
  start: number;
  end: number;
  /** The quote the number sits in (`"1234"`), if any. */
  quote?: string;
  /** Just after the number and its closing quote. */
  next: number;
}

/**
 * The id at `at` (digits, possibly in quotes), or undefined when the number there is not one.
 * `listInQuote`: the quotes may hold a comma-separated list (`"12,15"`), so a comma may end the number.
 */
export function readIdNumber(text: string, at: number, listInQuote = false): IdNumber | undefined {
  let i = at;
  let quote: string | undefined;
  const q = text[i];
  if (q === '"' || q === "'") {
    quote = q;
    i++;
  }
  const start = i;
  const first = text.charCodeAt(i);
  if (!isDigit(first) || first === ZERO) return undefined;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  const end = i;
  if (end - start > MAX_ID_DIGITS) return undefined;
  if (!endsCleanly(text, end)) return undefined;
  if (quote) {
    if (text[end] === quote) return { start, end, quote, next: end + 1 };
    if (listInQuote && text[end] === ',') return { start, end, quote, next: end };
    return undefined;
  }
  return { start, end, next: end };
}

/** The number ends here and is not part of a decimal, a date, a time, a range, a version or a word. */
export function endsCleanly(text: string, end: number): boolean {
  const after = text.charCodeAt(end);
  if (Number.isNaN(after)) return true;
  if (isWordChar(after) || after === 37 /* % */) return false;
  // 12.50, 2026-11-27, 12:30, 11/27, 1.2.3, 555-1234: a number goes on after the punctuation.
  if (after === 46 /* . */ || after === 45 /* - */ || after === 58 /* : */ || after === 47 /* / */) {
    return !isDigit(text.charCodeAt(end + 1));
  }
  return true;
}

/** Nothing before the number makes it the tail of something else (`v2`, `1.2`, `-5`, `+1 555…`, `#ff…`). */
export function startsCleanly(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (Number.isNaN(before)) return true;
  return !(isWordChar(before) || before === 46 || before === 45 || before === 43 /* + */);
}
