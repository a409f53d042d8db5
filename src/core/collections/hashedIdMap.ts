/**
 * Id -> a 32-hex-digit hash and an optional tail of text: what a plan's live index keeps of each of
 * the account's records (liveRecords.ts), millions of them in a large account. A Map of strings
 * spends 130 to 180 bytes on such an entry (a key string, a value string, the Map's slot); here an
 * entry is its id's number (KeapIdIndex), 16 bytes of hash and its tail's bytes. It reads like a
 * Map of the same strings: `get` gives back the very text it was given.
 */
import { KeapIdIndex } from './keapIdIndex';
import { TextArena } from './textArena';
import { grown, trimmed } from './typedArrays';

const HASH_BYTES = 16;
const HASH_HEX = HASH_BYTES * 2;
const STARTS_WITH_HASH = /^[0-9a-f]{32}/;

export class HashedIdMap {
  private readonly ids = new KeapIdIndex();
  private hashes = Buffer.alloc(HASH_BYTES * 1024);
  /** Per entry, where its tail is in `tails` and its length in bytes (0: no tail). */
  private tailAts = new Uint32Array(1024);
  private tailLengths = new Uint32Array(1024);
  private readonly tails = new TextArena();

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  get(id: string): string | undefined {
    const index = this.ids.indexOf(id);
    if (index === undefined) return undefined;
    const hash = this.hashes.toString('hex', index * HASH_BYTES, (index + 1) * HASH_BYTES);
    const length = this.tailLengths[index];
    return length ? hash + this.tails.text(this.tailAts[index], length) : hash;
  }

  /**
   * Keeps `value` for the id: 32 lowercase hex digits, then any text. An id already here keeps
   * its first value, as the live index keeps the first of a repeated record.
   */
  setIfAbsent(id: string, value: string): void {
    // invariant: every value kept here starts with a hash (liveRecords.ts makes them so).
    if (!STARTS_WITH_HASH.test(value)) throw new Error('A hashed id map keeps values that start with 32 lowercase hex digits');
    const before = this.ids.size;
    const index = this.ids.add(id);
    if (this.ids.size === before) return; // already here: the first value stays
    this.room(index + 1);
    this.hashes.write(value.slice(0, HASH_HEX), index * HASH_BYTES, HASH_BYTES, 'hex');
    if (value.length === HASH_HEX) return;
    const { at, length } = this.tails.add(value.slice(HASH_HEX));
    this.tailAts[index] = at;
    this.tailLengths[index] = length;
  }

  /** Gives back the room kept for entries to come (arrays grow by doubling): once an entity is read whole. */
  trim(): void {
    const size = this.ids.size;
    this.ids.trim();
    this.hashes = Buffer.from(this.hashes.subarray(0, size * HASH_BYTES));
    this.tailAts = trimmed(this.tailAts, size);
    this.tailLengths = trimmed(this.tailLengths, size);
  }

  private room(needed: number): void {
    if (needed * HASH_BYTES > this.hashes.length) {
      const hashes = Buffer.alloc(Math.max(needed, (this.hashes.length / HASH_BYTES) * 2, 1024) * HASH_BYTES);
      this.hashes.copy(hashes);
      this.hashes = hashes;
    }
    this.tailAts = grown(this.tailAts, needed);
    this.tailLengths = grown(this.tailLengths, needed);
  }
}
