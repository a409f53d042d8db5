"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readState = readState;
exports.markerDuplicates = markerDuplicates;
exports.signatureDuplicates = signatureDuplicates;
exports.fieldDifferences = fieldDifferences;
const fields_1 = require("../../../src/core/restore/fields");
const liveRead_1 = require("../../../src/core/restore/liveRead");
const liveIndex_1 = require("../../../src/core/restore/liveIndex");
const marker_1 = require("../../../src/core/restore/marker");
const orderSignature_1 = require("../../../src/core/restore/orderSignature");
const ENTITIES = ['contacts', 'companies', 'products', 'orders', 'payments', 'subscriptions', 'tags'];
function rows(db, entity) {
    return [...db.rows(entity)].map((r) => JSON.parse(r.json));
}
async function readState(client) {
    const { db: live } = await (0, liveRead_1.readLiveAccount)(client);
    const index = new liveIndex_1.LiveIndex(live);
    const byMarker = new Map();
    const add = (key, id) => byMarker.set(key, [...(byMarker.get(key) ?? []), id]);
    for (const [entity, type] of Object.entries(marker_1.MARKER_RECORD_TYPES)) {
        for (const r of rows(live, entity)) {
            const old = (0, marker_1.recordMarker)(r, index.markerFieldIds.get(type));
            if (old)
                add(`${entity}:${old}`, String(r.id));
        }
    }
    for (const p of rows(live, 'payments')) {
        const old = (0, marker_1.paymentNoteMarker)(p.note);
        if (old)
            add(`payments:${old}`, String(p.id));
    }
    return { live, byMarker, close: () => live.close() };
}
/** Snapshot records that more than one live record restores. */
function markerDuplicates(state) {
    return [...state.byMarker]
        .filter(([, ids]) => ids.length > 1)
        .map(([key, ids]) => `${key} restored ${ids.length} times: ${ids.join(', ')}`);
}
/**
 * Live orders whose likely-duplicate signature (contact, items, total, date) occurs more often
 * than in the snapshot, mapped through the markers: an order created twice under any id.
 */
function signatureDuplicates(snapshot, state) {
    const liveId = (entity, id) => state.byMarker.get(`${entity}:${id}`)?.[0] ?? id;
    const key = (o, map) => {
        const mapped = {
            contact: { id: map('contacts', String(o.contact?.id)) },
            order_items: (o.order_items ?? []).map((i) => ({
                ...i,
                product: i.product?.id ? { id: map('products', String(i.product.id)) } : undefined,
            })),
        };
        return `${(0, orderSignature_1.liveOrderSignature)(mapped)}@${Date.parse(String(o.order_time))}`;
    };
    const count = (orders, map) => {
        const out = new Map();
        for (const o of orders)
            out.set(key(o, map), [...(out.get(key(o, map)) ?? []), String(o.id)]);
        return out;
    };
    const want = count(rows(snapshot, 'orders'), liveId);
    const have = count(rows(state.live, 'orders'), (_e, id) => id);
    return [...have]
        .filter(([k, ids]) => ids.length > (want.get(k)?.length ?? 0) && ids.length > 1)
        .map(([, ids]) => `orders ${ids.join(', ')} look like one order`);
}
/**
 * Every snapshot record of the given entities compared with its live counterpart (by marker, else
 * by id), field by field in what a restore sets. Records with no live counterpart are listed as
 * missing unless `mayBeMissing` says why they may be.
 */
function fieldDifferences(snapshot, state, options = {}) {
    const out = [];
    const index = new liveIndex_1.LiveIndex(state.live);
    // The ledgers' id maps (plans have no marker), then markers, then the same id.
    const live = (entity, id) => (id !== undefined && index.has(entity, id) ? id : undefined);
    const liveIdOf = (entity, id) => live(entity, options.idMap?.get(`${entity}:${id}`)) ?? live(entity, state.byMarker.get(`${entity}:${id}`)?.[0]) ?? live(entity, id);
    const mapRef = (entity, id) => entity === 'custom_fields' ? (fieldLiveId(snapshot, index, id) ?? id) : liveIdOf(entity, id);
    for (const entity of options.entities ?? ENTITIES) {
        for (const record of rows(snapshot, entity)) {
            const id = String(record.id);
            const liveId = liveIdOf(entity, id);
            const live = liveId ? index.record(entity, liveId) : undefined;
            if (!live) {
                if (!options.mayBeMissing?.(entity, record))
                    out.push(`${entity} ${id}: not in the account`);
                continue;
            }
            const want = (0, fields_1.comparableRecord)(entity, record, mapRef);
            const have = (0, fields_1.comparableRecord)(entity, live, (_e, x) => x);
            for (const field of Object.keys(want)) {
                if (JSON.stringify(want[field]) !== JSON.stringify(have[field]))
                    out.push(`${entity} ${id} -> ${liveId}: ${field} is ${JSON.stringify(have[field])}, the snapshot has ${JSON.stringify(want[field])}`);
            }
        }
    }
    return out;
}
function fieldLiveId(snapshot, index, id) {
    if (index.has('custom_fields', id))
        return id;
    const field = JSON.parse(String(snapshot.scalar('SELECT json FROM custom_fields WHERE id = ? LIMIT 1', [id]) ?? 'null'));
    return field ? index.byNaturalKey('custom_fields', `${String(field.record_type)}:${String(field.label)}`) : undefined;
}
//# sourceMappingURL=invariants.js.map