/**
 * Records from a file the developer is editing (JSON, NDJSON or CSV of Keap-shaped records), each
 * with its own position and the position of any field in it, so that findings point at the exact
 * line and column. Syntax errors are collected, not thrown: the rest of the file is still read.
 * A reader takes the text a piece at a time and hands on each record as soon as it is read, so
 * that a file of any size is checked in bounded memory.
 *
 * Positions are 1-based; columns count UTF-16 code units; ends are exclusive. A BOM is not
 * part of the text (editors do not show it), so it shifts no column.
 */
import path from 'node:path';
import { SNAPSHOT_ENTITIES, type SnapshotEntity } from '../../snapshot/entities';
import type { SourcePosition } from '../rule';
import { CsvReader } from './csvRecords';
import { JsonDocumentReader, NdjsonReader } from './jsonRecords';
import { SyntaxErrorList } from './syntaxErrorList';
import { KeapVaultFileError } from '../../errors';

export type SourceFormat = 'json' | 'ndjson' | 'csv';
export const SOURCE_FORMATS: readonly SourceFormat[] = ['json', 'ndjson', 'csv'];

export interface SourceRecord {
  /** 0-based place of the record in the file (a malformed record keeps its place). */
  index: number;
  /** When the file says: the key of an export document or list answer, or the file's name (`orders.csv`). */
  entity?: SnapshotEntity;
  record: Record<string, unknown>;
  /** The record's start..end. */
  position: SourcePosition;
  /** Where a field's value is: `contact_id`, `contact.id`, `order_items[1].product_id`. */
  fieldPosition(path: string): SourcePosition | undefined;
}

export interface SourceSyntaxError {
  message: string;
  position: SourcePosition;
  /** The record it spoiled, when it is inside one. */
  index?: number;
  entity?: SnapshotEntity;
}

export interface ParsedRecords {
  records: SourceRecord[];
  syntaxErrors: SourceSyntaxError[];
}

/** Where a reader hands what it reads, in file order (a record's own syntax errors come with or just after it). */
export interface RecordSink {
  record(record: SourceRecord): void;
  syntaxError(error: SourceSyntaxError): void;
}

/** Text in, a piece at a time; records and syntax errors out, to its sink. */
export interface RecordReader {
  write(text: string): void;
  end(): void;
}

export interface ReaderOptions {
  /** CSV: a row longer than this many characters is reported, not read (tests make it small). */
  maxRowLength?: number;
}

export interface ParsedSource extends ParsedRecords {
  format: SourceFormat;
  /** The entity the file's name says, if any. */
  entity?: SnapshotEntity;
}

/** A file whose format cannot be told from its name (and none was given). */
export class SourceFormatError extends KeapVaultFileError<'source-format'> {
  readonly kind = 'source-format';
  declare readonly file: string;
  constructor(message: string, file: string) {
    super(message, file);
  }
}

const EXTENSIONS: Record<string, SourceFormat> = { '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv' };

/** Longest first, so that `order_items.csv` is not taken for orders. */
const ENTITY_NAMES = [...SNAPSHOT_ENTITIES].sort((a, b) => b.length - a.length);

export function sourceFormatOf(file: string): SourceFormat | undefined {
  return EXTENSIONS[path.extname(file).toLowerCase()];
}

/** `orders.csv`, `orders-2025.ndjson`, `Contacts_import.json` → the entity; else undefined. */
export function entityFromFileName(file: string): SnapshotEntity | undefined {
  const base = path.basename(file, path.extname(file)).toLowerCase();
  return ENTITY_NAMES.find((e) => base === e || (base.startsWith(e) && /^[-_. ]/.test(base.slice(e.length))));
}

/** The format a file is read as: the one given, else its extension's; an unknown one is a typed error. */
export function chosenFormat(file: string, format?: SourceFormat): SourceFormat {
  const chosen = format ?? sourceFormatOf(file);
  if (!chosen || !SOURCE_FORMATS.includes(chosen)) {
    throw new SourceFormatError(
      format
        ? `Unknown file format '${String(format)}'; use ${SOURCE_FORMATS.join(', ')}.`
        : `Cannot tell the format of ${file} from its name; name it .json, .ndjson, .jsonl or .csv, or give the format.`,
      file,
    );
  }
  return chosen;
}

/** A reader of a format; the text it is given must not start with a BOM (`withoutBom`). */
export function recordReader(
  format: SourceFormat,
  file: string,
  entity: SnapshotEntity | undefined,
  sink: RecordSink,
  options: ReaderOptions = {},
): RecordReader {
  if (format === 'csv') return new CsvReader(file, entity, sink, options.maxRowLength);
  if (format === 'ndjson') return new NdjsonReader(file, entity, sink);
  return new JsonDocumentReader(file, entity, sink);
}

/** Text as an editor holds it may start with a BOM, which is not part of the content. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A whole text at once, every record kept: for callers that hold the text anyway (tests, small files). */
export function parseSourceFile(file: string, text: string, format?: SourceFormat): ParsedSource {
  const chosen = chosenFormat(file, format);
  const entity = entityFromFileName(file);
  const records: SourceRecord[] = [];
  const syntaxErrors = new SyntaxErrorList();
  const reader = recordReader(chosen, file, entity, { record: (r) => records.push(r), syntaxError: (e) => syntaxErrors.add(e) });
  reader.write(withoutBom(text));
  reader.end();
  return { format: chosen, entity, records, syntaxErrors: syntaxErrors.list() };
}

/** The records of a file; its syntax errors are in `parseSourceFile`'s answer. */
export function parseSourceRecords(file: string, text: string, format?: SourceFormat): SourceRecord[] {
  return parseSourceFile(file, text, format).records;
}
