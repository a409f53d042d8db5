/**
 * One snapshot = one SQLite file (sql.js): entity tables plus a `meta` table (format version,
 * account, API base URL, times, counts, tool version, content checksum). Opening reads the file
 * into memory and verifies it; the file itself is never written by an open. Saving is atomic and
 * optionally encrypted.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../fs/atomicWrite';
import { decrypt, encrypt, isEncrypted } from './envelope';
import { createTableSql, ENTITY_DEFS, SNAPSHOT_ENTITIES, type SnapshotEntity, type SqlValue } from './entities';
import { SnapshotCorruptError, SnapshotFormatError, SnapshotNotFoundError, SnapshotQueryError, SnapshotVersionError } from './errors';
import { loadSqlJs, type Database } from './sqlite';
import { withPath } from '../fs/systemErrors';

export const SNAPSHOT_FORMAT = 'keap-vault-snapshot';
export const SNAPSHOT_FORMAT_VERSION = 1;
export const TOOL_VERSION = '0.1.0';
const SQLITE_MAGIC = 'SQLite format 3\u0000';

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
  /** SHA-256 over every table's ids and JSON in order. */
  checksum: string;
  /** Requests the capture made. */
  requests?: number;
  /** Set for an incremental capture: the snapshot it started from. */
  incrementalFrom?: string;
  /** Whether records deleted in Keap since `incrementalFrom` were looked for. */
  deletionsChecked?: boolean;
}

export interface OpenOptions {
  /** The secret an encrypted snapshot was saved with. */
  key?: string;
  /**
   * Skip the content checksum (a full read of every row): for listing snapshots by their
   * metadata only. Never for data that will be used.
   */
  metadataOnly?: boolean;
}

type Statement = ReturnType<Database['prepare']>;

export class SnapshotDb {
  /** One prepared INSERT per entity: compiling SQL per row would dominate a large capture. */
  private readonly inserts = new Map<SnapshotEntity, Statement>();

  private constructor(
    readonly db: Database,
    readonly file?: string,
  ) {}

  /** An empty snapshot with the schema in place. */
  static async create(): Promise<SnapshotDb> {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    for (const entity of SNAPSHOT_ENTITIES) for (const sql of createTableSql(ENTITY_DEFS[entity])) db.run(sql);
    return new SnapshotDb(db);
  }

