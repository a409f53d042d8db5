"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RemapTable = void 0;
exports.describeRemap = describeRemap;
const idKinds_1 = require("./idKinds");
class RemapTable {
    direct = new Map();
    constructor(entries, unrestored = []) {
        // Unrestored first: a later restore of the same record (an id map row) wins.
        for (const e of unrestored) {
            const kind = (0, idKinds_1.kindOfRestoreEntity)(e.entity);
            if (kind)
                this.direct.set(key(kind, e.oldId), { planId: e.planId, at: e.at });
        }
        for (const e of entries) {
            const kind = (0, idKinds_1.kindOfRestoreEntity)(e.entity);
            if (kind && e.newId && e.newId !== e.oldId)
                this.direct.set(key(kind, e.oldId), { newId: e.newId, planId: e.planId, at: e.at });
        }
    }
    get size() {
        return this.direct.size;
    }
    /** Kinds the table has ids of (the recognizer need look for no others). */
    kinds() {
        return new Set([...this.direct.keys()].map((k) => k.slice(0, k.indexOf(':'))));
    }
    /**
     * What became of an id, or undefined when no restore touched it. A chain is followed to its end;
     * a cycle (which Keap's ever-growing ids cannot make) maps to nothing rather than loop.
     */
    lookup(kind, id) {
        let step = this.direct.get(key(kind, id));
        if (!step)
            return undefined;
        const via = [];
        const seen = new Set([id]);
        while (step.newId) {
            const next = this.direct.get(key(kind, step.newId));
            if (!next)
                break;
            if (seen.has(step.newId))
                return undefined;
            seen.add(step.newId);
            via.push(step.newId);
            step = next;
        }
        return { kind, oldId: id, newId: step.newId, planId: step.planId, at: step.at, via };
    }
    entries() {
        const out = [];
        for (const k of this.direct.keys()) {
            const [kind, id] = [k.slice(0, k.indexOf(':')), k.slice(k.indexOf(':') + 1)];
            const r = this.lookup(kind, id);
            if (r)
                out.push(r);
        }
        return out;
    }
}
exports.RemapTable = RemapTable;
function key(kind, id) {
    return `${kind}:${id}`;
}
/** "Order 1234 was restored as 5678 on 2026-11-27 (restore plan p-1)", "Order 1234 is gone and was not restored (…)". */
function describeRemap(r) {
    const day = r.at.slice(0, 10);
    if (!r.newId)
        return `${idKinds_1.KIND_LABEL[r.kind]} ${r.oldId} is gone from Keap and was not restored (restore plan ${r.planId}, ${day})`;
    const chain = r.via.length ? `, by way of ${r.via.join(', ')}` : '';
    return `${idKinds_1.KIND_LABEL[r.kind]} ${r.oldId} was restored as ${r.newId} on ${day} (restore plan ${r.planId}${chain})`;
}
//# sourceMappingURL=idMap.js.map