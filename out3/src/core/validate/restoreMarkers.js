"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RECORD_NOUN = exports.MARKER_ENTITIES = void 0;
exports.withRestoreMarkers = withRestoreMarkers;
/**
 * The records a restore wrote, as a temporary table `temp.restore_marker (entity, id, marker)`,
 * so rules can join on "this record was restored from snapshot record `marker`" in SQL.
 *
 * The table holds only marked records: memory grows with what restores wrote, not with the
 * account. Which value counts as a marker is decided by the restore's own module (marker.ts),
 * registered as SQL functions, so validation can never disagree with the planner about which
 * records a restore wrote.
 */
const marker_1 = require("../restore/marker");
const restoreMark_1 = require("../entities/restoreMark");
const ruleBatches_1 = require("./ruleBatches");
exports.MARKER_ENTITIES = ['contacts', 'companies', 'orders', 'subscriptions', 'payments'];
/** One record of each entity, for messages ("Order 512"). */
exports.RECORD_NOUN = {
    contacts: 'contact',
    companies: 'company',
    orders: 'order',
    subscriptions: 'subscription',
    payments: 'payment',
};
// Every marker contains these characters verbatim in the record's JSON (nothing in them needs
// escaping), so a plain text search skips unmarked rows before SQLite parses any JSON.
const FIELD_MARKER_TEXT = (0, marker_1.markerValue)('');
const NOTE_MARKER_TEXT = marker_1.RESTORE_NOTE_TAG;
/**
 * Runs `run` with `temp.restore_marker` filled for `entities`: one row per marked record (a record
 * carrying two marker fields counts once, so joins never multiply rows), indexed by (entity, id)
 * and (entity, marker). The table is dropped after, also when `run` throws or the caller stops the
 * generator. Filling reads records' JSON (every record's, or in files that have RESTORE_MARK_COLUMN
 * those it names), so it goes `batches` rows at a time, yielding between.
 * `onlyIds`, a table of ids (column `id`, each once), limits the records read to those ids, for a
 * rule that joins markers to a few records only: the JSON read is what costs.
 */
function* withRestoreMarkers(db, entities, batches, run, onlyIds) {
    db.db.run('DROP TABLE IF EXISTS temp.restore_marker');
    db.db.run('DROP TABLE IF EXISTS temp.restore_marker_found');
    db.db.run('CREATE TEMP TABLE restore_marker (entity TEXT NOT NULL, id TEXT NOT NULL, marker TEXT NOT NULL)');
    // Markers as found, batch by batch; a record whose id repeats across batches is made one row below.
    db.db.run('CREATE TEMP TABLE restore_marker_found (entity TEXT NOT NULL, id TEXT NOT NULL, marker TEXT NOT NULL)');
    try {
        registerMarkerFunctions(db);
        for (const entity of new Set(entities)) {
            const records = recordsRead(db, entity, onlyIds);
            for (const [lo, hi] of (0, ruleBatches_1.rowidRanges)(db, onlyIds ?? entity, batches)) {
                if (entity === 'payments')
                    fillFromNotes(db, records, lo, hi);
                else if (!fillFromMarkerField(db, entity, records, lo, hi))
                    break;
                yield;
            }
        }
        db.db.run('INSERT INTO temp.restore_marker SELECT entity, id, min(marker) FROM temp.restore_marker_found GROUP BY entity, id');
        // Indexed after filling: cheaper than maintaining the indexes row by row.
        db.db.run('CREATE UNIQUE INDEX temp.restore_marker_id ON restore_marker(entity, id)');
        db.db.run('CREATE INDEX temp.restore_marker_marker ON restore_marker(entity, marker)');
        const ran = run();
        return isGenerator(ran) ? yield* ran : ran;
    }
    finally {
        db.db.run('DROP TABLE IF EXISTS temp.restore_marker');
        db.db.run('DROP TABLE IF EXISTS temp.restore_marker_found');
    }
}
/**
 * The records a fill reads, as `r`, and the rowid its batches range over: the entity's, or, given
 * `onlyIds`, that table's (each id driving a look-up in the entity's id index).
 */
function recordsRead(db, entity, onlyIds) {
    return {
        ...(onlyIds
            ? { from: `${onlyIds} k CROSS JOIN ${entity} r ON r.id = k.id`, rowid: 'k.rowid' }
            : { from: `${entity} r`, rowid: 'r.rowid' }),
        // Files written since the column exists say which records may carry a marker: only theirs is
        // JSON read. Older files (and format 1) lack it: every record's JSON is searched, as before.
        mayCarry: db.hasColumn(entity, restoreMark_1.RESTORE_MARK_COLUMN) ? `r.${restoreMark_1.RESTORE_MARK_COLUMN} = 1 AND` : '',
    };
}
function isGenerator(value) {
    return typeof value?.next === 'function' && typeof value.throw === 'function';
}
function registerMarkerFunctions(db) {
    // NULL said explicitly, rather than relying on how sql.js converts undefined.
    db.db.create_function('kv_field_marker', (value) => (0, marker_1.parseMarker)(value) ?? null);
    db.db.create_function('kv_note_marker', (note) => (0, marker_1.paymentNoteMarker)(note) ?? null);
}
/**
 * Contacts, companies, orders, subscriptions: the content of the marker custom field. The field's
 * id differs per account and per record type, so it is looked up by label and record type in this
 * snapshot's custom fields; an account without it has no restored records of that type.
 */
function fillFromMarkerField(db, entity, records, lo, hi) {
    const fieldIds = db
        .all('SELECT DISTINCT id FROM custom_fields WHERE label = ? AND record_type = ?', [
        marker_1.MARKER_LABEL,
        marker_1.MARKER_RECORD_TYPES[entity],
    ])
        .map((r) => r.id);
    if (!fieldIds.length)
        return false;
    db.db.run(`INSERT INTO temp.restore_marker_found (entity, id, marker)
     SELECT ?, id, marker FROM (
       SELECT r.id, kv_field_marker(json_extract(f.value, '$.content')) AS marker
       FROM ${records.from}, json_each(r.json, '$.custom_fields') f
       WHERE ${records.rowid} BETWEEN ? AND ? AND ${records.mayCarry} instr(r.json, ?) > 0 AND CAST(json_extract(f.value, '$.id') AS TEXT) IN (${fieldIds.map(() => '?').join(', ')}))
     WHERE marker IS NOT NULL`, [entity, lo, hi, FIELD_MARKER_TEXT, ...fieldIds]);
    return true;
}
/** Payments have no custom fields: a restore writes the marker into the note. */
function fillFromNotes(db, records, lo, hi) {
    db.db.run(`INSERT INTO temp.restore_marker_found (entity, id, marker)
     SELECT 'payments', id, marker FROM (
       SELECT r.id, kv_note_marker(json_extract(r.json, '$.note')) AS marker FROM ${records.from}
       WHERE ${records.rowid} BETWEEN ? AND ? AND ${records.mayCarry} instr(r.json, ?) > 0)
     WHERE marker IS NOT NULL`, [lo, hi, NOTE_MARKER_TEXT]);
}
//# sourceMappingURL=restoreMarkers.js.map