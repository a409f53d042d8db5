/**
 * What every create request body is (built per entity in restore/entities/ through the field
 * catalogue, with every reference to another record recorded so apply can rewrite it from the id
 * map), the restore marker it carries, and the projection of a record onto what a restore can
 * write, for "identical or not".
 */
import { comparableRecord } from './fields';
import { markerValue } from './marker';
import type { IdReference, RestoreEntity } from './plan';

export { MARKER_LABEL, markerValue, paymentNote, RESTORE_NOTE_TAG } from './marker';

export interface Payload {
  body: Record<string, unknown>;
  refs: IdReference[];
}

type Json = Record<string, unknown>;

/** The restore marker a create body carries, when the entity has a marker field. */
export const marked = (markerFieldRef: string | undefined, oldId: string) =>
  markerFieldRef ? { fieldRef: markerFieldRef, value: markerValue(oldId) } : undefined;

/**
 * What a restore writes, for comparing a snapshot record with its live counterpart: references
 * mapped through `mapRef` (old id -> live id), server-assigned fields and markers left out.
 */
export function comparable(entity: string, record: Json, mapRef: (entity: string, oldId: string) => string | undefined): Json {
  return comparableRecord(entity as RestoreEntity, record, mapRef);
}
