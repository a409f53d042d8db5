/**
 * What a restore can put back, per Keap entity: one catalogue of the fields Keap returns, saying for
 * each whether a client can set it (and how the read shape becomes the request's shape) or whether
 * Keap assigns it itself. Create bodies, update bodies, "identical or not", and verification are
 * all derived from it, so every field is either restored and checked, or named once as one Keap
 * does not let a client set. A field the catalogue does not know is reported (`unknownFields`),
 * never dropped silently.
 *
 * Each entity's part of the catalogue is in its module (entities/<entity>.ts, `fields`), written
 * with the rules of fieldRules.ts; this file derives the operations from it.
 */
import { RESTORABLE_ENTITIES } from './entities';
import { ORDER_ITEM_FIELDS } from './entities/orders';
import { orNull, present, type EntityFields, type Json, type MapRef, type OnRef } from './fieldRules';
import { parseMarker } from './marker';
import { RESTORE_ORDER, type IdReference, type RestoreEntity } from './planTypes';

export type { EntityFields, FieldRule, MapRef, OnRef } from './fieldRules';
export { creatableItemType, isCreatableItemType, ORDER_ITEM_FIELDS } from './entities/orders';

/** An entity's part of the catalogue (looked up when used: the entity modules use this file too). */
function catalogue(entity: RestoreEntity): EntityFields | undefined {
  return RESTORABLE_ENTITIES.get(entity)?.fields;
}

/** The whole catalogue by entity, as one object (each entry read from its module when used). */
export const FIELDS: Partial<Record<RestoreEntity, EntityFields>> = Object.defineProperties(
  {},
  Object.fromEntries(RESTORE_ORDER.map((entity) => [entity, { enumerable: true, get: () => catalogue(entity) }])),
);

export function requestFields(def: EntityFields, record: Json, refs: IdReference[], prefix = ''): Json {
  const body: Json = {};
  for (const field of def.fields) {
    const value = record[field.name];
    if (!present(value) && !field.required) continue;
    const key = field.write ?? field.name;
    const out = field.toRequest ? field.toRequest(value, { refs, path: `${prefix}${key}` }, record) : value;
    if (present(out) && !key.startsWith('@')) body[key] = out;
  }
  return body;
}

export function comparableFields(def: EntityFields, record: Json, mapRef: MapRef): Json {
  const out: Json = {};
  for (const field of def.fields) {
    const value = record[field.name];
    out[field.name] = field.compare ? field.compare(value, mapRef, record) : orNull(value);
  }
  return out;
}

