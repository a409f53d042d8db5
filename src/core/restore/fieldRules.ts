/**
 * The vocabulary of the field catalogue (fields.ts explains it): a field rule, an entity's
 * catalogue part, and the helpers the parts (one per entity, in entities/<entity>.ts) are written
 * with. Nothing here knows an entity.
 */
import type { IdReference, RestoreEntity } from './planTypes';

export type Json = Record<string, unknown>;

/** Snapshot id -> live id of a referenced record (a placeholder for one being created). */
export type MapRef = (entity: RestoreEntity, oldId: string) => string | undefined;
/** Told of each record a value references. */
export type OnRef = (entity: RestoreEntity, oldId: string) => void;

export interface WriteContext {
  refs: IdReference[];
  /** Where the value goes in the request body, e.g. `order_items[2].product_id`. */
  path: string;
}

export interface FieldRule {
  /** The field in Keap's JSON as read. */
  name: string;
  /** The field in create/update requests, when it is named differently. */
  write?: string;
  /** Read value -> request value (may record references, rewritten at apply time). */
  toRequest?: (value: unknown, ctx: WriteContext, record: Json) => unknown;
  /** Read value -> what is compared, references mapped to live ids. */
  compare?: (value: unknown, mapRef: MapRef, record: Json) => unknown;
  /**
   * The records the value references: every one `compare` maps (fields.test holds the two equal),
   * named without comparing anything (referencesOf).
   */
  references?: (value: unknown, onRef: OnRef) => void;
  /** Keap takes it on create but not in a PATCH. */
  createOnly?: boolean;
  /** Written even when the snapshot has no value (Keap requires it). */
  required?: boolean;
}

export interface EntityFields {
  fields: FieldRule[];
  /** Fields Keap sets itself (ids, times, totals…), with what a restored record gets instead. */
  serverAssigned: Record<string, string>;
  /** Fields a client could set that a restore sets differently, and why. */
  restoredDifferently?: Record<string, string>;
  /** Custom field values (all but the restore marker) are written and compared. */
  customFields?: boolean;
}

// ------------------------------------------------------------------ value helpers

export const present = (v: unknown) => v !== undefined && v !== null && v !== '';
export const orNull = (v: unknown) => (present(v) ? v : null);
export const amount = (v: unknown) => (v as { amount?: number } | undefined)?.amount ?? 0;
export const isoTime = (v: unknown) => {
  // One parse (new Date parses as Date.parse does): every dated record of a plan comes through here.
  const at = present(v) ? new Date(String(v)) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : orNull(v);
};
/** The id inside a nested reference such as `contact: { id }`. */
export const nestedId = (v: unknown) => (v as { id?: unknown } | undefined)?.id;

export function pick(source: unknown, keys: readonly string[]): Json | undefined {
  if (!source || typeof source !== 'object') return undefined;
  const out: Json = {};
  for (const key of keys) if (present((source as Json)[key])) out[key] = (source as Json)[key];
  return Object.keys(out).length ? out : undefined;
}

/** A reference to another record: written as its snapshot id and rewritten from the id map. */
export function reference(
  entity: RestoreEntity,
  read: (v: unknown) => unknown = (v) => v,
): Pick<FieldRule, 'toRequest' | 'compare' | 'references'> {
  return {
    toRequest: (v, ctx) => {
      const id = read(v);
      if (!present(id)) return undefined;
      ctx.refs.push({ path: ctx.path, entity, oldId: String(id) });
      return String(id);
    },
    compare: (v, mapRef) => {
      const id = read(v);
      return present(id) ? (mapRef(entity, String(id)) ?? `missing:${String(id)}`) : null;
    },
    references: (v, onRef) => {
      const id = read(v);
      if (present(id)) onRef(entity, String(id));
    },
  };
}

export const verbatim = (...names: string[]): FieldRule[] => names.map((name) => ({ name }));
export const time = (...names: string[]): FieldRule[] => names.map((name) => ({ name, compare: isoTime }));
