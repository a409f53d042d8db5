/**
 * Id -> a list of short texts, in the order they were added: a large account's orders by contact,
 * payments by order and tags by contact, as a plan's live index keeps them (liveRecords.ts). A Map
 * of arrays of objects spends some 400 bytes on a live order; here a text is its UTF-8 bytes
 * (TextArena) and 12 bytes of bookkeeping, its group's id a number (KeapIdIndex).
 */
import { KeapIdIndex } from './keapIdIndex';
import { TextArena } from './textArena';
import { grown, trimmed } from './typedArrays';

export class IdGroups {
  private readonly keys = new KeapIdIndex();
  /** Per group (by its id's number), its first and last entry, each as entry + 1 (0: none). */
  private firsts = new Uint32Array(1024);
  private lasts = new Uint32Array(1024);
  /** Per entry: the next entry of its group (+ 1; 0: none), where its text is and its length. */
  private nexts = new Uint32Array(1024);
  private ats = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);
  private entries = 0;
  private readonly texts = new TextArena();

  /** How many groups there are (each has at least one text). */
  get size(): number {
    return this.keys.size;
  }

  /** Appends `text` to the group of `id`. */
  add(id: string, text: string): void {
    const group = this.keys.add(id);
    this.firsts = grown(this.firsts, group + 1);
    this.lasts = grown(this.lasts, group + 1);
    const entry = this.entries++;
    this.nexts = grown(this.nexts, entry + 1);
    this.ats = grown(this.ats, entry + 1);
    this.lengths = grown(this.lengths, entry + 1);
    const { at, length } = this.texts.add(text);
    this.ats[entry] = at;
    this.lengths[entry] = length;
    const last = this.lasts[group];
    if (last) this.nexts[last - 1] = entry + 1;
    else this.firsts[group] = entry + 1;
    this.lasts[group] = entry + 1;
  }

  /** Gives back the room kept for groups and texts to come (arrays grow by doubling). */
  trim(): void {
    this.keys.trim();
    this.firsts = trimmed(this.firsts, this.keys.size);
    this.lasts = trimmed(this.lasts, this.keys.size);
    this.nexts = trimmed(this.nexts, this.entries);
    this.ats = trimmed(this.ats, this.entries);
    this.lengths = trimmed(this.lengths, this.entries);
  }

  /** The texts of the group of `id`, in the order added ([] when there are none). */
  get(id: string): string[] {
    const group = this.keys.indexOf(id);
    const texts: string[] = [];
    if (group === undefined) return texts;
    for (let entry = this.firsts[group]; entry; entry = this.nexts[entry - 1])
      texts.push(this.texts.text(this.ats[entry - 1], this.lengths[entry - 1]));
    return texts;
  }
}