/** Custom field values other than restore markers, by (mapped) field id. */
function customValues(record: Json, mapRef: MapRef): Json {
  const out: Json = {};
  for (const v of restoredCustomValues(record)) out[mapRef('custom_fields', String(v.id)) ?? `missing:${String(v.id)}`] = v.content;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** The custom field values a restore writes and compares: those with content, restore markers left out. */
function restoredCustomValues(record: Json): Array<{ id: unknown; content: unknown }> {
  const values = (record.custom_fields as Array<{ id: unknown; content: unknown }> | undefined) ?? [];
  return values.filter((v) => present(v.content) && !parseMarker(v.content));
}

/** The records a record's fields reference (FieldRule.references). */
export function referencesOfFields(def: EntityFields, record: Json, onRef: OnRef): void {
  for (const field of def.fields) field.references?.(record[field.name], onRef);
}

/**
 * Every record a record references, as its projection (comparableRecord) maps them, without
 * projecting it: what planning needs to know of a record it does not compare.
 */
export function referencesOf(entity: RestoreEntity, record: Json, onRef: OnRef): void {
  const def = catalogue(entity);
  if (!def) return;
  referencesOfFields(def, record, onRef);
  if (def.customFields) for (const v of restoredCustomValues(record)) onRef('custom_fields', String(v.id));
}

/**
 * The request body that recreates `record` (snapshot ids in it; `refs` say where), with the custom
 * field values and, when `marker` is given, the restore marker in the marker field.
 */
export function requestBody(
  entity: RestoreEntity,
  record: Json,
  marker?: { fieldRef: string; value: string },
): { body: Json; refs: IdReference[] } {
  const def = catalogue(entity);
  // invariant: plans ask for bodies only of entities with a catalogue (restore/entities)
  if (!def) throw new Error(`${entity} has no request body`);
  const refs: IdReference[] = [];
  // `@name` fields (URL parameters) record their reference in requestFields and stay out of the body.
  const body = requestFields(def, record, refs);
  if (def.customFields) {
    const values: Array<{ id: string; content: unknown }> = [];
    for (const v of restoredCustomValues(record)) {
      refs.push({ path: `custom_fields[${values.length}].id`, entity: 'custom_fields', oldId: String(v.id) });
      values.push({ id: String(v.id), content: v.content });
    }
    if (marker) {
      refs.push({ path: `custom_fields[${values.length}].id`, entity: 'custom_fields', oldId: marker.fieldRef });
      values.push({ id: marker.fieldRef, content: marker.value });
    }
    if (values.length) body.custom_fields = values;
  }
  return { body, refs };
}

/**
 * A record projected onto everything a restore sets, references mapped through `mapRef`: two
 * records are "the same" for a restore exactly when their projections are equal.
 */
export function comparableRecord(entity: RestoreEntity, record: Json, mapRef: MapRef): Json {
  const def = catalogue(entity);
  if (!def) return record;
  const out = comparableFields(def, record, mapRef);
  if (def.customFields) out.custom_fields = customValues(record, mapRef);
  return out;
}

/** The request fields that carry a compared field (a read name may be written under another). */
export function writeNameOf(entity: RestoreEntity | 'order_items', readName: string): string | undefined {
  const def = entity === 'order_items' ? ORDER_ITEM_FIELDS : catalogue(entity);
  if (readName === 'custom_fields') return def?.customFields ? 'custom_fields' : undefined;
  const field = def?.fields.find((f) => f.name === readName);
  if (!field || field.createOnly || field.write?.startsWith('@')) return undefined;
  return field.write ?? field.name;
}

/** Fields of a record that the catalogue does not know: they would not be restored. */
export function unknownFields(entity: RestoreEntity, record: Json): string[] {
  const def = catalogue(entity);
  if (!def) return [];
  const known = new Set([
    ...def.fields.map((f) => f.name),
    ...Object.keys(def.serverAssigned),
    ...Object.keys(def.restoredDifferently ?? {}),
  ]);
  if (def.customFields) known.add('custom_fields');
  const out = Object.keys(record).filter((k) => present(record[k]) && !known.has(k));
  if (entity === 'orders') {
    const itemKnown = new Set([...ORDER_ITEM_FIELDS.fields.map((f) => f.name), ...Object.keys(ORDER_ITEM_FIELDS.serverAssigned)]);
    for (const item of (record.order_items as Json[] | undefined) ?? [])
      for (const k of Object.keys(item)) if (present(item[k]) && !itemKnown.has(k)) out.push(`order_items[].${k}`);
  }
  return [...new Set(out)];
}

/**
 * One sentence per entity: what a restored record does not get back because Keap sets it (or
 * refuses the old value), e.g. "new ids and today's creation date; Keap itself sets status, total…".
 */
export function notRestorableSummary(entity: RestoreEntity): string | undefined {
  const def = catalogue(entity);
  if (!def) return undefined;
  const assigned = Object.keys(def.serverAssigned).filter((f) => f !== 'id' && !/(create|creation)_time$/.test(f));
  const created = Object.keys(def.serverAssigned).some((f) => /(create|creation)_time$/.test(f));
  const differently = Object.entries(def.restoredDifferently ?? {}).map(([f, how]) => `${f}: ${how}`);
  return [
    `new ids${created ? " and today's creation date" : ''}`,
    assigned.length ? `Keap itself sets ${assigned.join(', ')}` : '',
    differently.length ? differently.join('; ') : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** The compared (read) field a request field carries; `order_items` names an item's fields. */
export function readNameOf(entity: RestoreEntity | 'order_items', writeKey: string): string | undefined {
  if (writeKey === 'custom_fields') return 'custom_fields';
  const def = entity === 'order_items' ? ORDER_ITEM_FIELDS : catalogue(entity);
  return def?.fields.find((f) => (f.write ?? f.name) === writeKey)?.name;
}
