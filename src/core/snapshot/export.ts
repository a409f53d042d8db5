/**
 * Exports a snapshot to files people and other tools can read: one JSON document, NDJSON per
 * entity, or CSV per entity. Rows stream from the snapshot's cursor into write streams with
 * backpressure, so memory does not grow with the number of rows.
 *
 * Files are written under temporary names inside `outDir` and renamed only once every file of the
 * export is complete: a failed or cancelled export leaves nothing under a final name. File names
 * come from entity names only (never from data) and are checked to stay inside `outDir`. Files are
 * created 0600, like snapshots, since they hold personal data.
 *
 * Entities: by default the captured ones (Keap's records as returned). The derived tables
 * (order_items, subscription_plans, contact_tags) copy data already inline in their parent; they are
 * exported only when asked for, each record with its parent's id added under the parent column
 * name (`order_id`, `product_id`, `contact_id`), as the stored JSON alone does not say whose it is.
 *
 * CSV:
 * - Columns are the records' flattened keys, in first-seen order over all rows (a first pass over
 *   the cursor collects them). Nested objects become dotted paths (`contact.id`, `total.amount`);
 *   an empty object gives no column; null gives an empty cell.
 * - Arrays of scalars are joined with `;` (`tag_ids` → `12;15`); this is ambiguous if an element
 *   itself contains `;`. Arrays holding objects or arrays are one cell of JSON text
 *   (`order_items`, `custom_fields`, `email_addresses`): a stable width table and no data lost;
 *   export the derived entities (e.g. order_items) for a flat table of those.
 * - RFC 4180: fields with a comma, quote, CR or LF are quoted with quotes doubled; CRLF line ends.
 * - Formula injection (OWASP): a cell whose text begins with `=`, `+`, `-`, `@`, TAB or CR gets a
 *   leading `'` so spreadsheets show it as text. JSON numbers are left as they are (`-12.5` stays a
 *   number); everything else is checked, including header names, joined arrays and booleans.
 * - A UTF-8 BOM is written first by default: Excel reads a CSV without one in the legacy code page
 *   and garbles non-ASCII names (José → JosÃ©). Tools that do not expect a BOM can turn it off.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { syncDir } from '../fs/atomicWrite';
import { CAPTURED_ENTITIES, DERIVED_ENTITIES, ENTITY_DEFS, SNAPSHOT_ENTITIES, type DerivedEntity, type SnapshotEntity } from './entities';
import type { SnapshotDb } from './snapshotDb';

export type ExportFormat = 'json' | 'ndjson' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'ndjson', 'csv'];

export interface ExportOptions {
  format: ExportFormat;
  /** Created if missing. Nothing is written outside it. */
  outDir: string;
  /** Default: the captured entities, in snapshot order. */
  entities?: SnapshotEntity[];
  /** Replace files of the same names; otherwise an existing file is an error. */
  overwrite?: boolean;
  /** CSV only: start each file with a UTF-8 byte order mark (default true, for Excel). */
  bom?: boolean;
  signal?: AbortSignal;
  /** Called every few thousand rows and when an entity is done. */
  onProgress?: (p: { entity: string; rows: number }) => void;
}

export interface ExportedFile {
  /** The entity, or 'snapshot' for the single JSON document, or 'meta' for meta.json. */
  entity: string;
  file: string;
  /** Records in the file (all entities' for the JSON document; 1 for meta.json). */
  rows: number;
  bytes: number;
}

export interface ExportResult {
  /** Every file written, in the order written. */
  files: ExportedFile[];
  /** Records exported per entity. */
  counts: Partial<Record<SnapshotEntity, number>>;
}

export type ExportErrorKind = 'format' | 'entity' | 'path' | 'exists';

