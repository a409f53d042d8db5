"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FIELDS = exports.ORDER_ITEM_FIELDS = exports.isCreatableItemType = exports.creatableItemType = void 0;
exports.requestFields = requestFields;
exports.comparableFields = comparableFields;
exports.requestBody = requestBody;
exports.comparableRecord = comparableRecord;
exports.writeNameOf = writeNameOf;
exports.unknownFields = unknownFields;
exports.notRestorableSummary = notRestorableSummary;
exports.readNameOf = readNameOf;
/**
 * What a restore can put back, per Keap entity: one catalogue of the fields Keap returns, saying for
 * each whether a client can set it (and how the read shape becomes the request's shape) or whether
 * Keap assigns it itself. Create bodies, update bodies, "identical or not", and verification are
 * all derived from it, so every field is either restored and checked, or named once as one Keap
 * does not let a client set. A field the catalogue does not know is reported (`unknownFields`),
 * never dropped silently.
 *
 * Each entity's part of the catalogue is in its module (entities/<entity>.ts, `fields`), written
 * with the rules of fieldRules.ts; this file derives the operations from it.
 */
const entities_1 = require("./entities");
const orders_1 = require("./entities/orders");
const fieldRules_1 = require("./fieldRules");
const marker_1 = require("./marker");
const planTypes_1 = require("./planTypes");
var orders_2 = require("./entities/orders");
Object.defineProperty(exports, "creatableItemType", { enumerable: true, get: function () { return orders_2.creatableItemType; } });
Object.defineProperty(exports, "isCreatableItemType", { enumerable: true, get: function () { return orders_2.isCreatableItemType; } });
Object.defineProperty(exports, "ORDER_ITEM_FIELDS", { enumerable: true, get: function () { return orders_2.ORDER_ITEM_FIELDS; } });
/** An entity's part of the catalogue (looked up when used: the entity modules use this file too). */
function catalogue(entity) {
    return entities_1.RESTORABLE_ENTITIES.get(entity)?.fields;
}
/** The whole catalogue by entity, as one object (each entry read from its module when used). */
exports.FIELDS = Object.defineProperties({}, Object.fromEntries(planTypes_1.RESTORE_ORDER.map((entity) => [entity, { enumerable: true, get: () => catalogue(entity) }])));
function requestFields(def, record, refs, prefix = '') {
    const body = {};
    for (const field of def.fields) {
        const value = record[field.name];
        if (!(0, fieldRules_1.present)(value) && !field.required)
            continue;
        const key = field.write ?? field.name;
        const out = field.toRequest ? field.toRequest(value, { refs, path: `${prefix}${key}` }, record) : value;
        if ((0, fieldRules_1.present)(out) && !key.startsWith('@'))
            body[key] = out;
    }
    return body;
}
function comparableFields(def, record, mapRef) {
    const out = {};
    for (const field of def.fields) {
        const value = record[field.name];
        out[field.name] = field.compare ? field.compare(value, mapRef, record) : (0, fieldRules_1.orNull)(value);
    }
    return out;
}
/** Custom field values other than restore markers, by (mapped) field id. */
function customValues(record, mapRef) {
    const out = {};
    const values = record.custom_fields ?? [];
    for (const v of values) {
        if (!(0, fieldRules_1.present)(v.content) || (0, marker_1.parseMarker)(v.content))
            continue;
        out[mapRef('custom_fields', String(v.id)) ?? `missing:${String(v.id)}`] = v.content;
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
/**
 * The request body that recreates `record` (snapshot ids in it; `refs` say where), with the custom
 * field values and, when `marker` is given, the restore marker in the marker field.
 */
function requestBody(entity, record, marker) {
    const def = catalogue(entity);
    // invariant: plans ask for bodies only of entities with a catalogue (restore/entities)
    if (!def)
        throw new Error(`${entity} has no request body`);
    const refs = [];
    // `@name` fields (URL parameters) record their reference in requestFields and stay out of the body.
    const body = requestFields(def, record, refs);
    if (def.customFields) {
        const values = [];
        for (const v of record.custom_fields ?? []) {
            if (!(0, fieldRules_1.present)(v.content) || (0, marker_1.parseMarker)(v.content))
                continue;
            refs.push({ path: `custom_fields[${values.length}].id`, entity: 'custom_fields', oldId: String(v.id) });
            values.push({ id: String(v.id), content: v.content });
        }
        if (marker) {
            refs.push({ path: `custom_fields[${values.length}].id`, entity: 'custom_fields', oldId: marker.fieldRef });
            values.push({ id: marker.fieldRef, content: marker.value });
        }
        if (values.length)
            body.custom_fields = values;
    }
    return { body, refs };
}
/**
 * A record projected onto everything a restore sets, references mapped through `mapRef`: two
 * records are "the same" for a restore exactly when their projections are equal.
 */
function comparableRecord(entity, record, mapRef) {
    const def = catalogue(entity);
    if (!def)
        return record;
    const out = comparableFields(def, record, mapRef);
    if (def.customFields)
        out.custom_fields = customValues(record, mapRef);
    return out;
}
/** The request fields that carry a compared field (a read name may be written under another). */
function writeNameOf(entity, readName) {
    const def = entity === 'order_items' ? orders_1.ORDER_ITEM_FIELDS : catalogue(entity);
    if (readName === 'custom_fields')
        return def?.customFields ? 'custom_fields' : undefined;
    const field = def?.fields.find((f) => f.name === readName);
    if (!field || field.createOnly || field.write?.startsWith('@'))
        return undefined;
    return field.write ?? field.name;
}
/** Fields of a record that the catalogue does not know: they would not be restored. */
function unknownFields(entity, record) {
    const def = catalogue(entity);
    if (!def)
        return [];
    const known = new Set([
        ...def.fields.map((f) => f.name),
        ...Object.keys(def.serverAssigned),
        ...Object.keys(def.restoredDifferently ?? {}),
    ]);
    if (def.customFields)
        known.add('custom_fields');
    const out = Object.keys(record).filter((k) => (0, fieldRules_1.present)(record[k]) && !known.has(k));
    if (entity === 'orders') {
        const itemKnown = new Set([...orders_1.ORDER_ITEM_FIELDS.fields.map((f) => f.name), ...Object.keys(orders_1.ORDER_ITEM_FIELDS.serverAssigned)]);
        for (const item of record.order_items ?? [])
            for (const k of Object.keys(item))
                if ((0, fieldRules_1.present)(item[k]) && !itemKnown.has(k))
                    out.push(`order_items[].${k}`);
    }
    return [...new Set(out)];
}
/**
 * One sentence per entity: what a restored record does not get back because Keap sets it (or
 * refuses the old value), e.g. "new ids and today's creation date; Keap itself sets status, total…".
 */
function notRestorableSummary(entity) {
    const def = catalogue(entity);
    if (!def)
        return undefined;
    const assigned = Object.keys(def.serverAssigned).filter((f) => f !== 'id' && !/(create|creation)_time$/.test(f));
    const created = Object.keys(def.serverAssigned).some((f) => /(create|creation)_time$/.test(f));
    const differently = Object.entries(def.restoredDifferently ?? {}).map(([f, how]) => `${f}: ${how}`);
    return [
        `new ids${created ? " and today's creation date" : ''}`,
        assigned.length ? `Keap itself sets ${assigned.join(', ')}` : '',
        differently.length ? differently.join('; ') : '',
    ]
        .filter(Boolean)
        .join('; ');
}
/** The compared (read) field a request field carries; `order_items` names an item's fields. */
function readNameOf(entity, writeKey) {
    if (writeKey === 'custom_fields')
        return 'custom_fields';
    const def = entity === 'order_items' ? orders_1.ORDER_ITEM_FIELDS : catalogue(entity);
    return def?.fields.find((f) => (f.write ?? f.name) === writeKey)?.name;
}
//# sourceMappingURL=fields.js.map