/**
 * One snapshot = one SQLite file (sql.js): entity tables plus a `meta` table (format version,
 * account, API base URL, times, counts, tool version). Opening reads the file into memory and
 * verifies it; the file itself is never written by an open. Saving is atomic and optionally
 * encrypted. Format 2 (written since 0.2) stores records compressed (see schema.ts and
 * recordBlocks.ts) and is verified by a hash of the whole file; format 1 files stay readable.
 */
import { createHash } from 'node:crypto';
import { ENTITY_DEFS, SNAPSHOT_ENTITIES, type SnapshotEntity, type SqlValue } from './entities';
import { SnapshotCorruptError, SnapshotFormatError, SnapshotQueryError, SnapshotVersionError } from './errors';
import { defaultRoomBytes, withoutCopy, withRoomToGrow } from './fileRoom';
import { prepareRows, type PreparedRows } from './preparedRows';
import { RecordBlockReader, RecordBlockWriter } from './recordBlocks';
import {
  CHILD_JSON_FUNCTION,
  CHILD_OF,
  CURRENT_FORMAT,
  emptySchemaSql,
  indexSql,
  RECORD_JSON_FUNCTION,
  rowTable,
  tableSql,
  viewSql,
  type FormatVersion,
} from './schema';
import { FileOnDemand } from './fileOnDemand';
import { placeCipher, type WorkingFileHandle } from './workingFile';
import { plainImageOnDisk, readSnapshotFile, verifyImageOnDisk, writeSnapshotFile, type ImageOnDisk } from './snapshotFile';
import { loadSqlJs, SQLITE_MAGIC, type Database } from './sqlite';
import { EventLoopSlices, yieldToEventLoop } from '../work/eventLoopSlices';
import { CancelledError, throwIfCancelled } from '../work/cancelled';
import type { ProgressListener } from '../work/progress';

export const SNAPSHOT_FORMAT = 'keap-vault-snapshot';
const READABLE_FORMATS: readonly number[] = [1, 2];
export const TOOL_VERSION = '0.2.0';
/** SQLite's page cache per open snapshot. */
const PAGE_CACHE_KIB = 64 * 1024;
/**
 * From this size a plain snapshot file is read from disk as its pages are needed, not whole. Below
 * it, reading whole takes well under a second and queries run from memory.
 */
const ON_DEMAND_FROM_BYTES = 64 * 1024 * 1024;
/**
 * Pages of a new snapshot. A record block (a few KiB compressed) no longer spills from its page
 * into an overflow page, and a bulk load splits fewer pages. Measured at 100k contacts
 * (`bench/scale.js 100000`, 2026-12-02) against SQLite's 4 KiB: 1% smaller files and 8% less CPU
 * to capture, planning and diff alike. 64 KiB saved a little more but made planning's random
 * reads 20% slower (each page missed in the cache is copied whole out of sql.js's file).
 */
const PAGE_BYTES = 16 * 1024;
/** Prepared read queries kept per snapshot. */
const STATEMENT_CACHE = 64;
/** Parents whose child rows are kept rebuilt: a few MB of items and tag assignments. */
const CHILD_CACHE_PARENTS = 4096;

export interface SnapshotMeta {
  format: typeof SNAPSHOT_FORMAT;
  formatVersion: number;
  snapshotId: string;
  /** Keap's tenant id (`x-keap-tenant-id`) when known, else the API host. */
  account: string;
  /** Without credentials or query string. */
  apiBaseUrl: string;
  startedAt: string;
  finishedAt: string;
  counts: Partial<Record<SnapshotEntity, number>>;
  toolVersion: string;
  /** SHA-256 of the file's database image (format 2), or over every table's ids and JSON (format 1). */
  checksum: string;
  /** Requests the capture made. */
  requests?: number;
  /** Set for an incremental capture: the snapshot it started from. */
  incrementalFrom?: string;
  /** Whether records deleted in Keap since `incrementalFrom` were looked for. */
  deletionsChecked?: boolean;
}

/** What a snapshot's writer says about it; the rest of its metadata is found in the database. */
export type SavedMeta = Omit<SnapshotMeta, 'format' | 'formatVersion' | 'counts' | 'checksum' | 'toolVersion'>;

