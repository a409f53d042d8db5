/**
 * IdRun's counterpart for ids that are not integers (a file's own keys): a sorted run of
 * `[id, line]` JSON lines in a temporary file, with a Bloom filter and the first id and byte offset
 * of every block of 512 in memory. Ids are compared as JavaScript compares strings, in which order
 * the run is written and searched.
 */
import { closeSync, openSync } from 'node:fs';
import { BloomFilter, textHashes } from './bloomFilter';
import { BLOCK, lastAtMost, readAll, writeAll } from './idRun';

export class TextIdRun {
  private readonly fd: number;
  private readonly path: string;
  private readonly filter: BloomFilter;
  private readonly blockFirsts: string[] = [];
  /** Where each block starts, and (last) where the file ends. */
  private readonly blockStarts: number[] = [];
  private cached: { block: number; entries: Array<[string, number]> } = { block: -1, entries: [] };

  /** Writes `entries` (id -> line) to a new file at `path`. */
  constructor(path: string, entries: ReadonlyMap<string, number>) {
    const ids = [...entries.keys()].sort();
    this.filter = new BloomFilter(ids.length);
    this.path = path;
    this.fd = openSync(path, 'wx+', 0o600);
    let offset = 0;
    for (let start = 0; start < ids.length; start += BLOCK) {
      const block = ids.slice(start, start + BLOCK);
      const text = Buffer.from(block.map((id) => JSON.stringify([id, entries.get(id)]) + '\n').join(''));
      this.blockFirsts.push(block[0]);
      this.blockStarts.push(offset);
      writeAll(this.fd, text, offset);
      offset += text.length;
      for (const id of block) this.filter.add(...textHashes(id));
    }
    this.blockStarts.push(offset);
  }

  line(id: string): number | undefined {
    if (!this.filter.mayHave(...textHashes(id))) return undefined;
    const block = lastAtMost(this.blockFirsts, id, this.blockFirsts.length);
    if (block < 0) return undefined;
    return this.entries(block).find(([key]) => key === id)?.[1];
  }

  close(): void {
    closeSync(this.fd);
  }

  private entries(block: number): Array<[string, number]> {
    if (this.cached.block !== block) {
      const bytes = Buffer.alloc(this.blockStarts[block + 1] - this.blockStarts[block]);
      readAll(this.fd, bytes, this.blockStarts[block], this.path);
      const entries = bytes
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as [string, number]);
      this.cached = { block, entries };
    }
    return this.cached.entries;
  }
}
