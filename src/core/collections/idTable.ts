/**
 * Integer id -> a number (a line, an index), in an open-addressing hash table of typed arrays: 12
 * bytes a slot, at most half of the slots full (24 to 48 bytes an id, against about 100 for a
 * string in a Map). The file's id index (FileIds) keeps its newest ids here and moves them to disk
 * when the table is full. A plan's live index numbers its ids in a table of its own, hashed the same
 * way (keapIdIndex.ts).
 */
export class IdTable {
  private keys: Float64Array;
  private lines: Uint32Array;
  private count = 0;

  constructor(private readonly initialSlots = 1024) {
    this.keys = new Float64Array(initialSlots);
    this.lines = new Uint32Array(initialSlots);
  }

  get size(): number {
    return this.count;
  }

  line(n: number): number | undefined {
    const slot = this.slotOf(n);
    return this.keys[slot] === n ? this.lines[slot] : undefined;
  }

  /** Notes `n` at `line` unless it is already there; the line it was first on if it was. */
  add(n: number, line: number): number | undefined {
    const slot = this.slotOf(n);
    if (this.keys[slot] === n) return this.lines[slot];
    this.keys[slot] = n;
    this.lines[slot] = line;
    if (++this.count * 2 > this.keys.length) this.grow();
    return undefined;
  }

  /** Every id in ascending order with its line: what a run on disk is written from. */
  sorted(): { keys: Float64Array; lines: Uint32Array } {
    const keys = new Float64Array(this.count);
    let i = 0;
    for (const key of this.keys) if (key !== 0) keys[i++] = key;
    keys.sort();
    const lines = new Uint32Array(this.count);
    for (let j = 0; j < keys.length; j++) lines[j] = this.lines[this.slotOf(keys[j])];
    return { keys, lines };
  }

  /** Empties the table and gives its memory back. */
  clear(): void {
    this.keys = new Float64Array(this.initialSlots);
    this.lines = new Uint32Array(this.initialSlots);
    this.count = 0;
  }

  /** The slot holding `n`, or the empty one where it goes (0 marks empty: no id is 0 here). */
  private slotOf(n: number): number {
    const mask = this.keys.length - 1;
    let slot = mixedId(n, ID_HASH_SEED) & mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== n) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const [keys, lines] = [this.keys, this.lines];
    this.keys = new Float64Array(keys.length * 2);
    this.lines = new Uint32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const slot = this.slotOf(keys[i]);
      this.keys[slot] = keys[i];
      this.lines[slot] = lines[i];
    }
  }
}

/** The odd multiplier both id tables hash with (2^32 / the golden ratio). */
export const ID_HASH_SEED = 0x9e3779b1;

/**
 * A 32-bit hash of an integer id up to 2^53: its high and low 32 bits mixed, then multiplied by an
 * odd `seed` (ids are often dense, so the low bits alone spread well too; the high bits still count).
 */
export function mixedId(n: number, seed: number): number {
  const mixed = Math.imul((n % 0x100000000) ^ Math.floor(n / 0x100000000), seed);
  return (mixed ^ (mixed >>> 15)) >>> 0;
}
