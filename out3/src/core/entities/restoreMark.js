"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noteRestoreMark = exports.customFieldRestoreMark = exports.RESTORE_MARK_COLUMN = void 0;
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
const marker_1 = require("../restore/marker");
const define_1 = require("./define");
exports.RESTORE_MARK_COLUMN = 'restore_mark';
const mayCarry = (part, text) => part !== undefined && part !== null && (typeof part === 'string' ? part : JSON.stringify(part)).includes(text) ? 1 : null;
/** Contacts, companies, orders, subscriptions: the marker is a custom field's content. */
exports.customFieldRestoreMark = (0, define_1.int)(exports.RESTORE_MARK_COLUMN, (r) => mayCarry(r.custom_fields, (0, marker_1.markerValue)('')));
/** Payments: the marker is in the note. */
exports.noteRestoreMark = (0, define_1.int)(exports.RESTORE_MARK_COLUMN, (r) => mayCarry(r.note, marker_1.RESTORE_NOTE_TAG));
//# sourceMappingURL=restoreMark.js.map