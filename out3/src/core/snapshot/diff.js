"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VOLATILE_FIELDS = exports.compareIdsNaturally = exports.compareIds = exports.parsePath = exports.formatPath = void 0;
exports.diffSnapshots = diffSnapshots;
/**
 * What changed between two snapshots, per entity and record id.
 *
 * Each entity is a merge-join of two cursors ordered by id (the id index gives that order without a
 * sort), so memory is bounded by the ids reported, never by the records. Records present in both
 * are compared as JSON text first; only when the text differs are both parsed and compared field
 * by field.
 *
 * Rules a reader of the result should know:
 * - Field paths are dotted (`total.amount`), arrays by index (`order_items[1].quantity`), keys that
 *   are not identifiers quoted (`custom["a.b"]`). Arrays are compared index by index: an item
 *   inserted at the front shows as every later index changed, which is what a user reading an
 *   order's items expects (position is how Keap shows them).
 * - `before`/`after` of a FieldChange is `undefined` when the field is absent on that side (JSON
 *   output then omits the member). A whole subtree is reported once when it is absent on one side
 *   or changes type.
 * - Derived tables (order_items, subscription_plans, contact_tags) are compared as entities of their
 *   own, so a changed order item shows under `orders` (`order_items[i]…`) and under `order_items`.
 *   Totals add every table's rows.
 * - Ids are not unique by schema: duplicates of one id are paired in stored order, and any left over
 *   count as added or removed, so `before = removed + changed + unchanged + restored` and
 *   `after = added + changed + unchanged + restored + markerFields` always hold.
 * - Restores: Keap gives a restored record a new id. A record only in A whose restore is in B (by
 *   the restore marker in B's record, or by the caller's id map) is neither removed nor added: the
 *   pair is compared through the restore's projection (restoredView.ts), references mapped to B's
 *   ids, and counted as restored, or as changed (with `newId`) when the projections differ.
 *   Derived records follow their parents (restoreMatch.ts). The custom fields a restore adds to
 *   carry its markers are listed as `markerFields`, not as added.
 * - Nothing is ignored unless the caller says so; VOLATILE_FIELDS is the list the CLI ignores by
 *   default.
 *
 * This module is the entry point and the per-entity loop; the parts live beside it: diffTypes.ts
 * (the result's shape), diffMerge.ts (reading the two sides in id order), diffFields.ts (field
 * comparison and ignore patterns), diffRestores.ts (pairing records restored under new ids) and
 * idOrder.ts (the id orders). Everything is re-exported here, so callers import from './diff'.
 */
const diffFields_1 = require("./diffFields");
const diffMerge_1 = require("./diffMerge");
const diffRestores_1 = require("./diffRestores");
const entities_1 = require("./entities");
const errors_1 = require("./errors");
const idOrder_1 = require("./idOrder");
var diffFields_2 = require("./diffFields");
Object.defineProperty(exports, "formatPath", { enumerable: true, get: function () { return diffFields_2.formatPath; } });
Object.defineProperty(exports, "parsePath", { enumerable: true, get: function () { return diffFields_2.parsePath; } });
var idOrder_2 = require("./idOrder");
Object.defineProperty(exports, "compareIds", { enumerable: true, get: function () { return idOrder_2.compareIds; } });
Object.defineProperty(exports, "compareIdsNaturally", { enumerable: true, get: function () { return idOrder_2.compareIdsNaturally; } });
/**
 * Fields Keap (or its own bookkeeping) rewrites without a change a restore-minded user cares
 * about. Not applied by diffSnapshots unless passed as `ignore`; the CLI passes them unless
 * `--all-fields`.
 */
exports.VOLATILE_FIELDS = ['update_time', 'modification_time', 'last_updated_time', 'score_value'];
function diffSnapshots(a, b, options = {}) {
    const entities = options.entities ?? entities_1.SNAPSHOT_ENTITIES;
    for (const entity of entities) {
        if (!entities_1.SNAPSHOT_ENTITIES.includes(entity))
            throw new errors_1.SnapshotQueryError('unknown-entity', `Unknown snapshot entity '${entity}'`);
    }
    const ignore = (0, diffFields_1.compileIgnore)(options.ignore ?? []);
    const cap = options.maxChangedRecords ?? Infinity;
    const results = entities.map((entity) => diffEntity(a, b, entity, ignore, cap));
    if (options.matchRestores !== false)
        (0, diffRestores_1.settleRestores)(a, b, results, ignore, cap, [...(options.idMap ?? [])]);
    const sum = (f) => results.reduce((n, d) => n + f(d), 0);
    return {
        a: sideOf(a),
        b: sideOf(b),
        entities: results,
        totals: { added: sum((d) => d.added.length), removed: sum((d) => d.removed.length), changed: sum((d) => d.changedCount) },
        restored: sum((d) => d.restoredCount),
    };
}
function sideOf(db) {
    // A snapshot not yet saved (e.g. a live capture in memory) has no metadata.
    const meta = db.meta();
    return { snapshotId: meta.snapshotId, finishedAt: meta.finishedAt };
}
function diffEntity(a, b, entity, ignore, cap) {
    const out = {
        entity,
        before: 0,
        after: 0,
        added: [],
        removed: [],
        changed: [],
        changedCount: 0,
        unchanged: 0,
        restored: [],
        restoredCount: 0,
        markerFields: [],
    };
    const ca = new diffMerge_1.IdCursor(a, entity);
    const cb = new diffMerge_1.IdCursor(b, entity);
    try {
        (0, diffMerge_1.mergeById)(ca, cb, {
            removed: (x) => out.removed.push(x.id),
            added: (y) => out.added.push(y.id),
            both: (x, y) => {
                const changes = x.json === y.json ? [] : (0, diffFields_1.fieldChanges)(JSON.parse(x.json), JSON.parse(y.json), ignore);
                if (changes.length === 0)
                    out.unchanged++;
                else if (out.changedCount++ < cap)
                    out.changed.push({ id: x.id, changes });
            },
        });
    }
    finally {
        out.before = ca.seen;
        out.after = cb.seen;
        ca.close();
        cb.close();
    }
    // The merge needs SQLite's string order; people reading Keap's numeric ids expect 9 before 10.
    out.added.sort(idOrder_1.compareIdsNaturally);
    out.removed.sort(idOrder_1.compareIdsNaturally);
    out.changed.sort((x, y) => (0, idOrder_1.compareIdsNaturally)(x.id, y.id));
    return out;
}
//# sourceMappingURL=diff.js.map