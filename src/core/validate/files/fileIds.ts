/**
 * Every record id a file holds, by entity, with the line it is first on: what tells a duplicate
 * and whether a payment's order is in the file. It is the one thing besides the snapshot's lookups
 * that grows with the file (an entry per record; the records themselves are dropped once checked),
 * so it is kept small: Keap's ids are integers, held in typed arrays at 24 to 48 bytes each (12 a
 * slot, at most half of them full) instead of a string in a Map at about 100. Any other id (a file's own keys, say) goes to a Map.
 */
import type { SnapshotEntity } from '../../snapshot/entities';
import { detachedText } from './detachedText';

export class FileIds {
  private readonly byEntity = new Map<SnapshotEntity, IdLines>();

  /** Notes an id; the line of an earlier record with the same entity and id, if there was one. */
  add(entity: SnapshotEntity, id: string, line: number): number | undefined {
    let ids = this.byEntity.get(entity);
    if (!ids) this.byEntity.set(entity, (ids = new IdLines()));
    return ids.add(id, line);
  }

  has(entity: SnapshotEntity, id: string): boolean {
    return this.byEntity.get(entity)?.line(id) !== undefined;
  }
}

/** Largest id kept as a number: ids up to 2^53 - 1 are exact in a double. */
const MAX_NUMERIC = Number.MAX_SAFE_INTEGER;

/** Id -> first line, for one entity: integers in an open-addressing table, the rest in a Map. */
class IdLines {
  private keys = new Float64Array(1024);
  private lines = new Uint32Array(1024);
  private size = 0;
  private readonly others = new Map<string, number>();

  add(id: string, line: number): number | undefined {
    const n = numericId(id);
    if (n === undefined) {
      const first = this.others.get(id);
      if (first === undefined) this.others.set(detachedText(id), line);
      return first;
    }
    const slot = this.slotOf(n);
    if (this.keys[slot] === n) return this.lines[slot];
    this.keys[slot] = n;
    this.lines[slot] = line;
    if (++this.size * 2 > this.keys.length) this.grow();
    return undefined;
  }

  line(id: string): number | undefined {
    const n = numericId(id);
    if (n === undefined) return this.others.get(id);
    const slot = this.slotOf(n);
    return this.keys[slot] === n ? this.lines[slot] : undefined;
  }

  /** The slot holding `n`, or the empty one where it goes (0 marks empty: no id is 0 here). */
  private slotOf(n: number): number {
    const mask = this.keys.length - 1;
    // Mixes the high and low 32 bits (ids are often dense, so the low bits alone spread well too).
    let slot = (Math.imul((n % 0x100000000) ^ Math.floor(n / 0x100000000), 0x9e3779b1) >>> 0) & mask;
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

/** The id as a positive integer when it is written as one (no sign, no leading zero), else undefined. */
function numericId(id: string): number | undefined {
  if (id.length === 0 || id.length > 16 || id.charCodeAt(0) === 48 /* '0' */) return undefined;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const n = Number(id);
  return n <= MAX_NUMERIC ? n : undefined;
}
