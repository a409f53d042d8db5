"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LiveIndex = void 0;
exports.projectionHash = projectionHash;
const plan_1 = require("./plan");
const fields_1 = require("./fields");
const marker_1 = require("./marker");
const entities_1 = require("../entities");
const orderSignature_1 = require("./orderSignature");
/** hashesOnly: records of an entity read again one at a time before its texts are read in one pass. */
const READS_BY_ID = 300;
class LiveIndex {
    db;
    /** Per entity, id -> JSON text (default) or the projection hash (hashesOnly). */
    byId = new Map();
    /** Ids of entities not (yet) in byId, read without their JSON: what a projection's references need. */
    idSets = new Map();
    hashesOnly;
    /** hashesOnly: records read again by id so far, per entity, and the texts of an entity read whole after READS_BY_ID. */
    readsById = new Map();
    textsRead = new Map();
    byKey = new Map();
    byMarker = new Map();
    /** Live custom field id of the marker field, per record type. */
    markerFieldIds = new Map();
    /** Payments by live order id. */
    paymentsByOrder = new Map();
    /** Orders by live contact id, for duplicate detection. */
    ordersByContact = new Map();
    tagsByContact = new Map();
    constructor(db, options = {}) {
        this.db = db;
        this.hashesOnly = options.hashesOnly ?? false;
        // Each entity is read and parsed once, in one pass that fills everything indexed of it: ids
        // (with the JSON text kept for comparisons), natural keys as each entity module states them
        // (email, company name, SKU, tag name, field label), markers, orders by contact, payments by
        // order. Custom fields come first: the other records' markers are read through their ids.
        this.index('custom_fields', (f) => {
            if (f.label === marker_1.MARKER_LABEL && f.record_type)
                this.markerFieldIds.set(f.record_type, f.id);
        });
        const markerOf = (type, r) => (0, marker_1.recordMarker)(r, this.markerFieldIds.get(type));
        this.index('contacts', (c) => {
            const m = markerOf('CONTACT', c);
            if (m)
                this.marker('contacts', m, c.id);
        });
        this.index('companies', (c) => {
            const m = markerOf('COMPANY', c);
            if (m)
                this.marker('companies', m, String(c.id));
        });
        this.index('orders', (o) => {
            const m = markerOf('ORDER', o);
            if (m)
                this.marker('orders', m, o.id);
            if (o.contact?.id)
                push(this.ordersByContact, o.contact.id, {
                    id: o.id,
                    order_time: o.order_time,
                    signature: (0, orderSignature_1.liveOrderSignature)(o),
                    marker: m,
                });
        });
        this.index('subscriptions', (s) => {
            const m = markerOf('SUBSCRIPTION', s);
            if (m)
                this.marker('subscriptions', m, String(s.id));
        });
        this.index('payments', (p) => {
            const look = { id: p.id, note: p.note, amount: p.amount, payment_time: p.payment_time };
            for (const orderId of p.order_ids ?? [])
                push(this.paymentsByOrder, orderId, look);
        });
        for (const module of entities_1.ENTITY_MODULES)
            if (module.naturalKey && !this.byId.has(module.name))
                this.index(module.name);
        for (const row of db.all('SELECT contact_id, tag_id FROM contact_tags')) {
            let set = this.tagsByContact.get(row.contact_id);
            if (!set)
                this.tagsByContact.set(row.contact_id, (set = new Set()));
            set.add(row.tag_id);
        }
        // The id sets read for references while indexing are now in byId (keys), where indexed.
        for (const entity of this.byId.keys())
            this.idSets.delete(entity);
    }
    /**
     * One read of an entity: its ids and JSON text or projection hash (of the first record of a
     * repeated id, as a look-up by id finds), its natural keys, and whatever `visit` indexes of each
     * parsed record.
     */
    index(entity, visit) {
        const naturalKey = (0, entities_1.isCapturedEntity)(entity) ? (0, entities_1.entityModule)(entity).naturalKey : undefined;
        const kept = new Map();
        for (const row of this.db.rows(entity)) {
            const first = !kept.has(row.id);
            if (first && !this.hashesOnly)
                kept.set(row.id, row.json);
            if (!naturalKey && !visit && !(first && this.hashesOnly))
                continue;
            const record = JSON.parse(row.json);
            if (first && this.hashesOnly)
                kept.set(row.id, projectionHash(this.projection(entity, record)));
            if (naturalKey)
                for (const key of naturalKey.of(record))
                    this.key(entity, key, String(record.id));
            visit?.(record);
        }
        this.byId.set(entity, kept);
    }
    has(entity, id) {
        const indexed = this.byId.get(entity);
        if (indexed)
            return indexed.has(id);
        return this.hashesOnly ? this.idSet(entity).has(id) : this.ids(entity).has(id);
    }
    /** The live record's JSON text (for fingerprints and comparisons). */
    json(entity, id) {
        if (!this.hashesOnly)
            return this.ids(entity).get(id);
        const texts = this.textsRead.get(entity);
        if (texts)
            return texts.get(id);
        if (!this.has(entity, id))
            return undefined;
        // A look-up by id costs a query (0.1-0.4 ms here); a pass over the entity some 10 µs a record.
        // Past a few hundred records that differ from the snapshot, one pass keeps every text instead.
        const reads = (this.readsById.get(entity) ?? 0) + 1;
        this.readsById.set(entity, reads);
        if (reads > READS_BY_ID) {
            const all = new Map();
            for (const row of this.db.rows(entity))
                if (!all.has(row.id))
                    all.set(row.id, row.json);
            this.textsRead.set(entity, all);
            return all.get(id);
        }
        const json = this.db.scalar(`SELECT json FROM ${entity} WHERE id = ? ORDER BY rowid LIMIT 1`, [id]);
        return typeof json === 'string' ? json : undefined;
    }
    record(entity, id) {
        const text = this.json(entity, id);
        return text === undefined ? undefined : JSON.parse(text);
    }
    /**
     * A live record projected onto what a restore reads and writes, references as live ids and
     * `missing:<id>` where the referenced record is gone: what the planner compares with the
     * snapshot and what a plan's hash of the record covers.
     */
    projection(entity, record) {
        return (0, fields_1.comparableRecord)(entity, record, (e, ref) => (this.has(e, ref) ? ref : `missing:${ref}`));
    }
    /** The hash a plan keeps of a live record it depends on (see RestorePlan['live']['hashes']). */
    hash(entity, id, of = 'restorable-fields') {
        if (this.hashesOnly && of === 'restorable-fields')
            return this.ids(entity).get(id);
        const text = this.json(entity, id);
        if (text === undefined)
            return undefined;
        return of === 'record' ? (0, plan_1.hashRecord)(text) : projectionHash(this.projection(entity, JSON.parse(text)));
    }
    /** The live record a snapshot record matches by one of its natural keys (its module's), if any. */
    byNaturalKeyOf(entity, record) {
        const naturalKey = (0, entities_1.isCapturedEntity)(entity) ? (0, entities_1.entityModule)(entity).naturalKey : undefined;
        for (const key of naturalKey?.of(record) ?? []) {
            const id = this.byNaturalKey(entity, key);
            if (id)
                return id;
        }
        return undefined;
    }
    byNaturalKey(entity, key) {
        return this.byKey.get(entity)?.get(key);
    }
    byRestoreMarker(entity, oldId) {
        return this.byMarker.get(entity)?.get(oldId);
    }
    paymentsOf(liveOrderId) {
        return this.paymentsByOrder.get(liveOrderId) ?? [];
    }
    ordersOf(liveContactId) {
        return this.ordersByContact.get(liveContactId) ?? [];
    }
    contactHasTag(liveContactId, liveTagId) {
        return this.tagsByContact.get(liveContactId)?.has(liveTagId) ?? false;
    }
    /** An entity's byId map, read in one pass on first use. */
    ids(entity) {
        if (!this.byId.has(entity)) {
            this.index(entity);
            this.idSets.delete(entity);
        }
        return this.byId.get(entity);
    }
    /** The ids of an entity, without reading its records' JSON. */
    idSet(entity) {
        let set = this.idSets.get(entity);
        if (!set) {
            set = new Set();
            for (const row of this.db.rows(entity, { json: false }))
                set.add(row.id);
            this.idSets.set(entity, set);
        }
        return set;
    }
    key(entity, key, id) {
        let map = this.byKey.get(entity);
        if (!map)
            this.byKey.set(entity, (map = new Map()));
        if (!map.has(key))
            map.set(key, id);
    }
    marker(entity, oldId, id) {
        let map = this.byMarker.get(entity);
        if (!map)
            this.byMarker.set(entity, (map = new Map()));
        if (!map.has(oldId))
            map.set(oldId, id);
    }
}
exports.LiveIndex = LiveIndex;
function projectionHash(projection) {
    return (0, plan_1.hashRecord)(JSON.stringify(projection));
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
//# sourceMappingURL=liveIndex.js.map