/**
 * The CSV format: one `<entity>.csv` file per entity, written in two passes over the records.
 *
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
import type { SnapshotEntity } from './entities';
import { recordsOf } from './exportRecords';
import type { ExportRun } from './exportRun';

/** The CSV header pass writes nothing; it lets the event loop (and an abort) in this often. */
const YIELD_EVERY = 10_000;
const BOM = '\uFEFF';

export async function writeCsv(run: ExportRun, entity: SnapshotEntity): Promise<void> {
  // Pass 1: the union of flattened keys, first seen first. Only the key set is kept.
  const columns = new Set<string>();
  let seen = 0;
  for (const json of recordsOf(run.db, entity)) {
    collectKeys(JSON.parse(json), '', columns);
    if (++seen % YIELD_EVERY === 0) await yieldToEventLoop(run.options.signal);
  }
  run.options.signal?.throwIfAborted();
  const header = [...columns];
  const sink = await run.create(`${entity}.csv`);
  if (run.options.bom ?? true) sink.push(BOM);
  if (header.length) sink.push(header.map((h) => csvField(neutralise(h))).join(',') + '\r\n');
  // Pass 2: one line per record, cells in header order.
  let rows = 0;
  for (const json of recordsOf(run.db, entity)) {
    run.tick(entity, ++rows);
    const cells = flattenRecord(JSON.parse(json));
    const line = header.map((h) => csvField(cells.get(h) ?? '')).join(',') + '\r\n';
    if (sink.push(line)) await sink.flush();
  }
  await run.done(sink, entity, entity, rows);
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