  /** Opens and verifies a snapshot file. Any problem is a typed SnapshotError; the file is only read. */
  static async open(file: string, options: OpenOptions = {}): Promise<SnapshotDb> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new SnapshotNotFoundError(`No snapshot at ${file}`, file);
      throw withPath(err, file);
    }
    return SnapshotDb.fromBytes(bytes, options, file);
  }

  static async fromBytes(bytes: Uint8Array, options: OpenOptions = {}, file?: string): Promise<SnapshotDb> {
    const where = file ?? 'the snapshot';
    const plain = isEncrypted(bytes) ? decrypt(bytes, options.key, file) : bytes;
    if (Buffer.from(plain.subarray(0, 16)).toString('latin1') !== SQLITE_MAGIC) {
      throw new SnapshotFormatError(
        `${where} is not a Keap Vault snapshot (not an SQLite file${isEncrypted(bytes) ? '' : ', not encrypted'}).`,
        file,
      );
    }
    const SQL = await loadSqlJs();
    let db: Database;
    try {
      db = new SQL.Database(plain);
      db.exec('PRAGMA quick_check');
    } catch (err) {
      throw new SnapshotCorruptError(`${where} is damaged (${(err as Error).message}); it cannot be read.`, file);
    }
    const snapshot = new SnapshotDb(db, file);
    try {
      snapshot.verify(where, !options.metadataOnly);
    } catch (err) {
      db.close();
      throw err;
    }
    snapshot.addMissingTables();
    return snapshot;
  }

  /** Adds records of a captured entity (and the child rows they carry) in one transaction. */
  insert(entity: SnapshotEntity, records: readonly object[]): void {
    this.db.run('BEGIN');
    try {
      for (const record of records) this.insertOne(entity, record as Record<string, unknown>);
      this.db.run('COMMIT');
    } catch (err) {
      this.db.run('ROLLBACK');
      throw err;
    }
  }

  /** Removes records (and their child rows) by id. */
  remove(entity: SnapshotEntity, ids: Iterable<string>): number {
    const def = ENTITY_DEFS[entity];
    let removed = 0;
    this.db.run('BEGIN');
    for (const id of ids) {
      for (const child of def.children ?? []) this.db.run(`DELETE FROM ${child.entity} WHERE ${child.parentColumn} = ?`, [id]);
      this.db.run(`DELETE FROM ${entity} WHERE id = ?`, [id]);
      removed += this.db.getRowsModified();
    }
    this.db.run('COMMIT');
    return removed;
  }

  count(entity: SnapshotEntity): number {
    return Number(this.scalar(`SELECT COUNT(*) FROM ${checkedEntity(entity)}`) ?? 0);
  }

  counts(): Record<SnapshotEntity, number> {
    const present = this.tableNames(); // a table a file does not have yet holds nothing
    return Object.fromEntries(SNAPSHOT_ENTITIES.map((e) => [e, present.has(e) ? this.count(e) : 0])) as Record<SnapshotEntity, number>;
  }

  /** Every record of an entity in stored order, one at a time (a statement cursor, not an array). */
  *rows(entity: SnapshotEntity): Generator<{ id: string; json: string }> {
    const stmt = this.db.prepare(`SELECT id, json FROM ${checkedEntity(entity)} ORDER BY rowid`);
    try {
      while (stmt.step()) {
        const [id, json] = stmt.get() as [string, string];
        yield { id, json };
      }
    } finally {
      stmt.free();
    }
  }

  /** Runs a read query with bound parameters. */
  all<T = Record<string, SqlValue>>(sql: string, params: SqlValue[] = []): T[] {
    const stmt = this.db.prepare(sql);
    try {
      stmt.bind(params);
      const out: T[] = [];
      while (stmt.step()) out.push(stmt.getAsObject() as T);
      return out;
    } finally {
      stmt.free();
    }
  }

  scalar(sql: string, params: SqlValue[] = []): SqlValue | undefined {
    const stmt = this.db.prepare(sql);
    try {
      stmt.bind(params);
      return stmt.step() ? (stmt.get()[0] as SqlValue) : undefined;
    } finally {
      stmt.free();
    }
  }

  meta(): SnapshotMeta {
    const rows = this.all<{ key: string; value: string }>('SELECT key, value FROM meta');
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)])) as SnapshotMeta;
  }

  /** Computes counts and checksum, records the metadata, and writes the file atomically. */
  async save(
    file: string,
    meta: Omit<SnapshotMeta, 'format' | 'formatVersion' | 'counts' | 'checksum' | 'toolVersion'>,
    options: OpenOptions = {},
  ): Promise<SnapshotMeta> {
    const full: SnapshotMeta = {
      ...meta,
      apiBaseUrl: withoutCredentials(meta.apiBaseUrl),
      format: SNAPSHOT_FORMAT,
      formatVersion: SNAPSHOT_FORMAT_VERSION,
      toolVersion: TOOL_VERSION,
      counts: this.counts(),
      checksum: this.checksum(),
    };
    this.db.run('DELETE FROM meta');
    for (const [key, value] of Object.entries(full)) {
      if (value !== undefined) this.db.run('INSERT INTO meta (key, value) VALUES (?, ?)', [key, JSON.stringify(value)]);
    }
    this.freeStatements(); // export() refuses while statements are open
    const bytes = this.db.export();
    await writeFileAtomic(file, options.key ? encrypt(bytes, options.key) : bytes);
    return full;
  }

  close(): void {
    this.freeStatements();
    this.db.close();
  }

  private freeStatements(): void {
    for (const stmt of this.inserts.values()) stmt.free();
    this.inserts.clear();
  }

  /**
   * SHA-256 over every table's ids and JSON, in a fixed order. A table the file does not have (an
   * entity added to Keap Vault after the file was written) is not part of it, so older files verify.
   */
  checksum(): string {
    const hash = createHash('sha256');
    const present = this.tableNames();
    for (const entity of SNAPSHOT_ENTITIES) {
      if (!present.has(entity)) continue;
      hash.update(`\u0001${entity}\n`);
      for (const row of this.rows(entity)) hash.update(`${row.id}\u0000${row.json}\n`);
    }
    return hash.digest('hex');
  }

  private insertOne(entity: SnapshotEntity, record: Record<string, unknown>, parent?: Record<string, unknown>): void {
    const def = ENTITY_DEFS[entity];
    let stmt = this.inserts.get(entity);
    if (!stmt) {
      const names = ['id', 'json', ...def.columns.map((c) => c.name)];
      stmt = this.db.prepare(`INSERT INTO ${entity} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
      this.inserts.set(entity, stmt);
    }
    stmt.run([def.idOf(record, parent), JSON.stringify(record), ...def.columns.map((c) => c.of(record, parent))]);
    for (const child of def.children ?? []) for (const row of child.of(record)) this.insertOne(child.entity, row, record);
  }

  private tableNames(): Set<string> {
    return new Set(this.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => r.name));
  }

  /**
   * A file written before an entity was added has no table for it: add it empty, in memory only
   * (an open never writes the file), so every query can rely on every table.
   */
  private addMissingTables(): void {
    const present = this.tableNames();
    for (const entity of SNAPSHOT_ENTITIES) {
      if (!present.has(entity)) for (const sql of createTableSql(ENTITY_DEFS[entity])) this.db.run(sql);
    }
  }

  private verify(where: string, checksum: boolean): void {
    let meta: SnapshotMeta;
    try {
      meta = this.meta();
    } catch (err) {
      if (/no such table: meta/.test((err as Error).message)) {
        throw new SnapshotFormatError(`${where} is an SQLite database but not a Keap Vault snapshot.`, this.file);
      }
      throw new SnapshotCorruptError(`${where} is damaged (${(err as Error).message}).`, this.file);
    }
    if (meta.format !== SNAPSHOT_FORMAT)
      throw new SnapshotFormatError(`${where} is an SQLite database but not a Keap Vault snapshot.`, this.file);
    if (meta.formatVersion !== SNAPSHOT_FORMAT_VERSION) {
      throw new SnapshotVersionError(
        `${where} is a snapshot of format ${meta.formatVersion}; this Keap Vault reads format ${SNAPSHOT_FORMAT_VERSION}. Update Keap Vault to open it.`,
        this.file,
      );
    }
    if (!checksum) return;
    let actual: string;
    try {
      actual = this.checksum();
    } catch (err) {
      throw new SnapshotCorruptError(`${where} is damaged (${(err as Error).message}).`, this.file);
    }
    if (actual !== meta.checksum) {
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
