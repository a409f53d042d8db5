/**
 * Records from a file the developer is editing (JSON, NDJSON or CSV of Keap-shaped records), each
 * with its own position and the position of any field in it, so that findings point at the exact
 * line and column. Syntax errors are collected, not thrown: the rest of the file is still read.
 *
 * Positions are 1-based; columns count UTF-16 code units; ends are exclusive. A UTF-8 BOM is not
 * part of the text (editors do not show it), so it shifts no column.
 */
import path from 'node:path';
import { SNAPSHOT_ENTITIES, type SnapshotEntity } from '../../snapshot/entities';
import type { SourcePosition } from '../rule';
import { parseCsvRecords } from './csvRecords';
import { parseJsonDocument, parseNdjson } from './jsonRecords';
import { LineIndex } from './lineIndex';
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

/** Past this many, one more line per error helps nobody: the file is probably not the format it claims. */
const MAX_SYNTAX_ERRORS = 50;

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

export function parseSourceFile(file: string, text: string, format?: SourceFormat): ParsedSource {
  const chosen = format ?? sourceFormatOf(file);
  if (!chosen || !SOURCE_FORMATS.includes(chosen)) {
    throw new SourceFormatError(
      format
        ? `Unknown file format '${String(format)}'; use ${SOURCE_FORMATS.join(', ')}.`
        : `Cannot tell the format of ${file} from its name; name it .json, .ndjson, .jsonl or .csv, or give the format.`,
      file,
    );
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(file, body);
  const entity = entityFromFileName(file);
  const parse = chosen === 'csv' ? parseCsvRecords : chosen === 'ndjson' ? parseNdjson : parseJsonDocument;
  const parsed = parse(body, lines, entity);
  return { format: chosen, entity, records: parsed.records, syntaxErrors: capped(parsed.syntaxErrors) };
}

/** The records of a file; its syntax errors are in `parseSourceFile`'s answer. */
export function parseSourceRecords(file: string, text: string, format?: SourceFormat): SourceRecord[] {
  return parseSourceFile(file, text, format).records;
}

function capped(errors: SourceSyntaxError[]): SourceSyntaxError[] {
  if (errors.length <= MAX_SYNTAX_ERRORS) return errors;
  const kept = errors.slice(0, MAX_SYNTAX_ERRORS);
  const last = kept[kept.length - 1];
  kept[kept.length - 1] = {
    ...last,
    message: `${last.message} (and ${errors.length - MAX_SYNTAX_ERRORS} more syntax errors after this one)`,
  };
  return kept;
}
