/**
 * Records from CSV text with a header row, as Keap Vault's CSV export writes them (and as people
 * edit them in spreadsheets):
 * - Dotted column names un-flatten into nested objects (`contact.id` → `{contact: {id}}`).
 * - An empty cell is an absent field (the export writes null as an empty cell).
 * - Cells stay text, so ids keep leading zeros and digits beyond 2^53. Only columns Keap defines
 *   as numbers (NUMERIC_FIELDS, by the last name in the path) become numbers, and Keap's boolean
 *   fields become booleans, when the cell looks like one; anything else stays text for the rules.
 * - Array columns: a cell of JSON (`order_items`, `custom_fields`, … or any list cell starting
 *   with `[`) is parsed, and positions inside it point into the cell; a cell of invalid JSON is
 *   reported and left out. `tag_ids` and `order_ids` are otherwise split on `;`, the export's join
 *   of scalar arrays. JSON text in any other column stays text.
 * - The export's formula guard (a `'` before a leading `=`, `+`, `-`, `@`, TAB or CR) is removed.
 */
import type { SnapshotEntity } from '../../snapshot/entities';
import type { SourcePosition } from '../rule';
import { CsvRowSplitter, MAX_ROW_LENGTH, type CsvRowText } from './csvRows';
import { fieldOffset, tokenizeCsv, UNTERMINATED_QUOTE, type CsvField, type CsvRow } from './csvTokenizer';
import { parseFieldPath, type PathSegment } from './fieldPath';
import { nodeAt, type JsonNode } from './jsonNode';
import { JsonParser } from './jsonParser';
import { jsonErrorMessage } from './jsonRecords';
import { LineIndex } from './lineIndex';
import type { RecordReader, RecordSink, SourceRecord, SourceSyntaxError } from './sourceRecords';

export const NUMERIC_FIELDS: ReadonlySet<string> = new Set([
  'amount',
  'quantity',
  'payment_amount',
  'billing_amount',
  'billing_frequency',
  'frequency',
  'total_cycles',
  'number_of_cycles',
  'weight',
  'order_index',
  'display_order_index',
  'active_contact_count',
  'completed_contact_count',
]);
export const BOOLEAN_FIELDS: ReadonlySet<string> = new Set([
  'active',
  'shippable',
  'taxable',
  'subscription_only',
  'is_opt_in',
  'auto_charge',
  'allow_payment',
  'commissioned',
  'synced',
  'prorate',
  'locked',
  'published_status',
  'skip_commission',
  'is_successful',
]);
/** Arrays of objects, written by the export as one cell of JSON text. */
export const JSON_FIELDS: ReadonlySet<string> = new Set([
  'order_items',
  'custom_fields',
  'email_addresses',
  'phone_numbers',
  'addresses',
  'subscription_plans',
  'options',
]);
/** Arrays of ids, written by the export joined with `;`. */
export const LIST_FIELDS: ReadonlySet<string> = new Set(['tag_ids', 'order_ids']);

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const FORMULA_GUARD = /^'[=+\-@\t\r]/;

/** Where a cell's value sits, to find positions inside it. */
interface Cell {
  field: CsvField;
  /** Characters of the cell's text before the value (the formula guard). */
  skip: number;
  json?: JsonNode;
  parts?: Array<{ start: number; end: number }>;
}

/**
 * Reads CSV a piece at a time: rows come from `CsvRowSplitter` with the position they start at,
 * and each is tokenized and turned into a record on its own, so memory holds one row.
 */
export class CsvReader implements RecordReader {
  private readonly rows: CsvRowSplitter;
  /** The header's column names; undefined until it is read, null when it is broken (no row is then read). */
  private columns: string[] | null | undefined;
  private dataRows = 0;

  constructor(
    private readonly file: string,
    private readonly fileEntity: SnapshotEntity | undefined,
    private readonly sink: RecordSink,
    maxRowLength?: number,
  ) {
    this.rows = new CsvRowSplitter((row) => this.row(row), maxRowLength);
  }

  write(text: string): void {
    this.rows.write(text);
  }

  end(): void {
    this.rows.end();
  }

  private row(text: CsvRowText): void {
    const lines = new LineIndex(this.file, text.text, text.start);
    const { rows, errors } = text.unterminatedQuote !== undefined || text.tooLong ? { rows: [], errors: [] } : tokenizeCsv(text.text);
    if (!rows.length && text.unterminatedQuote === undefined && !text.tooLong) return; // an empty line
    const isHeader = this.columns === undefined;
    const index = isHeader ? undefined : this.dataRows++;
    const syntaxErrors: SourceSyntaxError[] = errors.map((e) => ({
      message: e.message,
      position: lines.span(e.start, e.end),
      index,
      entity: this.fileEntity,
    }));
    if (text.unterminatedQuote !== undefined) {
      syntaxErrors.push({
        message: UNTERMINATED_QUOTE,
        position: lines.span(text.unterminatedQuote, text.text.length),
        index,
        entity: this.fileEntity,
      });
    } else if (text.tooLong) {
      syntaxErrors.push({
        message: `This row is longer than ${MAX_ROW_LENGTH.toLocaleString('en-US')} characters, more than any Keap field holds; it is not read`,
        position: lines.span(0, text.text.length),
        index,
        entity: this.fileEntity,
      });
    }
    const row = rows[0];
    if (isHeader) {
      this.columns = row ? row.fields.map((f) => unguard(f.value).text.trim()) : null;
    } else if (row && this.columns) {
      const columns = this.columns;
      const extra = row.fields.slice(columns.length).filter((f) => f.value !== '');
      if (extra.length) {
        syntaxErrors.push({
          message: `This row has ${row.fields.length} cells but the header names ${columns.length} columns; the extra cells are ignored`,
          position: lines.span(extra[0].start, extra[extra.length - 1].end),
          index,
          entity: this.fileEntity,
        });
      }
      this.sink.record(csvRecord(row, index as number, columns, lines, this.fileEntity, syntaxErrors));
    }
    syntaxErrors.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
    for (const e of syntaxErrors) this.sink.syntaxError(e);
  }
}