export interface OpenOptions {
  /** The secret an encrypted snapshot was saved with. */
  key?: string;
  /**
   * Skip format 1's content checksum (a full read of every row): for listing snapshots by their
   * metadata only. Never for data that will be used. (Format 2's hash costs little; it always runs.)
   */
  metadataOnly?: boolean;
  /** Bytes read and verified so far, then loading (the file's size in bytes is the total). */
  onProgress?: ProgressListener;
  /** Stops the open: it rejects with CancelledError and leaves nothing open. */
  signal?: AbortSignal;
  /**
   * When a snapshot read from disk on demand is verified: before the open returns (the default), or
   * alongside, for browsing (the explorer's first page at once); `verified()` then says when it is.
   */
  verify?: 'first' | 'alongside';
  /** Plain format 2 files from this size on are read from disk on demand (default 64 MiB). */
  onDemandFromBytes?: number;
}

type Statement = ReturnType<Database['prepare']>;

export class SnapshotDb {
  /** One prepared INSERT per table: compiling SQL per row would dominate a large capture. */
  private readonly inserts = new Map<SnapshotEntity, Statement>();
  private readonly statements = new Map<string, Statement>();
  /** The next rowid per table: given explicitly, so a child row knows its parent's without asking. */
  private readonly nextRowids = new Map<SnapshotEntity, number>();
  private readonly reader: RecordBlockReader;
  private writer?: RecordBlockWriter;
  /** Indexes wait until the first read after a bulk load. */
  private indexed: boolean;
  /**
   * Child rows rebuilt from their parents, the most recently used last. A scan in stored order needs
   * one parent at a time, but one in id order (a diff) meets the parents in any order: with a single
   * parent kept, it parsed an order again for nearly every item.
   */
  private readonly childRows = new Map<string, string[]>();
  /** Where each child entity's parent record is, by the parent's rowid: one prepared statement each. */
  private readonly parentPlaces = new Map<SnapshotEntity, Statement>();
  /** hasColumn's answers, by `entity.column`: a file's tables never change shape while it is open. */
  private readonly columnsPresent = new Map<string, boolean>();
  /**
   * Milliseconds of each synchronous step of the open that cannot be cut into slices: loading the
   * image into sql.js, the first query (SQLite reads the schema), setting up views and missing tables.
   * The open yields to the event loop between them; bench/responsiveness.ts reports the longest.
   */
  openSteps: Record<string, number> = {};
  /** Set for a file read from disk as SQLite needs its pages (fileOnDemand.ts), with its checksum's reading. */
  private onDemand?: { pages: FileOnDemand; verification: Promise<void>; stopVerifying: AbortController; release(): void };
  /** Set for a database being built in a working file (a capture's writer thread). */
  private building?: FileOnDemand;
  /** A rollback happened: MEMFS may have moved the file into memory (see fileRoom.ts, finishInFile). */
  private rolledBack = false;

