/**
 * A sorted run of integer ids and their lines, written to a temporary file when the file's id index
 * fills its table in memory: what keeps checking a file of any size in flat memory. In memory a run
 * keeps only a Bloom filter (10 bits an id: most ids it does not hold are answered without a read)
 * and the first id of every block of 512 (a binary search names the one block to read).
 *
 * File layout: every id as a float64, ascending, then every line as a uint32 in the same order.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { KeapVaultFileError } from '../../errors';
import { BloomFilter } from './bloomFilter';
import { mixedId } from '../../collections/idTable';

/** Ids a block holds: one read of 4 KiB answers a lookup the filter lets through. */
export const BLOCK = 512;

export class IdRun {
  private readonly fd: number;
  private readonly path: string;
  private readonly count: number;
  private readonly filter: BloomFilter;
  private readonly blockFirsts: Float64Array;
  /** The block read last, kept: lookups of nearby ids (files are often in id order) read nothing. */
  private cached = { block: -1, keys: new Float64Array(BLOCK) };

  /** Writes `keys` (ascending, no 0) and their `lines` to a new file at `path`. */
  constructor(path: string, keys: Float64Array, lines: Uint32Array) {
    this.count = keys.length;
    this.path = path;
    this.fd = openSync(path, 'wx+', 0o600);
    writeAll(this.fd, new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength), 0);
    writeAll(this.fd, new Uint8Array(lines.buffer, lines.byteOffset, lines.byteLength), keys.byteLength);
    this.filter = new BloomFilter(keys.length);
    for (const key of keys) this.filter.add(...integerHashes(key));
    this.blockFirsts = new Float64Array(Math.ceil(keys.length / BLOCK));
    for (let b = 0; b < this.blockFirsts.length; b++) this.blockFirsts[b] = keys[b * BLOCK];
  }

  /** The line `n` was noted at, if this run holds it. */
  line(n: number): number | undefined {
    if (!this.filter.mayHave(...integerHashes(n))) return undefined;
    const block = lastAtMost(this.blockFirsts, n, this.blockFirsts.length);
    if (block < 0) return undefined;
    const keys = this.blockKeys(block);
    const length = Math.min(BLOCK, this.count - block * BLOCK);
    const at = lastAtMost(keys, n, length);
    if (at < 0 || keys[at] !== n) return undefined;
    const line = new Uint32Array(1);
    readAll(this.fd, new Uint8Array(line.buffer), this.count * 8 + (block * BLOCK + at) * 4, this.path);
    return line[0];
  }

  close(): void {
    closeSync(this.fd);
  }

  private blockKeys(block: number): Float64Array {
    if (this.cached.block !== block) {
      const length = Math.min(BLOCK, this.count - block * BLOCK);
      readAll(this.fd, new Uint8Array(this.cached.keys.buffer, 0, length * 8), block * BLOCK * 8, this.path);
      this.cached.block = block;
    }
    return this.cached.keys;
  }
}

/** The two hashes of an integer id for the Bloom filter. */
function integerHashes(n: number): [number, number] {
  return [mixedId(n, 0x9e3779b1), mixedId(n, 0x85ebca6b)];
}

/** Index of the last of the first `length` sorted `values` that is <= `n`; -1 when none is (ids as numbers or as text). */
export function lastAtMost<T extends number | string>(values: ArrayLike<T>, n: T, length: number): number {
  let [low, high] = [0, length - 1];
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (values[mid] <= n) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/** A temporary file of the id index that no longer holds what was written to it (removed or cut while the check ran). */
export class IdIndexFileError extends KeapVaultFileError<'id-index-damaged'> {
  readonly kind = 'id-index-damaged';
}

export function readAll(fd: number, into: Uint8Array, position: number, file: string): void {
  for (let done = 0; done < into.length;) {
    const read = readSync(fd, into, done, into.length - done, position + done);
    if (read === 0) {
      throw new IdIndexFileError(
        `The temporary file ${file}, where the check keeps the file's record ids, ends early at byte ${position + done}: ` +
          'something removed or cut it while the check ran. Check the file again.',
        file,
      );
    }
    done += read;
  }
}
