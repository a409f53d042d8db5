"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.restoredView = restoredView;
/**
 * What to compare between a snapshot record and its restore under a new id.
 *
 * The raw records always differ: the id, the references to other restored records, the times
 * Keap stamps on a create, the marker. So both sides are projected onto what a restore writes:
 * the restore's own `comparable` where it knows the entity, else the record without its id,
 * server-set times and marker, with its references mapped to B's ids.
 */
const marker_1 = require("../restore/marker");
const payloads_1 = require("../restore/payloads");
/** Fields Keap sets itself when it creates a record: a restore cannot carry them over. */
const SERVER_ASSIGNED = ['id', 'create_time', 'creation_time', 'update_time', 'modification_time', 'last_updated'];
/** References to other records, per entity `comparable` leaves whole: path (`*` = every array item) -> entity. */
const REFERENCES = {
    payments: [
        [['order_ids', '*'], 'orders'],
        [['contact_id'], 'contacts'],
    ],
    transactions: [
        [['payment_id'], 'payments'],
        [['order_ids', '*'], 'orders'],
        [['contact_id'], 'contacts'],
        [['contact', 'id'], 'contacts'],
    ],
    order_items: [
        [['product', 'id'], 'products'],
        [['subscription_plan', 'id'], 'subscription_plans'],
    ],
    subscriptions: [
        [['contact_id'], 'contacts'],
        [['product_id'], 'products'],
        [['subscription_plan_id'], 'subscription_plans'],
    ],
    contact_tags: [[['tag_id'], 'tags']],
};
/** The projection of `record` (parsed, owned by the caller) that a restore is judged on. */
function restoredView(entity, record, mapRef) {
    const projected = (0, payloads_1.comparable)(entity, record, mapRef);
    // `comparable` hands back the record itself for entities it does not project (yet); those get
    // the generic view, so a restore of them is not reported as changed for its new ids alone.
    return projected !== record ? projected : writableFields(entity, record, mapRef);
}
function writableFields(entity, record, mapRef) {
    const out = { ...record };
    for (const key of SERVER_ASSIGNED)
        delete out[key];
    if (Array.isArray(out.custom_fields)) {
        out.custom_fields = out.custom_fields.filter((v) => (0, marker_1.parseMarker)(v?.content) === undefined);
    }
    if (entity === 'payments' && 'note' in out) {
        const note = (0, marker_1.noteWithoutMarker)(out.note);
        if (note === undefined)
            delete out.note;
        else
            out.note = note;
    }
    for (const [path, target] of REFERENCES[entity] ?? [])
        mapAt(out, path, (id) => mapRef(target, id));
    return out;
}
/** Replaces the id at `path` (copying what it changes, so the caller's nested objects stay as read). */
function mapAt(holder, path, map) {
    const [key, ...rest] = path;
    const value = holder[key];
    if (value === undefined || value === null)
        return;
    if (rest[0] === '*' && Array.isArray(value)) {
        holder[key] = value.map((item) => mapped(item, map));
    }
    else if (rest.length && typeof value === 'object' && !Array.isArray(value)) {
        const copy = { ...value };
        mapAt(copy, rest, map);
        holder[key] = copy;
    }
    else if (!rest.length) {
        holder[key] = mapped(value, map);
    }
}
/** Keeps the id's JSON type: Keap writes some references as numbers. */
function mapped(value, map) {
    if (typeof value !== 'string' && typeof value !== 'number')
        return value;
    const to = map(String(value));
    if (to === undefined || to === String(value))
        return value;
    return typeof value === 'number' && /^\d+$/.test(to) ? Number(to) : to;
}
//# sourceMappingURL=restoredView.js.map