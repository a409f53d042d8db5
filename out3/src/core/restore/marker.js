"use strict";
/**
 * The restore marker: how a record written by a restore says which snapshot record it restores.
 *
 * Keap has no idempotency key, so the marker is the only state every run, ledger and machine
 * shares. Contacts, companies, orders and subscriptions carry it in a text custom field labelled
 * MARKER_LABEL (`kv1:<snapshot id>`); payments, which have no custom fields, in their note.
 * Everything that recognises restored records (planner, applier, validation, compare) reads it
 * through this module.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.paymentNote = exports.RESTORE_NOTE_TAG = exports.MARKER_RECORD_TYPES = exports.markerValue = exports.MARKER_LABEL = void 0;
exports.parseMarker = parseMarker;
exports.paymentNoteMarker = paymentNoteMarker;
exports.noteWithoutMarker = noteWithoutMarker;
exports.recordMarker = recordMarker;
/** The custom field that marks a record as restored by Keap Vault. */
exports.MARKER_LABEL = 'Keap Vault Ref';
const PREFIX = 'kv1:';
/** The marker value of the snapshot record `oldId`. */
const markerValue = (oldId) => `${PREFIX}${oldId}`;
exports.markerValue = markerValue;
/** The snapshot id a marker value names, or undefined when the value is not a marker. */
function parseMarker(value) {
    return typeof value === 'string' && value.startsWith(PREFIX) && value.length > PREFIX.length ? value.slice(PREFIX.length) : undefined;
}
/** Record types (Keap's custom-field models) that carry the marker field, per snapshot entity. */
exports.MARKER_RECORD_TYPES = { contacts: 'CONTACT', companies: 'COMPANY', orders: 'ORDER', subscriptions: 'SUBSCRIPTION' };
/** A payment's note carries its marker, so a payment whose answer was lost can be recognised. */
exports.RESTORE_NOTE_TAG = '[Keap Vault restore ';
const paymentNote = (oldId, note) => `${note ? `${note} ` : ''}${exports.RESTORE_NOTE_TAG}${(0, exports.markerValue)(oldId)}]`;
exports.paymentNote = paymentNote;
/** The snapshot payment id a payment note's marker names. */
function paymentNoteMarker(note) {
    if (typeof note !== 'string')
        return undefined;
    const at = note.lastIndexOf(exports.RESTORE_NOTE_TAG);
    if (at < 0)
        return undefined;
    const end = note.indexOf(']', at);
    return parseMarker(note.slice(at + exports.RESTORE_NOTE_TAG.length, end < 0 ? undefined : end));
}
/** The note a payment had before a restore added its marker. */
function noteWithoutMarker(note) {
    if (typeof note !== 'string')
        return undefined;
    const at = note.lastIndexOf(exports.RESTORE_NOTE_TAG);
    if (at < 0)
        return note;
    const rest = note.slice(0, at).replace(/ $/, '');
    return rest || undefined;
}
/**
 * The marker a record carries in its custom fields, given the live field id of the marker field
 * for its record type (the field's id differs per account).
 */
function recordMarker(record, markerFieldId) {
    if (!markerFieldId)
        return undefined;
    return parseMarker(record.custom_fields?.find((v) => String(v.id) === markerFieldId)?.content);
}
//# sourceMappingURL=marker.js.map