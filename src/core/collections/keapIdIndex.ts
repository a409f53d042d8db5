/**
 * Keap ids numbered 0, 1, 2… in the order they are first added: what lets a table of millions of
 * records keep what it knows of each in typed arrays, by number, rather than as a string key and an
 * object per record in a Map (hashedIdMap.ts). Keap's ids are decimal integers; such an id is kept
 * as a number (IdTable: 24 to 48 bytes an id). Any other id (never seen from Keap, but an id is a
 * string to us) goes to a Map, so nothing is refused and no two ids share a number.
 */
import { IdTable } from './idTable';

/** The largest id kept as a number: integers are exact in a double up to 2^53. */
const MAX_DIGITS = 15;

export class KeapIdIndex {
  private readonly numeric = new IdTable();
  private readonly other = new Map<string, number>();

  get size(): number {
    return this.numeric.size + this.other.size;
  }

  /** The id's number, or undefined when it was never added. */
  indexOf(id: string): number | undefined {
    const n = asNumber(id);
    return n === undefined ? this.other.get(id) : this.numeric.line(n);
  }

  has(id: string): boolean {
    return this.indexOf(id) !== undefined;
  }

  /** Adds the id unless it is there; its number either way (it is new when `size` grew). */
  add(id: string): number {
    const next = this.size;
    const n = asNumber(id);
    if (n !== undefined) return this.numeric.add(n, next) ?? next;
    const known = this.other.get(id);
    if (known !== undefined) return known;
    this.other.set(id, next);
    return next;
  }
}

/**
 * The id as a number when it is one exactly: digits only, no leading zero, not 0 (IdTable marks an
 * empty slot with 0), at most 15 digits. "007" and "7" are different ids, so "007" is not a number.
 */
function asNumber(id: string): number | undefined {
  const length = id.length;
  if (length === 0 || length > MAX_DIGITS) return undefined;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9 || (i === 0 && digit === 0)) return undefined;
    n = n * 10 + digit;
  }
  return n;
}
