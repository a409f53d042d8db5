"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.settleRestores = settleRestores;
/**
 * The restore-aware part of a diff. Keap gives a restored record a new id; a record only in A whose
 * restore is in B (by the marker in B's record, or by the caller's id map) is taken out of
 * removed/added and compared through the restore's projection (restoredView.ts), references mapped
 * to B's ids. Which records pair is restoreMatch.ts's business.
 */
const diffFields_1 = require("./diffFields");
const diffMerge_1 = require("./diffMerge");
const idOrder_1 = require("./idOrder");
const restoreMatch_1 = require("./restoreMatch");
const restoredView_1 = require("./restoredView");
/**
 * Takes the records B holds as restores of A's out of `added`/`removed` and compares each pair
 * through the restore's projection, references mapped to B's ids.
 */
function settleRestores(a, b, results, ignore, cap, idMap) {
    const byEntity = new Map(results.map((d) => [d.entity, d]));
    // An entity not asked for may still hold restores that others reference (an order's contact).
    const pairs = (0, restoreMatch_1.matchRestoredRecords)(a, b, (entity) => byEntity.get(entity) ?? (0, diffMerge_1.unmatchedIds)(a, b, entity), idMap);
    // The id map also covers records linked to an existing live record rather than created: those
    // are references to map, though not pairs (the live record is in both snapshots).
    const linked = new Map(idMap.map((e) => [`${e.entity}:${e.oldId}`, e.newId]));
    const mapRef = (entity, oldId) => pairs.get(entity)?.get(oldId) ?? linked.get(`${entity}:${oldId}`) ?? oldId;
    const asIs = (_entity, id) => id;
    for (const d of results) {
        const restored = pairs.get(d.entity);
        if (restored?.size)
            settlePairs(a.db, b.db, d, restored, { mapRef, asIs, ignore, cap });
        if (d.entity === 'custom_fields' && d.added.length) {
            d.markerFields = d.added.filter((id) => (0, restoreMatch_1.isRestoreMarkerField)(b, id));
            d.added = withoutOnce(d.added, d.markerFields);
        }
    }
}
function settlePairs(a, b, d, pairs, how) {
    d.removed = withoutOnce(d.removed, pairs.keys());
    d.added = withoutOnce(d.added, pairs.values());
    const sql = `SELECT json FROM ${d.entity} WHERE id = ? ORDER BY rowid LIMIT 1`;
    const readA = a.prepare(sql);
    const readB = b.prepare(sql);
    try {
        for (const [oldId, newId] of pairs) {
            const before = (0, restoredView_1.restoredView)(d.entity, JSON.parse(jsonOf(readA, oldId)), how.mapRef);
            const after = (0, restoredView_1.restoredView)(d.entity, JSON.parse(jsonOf(readB, newId)), how.asIs);
            const changes = (0, diffFields_1.fieldChanges)(before, after, how.ignore);
            d.restoredCount++;
            if (!changes.length)
                d.restored.push({ oldId, newId });
            else if (d.changedCount++ < how.cap)
                d.changed.push({ id: oldId, newId, changes });
        }
    }
    finally {
        readA.free();
        readB.free();
    }
    d.restored.sort((x, y) => (0, idOrder_1.compareIdsNaturally)(x.oldId, y.oldId));
    d.changed.sort((x, y) => (0, idOrder_1.compareIdsNaturally)(x.id, y.id));
}
function jsonOf(stmt, id) {
    stmt.bind([id]);
    try {
        // invariant: the id was read from this same in-memory database, which nothing changes during a compare.
        if (!stmt.step())
            throw new Error(`Record ${id} vanished during the compare`);
        return String(stmt.get()[0]);
    }
    finally {
        stmt.reset();
    }
}
/** `list` without one occurrence of each id in `drop` (ids may repeat: see the duplicate rule in diff.ts). */
function withoutOnce(list, drop) {
    const left = new Map();
    for (const id of drop)
        left.set(id, (left.get(id) ?? 0) + 1);
    return list.filter((id) => {
        const n = left.get(id);
        if (!n)
            return true;
        left.set(id, n - 1);
        return false;
    });
}
//# sourceMappingURL=diffRestores.js.map