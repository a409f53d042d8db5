/**
 * The restore marker: how a record written by a restore says which snapshot record it restores.
 *
 * Keap has no idempotency key, so the marker is the only state every run, ledger and machine
 * shares. Contacts, companies, orders and subscriptions carry it in a text custom field labelled
 * MARKER_LABEL (`kv1:<snapshot id>`); payments, which have no custom fields, in their note.
 * Everything that recognises restored records (planner, applier, validation, compare) reads it
 * through this module.
 */

/** The custom field that marks a record as restored by Keap Vault. */
export const MARKER_LABEL = 'Keap Vault Ref';

const PREFIX = 'kv1:';

/** The marker value of the snapshot record `oldId`. */
export const markerValue = (oldId: string) => `${PREFIX}${oldId}`;

/** The snapshot id a marker value names, or undefined when the value is not a marker. */
export function parseMarker(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith(PREFIX) && value.length > PREFIX.length ? value.slice(PREFIX.length) : undefined;
}

/** Record types (Keap's custom-field models) that carry the marker field, per snapshot entity. */
export const MARKER_RECORD_TYPES = { contacts: 'CONTACT', companies: 'COMPANY', orders: 'ORDER', subscriptions: 'SUBSCRIPTION' } as const;
export type MarkedEntity = keyof typeof MARKER_RECORD_TYPES;

/** A payment's note carries its marker, so a payment whose answer was lost can be recognised. */
export const RESTORE_NOTE_TAG = '[Keap Vault restore ';
export const paymentNote = (oldId: string, note?: string) => `${note ? `${note} ` : ''}${RESTORE_NOTE_TAG}${markerValue(oldId)}]`;

/** The snapshot payment id a payment note's marker names. */
export function paymentNoteMarker(note: unknown): string | undefined {
  if (typeof note !== 'string') return undefined;
  const at = note.lastIndexOf(RESTORE_NOTE_TAG);
  if (at < 0) return undefined;
  const end = note.indexOf(']', at);
  return parseMarker(note.slice(at + RESTORE_NOTE_TAG.length, end < 0 ? undefined : end));
}

/** The note a payment had before a restore added its marker. */
export function noteWithoutMarker(note: unknown): string | undefined {
  if (typeof note !== 'string') return undefined;
  const at = note.lastIndexOf(RESTORE_NOTE_TAG);
  if (at < 0) return note;
  const rest = note.slice(0, at).replace(/ $/, '');
  return rest || undefined;
}

/**
 * The marker a record carries in its custom fields, given the live field id of the marker field
 * for its record type (the field's id differs per account).
 */
export function recordMarker(
  record: { custom_fields?: Array<{ id: unknown; content?: unknown }> },
  markerFieldId: string | undefined,
): string | undefined {
  if (!markerFieldId) return undefined;
  return parseMarker(record.custom_fields?.find((v) => String(v.id) === markerFieldId)?.content);
}
