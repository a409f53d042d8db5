/**
 * A column saying that a record may carry a restore marker (restore/marker.ts): 1 when the part of
 * the record a marker sits in (the custom fields; a payment's note) contains the marker's fixed
 * text, else NULL. Validation reads the JSON of every record of five entities to find the records
 * a restore wrote; with this column it reads only the marked ones, which in a real account are few.
 *
 * It only narrows: validation still finds the marker in the JSON as it always did, so a record the
 * column names but that holds no marker is found to hold none. It never misses one: a marker is a
 * string inside that part, and its fixed text has no character JSON escapes, so the part's JSON
 * holds the text whenever the marker does.
 */
import { markerValue, RESTORE_NOTE_TAG } from '../restore/marker';
import { int, type ColumnDef, type Json } from './define';

export const RESTORE_MARK_COLUMN = 'restore_mark';

const mayCarry = (part: unknown, text: string): 1 | null =>
  part !== undefined && part !== null && (typeof part === 'string' ? part : JSON.stringify(part)).includes(text) ? 1 : null;

/** Contacts, companies, orders, subscriptions: the marker is a custom field's content. */
export const customFieldRestoreMark: ColumnDef = int(RESTORE_MARK_COLUMN, (r: Json) => mayCarry(r.custom_fields, markerValue('')));

/** Payments: the marker is in the note. */
export const noteRestoreMark: ColumnDef = int(RESTORE_MARK_COLUMN, (r: Json) => mayCarry(r.note, RESTORE_NOTE_TAG));
