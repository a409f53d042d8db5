/**
 * What one Keap entity module states: how Keap lists it, how a snapshot stores it (an indexed
 * table, and the child tables its JSON carries inline), and how a person reads a record of it.
 * Everything that captures, stores, lists, checks or labels an entity asks its module; nothing
 * keeps its own list of entities. How a restorable entity is restored lives beside the restore
 * code (src/core/restore), which depends on these modules, not the other way round.
 */
import type { KeapClient } from '../keap/client';
import type { ListOptions, Page } from '../keap/paging';
import { toCents } from '../money';

export type Json = Record<string, unknown>;
export type SqlValue = string | number | null;

export interface ColumnDef {
  name: string;
  type: 'TEXT' | 'INTEGER';
  /**
   * Only for a column some query searches, joins or orders by. An index costs a snapshot about as
   * much as the column itself (built at the end of every capture and stored in the file), so a
   * column only read beside the JSON, scanned, or matched with LIKE gets none. Measured with
   * EXPLAIN QUERY PLAN over every query the unit tests make (2026-12-02): an email index, four
   * other id indexes and a tag-name index served none and were ~6% of a snapshot.
   */
  indexed?: boolean;
  of(record: Json, parent?: Json): SqlValue;
}

/** A snapshot table: Keap's raw JSON plus indexed columns, so validation and restore can join in SQL. */
export interface TableDef<N extends string = string> {
  name: N;
  /** The record's id as Keap gives it; synthetic for records Keap gives none. */
  idOf(record: Json, parent?: Json): string;
  columns: ColumnDef[];
}

/** Rows a parent record carries inline (an order's items), stored as a table of their own. */
export interface ChildTable<N extends string = string> extends TableDef<N> {
  /** The column naming the parent's id. */
  parentColumn: string;
  /** How people call one and many of these rows, in messages ("order item"). */
  noun: { one: string; many: string };
  rowsOf(parent: Json): Json[];
  /** Checked by the entity/duplicate-id rule. */
  uniqueIds?: boolean;
}

export interface RecordLabel {
  label: string;
  /** Short, beside the label in a narrow sidebar ("$401.50", "$15.19 draft"); what does not fit goes in `spoken`. */
  description?: string;
  /**
   * The record in words, as a screen reader says it and a tooltip shows it: no symbols, no codes
   * ("Order 240, Megan Wilson, $401.50, paid"). Without it, the noun, the label and the description.
   */
  spoken?: string;
}

export interface KeapEntityModule<N extends string = string, C extends string = string> {
  name: N;
  /** How people call one and many, in messages. */
  noun: { one: string; many: string };
  /** Keap's list of the entity, page by page (a capture journals each page). */
  pages(client: KeapClient, options: ListOptions): AsyncGenerator<Page<Json>>;
  /** One record read from Keap by id, where Keap has that endpoint (opening a live record). */
  get?(client: KeapClient, id: string): Promise<Json>;
  /** Keap's filter for "changed since" (keap-api.md §4); without one, an incremental capture reads it whole. */
  changedSince?: string;
  /** A cheaper listing of every id, for the deletion check (e.g. `fields=id`); by default `pages`. */
  idPages?(client: KeapClient, options: ListOptions): AsyncGenerator<Page<Json>>;
  /**
   * What identifies a record in Keap besides its id, as compared (lowercased where Keap ignores
   * case): a restore links a record whose key is already live instead of creating it again.
   */
  naturalKey?: { name: string; of(record: Json): string[] };
  /** The field holding when Keap last changed a record (Keap's own clock). */
  changeTime?: string;
  /** Without a "changed since" filter: a list newest first (`orderBy`), read until `timeField` is older. */
  newestFirst?: { orderBy: string; timeField: string };
  table: TableDef<N>;
  children?: readonly ChildTable<C>[];
  /** One line for a record: the explorer, quick picks, messages. Data shown as text, never HTML. */
  label(record: Json): RecordLabel;
  /** Where the explorer lists it (lower first); absent: not listed. */
  explorerRank?: number;
  /** The explorer can page it live from Keap, in this order. */
  live?: { orderBy?: string };
  /** Checked by the entity/duplicate-id rule: Keap gives each record its own id. */
  uniqueIds?: boolean;
}

/** Keeps the literal names, so the registry can derive the entity name types from the modules. */
export function defineEntity<const N extends string, const C extends string = never>(
  module: KeapEntityModule<N, C>,
): KeapEntityModule<N, C> {
  return module;
}

export const text = (name: string, of: (r: Json, p?: Json) => unknown, indexed = false): ColumnDef => ({
  name,
  type: 'TEXT',
  indexed,
  of: (r, p) => toText(of(r, p)),
});

export const int = (name: string, of: (r: Json, p?: Json) => unknown, indexed = false): ColumnDef => ({
  name,
  type: 'INTEGER',
  indexed,
  of: (r, p) => toInt(of(r, p)),
});

export const byId = (r: Json): string => String(r.id);

function toText(v: unknown): string | null {
  return v === undefined || v === null || v === '' ? null : String(v);
}

function toInt(v: unknown): number | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v);
  return Number.isFinite(n) ? Math.round(n) : null;
}

/** Keap's decimal amount (payments, transactions) in cents. */
export const cents = (major: unknown): number | null => (typeof major === 'number' ? toCents(major) : null);
/** The amount of a money object (`{ amount, currency_code, formatted_amount }`). */
export const amountOf = (v: unknown): unknown => (v as { amount?: number } | undefined)?.amount;
/** Keap's typed list pages, as plain records. */
export const asJsonPages = <T>(pages: AsyncGenerator<Page<T>>): AsyncGenerator<Page<Json>> =>
  pages as unknown as AsyncGenerator<Page<Json>>;

/** A text field as a natural key: lowercased (Keap compares it without case), none when empty. */
export const lowercasedKey = (value: unknown): string[] => (typeof value === 'string' && value ? [value.toLowerCase()] : []);

/** The record's name-like field, or its id: for entities with nothing better to show. */
export function plainLabel(record: Json): RecordLabel {
  return {
    label: String(record.name ?? record.label ?? record.title ?? `#${record.id ?? '?'}`),
    description: record.id ? `#${record.id}` : undefined,
  };
}
