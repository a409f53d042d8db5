/**
 * Format 2 keeps Keap's raw JSON compressed, several records to a block: a record alone is too
 * small for deflate to find repeats in, while neighbours of one entity share their keys and most
 * of their values' shapes, and a dictionary sampled from the entity's first page covers the rest.
 * Measured on the emulator's account: 6-9x smaller than the JSON text, at 5-30 µs per record to
 * compress and ~0.1-0.2 ms to open a block (cached, so a scan opens each block about once).
 *
 * A record's place is (block, slot): the block's rowid in `record_blocks` and its line within it.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Database } from './sqlite';
import { utf8Lines } from './utf8Lines';

/**
 * A block ends at 64 records or 64 KiB of JSON. Larger blocks compress better and faster (the
 * dictionary is primed once per block, which dominated 16-record blocks), and cost a random read
 * little: opening one is about 0.1 ms. Measured on a 20k-contact capture (2026-11-30): orders 190 ->
 * 184 bytes a record and 29 -> 21 µs to compress one; contacts 75 -> 70 bytes, 15 -> 8 µs.
 */
const RECORDS_PER_BLOCK = 64;
const BLOCK_BYTES = 64 * 1024;
/** deflate's window is 32 KiB; a longer dictionary would not be seen. */
const DICTIONARY_BYTES = 32 * 1024;
/** Blocks kept open: enough for a page of the explorer in any order, and for scans. */
const CACHE_BLOCKS = 256;

type Statement = ReturnType<Database['prepare']>;

export const RECORD_BLOCKS_SQL = [
  'CREATE TABLE record_blocks (rowid INTEGER PRIMARY KEY, entity TEXT NOT NULL, data BLOB NOT NULL)',
  'CREATE TABLE record_dictionaries (entity TEXT PRIMARY KEY, data BLOB NOT NULL)',
];

/**
 * A dictionary of records spread over the sample. It is stored once per entity, so for an entity
 * of a few records it stays a small part of what they weigh.
 */
function sampleDictionary(jsons: readonly string[]): Buffer {
  const picked: string[] = [];
  let bytes = 0;
  const budget = Math.min(DICTIONARY_BYTES, jsons.reduce((n, j) => n + j.length, 0) / 8);
  const step = Math.max(1, Math.floor(jsons.length / 64));
  for (let i = 0; i < jsons.length && bytes < budget; i += step) {
    picked.push(jsons[i]);
    bytes += jsons[i].length;
  }
  return Buffer.from(picked.join('\n')).subarray(-Math.max(1, Math.floor(budget)));
}

/** Writes blocks for one database: records are placed as they come, a block per 64 (or 64 KiB) of one entity. */
export class RecordBlockWriter {
  private readonly dictionaries = new Map<string, Buffer>();
  private insertBlock?: Statement;
  private insertDictionary?: Statement;
  /** Blocks are numbered here, as rows are by SnapshotDb: no query per block to learn its rowid. */
  private nextBlock: number;

  constructor(private readonly db: Database) {
    for (const row of selectAll(db, 'SELECT entity, data FROM record_dictionaries')) {
      this.dictionaries.set(String(row[0]), Buffer.from(row[1] as Uint8Array));
    }
    this.nextBlock = Number(selectAll(db, 'SELECT IFNULL(MAX(rowid), 0) + 1 FROM record_blocks')[0][0]);
  }

  /** Stores records' JSON (one entity, in order); returns each one's [block, slot]. */
  write(entity: string, jsons: readonly string[]): Array<[number, number]> {
    const dictionary = this.dictionaryFor(entity, jsons);
    this.insertBlock ??= this.db.prepare('INSERT INTO record_blocks (rowid, entity, data) VALUES (?, ?, ?)');
    const places: Array<[number, number]> = [];
    for (let start = 0; start < jsons.length;) {
      let end = start + 1;
      for (let bytes = jsons[start].length; end < jsons.length && end - start < RECORDS_PER_BLOCK; end++) {
        bytes += jsons[end].length + 1;
        if (bytes > BLOCK_BYTES) break;
      }
      const group = jsons.slice(start, end);
      const block = this.nextBlock++;
      this.insertBlock.run([block, entity, deflateRawSync(utf8Lines(group, false), { dictionary })]);
      for (let slot = 0; slot < group.length; slot++) places.push([block, slot]);
      start = end;
    }
    return places;
  }