export abstract class ExportError extends Error {
  abstract readonly kind: ExportErrorKind;

  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A format other than json, ndjson or csv. */
export class ExportFormatError extends ExportError {
  readonly kind = 'format';
}
/** An entity the snapshot does not have (or an empty list). */
export class ExportEntityError extends ExportError {
  readonly kind = 'entity';
}
/** A file name that would resolve outside the output folder. */
export class ExportPathError extends ExportError {
  readonly kind = 'path';
}
/** The target file exists and overwriting was not asked for. */
export class ExportExistsError extends ExportError {
  readonly kind = 'exists';
}

/** Characters after which the stream is written to; keeps per-row write calls off the hot path. */
const CHUNK_CHARS = 64 * 1024;
const STREAM_HIGH_WATER = 1024 * 1024;
const PROGRESS_EVERY = 5000;
/** The CSV header pass writes nothing; it lets the event loop (and an abort) in this often. */
const YIELD_EVERY = 10_000;
const BOM = '\uFEFF';

export async function exportSnapshot(db: SnapshotDb, options: ExportOptions): Promise<ExportResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  const entities = checkedEntities(options.entities);
  const outDir = path.resolve(options.outDir);
  const names = fileNames(options.format, entities);
  const targets = names.map((name) => safeJoin(outDir, name));
  await fs.mkdir(outDir, { recursive: true });
  if (!options.overwrite) for (const target of targets) await refuseExisting(target);

  const run = new ExportRun(db, outDir, options);
  try {
    if (options.format === 'json') await run.writeJsonDocument(entities);
    else {
      for (const entity of entities) await (options.format === 'csv' ? run.writeCsv(entity) : run.writeNdjson(entity));
      if (options.format === 'ndjson') await run.writeText('meta', 'meta.json', JSON.stringify(db.meta(), null, 2) + '\n', 1);
    }
    signal?.throwIfAborted();
    await run.commit(!!options.overwrite);
  } catch (err) {
    await run.discard();
    if (signal?.aborted) throw signal.reason;
    throw err;
  }
  return { files: run.files, counts: run.counts };
}

/** `name` inside `dir`; throws if it would resolve to `dir` itself or anywhere outside it. */
export function safeJoin(dir: string, name: string): string {
  const root = path.resolve(dir);
  const full = path.resolve(root, name);
  const rel = path.relative(root, full);
  if (rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel) || name.includes('\0')) {
    throw new ExportPathError(`Refusing to write '${name}': it is not a file inside ${root}.`, full);
  }
  return full;
}

function checkedEntities(requested: readonly string[] | undefined): SnapshotEntity[] {
  if (requested === undefined) return [...CAPTURED_ENTITIES];
  const unknown = requested.filter((e) => !(SNAPSHOT_ENTITIES as readonly string[]).includes(e));
  if (unknown.length) {
    throw new ExportEntityError(
      `Unknown entit${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((e) => `'${e}'`).join(', ')}; a snapshot has ${SNAPSHOT_ENTITIES.join(', ')}.`,
    );
  }
  if (!requested.length) throw new ExportEntityError('No entities to export.');
  return [...new Set(requested as SnapshotEntity[])];
}

function fileNames(format: ExportFormat, entities: readonly SnapshotEntity[]): string[] {
  switch (format) {
    case 'json':
      return ['snapshot.json'];
    case 'ndjson':
      return [...entities.map((e) => `${e}.ndjson`), 'meta.json'];
    case 'csv':
      return entities.map((e) => `${e}.csv`);
    default:
      throw new ExportFormatError(`Unknown export format '${String(format)}'; use ${EXPORT_FORMATS.join(', ')}.`);
  }
}

