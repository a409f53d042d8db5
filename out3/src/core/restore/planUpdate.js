"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.diffFields = diffFields;
exports.isRelink = isRelink;
exports.updateOf = updateOf;
const fields_1 = require("./fields");
function diffFields(want, have, prefix = '') {
    const out = [];
    for (const key of new Set([...Object.keys(want), ...Object.keys(have)])) {
        const a = want[key];
        const b = have[key];
        // Most fields are equal strings or numbers: no need to serialise those.
        if (a === b || JSON.stringify(a) === JSON.stringify(b))
            continue;
        out.push({ path: prefix + key, before: b, after: a });
    }
    return out;
}
/** A difference that is only a reference to a record gone from the account, which this plan restores. */
function isRelink(change) {
    return JSON.stringify(change.after ?? null).includes('"new:') && JSON.stringify(change.before ?? null).includes('"missing:');
}
/**
 * The PATCH that makes a live record equal to the snapshot in the chosen fields, from the create
 * payload (so references are rewritten the same way), and item patches for orders.
 */
function updateOf(entity, payload, chosen, liveItems, relinkOnly) {
    const update = { body: {}, refs: [], itemPatches: [], unsent: [] };
    for (const change of chosen) {
        if (change.path === 'order_items') {
            if (!itemPatchesOf(payload, change, liveItems, relinkOnly, update))
                update.unsent.push(change.path);
            continue;
        }
        const key = (0, fields_1.writeNameOf)(entity, change.path);
        if (!key || payload.body[key] === undefined) {
            update.unsent.push(change.path);
            continue;
        }
        update.body[key] = payload.body[key];
        update.refs.push(...payload.refs.filter((r) => r.path === key || r.path.startsWith(`${key}.`) || r.path.startsWith(`${key}[`)));
    }
    return update;
}
/** Patches of a live order's items, by position; false when some difference cannot be patched. */
function itemPatchesOf(payload, change, liveItems, relinkOnly, update) {
    const want = change.after ?? [];
    const have = change.before ?? [];
    const items = payload.body.order_items ?? [];
    let complete = want.length === have.length;
    want.forEach((w, i) => {
        const h = have[i];
        const live = liveItems[i];
        if (!h || !live)
            return;
        const body = {};
        const refs = [];
        for (const field of Object.keys(w)) {
            if (JSON.stringify(w[field]) === JSON.stringify(h[field]))
                continue;
            const key = (0, fields_1.writeNameOf)('order_items', field); // undefined for what a PATCH cannot change (an item's type)
            const relink = isRelink({ path: field, before: h[field], after: w[field] });
            if (!key || (relinkOnly && !relink) || items[i]?.[key] === undefined) {
                complete = false;
                continue;
            }
            body[key] = items[i][key];
            for (const r of payload.refs)
                if (r.path === `order_items[${i}].${key}`)
                    refs.push({ ...r, path: key });
        }
        if (Object.keys(body).length)
            update.itemPatches.push({ liveItemId: live.id, body, ...(refs.length ? { refs } : {}) });
    });
    return complete;
}
//# sourceMappingURL=planUpdate.js.map