  free(): void {
    this.insertBlock?.free();
    this.insertDictionary?.free();
    this.insertBlock = this.insertDictionary = undefined;
  }

  private dictionaryFor(entity: string, jsons: readonly string[]): Buffer {
    let dictionary = this.dictionaries.get(entity);
    if (!dictionary) {
      dictionary = sampleDictionary(jsons);
      this.insertDictionary ??= this.db.prepare('INSERT INTO record_dictionaries (entity, data) VALUES (?, ?)');
      this.insertDictionary.run([entity, dictionary]);
      this.dictionaries.set(entity, dictionary);
    }
    return dictionary;
  }
}

/** Reads records back by (block, slot), keeping the most recently opened blocks. */
export class RecordBlockReader {
  private readonly dictionaries = new Map<string, Buffer>();
  /** Open blocks: the inflated bytes and where each record starts (a newline separates them). */
  private readonly cache = new Map<number, { bytes: Buffer; starts: number[] }>();
  private select?: Statement;

  constructor(private readonly db: Database) {}

  json(block: number, slot: number): string {
    let open = this.cache.get(block);
    if (open) {
      this.cache.delete(block); // re-inserted below: Map order is the LRU order
    } else {
      open = this.open(block);
      if (this.cache.size >= CACHE_BLOCKS) this.cache.delete(this.cache.keys().next().value as number);
    }
    this.cache.set(block, open);
    const { bytes, starts } = open;
    // invariant: rows and blocks are written together in one transaction; the file's hash vouches for both.
    if (slot >= starts.length) throw new Error(`Record block ${block} has no record ${slot}`);
    // Only the record asked for becomes a string.
    return bytes.toString('utf8', starts[slot], slot + 1 < starts.length ? starts[slot + 1] - 1 : bytes.length);
  }

  /** Forget what was read: the blocks changed (a rollback) or the database is closing. */
  reset(): void {
    this.cache.clear();
    this.select?.free();
    this.select = undefined;
  }

  private open(block: number): { bytes: Buffer; starts: number[] } {
    this.select ??= this.db.prepare('SELECT entity, data FROM record_blocks WHERE rowid = ?');
    this.select.bind([block]);
    try {
      // invariant: a row names a block that its own transaction wrote.
      if (!this.select.step()) throw new Error(`Record block ${block} is missing`);
      const [entity, data] = this.select.get() as [string, Uint8Array];
      const bytes = inflateRawSync(data, { dictionary: this.dictionary(entity) });
      const starts = [0];
      for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) starts.push(at + 1);
      return { bytes, starts };
    } finally {
      this.select.reset();
    }
  }

  private dictionary(entity: string): Buffer {
    let dictionary = this.dictionaries.get(entity);
    if (!dictionary) {
      const row = selectAll(this.db, 'SELECT data FROM record_dictionaries WHERE entity = ?', [entity])[0];
      // invariant: the first block of an entity is written after its dictionary, in the same transaction.
      if (!row) throw new Error(`No dictionary for ${entity}'s record blocks`);
      dictionary = Buffer.from(row[0] as Uint8Array);
      this.dictionaries.set(entity, dictionary);
    }
    return dictionary;
  }
}

function selectAll(db: Database, sql: string, params: Array<string | number> = []): unknown[][] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: unknown[][] = [];
    while (stmt.step()) rows.push(stmt.get());
    return rows;
  } finally {
    stmt.free();
  }
}