  private constructor(
    readonly db: Database,
    readonly version: FormatVersion,
    readonly file: string | undefined,
    private sha256: string | undefined,
    loaded: boolean,
  ) {
    this.reader = new RecordBlockReader(db);
    // SQLite's page cache sits in front of sql.js's in-memory file, which it reads through a JS call
    // per page: 2 MB (the default) made every random look-up in a large snapshot a cache miss.
    db.run(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`);
    // What was loaded from an image was indexed before it was saved; a new one is indexed after its load.
    this.indexed = loaded;
    if (version === 2) this.attachViews();
  }

  /**
   * An empty snapshot (the current format) with its tables in place, and room for its file to
   * grow to `roomBytes` without being copied (fileRoom.ts).
   */
  static async create(roomBytes = defaultRoomBytes()): Promise<SnapshotDb> {
    const SQL = await loadSqlJs();
    const { bytes } = withRoomToGrow(emptyImage(SQL), roomBytes);
    return new SnapshotDb(new SQL.Database(bytes), CURRENT_FORMAT, undefined, undefined, false);
  }

  /**
   * An empty snapshot built in a working file (workingFile.ts) rather than in memory: SQLite's pages
   * go to the file as it writes them, and `finishInFile` leaves the finished database there.
   */
  static async createIn(working: WorkingFileHandle): Promise<SnapshotDb> {
    const SQL = await loadSqlJs();
    const pages = new FileOnDemand(working.fd, 0, 'the working file', { cipher: placeCipher(working), writeThrough: true, ownsFd: false });
    pages.write(emptyImage(SQL), 0);
    const snapshot = new SnapshotDb(new SQL.Database(pages.handover()), CURRENT_FORMAT, undefined, undefined, false);
    snapshot.building = pages;
    return snapshot;
  }

  /**
   * A snapshot a live read built in a working file (`SnapshotWriter.image`), read from it as
   * queries need its pages; `bytes` of it are the database, `sha256` their hash. What is written to
   * it stays in memory. Closing the snapshot closes the file (`release`).
   */
  static async fromWorkingFile(
    working: WorkingFileHandle,
    bytes: number,
    sha256: string,
    where: string,
    release: () => void,
  ): Promise<SnapshotDb> {
    const pages = new FileOnDemand(working.fd, bytes, where, { cipher: placeCipher(working), ownsFd: false });
    try {
      const snapshot = await SnapshotDb.fromImage(pages.handover(), sha256, false, {}, where, undefined);
      snapshot.onDemand = { pages, verification: Promise.resolve(), stopVerifying: new AbortController(), release };
      return snapshot;
    } catch (err) {
      release();
      throw err;
    }
  }

  /**
   * Opens and verifies a snapshot file. Any problem is a typed SnapshotError; the file is only read.
   * A large plain one is read from disk as queries need its pages (fileOnDemand.ts), its checksum
   * on a thread of its own; anything else is read whole and verified as it is read.
   */
  static async open(file: string, options: OpenOptions = {}): Promise<SnapshotDb> {
    const onDisk = await plainImageOnDisk(file, options.onDemandFromBytes ?? ON_DEMAND_FROM_BYTES);
    if (onDisk) return SnapshotDb.openOnDemand(file, onDisk, options);
    const { image, sha256, encrypted } = await readSnapshotFile(file, options.key, options);
    // The load below holds the thread for as long as it takes: give waiting work its turn first,
    // and do not start it for a caller who has already given up.
    await yieldToEventLoop();
    throwIfCancelled(options.signal, `Opening ${file}`);
    options.onProgress?.({ step: 'Loading', done: image.length, total: image.length, unit: 'bytes' });
    // The image becomes the file: it is not needed as it was, and a second copy would double what the open holds.
    const snapshot = await SnapshotDb.fromImage(withoutCopy(image), sha256, encrypted, options, file, file);
    if (options.signal?.aborted) {
      snapshot.close();
      throwIfCancelled(options.signal, `Opening ${file}`);
    }
    return snapshot;
  }

  private static async openOnDemand(file: string, onDisk: ImageOnDisk, options: OpenOptions): Promise<SnapshotDb> {
    const pages = new FileOnDemand(onDisk.fd, onDisk.imageBytes, file);
    const stopVerifying = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stopVerifying.signal]) : stopVerifying.signal;
    // metadataOnly lists snapshots by their meta: the checksum is read when one is opened for use.
    const verification = options.metadataOnly
      ? Promise.resolve()
      : verifyImageOnDisk(onDisk, file, { signal, onProgress: options.onProgress });
    verification.catch(() => undefined); // heard by the open, or by verified()
    let snapshot: SnapshotDb | undefined;
    try {
      if (options.verify !== 'alongside') await verification;
      throwIfCancelled(options.signal, `Opening ${file}`);
      snapshot = await SnapshotDb.fromImage(pages.handover(), onDisk.sha256, false, options, file, file);
      snapshot.onDemand = { pages, verification, stopVerifying, release: () => pages.close() };
      return snapshot;
    } catch (err) {
      stopVerifying.abort();
      // The thread reading the descriptor has stopped before it is closed (its number could be reused).
      void verification.catch(() => undefined).finally(() => pages.close());
      throw err;
    }
  }

  /**
   * Resolves once the snapshot's checksum is verified; rejects with SnapshotCorruptError if it does
   * not match. Only an open with `verify: 'alongside'` may still be verifying: long work waits for it.
   */
  verified(): Promise<void> {
    return this.onDemand?.verification ?? Promise.resolve();
  }

  /** What the snapshot holds in memory beside sql.js's page cache: its whole image, or only what was written to one read on demand. */
  get heldBytes(): number {
    if (this.onDemand) return this.onDemand.pages.writtenBytes + PAGE_CACHE_KIB * 1024;
    return (
      Number(this.db.exec('PRAGMA page_count')[0]?.values[0]?.[0] ?? 0) * Number(this.db.exec('PRAGMA page_size')[0]?.values[0]?.[0] ?? 0)
    );
  }

  /** Bytes read from disk since the open, for one read on demand (undefined for one held whole). */
  get bytesReadOnDemand(): number | undefined {
    return this.onDemand?.pages.bytesRead;
  }

  /**
   * `image` is handed over to sql.js as the database's file (`withoutCopy`, or a file read on
   * demand); `where` names the source in errors: the file, or what was read into memory.
   */
  private static async fromImage(
    image: Uint8Array,
    sha256: string | undefined,
    encrypted: boolean,
    options: OpenOptions,
    where: string,
    file: string | undefined,
  ): Promise<SnapshotDb> {
    if (Buffer.from(image.subarray(0, 16)).toString('latin1') !== SQLITE_MAGIC) {
      throw new SnapshotFormatError(
        `${where} is not a Keap Vault snapshot (not an SQLite file${encrypted ? '' : ', not encrypted'}).`,
        file,
      );
    }
    const SQL = await loadSqlJs();
    const slices = new EventLoopSlices(options.signal, `Opening ${where}`);
    const steps: Record<string, number> = {};
    const timed = <T>(step: string, run: () => T): T => {
      const started = performance.now();
      try {
        return run();
      } finally {
        steps[step] = performance.now() - started;
      }
    };
    let db: Database;
    try {
      db = timed('load', () => new SQL.Database(image));
      // Format 2's hash already vouches for every byte; format 1 has only its SQLite structure.
      if (!sha256) timed('quick_check', () => db.exec('PRAGMA quick_check'));
    } catch (err) {
      throw new SnapshotCorruptError(`${where} is damaged (${(err as Error).message}); it cannot be read.`, file);
    }
    let snapshot: SnapshotDb | undefined;
    try {
      await slices.yieldNow();
      const version = timed('format', () => SnapshotDb.formatOf(db, where));
      if (version === 2 && !sha256) throw new SnapshotCorruptError(`${where} is cut short or damaged: its checksum is missing.`, file);
      await slices.yieldNow();
      snapshot = timed('setup', () => new SnapshotDb(db, version, file, sha256, true));
      if (version === 1) await snapshot.verifyV1(where, !options.metadataOnly, slices);
      await slices.yieldNow();
      timed('missingTables', () => snapshot!.addMissingTables());
      snapshot.openSteps = steps;
      return snapshot;
    } catch (err) {
      // Not a snapshot, cut short, cancelled: nothing stays open.
      db.close();
      throw err;
    }
  }

  /** Reads the format from `meta`: typed errors for what is not a snapshot or is too new. */
  private static formatOf(db: Database, where: string): FormatVersion {
    let format: unknown;
    let version: unknown;
    try {
      const stmt = db.prepare("SELECT key, value FROM meta WHERE key IN ('format', 'formatVersion')");
      while (stmt.step()) {
        const [key, value] = stmt.get() as [string, string];
        if (key === 'format') format = JSON.parse(value);
        else version = JSON.parse(value);
      }
      stmt.free();
    } catch (err) {
      if (/no such table: meta/.test((err as Error).message))
        throw new SnapshotFormatError(`${where} is an SQLite database but not a Keap Vault snapshot.`, where);
      throw new SnapshotCorruptError(`${where} is damaged (${(err as Error).message}).`, where);
    }
    if (format !== SNAPSHOT_FORMAT) {
      throw new SnapshotFormatError(`${where} is an SQLite database but not a Keap Vault snapshot.`, where);
    }
    if (!READABLE_FORMATS.includes(version as number)) {
      throw new SnapshotVersionError(
        `${where} is a snapshot of format ${String(version)}; this Keap Vault reads formats ${READABLE_FORMATS.join(' and ')}. Update Keap Vault to open it.`,
        where,
      );
    }
    return version as FormatVersion;
  }

  /**
   * Adds records of a captured entity (and the child rows they carry) in one transaction. `jsons`,
   * when the caller has already written each record as JSON (a capture journals them), saves
   * writing them again.
   */
  insert(entity: SnapshotEntity, records: readonly object[], jsons: readonly string[] = records.map((r) => JSON.stringify(r))): void {
    this.insertPrepared(entity, prepareRows(entity, records), jsons);
  }

  /**
   * Adds a page whose rows were prepared elsewhere (`prepareRows`, on the thread that parsed it),
   * with each record's JSON as Keap sent it: what a capture's writer thread does with a page.
   */
  insertPrepared(entity: SnapshotEntity, rows: PreparedRows, jsons: readonly string[]): void {
    this.checkWritable();
    this.writer ??= new RecordBlockWriter(this.db);
    const writer = this.writer;
    this.inTransaction(() => this.insertPreparedRows(entity, rows, writer.write(entity, jsons)));
  }

  private checkWritable(): void {
    // invariant: only new snapshots are written, and they are always of the current format.
    if (this.version !== CURRENT_FORMAT) throw new Error('A format 1 snapshot is read-only');
  }

  private inTransaction(run: () => void): void {
    this.db.run('BEGIN');
    try {
      run();
      this.db.run('COMMIT');
    } catch (err) {
      this.db.run('ROLLBACK');
      this.forgetWrites();
      this.rolledBack = true;
      throw err;
    }
  }

  /** Removes records (and their child rows) by id. */
  remove(entity: SnapshotEntity, ids: Iterable<string>): number {
    this.ensureIndexes();
    const def = ENTITY_DEFS[entity];
    let removed = 0;
    this.db.run('BEGIN');
    for (const id of ids) {
      for (const child of def.children ?? [])
        this.db.run(`DELETE FROM ${rowTable(child.entity, this.version)} WHERE ${child.parentColumn} = ?`, [id]);
      this.db.run(`DELETE FROM ${rowTable(entity, this.version)} WHERE id = ?`, [id]);
      removed += this.db.getRowsModified();
    }
    this.db.run('COMMIT');
    this.childRows.clear();
    return removed;
  }

  count(entity: SnapshotEntity): number {
    return Number(this.scalar(`SELECT COUNT(*) FROM ${rowTable(checkedEntity(entity), this.version)}`) ?? 0);
  }

  counts(): Record<SnapshotEntity, number> {
    const present = this.entitiesPresent(); // a table a file does not have yet holds nothing
    return Object.fromEntries(SNAPSHOT_ENTITIES.map((e) => [e, present.has(e) ? this.count(e) : 0])) as Record<SnapshotEntity, number>;
  }

  /**
   * Every record of an entity, one at a time (a statement cursor, not an array): in stored order, or
   * by id (then stored order) for merging two snapshots; with the value of one more column when
   * asked (`also`); without reading JSON when `json` is false (its `json` is then ''). Format 2
   * reads the blocks in JS, without a SQL function call per row.
   */
  *rows(
    entity: SnapshotEntity,
    options: { also?: string; order?: 'stored' | 'id'; json?: boolean } = {},
  ): Generator<{ id: string; json: string; also?: SqlValue }> {
    this.ensureIndexes();
    checkedEntity(entity);
    const { also, order = 'stored', json: withJson = true } = options;
    if (also !== undefined && !ENTITY_DEFS[entity].columns.some((c) => c.name === also))
      throw new SnapshotQueryError('unknown-column', `${entity} has no column '${also}'`);
    const extra = also ? `, ${also}` : '';
    const orderBy = order === 'id' ? 'id, rowid' : 'rowid';
    const child = CHILD_OF[entity];
    const sql =
      this.version === 1
        ? `SELECT id, ${withJson ? 'json' : "''"}${extra} FROM ${entity} ORDER BY ${orderBy}`
        : `SELECT id, ${child ? 'prow' : 'blk'}, slot${extra} FROM ${rowTable(entity, 2)} ORDER BY ${orderBy}`;
    const stmt = this.db.prepare(sql);
    try {
      while (stmt.step()) {
        const row = stmt.get();
        if (this.version === 1) yield { id: row[0] as string, json: row[1] as string, also: row[2] as SqlValue };
        else {
          const [place, slot] = [row[1] as number, row[2] as number];
          const json = !withJson ? '' : child ? this.childJson(entity, place, slot) : this.reader.json(place, slot);
          yield { id: row[0] as string, json, also: row[3] as SqlValue };
        }
      }
    } finally {
      stmt.free();
    }
  }

  /** Runs a read query with bound parameters. */
  all<T = Record<string, SqlValue>>(sql: string, params: SqlValue[] = []): T[] {
    const stmt = this.statement(sql);
    try {
      stmt.bind(params);
      const out: T[] = [];
      while (stmt.step()) out.push(stmt.getAsObject() as T);
      return out;
    } finally {
      stmt.reset();
    }
  }

  /**
   * A read query's rows as arrays of their values, one at a time: for a pass over many rows, where
   * an object per row (all) costs more than the rest of the pass.
   */
  *tuples(sql: string, params: SqlValue[] = []): Generator<SqlValue[]> {
    this.ensureIndexes();
    const stmt = this.db.prepare(sql);
    try {
      stmt.bind(params);
      while (stmt.step()) yield stmt.get() as SqlValue[];
    } finally {
      stmt.free();
    }
  }

  scalar(sql: string, params: SqlValue[] = []): SqlValue | undefined {
    const stmt = this.statement(sql);
    try {
      stmt.bind(params);
      return stmt.step() ? (stmt.get()[0] as SqlValue) : undefined;
    } finally {
      stmt.reset();
    }
  }

  /**
   * A prepared statement per query text, kept: the planner and the explorer ask the same few
   * queries thousands of times, and compiling one (views included) costs more than running it.
   */
  private statement(sql: string): Statement {
    this.ensureIndexes();
    let stmt = this.statements.get(sql);
    if (stmt) {
      this.statements.delete(sql); // re-inserted below: Map order is the LRU order
    } else {
      stmt = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE) {
        const [oldest, old] = this.statements.entries().next().value as [string, Statement];
        old.free();
        this.statements.delete(oldest);
      }
    }
    this.statements.set(sql, stmt);
    return stmt;
  }

  meta(): SnapshotMeta {
    const rows = this.all<{ key: string; value: string }>('SELECT key, value FROM meta');
    const meta = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)])) as SnapshotMeta;
    return this.version === 1 ? meta : { ...meta, checksum: this.sha256 ?? '' };
  }

  /** Records the metadata (with counts) and writes the file atomically; the checksum is the file's hash. */
  async save(file: string, meta: SavedMeta, options: OpenOptions = {}): Promise<SnapshotMeta> {
    const { image, meta: full } = this.finish(meta);
    this.attachViews();
    this.sha256 = await writeSnapshotFile(file, image, options.key);
    return { ...full, checksum: this.sha256 };
  }

  /**
   * Records the metadata (with counts) and gives the database's image, ready to be written
   * (`writeSnapshotFile`): a capture's writer thread hands it to the thread that writes the file.
   * The database stays usable for reading only after `save`, which sets its views up again.
   */
  finish(meta: SavedMeta): { image: Uint8Array; meta: Omit<SnapshotMeta, 'checksum'> } {
    const full = this.recordMeta(meta);
    this.freeStatements(); // export() closes and reopens the database: statements, functions and views go
    return { image: this.db.export(), meta: full };
  }

  /**
   * `finish` for a database built in a working file (`createIn`): the finished database is the
   * file's first `bytes` bytes; it is closed after. After a rollback the file may have been moved
   * into memory (a rollback that shortens a file makes MEMFS copy it), so it is exported and
   * written back to the working file whole.
   */
  finishInFile(meta: SavedMeta): { bytes: number; meta: Omit<SnapshotMeta, 'checksum'> } {
    const building = this.building;
    // invariant: only a database made by createIn is finished in its file (snapshotWriterWorker.ts).
    if (!building) throw new Error('finishInFile is for a database built in a working file');
    const full = this.recordMeta(meta);
    this.freeStatements();
    const bytes = Number(this.db.exec('PRAGMA page_count')[0].values[0][0]) * Number(this.db.exec('PRAGMA page_size')[0].values[0][0]);
    if (this.rolledBack) building.write(this.db.export(), 0);
    this.db.close();
    return { bytes, meta: full };
  }

  /** Writes the metadata (with counts) into the database, indexes built; returns it. */
  private recordMeta(meta: SavedMeta): Omit<SnapshotMeta, 'checksum'> {
    this.checkWritable();
    this.ensureIndexes();
    const full: Omit<SnapshotMeta, 'checksum'> = {
      ...meta,
      apiBaseUrl: withoutCredentials(meta.apiBaseUrl),
      format: SNAPSHOT_FORMAT,
      formatVersion: CURRENT_FORMAT,
      toolVersion: TOOL_VERSION,
      counts: this.counts(),
    };
    this.db.run('DELETE FROM meta');
    for (const [key, value] of Object.entries(full)) {
      if (value !== undefined) this.db.run('INSERT INTO meta (key, value) VALUES (?, ?)', [key, JSON.stringify(value)]);
    }
    return full;
  }

  close(): void {
    this.freeStatements();
    this.db.close();
    const onDemand = this.onDemand;
    if (onDemand) {
      onDemand.stopVerifying.abort();
      // The thread reading the descriptor has stopped before it is closed (its number could be reused).
      void onDemand.verification.catch(() => undefined).finally(() => onDemand.release());
    }
  }

  private freeStatements(): void {
    for (const stmt of [...this.inserts.values(), ...this.statements.values(), ...this.parentPlaces.values()]) stmt.free();
    this.inserts.clear();
    this.statements.clear();
    this.parentPlaces.clear();
    this.writer?.free();
    this.writer = undefined;
    this.reader.reset();
    this.childRows.clear();
  }

  /** After a rollback: rowids and blocks may be handed out again, so nothing cached about them holds. */
  private forgetWrites(): void {
    this.nextRowids.clear();
    this.writer?.free();
    this.writer = undefined;
    this.reader.reset();
    this.childRows.clear();
  }

  /**
   * SHA-256 over every table's ids and JSON, in a fixed order: equal for two snapshots holding the
   * same records, whatever their format or file. Format 1 stored it as its checksum. A table the file
   * does not have (an entity added after it was written) is not part of it, so older files verify.
   */
  contentChecksum(): string {
    const hash = createHash('sha256');
    for (const piece of this.checksumPieces()) hash.update(piece);
    return hash.digest('hex');
  }

  /** What `contentChecksum` hashes, in order: a line naming each table, then a line per row. */
  private *checksumPieces(): Generator<string> {
    const present = this.entitiesPresent();
    for (const entity of SNAPSHOT_ENTITIES) {
      if (!present.has(entity)) continue;
      yield `\u0001${entity}\n`;
      for (const row of this.rows(entity)) yield `${row.id}\u0000${row.json}\n`;
    }
  }

  /** Each record's row at its place, then its child rows under its rowid: all rowids are given here. */
  private insertPreparedRows(entity: SnapshotEntity, rows: PreparedRows, places: ReadonlyArray<[number, number]>): void {
    const insert = this.insertStatement(entity);
    const rowids = rows.own.map((values, i) => {
      const rowid = this.nextRowid(entity);
      insert.run([rowid, ...values, places[i][0], places[i][1]]);
      return rowid;
    });
    for (const child of rows.children) {
      const insertChild = this.insertStatement(child.entity);
      for (const [parent, slot, ...values] of child.rows)
        insertChild.run([this.nextRowid(child.entity), ...values, rowids[parent as number], slot]);
    }
  }

  /** One prepared INSERT per table, columns in the entity's order, then where the JSON is. */
  private insertStatement(entity: SnapshotEntity): Statement {
    let stmt = this.inserts.get(entity);
    if (!stmt) {
      const names = ['rowid', 'id', ...ENTITY_DEFS[entity].columns.map((c) => c.name), CHILD_OF[entity] ? 'prow' : 'blk', 'slot'];
      stmt = this.db.prepare(`INSERT INTO ${rowTable(entity, 2)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
      this.inserts.set(entity, stmt);
    }
    return stmt;
  }

  private nextRowid(entity: SnapshotEntity): number {
    let next = this.nextRowids.get(entity);
    if (next === undefined) {
      const stmt = this.db.prepare(`SELECT IFNULL(MAX(rowid), 0) + 1 FROM ${rowTable(entity, 2)}`);
      stmt.step();
      next = Number(stmt.get()[0]);
      stmt.free();
    }
    this.nextRowids.set(entity, next + 1);
    return next;
  }

  /**
   * Builds the indexes of an entity whose records are all in (and of the child tables they carry),
   * before the rest of the load ends: a capture's writer thread does it while other entities are
   * still being read, instead of all at the end. Later inserts into these tables would still be
   * indexed, only slower.
   */
  indexEntity(entity: SnapshotEntity): void {
    for (const table of [entity, ...(ENTITY_DEFS[entity].children ?? []).map((c) => c.entity)])
      for (const sql of indexSql(table, this.version)) this.db.run(sql);
  }

  private ensureIndexes(): void {
    if (this.indexed) return;
    this.indexed = true;
    for (const entity of this.entitiesPresent()) for (const sql of indexSql(entity, this.version)) this.db.run(sql);
  }

  /** Format 2: each entity under its own name with its JSON, and the functions that rebuild it. */
  private attachViews(): void {
    this.db.create_function(RECORD_JSON_FUNCTION, (block: number, slot: number) => this.reader.json(block, slot));
    this.db.create_function(CHILD_JSON_FUNCTION, (entity: SnapshotEntity, parentRow: number, slot: number) =>
      this.childJson(entity, parentRow, slot),
    );
    for (const entity of this.entitiesPresent()) this.db.run(viewSql(entity, (column) => this.hasColumn(entity, column)));
  }

  /**
   * Whether the file's table of `entity` has `column`: a file written before the column was added
   * lacks it (its format 2 view reads NULL there), so a query that relies on the column's values
   * asks first and otherwise takes the way it took before the column existed.
   */
  hasColumn(entity: SnapshotEntity, column: string): boolean {
    const key = `${entity}.${column}`;
    let has = this.columnsPresent.get(key);
    if (has === undefined) {
      const stmt = this.db.prepare(`PRAGMA main.table_info(${rowTable(checkedEntity(entity), this.version)})`);
      has = false;
      while (stmt.step()) if (stmt.getAsObject().name === column) has = true;
      stmt.free();
      this.columnsPresent.set(key, has);
    }
    return has;
  }

  /** A child row's JSON, rebuilt from its parent's record exactly as format 1 stored it. */
  private childJson(entity: SnapshotEntity, parentRow: number, slot: number): string {
    const key = `${entity}:${parentRow}`;
    let rows = this.childRows.get(key);
    if (rows) {
      this.childRows.delete(key); // re-inserted below: Map order is the LRU order
    } else {
      const child = CHILD_OF[entity];
      // invariant: only child entities' views call this.
      if (!child) throw new Error(`${entity} is not a child entity`);
      let stmt = this.parentPlaces.get(entity);
      if (!stmt) {
        stmt = this.db.prepare(`SELECT blk, slot FROM ${rowTable(child.parent, 2)} WHERE rowid = ?`);
        this.parentPlaces.set(entity, stmt);
      }
      try {
        stmt.bind([parentRow]);
        // invariant: removing a parent removes its child rows in the same transaction.
        if (!stmt.step()) throw new Error(`${entity} row of missing ${child.parent} row ${parentRow}`);
        const [block, parentSlot] = stmt.get() as [number, number];
        const parent = JSON.parse(this.reader.json(block, parentSlot)) as Record<string, unknown>;
        rows = child.rowsOf(parent).map((row) => JSON.stringify(row));
      } finally {
        stmt.reset();
      }
      if (this.childRows.size >= CHILD_CACHE_PARENTS) this.childRows.delete(this.childRows.keys().next().value as string);
    }
    this.childRows.set(key, rows);
    return rows[slot];
  }

  private entitiesPresent(): Set<SnapshotEntity> {
    const names = new Set<string>();
    const stmt = this.db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'"); // not this.all: no indexes needed
    while (stmt.step()) names.add(String(stmt.get()[0]));
    stmt.free();
    return new Set(SNAPSHOT_ENTITIES.filter((e) => names.has(rowTable(e, this.version))));
  }

  /**
   * A file written before an entity was added has no table for it: add it empty, in memory only
   * (an open never writes the file), so every query can rely on every table.
   */
  private addMissingTables(): void {
    const present = this.entitiesPresent();
    for (const entity of SNAPSHOT_ENTITIES) {
      if (present.has(entity)) continue;
      this.db.run(tableSql(entity, this.version));
      for (const sql of indexSql(entity, this.version)) this.db.run(sql);
      if (this.version === 2) this.db.run(viewSql(entity));
    }
  }

  /** Format 1's row checksum, computed in slices: an old file may be large, and this runs in the extension host. */
  private async verifyV1(where: string, checksum: boolean, slices: EventLoopSlices): Promise<void> {
    if (!checksum) return;
    const hash = createHash('sha256');
    let expected: string;
    try {
      expected = this.meta().checksum;
      let pieces = 0;
      for (const piece of this.checksumPieces()) {
        hash.update(piece);
        if (++pieces % 256 === 0) await slices.maybeYield();
      }
    } catch (err) {
      if (err instanceof CancelledError) throw err;
      throw new SnapshotCorruptError(`${where} is damaged (${(err as Error).message}).`, this.file);
    }
    if (hash.digest('hex') !== expected) {
      throw new SnapshotCorruptError(
        `${where} was changed or damaged after it was written (checksum mismatch); it is not trusted.`,
        this.file,
      );
    }
  }
}

function checkedEntity(entity: string): SnapshotEntity {
  if (!(SNAPSHOT_ENTITIES as readonly string[]).includes(entity))
    throw new SnapshotQueryError('unknown-entity', `Unknown snapshot entity '${entity}'`);
  return entity as SnapshotEntity;
}

/** The API base URL as it may be stored: no user info, query or fragment. */
export function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** The image of an empty snapshot of the current format: its tables, and the page size. */
function emptyImage(SQL: Awaited<ReturnType<typeof loadSqlJs>>): Uint8Array {
  const empty = new SQL.Database();
  try {
    empty.run(`PRAGMA page_size = ${PAGE_BYTES}`);
    for (const sql of emptySchemaSql()) empty.run(sql);
    return empty.export();
  } finally {
    empty.close();
  }
}
