/**
 * Keap ids numbered 0, 1, 2… in the order they are first added: what lets a table of millions of
 * records keep what it knows of each in typed arrays, by number, rather than as a string key and an
 * object per record in a Map (hashedIdMap.ts, idGroups.ts). Keap's ids are decimal integers; such an
 * id is kept as a double, found through an open-addressing table of numbers (16 to 32 bytes an id
 * in all, against about 45 for a string in a Set). Any other id (never seen from Keap, but an id is
 * a string to us) goes to a Map, so nothing is refused and no two ids share a number.
 */
import { ID_HASH_SEED, mixedId } from './idTable';
import { grown, trimmed } from './typedArrays';

/** The largest id kept as a number: integers are exact in a double up to 2^53. */
const MAX_DIGITS = 15;

export class KeapIdIndex {
  /** Per number, its id as a double; NaN for an id kept in `other` (NaN equals nothing). */
  private numbers = new Float64Array(1024);
  /** Per slot, the number (+ 1; 0: empty) of the id that hashed there; at most half are taken. */
  private slots = new Uint32Array(2048);
  private numeric = 0;
  private count = 0;
  private readonly other = new Map<string, number>();

  get size(): number {
    return this.count;
  }

  /** The id's number, or undefined when it was never added. */
  indexOf(id: string): number | undefined {
    const n = asNumber(id);
    if (n === undefined) return this.other.get(id);
    const taken = this.slots[this.slotOf(n)];
    return taken ? taken - 1 : undefined;
  }

  has(id: string): boolean {
    return this.indexOf(id) !== undefined;
  }

  /** Adds the id unless it is there; its number either way (it is new when `size` grew). */
  add(id: string): number {
    const n = asNumber(id);
    if (n === undefined) {
      const known = this.other.get(id);
      if (known !== undefined) return known;
      const index = this.next(NaN);
      this.other.set(id, index);
      return index;
    }
    const slot = this.slotOf(n);
    if (this.slots[slot]) return this.slots[slot] - 1;
    const index = this.next(n);
    this.slots[slot] = index + 1;
    if (++this.numeric * 2 > this.slots.length) this.rehash();
    return index;
  }

  /** Gives back the room kept for ids to come (the numbers' array grows by doubling). */
  trim(): void {
    this.numbers = trimmed(this.numbers, this.count);
  }

  private next(n: number): number {
    const index = this.count++;
    this.numbers = grown(this.numbers, index + 1);
    this.numbers[index] = n;
    return index;
  }

  /** The slot holding `n`, or the empty one where it goes. */
  private slotOf(n: number): number {
    const mask = this.slots.length - 1;
    let slot = mixedId(n, ID_HASH_SEED) & mask;
    for (let taken = this.slots[slot]; taken && this.numbers[taken - 1] !== n; taken = this.slots[slot]) slot = (slot + 1) & mask;
    return slot;
  }

  private rehash(): void {
    this.slots = new Uint32Array(this.slots.length * 2);
    for (let index = 0; index < this.count; index++) {
      const n = this.numbers[index];
      if (!Number.isNaN(n)) this.slots[this.slotOf(n)] = index + 1;
    }
  }
}

/**
 * The id as a number when it is one exactly: digits only, no leading zero (so not "0"), at most
 * 15 digits. "007" and "7" are different ids, so "007" is not a number.
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