async function refuseExisting(file: string): Promise<void> {
  try {
    await fs.lstat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  throw new ExportExistsError(`${file} already exists; export to another folder or pass overwrite (--overwrite) to replace it.`, file);
}

/** The files of one export: written under temporary names, then committed together. */
class ExportRun {
  readonly files: ExportedFile[] = [];
  readonly counts: Partial<Record<SnapshotEntity, number>> = {};
  private readonly pending: Array<{ tmp: string; target: string }> = [];
  private open?: FileSink;

  constructor(
    private readonly db: SnapshotDb,
    private readonly outDir: string,
    private readonly options: ExportOptions,
  ) {}

  async writeNdjson(entity: SnapshotEntity): Promise<void> {
    const sink = await this.create(`${entity}.ndjson`);
    let rows = 0;
    for (const json of recordsOf(this.db, entity)) {
      this.tick(entity, ++rows);
      if (sink.push(json + '\n')) await sink.flush();
    }
    await this.done(sink, entity, entity, rows);
  }

  async writeJsonDocument(entities: readonly SnapshotEntity[]): Promise<void> {
    const sink = await this.create('snapshot.json');
    sink.push(`{\n"meta": ${JSON.stringify(this.db.meta())},\n"entities": {`);
    let total = 0;
    for (const [i, entity] of entities.entries()) {
      sink.push(`${i ? ',' : ''}\n${JSON.stringify(entity)}: [`);
      let rows = 0;
      for (const json of recordsOf(this.db, entity)) {
        this.tick(entity, ++rows);
        if (sink.push((rows > 1 ? ',\n' : '\n') + json)) await sink.flush();
      }
      sink.push(rows ? '\n]' : ']');
      this.counts[entity] = rows;
      this.options.onProgress?.({ entity, rows });
      total += rows;
    }
    sink.push('\n}\n}\n');
    await this.done(sink, 'snapshot', undefined, total);
  }

  async writeCsv(entity: SnapshotEntity): Promise<void> {
    // Pass 1: the union of flattened keys, first seen first. Only the key set is kept.
    const columns = new Set<string>();
    let seen = 0;
    for (const json of recordsOf(this.db, entity)) {
      collectKeys(JSON.parse(json), '', columns);
      if (++seen % YIELD_EVERY === 0) await yieldToEventLoop(this.options.signal);
    }
    this.options.signal?.throwIfAborted();
    const header = [...columns];
    const sink = await this.create(`${entity}.csv`);
    if (this.options.bom ?? true) sink.push(BOM);
    if (header.length) sink.push(header.map((h) => csvField(neutralise(h))).join(',') + '\r\n');
    // Pass 2: one line per record, cells in header order.
    let rows = 0;
    for (const json of recordsOf(this.db, entity)) {
      this.tick(entity, ++rows);
      const cells = flattenRecord(JSON.parse(json));
      const line = header.map((h) => csvField(cells.get(h) ?? '')).join(',') + '\r\n';
      if (sink.push(line)) await sink.flush();
    }
    await this.done(sink, entity, entity, rows);
  }

  async writeText(entity: string, name: string, text: string, rows: number): Promise<void> {
    const sink = await this.create(name);
    sink.push(text);
    await this.done(sink, entity, undefined, rows);
  }

  /** Renames every temporary file to its final name. Without overwrite, a file that appeared meanwhile is still refused. */
  async commit(overwrite: boolean): Promise<void> {
    const committed: string[] = [];
    try {
      for (const { tmp, target } of this.pending) {
        await (overwrite ? fs.rename(tmp, target) : renameNoClobber(tmp, target));
        committed.push(target);
      }
    } catch (err) {
      // New files only (no overwrite): take them back so the export is all or nothing.
      if (!overwrite) for (const file of committed) await fs.rm(file, { force: true });
      throw err;
    }
    this.pending.length = 0;
    await syncDir(this.outDir);
  }

  /** Removes every temporary file; final names are never touched. */
  async discard(): Promise<void> {
    await this.open?.destroy();
    this.open = undefined;
    for (const { tmp } of this.pending.splice(0)) await fs.rm(tmp, { force: true });
  }

  private async create(name: string): Promise<FileSink> {
    const target = safeJoin(this.outDir, name);
    const tmp = safeJoin(this.outDir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    this.pending.push({ tmp, target });
    this.open = await FileSink.open(tmp, this.options.signal);
    return this.open;
  }

  private async done(sink: FileSink, entity: string, counted: SnapshotEntity | undefined, rows: number): Promise<void> {
    const bytes = await sink.close();
    this.open = undefined;
    this.files.push({ entity, file: this.pending[this.pending.length - 1].target, rows, bytes });
    if (counted) {
      this.counts[counted] = rows;
      this.options.onProgress?.({ entity: counted, rows });
    }
  }

  private tick(entity: string, rows: number): void {
    this.options.signal?.throwIfAborted();
    if (rows % PROGRESS_EVERY === 0) this.options.onProgress?.({ entity, rows });
  }
}

/** A write stream fed in chunks; `push` says when the caller should `flush` (and so wait for the disk). */
class FileSink {
  private parts: string[] = [];
  private chars = 0;
  private error?: Error;

  private constructor(
    private readonly stream: WriteStream,
    private readonly signal?: AbortSignal,
  ) {
    // Recorded, not thrown: an 'error' with no listener would crash the process.
    stream.on('error', (err) => (this.error ??= err));
  }

  static async open(file: string, signal?: AbortSignal): Promise<FileSink> {
    const stream = createWriteStream(file, { flags: 'wx', mode: 0o600, flush: true, highWaterMark: STREAM_HIGH_WATER });
    const sink = new FileSink(stream, signal);
    await once(stream, 'ready');
    return sink;
  }

  push(text: string): boolean {
    this.parts.push(text);
    this.chars += text.length;
    return this.chars >= CHUNK_CHARS;
  }

  async flush(): Promise<void> {
    if (this.error) throw this.error;
    if (!this.parts.length) return;
    const ok = this.stream.write(this.parts.join(''));
    this.parts = [];
    this.chars = 0;
    if (!ok) await once(this.stream, 'drain', { signal: this.signal });
  }

  /** Ends the file (flushed to disk) and returns its size. */
  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    return this.stream.bytesWritten;
  }

  async destroy(): Promise<void> {
    if (this.stream.closed) return;
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy();
    await closed;
  }
}

/** Hard-link then unlink: unlike rename, fails with EEXIST instead of replacing the target. */
async function renameNoClobber(tmp: string, target: string): Promise<void> {
  try {
    await fs.link(tmp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ExportExistsError(`${target} appeared during the export; it was not replaced.`, target);
    // File systems without hard links: check, then rename (a small window, but the best there is).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw err;
    await refuseExisting(target);
    await fs.rename(tmp, target);
    return;
  }
  await fs.rm(tmp, { force: true });
}

/** Each record's JSON, one at a time from the snapshot's cursor. */
function* recordsOf(db: SnapshotDb, entity: SnapshotEntity): Generator<string> {
  if (!(DERIVED_ENTITIES as readonly string[]).includes(entity)) {
    for (const row of db.rows(entity)) yield row.json;
    return;
  }
  // Derived rows' JSON does not name their parent: add its id from the indexed column.
  const parentColumn = parentColumnOf(entity as DerivedEntity);
  const stmt = db.db.prepare(`SELECT json, ${parentColumn} FROM ${entity} ORDER BY rowid`);
  try {
    while (stmt.step()) {
      const [json, parentId] = stmt.get() as [string, string | null];
      yield JSON.stringify({ [parentColumn]: parentId, ...JSON.parse(json) });
    }
  } finally {
    stmt.free();
  }
}

function parentColumnOf(entity: DerivedEntity): string {
  for (const def of Object.values(ENTITY_DEFS)) {
    const child = def.children?.find((c) => c.entity === entity);
    if (child) return child.parentColumn;
  }
  throw new Error(`No parent table holds '${entity}'`);
}

/** A record's cells by flattened key (see the file comment for the rules). Cell text is already neutralised. */
export function flattenRecord(record: unknown): Map<string, string> {
  const cells = new Map<string, string>();
  if (isPlainObject(record)) flattenInto(record, '', cells);
  else cells.set('value', cellOf(record));
  return cells;
}

function flattenInto(object: Record<string, unknown>, prefix: string, cells: Map<string, string>): void {
  for (const [k, v] of Object.entries(object)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) flattenInto(v, key, cells);
    else cells.set(key, cellOf(v));
  }
}

/** The keys `flattenRecord` would give, without rendering cells (the header pass). */
function collectKeys(value: unknown, prefix: string, keys: Set<string>): void {
  if (!isPlainObject(value)) {
    if (!prefix) keys.add('value');
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) collectKeys(v, key, keys);
    else keys.add(key);
  }
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const scalars = value.every((v) => v === null || typeof v !== 'object');
    return neutralise(scalars ? value.map((v) => (v === null ? '' : String(v))).join(';') : JSON.stringify(value));
  }
  return neutralise(String(value));
}

/** OWASP CSV injection: text a spreadsheet could take for a formula is shown as text instead. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 field: quoted (with quotes doubled) when it holds a comma, quote, CR or LF. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function yieldToEventLoop(signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve)).then(() => signal?.throwIfAborted());
}
