/**
 * What a file rule is: like a snapshot rule (id, severity, why it matters), but it checks the
 * records of a file being edited and points each finding at the offending field.
 */
import type { SnapshotEntity } from '../../snapshot/entities';
import type { Finding, RecordRef, Severity } from '../rule';
import { valueAt } from './fieldPath';
import type { FileIds } from './fileIds';
import type { SnapshotLookup } from './snapshotLookup';
import type { SourceRecord, SourceSyntaxError } from './sourceRecords';

/** A record whose entity is known (from the file, or inferred). */
export interface FileRecord {
  source: SourceRecord;
  entity: SnapshotEntity;
  /** The record's own id, when it has one. */
  id?: string;
  /** The id, or `#<index>` for a record without one (a create request). */
  recordId: string;
  /** The line of an earlier record of the same entity with the same id. */
  firstLine?: number;
}

export interface FileRuleContext {
  file: string;
  snapshot: SnapshotLookup;
  /** The ids of the records read so far (all of them by `finish`). */
  ids: FileIds;
}

/** What is known once the whole file has been read. */
export interface FileEnd {
  syntaxErrors: readonly SourceSyntaxError[];
  /** The file's entity (its name, or most of its records): for findings about the file itself. */
  fileEntity: SnapshotEntity;
}

export type FileFinding = Omit<Finding, 'ruleId' | 'severity'>;

/**
 * One rule checking one file. Records come in file order, a batch at a time, and are dropped
 * after: a rule keeps only what it needs of them (ids, findings it cannot tell yet).
 */
export interface FileRuleRun {
  check(records: readonly FileRecord[]): FileFinding[];
  /** After the last record: what only the whole file can tell. */
  finish?(end: FileEnd): FileFinding[];
}

export interface FileRule {
  /** Stable id, `file/problem`, used in settings, SARIF and the CLI. */
  id: string;
  severity: Severity;
  title: string;
  /** Why it matters and how to fix it: one paragraph. */
  explanation: string;
  start(context: FileRuleContext): FileRuleRun;
}

/** A reference found in a record: the id and the path it sits at. */
export interface Reference {
  id: string;
  path: string;
}

/** An id-like value (non-empty text or a number) as text. */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The first of `paths` holding an id, e.g. `contact_id` or else `contact.id`. */
export function referenceAt(record: Record<string, unknown>, paths: readonly string[], prefix = ''): Reference | undefined {
  for (const path of paths) {
    const id = idText(valueAt(record, prefix + path));
    if (id !== undefined) return { id, path: prefix + path };
  }
  return undefined;
}

/** Every id in an array field, each with its path (`tag_ids[2]`). */
export function referencesIn(record: Record<string, unknown>, path: string): Reference[] {
  const list = valueAt(record, path);
  if (!Array.isArray(list)) return [];
  return list.flatMap((v, i) => {
    const id = idText(v);
    return id === undefined ? [] : [{ id, path: `${path}[${i}]` }];
  });
}

/** A finding at a field of a record (at the record when the field cannot be placed). */
export function findingAt(record: FileRecord, path: string, message: string, related: RecordRef[] = []): FileFinding {
  return {
    entity: record.entity,
    recordId: record.recordId,
    message,
    related,
    position: record.source.fieldPosition(path) ?? record.source.position,
  };
}

const NOUNS: Partial<Record<SnapshotEntity, string>> = {
  contacts: 'Contact',
  companies: 'Company',
  products: 'Product',
  orders: 'Order',
  payments: 'Payment',
  transactions: 'Transaction',
  subscriptions: 'Subscription',
  tags: 'Tag',
  campaigns: 'Campaign',
  custom_fields: 'Custom field',
  order_items: 'Order item',
  subscription_plans: 'Subscription plan',
  contact_tags: 'Contact tag',
};

/** `Order 123`, or `Order without an id (record #2)`. */
export function describeRecord(record: FileRecord): string {
  const noun = NOUNS[record.entity] ?? record.entity;
  return record.id !== undefined ? `${noun} ${quoteId(record.id)}` : `${noun} without an id (record #${record.source.index})`;
}

/** Ids as they are when plain, quoted (JSON-escaped) when they hold anything else, so odd values read as data. */
export function quoteId(id: string): string {
  return /^[\w.-]+$/.test(id) ? id : JSON.stringify(id);
}