function csvRecord(
  row: CsvRow,
  index: number,
  columns: string[],
  lines: LineIndex,
  entity: SnapshotEntity | undefined,
  syntaxErrors: SourceSyntaxError[],
): SourceRecord {
  const record: Record<string, unknown> = {};
  const cells = new Map<string, Cell>();
  for (const [c, field] of row.fields.entries()) {
    const column = columns[c];
    if (!column || field.value === '' || cells.has(column)) continue;
    const { text, skip } = unguard(field.value);
    const cell: Cell = { field, skip };
    const name = column.slice(column.lastIndexOf('.') + 1);
    const at = (i: number) => fieldOffset(field, skip + i);
    let value: unknown = text;
    if ((JSON_FIELDS.has(name) || LIST_FIELDS.has(name)) && /^\s*[[{]/.test(text)) {
      const { root, errors } = JsonParser.parse(text);
      cell.json = root;
      value = root?.value;
      if (errors.length) {
        // Like a JSON record with an error: the cell is reported, not checked; the row's other cells are.
        const e = errors[0];
        syntaxErrors.push({
          message: `${jsonErrorMessage(e)} in the ${column} cell`,
          position: lines.span(at(e.offset), at(e.offset + e.length)),
          index,
          entity,
        });
        value = undefined;
      }
    } else if (LIST_FIELDS.has(name)) {
      cell.parts = splitList(text);
      value = cell.parts.map((p) => text.slice(p.start, p.end));
    } else if (NUMERIC_FIELDS.has(name) && NUMBER.test(text.trim())) {
      value = Number(text.trim());
    } else if (BOOLEAN_FIELDS.has(name) && /^(true|false)$/i.test(text.trim())) {
      value = text.trim().toLowerCase() === 'true';
    }
    cells.set(column, cell);
    if (value !== undefined) setPath(record, column.split('.'), value);
  }
  const span = (start: number, end: number) => lines.span(start, end);
  return {
    index,
    entity,
    record,
    position: span(row.start, row.end),
    fieldPosition: (path) => cellPosition(cells, parseFieldPath(path), span),
  };
}

/** The position of a path: a cell, or a place inside a cell of JSON or of `;` parts; else the cell. */
function cellPosition(
  cells: Map<string, Cell>,
  segments: PathSegment[],
  span: (s: number, e: number) => SourcePosition,
): SourcePosition | undefined {
  const names = segments.findIndex((s) => typeof s === 'number');
  for (let k = names < 0 ? segments.length : names; k > 0; k--) {
    const cell = cells.get(segments.slice(0, k).join('.'));
    if (!cell) continue;
    const rest = segments.slice(k);
    const at = (i: number) => fieldOffset(cell.field, cell.skip + i);
    if (rest.length && cell.json) {
      const node = nodeAt(cell.json, rest);
      if (node) return span(at(node.offset), at(node.offset + node.length));
    }
    const part = rest.length === 1 && typeof rest[0] === 'number' ? cell.parts?.[rest[0]] : undefined;
    if (part) return span(at(part.start), at(part.end));
    return span(cell.field.start, cell.field.end);
  }
  // `contact` when the file has `contact.id`, `contact.email`: the first of them.
  if (names < 0) {
    const prefix = `${segments.join('.')}.`;
    for (const [column, cell] of cells) if (column.startsWith(prefix)) return span(cell.field.start, cell.field.end);
  }
  return undefined;
}

/** The parts of `12;15` (trimmed, empty ones left out), as ranges of the text. */
function splitList(text: string): Array<{ start: number; end: number }> {
  const parts: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/[^;]+/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed) parts.push({ start: (m.index ?? 0) + lead, end: (m.index ?? 0) + lead + trimmed.length });
  }
  return parts;
}

function unguard(text: string): { text: string; skip: number } {
  return FORMULA_GUARD.test(text) ? { text: text.slice(1), skip: 1 } : { text, skip: 0 };
}

/**
 * Sets a dotted path; where a column and a nested column collide (`contact` and `contact.id`), the
 * nested one wins. Own properties only, defined not assigned: a `__proto__.x` header is data and
 * cannot reach a prototype.
 */
function setPath(record: Record<string, unknown>, keys: string[], value: unknown): void {
  let at = record;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(at, key) ? at[key] : undefined;
    if (!isObject(next)) define(at, key, {});
    at = at[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (!isObject(Object.hasOwn(at, last) ? at[last] : undefined)) define(at, last, value);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function define(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
