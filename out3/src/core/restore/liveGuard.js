"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LiveGuard = exports.GUARD_SKEW_MS = exports.GUARD_MAX_AGE_MS = void 0;
const filter_1 = require("../keap/filter");
const entities_1 = require("../entities");
const customFields_1 = require("../entities/customFields");
const marker_1 = require("./marker");
const orderSignature_1 = require("./orderSignature");
/** How long a look at an entity is trusted before the guard looks again (see the header). */
exports.GUARD_MAX_AGE_MS = 30_000;
/** How far before the last look a changed-since list reaches, for clock skew between Keap and us. */
exports.GUARD_SKEW_MS = 120_000;
class LiveGuard {
    client;
    markerFieldId;
    maxAgeMs;
    skewMs;
    now;
    views = new Map();
    /** entity -> snapshot id (from markers) -> live ids carrying that marker. */
    markers = new Map();
    /** entity -> natural key -> live id. */
    keys = new Map();
    /** Unmarked orders by signature (at seed time only those of contacts the plan orders for). */
    twins = new Map();
    planReadAt;
    seeding;
    /** Records this apply wrote itself: never a twin of anything. */
    own = new Set();
    /** Custom field labels per record type (Keap lists fields only as a model per record type), and when read. */
    fieldModels = new Map();
    constructor(client, planReadAt, 
    /** The live id of the marker field per record type (it may be created during the apply). */
    markerFieldId, options = {}) {
        this.client = client;
        this.markerFieldId = markerFieldId;
        this.maxAgeMs = options.maxAgeMs ?? exports.GUARD_MAX_AGE_MS;
        this.skewMs = options.skewMs ?? exports.GUARD_SKEW_MS;
        this.now = options.now ?? Date.now;
        this.planReadAt = Date.parse(planReadAt);
    }
    /**
     * Starts from a complete read of the account taken at `readAt` (apply's stale check reads one),
     * for the entities the plan creates.
     */
    seed(live, readAt, entities, orderContacts) {
        const lookedAt = Date.parse(readAt);
        this.seeding = { orderContacts };
        try {
            for (const entity of new Set(entities)) {
                if (entity === 'custom_fields')
                    this.seedFieldModels(live, lookedAt);
                if (!isWatched(entity))
                    continue;
                const view = { lookedAt };
                this.views.set(entity, view);
                for (const row of live.db.rows(entity))
                    this.observe(entity, JSON.parse(row.json), view);
            }
        }
        finally {
            this.seeding = undefined;
        }
    }
    /** A record this apply created or linked: it is the step's, so it is no twin of another. */
    noteOwn(entity, liveId) {
        this.own.add(`${entity}:${liveId}`);
    }
    /** What Keap holds now for a create step, looking again when the last look is too old. */
    async check(step, body) {
        const entity = step.entity;
        if (entity === 'custom_fields')
            return this.checkCustomField(step, body);
        if (entity === 'subscription_plans' || entity === 'contact_tags' || !isWatched(entity))
            return { kind: 'absent' };
        await this.refresh(entity);
        const marked = [...(this.markers.get(entity)?.get(step.oldId) ?? [])];
        if (marked.length)
            return {
                kind: 'restored',
                liveId: marked[0],
                how: `${entity} ${marked[0]} in the account carries this record's restore marker (restored by another plan or ledger)`,
            };
        // A create body names its record's keys as Keap's JSON does (email_addresses, sku, name…).
        const key = naturalKeysOfRecord(entity, body)[0];
        const byKey = key ? this.keys.get(entity)?.get(key) : undefined;
        if (byKey)
            return {
                kind: 'same',
                liveId: byKey,
                how: `${entity} ${byKey} appeared in the account since the plan with the same ${naturalKeyName(entity)}`,
            };
        if (entity === 'orders') {
            const twin = (this.twins.get((0, orderSignature_1.orderSignature)(body)) ?? []).find((id) => !this.own.has(`orders:${id}`) && !step.lookAlikes?.includes(id));
            if (twin)
                return {
                    kind: 'twin',
                    liveId: twin,
                    how: `order ${twin} was created in the account since the plan with the same contact, items and total: it may be this order re-entered by hand`,
                };
        }
        return { kind: 'absent' };
    }
    /** Snapshot records that two live records claim to restore (a race the guard's window let through). */
    duplicates() {
        const out = [];
        for (const [entity, byOld] of this.markers)
            for (const [oldId, ids] of byOld)
                if (ids.size > 1)
                    out.push({ entity, oldId, liveIds: [...ids] });
        return out;
    }
    /**
     * Takes in a read of what changed in Keap since the apply started (verification's), so that
     * `duplicates()` includes the latest creates without a look of its own.
     */
    observeRead(live, entities) {
        for (const entity of new Set(entities)) {
            if (!isWatched(entity))
                continue;
            const view = this.views.get(entity) ?? { lookedAt: -Infinity };
            this.views.set(entity, view);
            for (const row of live.db.rows(entity))
                this.observe(entity, JSON.parse(row.json), view);
        }
    }
    // ------------------------------------------------------------------ looking
    async refresh(entity, force = false) {
        const view = this.views.get(entity) ?? { lookedAt: -Infinity };
        const started = this.now();
        if (!force && started - view.lookedAt < this.maxAgeMs)
            return;
        const since = new Date((view.newest ?? this.planReadAt) - this.skewMs).toISOString();
        for await (const record of this.changedSince(entity, since))
            this.observe(entity, record, view);
        view.lookedAt = started;
        this.views.set(entity, view);
    }
    /**
     * Records of `entity` changed since `since`, the cheapest way Keap offers: its module's "changed
     * since" filter, else its list newest first, read until the records are older than `since`.
     */
    async *changedSince(entity, since) {
        const module = (0, entities_1.entityModule)(entity);
        if (module.changedSince) {
            yield* items(module.pages(this.client, { filter: (0, filter_1.filter)(module.changedSince, '==', since) }));
            return;
        }
        const { orderBy, timeField } = module.newestFirst;
        yield* newestUntil(items(module.pages(this.client, { query: { order_by: orderBy } })), timeField, since);
    }
    observe(entity, r, view) {
        const id = String(r.id);
        const changed = Date.parse(String(r[(0, entities_1.entityModule)(entity).changeTime ?? 'update_time'] ?? ''));
        if (changed > (view.newest ?? -Infinity))
            view.newest = changed;
        const oldId = entity === 'payments'
            ? (0, marker_1.paymentNoteMarker)(r.note)
            : isMarked(entity)
                ? (0, marker_1.recordMarker)(r, this.markerFieldId(marker_1.MARKER_RECORD_TYPES[entity]))
                : undefined;
        if (oldId) {
            let byOld = this.markers.get(entity);
            if (!byOld)
                this.markers.set(entity, (byOld = new Map()));
            let ids = byOld.get(oldId);
            if (!ids)
                byOld.set(oldId, (ids = new Set()));
            ids.add(id);
        }
        for (const key of naturalKeysOfRecord(entity, r)) {
            let keys = this.keys.get(entity);
            if (!keys)
                this.keys.set(entity, (keys = new Map()));
            if (!keys.has(key))
                keys.set(key, id);
        }
        const contact = String(r.contact?.id ?? '');
        if (entity === 'orders' && !oldId && (!this.seeding || this.seeding.orderContacts.has(contact))) {
            const signature = (0, orderSignature_1.liveOrderSignature)(r);
            const list = this.twins.get(signature) ?? [];
            if (!list.includes(id))
                this.twins.set(signature, [...list, id]);
        }
    }
    /** The read that seeds the guard read every record type's model: a field check soon after needs no other. */
    seedFieldModels(live, lookedAt) {
        // Every model was read, those without a field too.
        for (const type of customFields_1.MODEL_TYPES)
            this.fieldModels.set(type, { lookedAt, ids: new Map() });
        for (const row of live.db.rows('custom_fields')) {
            const field = JSON.parse(row.json);
            const type = String(field.record_type ?? '');
            const model = this.fieldModels.get(type) ?? { lookedAt, ids: new Map() };
            if (typeof field.label === 'string')
                model.ids.set(field.label, String(field.id));
            this.fieldModels.set(type, model);
        }
    }
    /** A model of `recordType` read at `lookedAt` (the apply's start): field checks soon after need no other. */
    seedFieldModel(recordType, fields, lookedAt) {
        const ids = new Map();
        for (const f of fields)
            if (f.label)
                ids.set(f.label, f.id);
        this.fieldModels.set(recordType, { lookedAt, ids });
    }
    async checkCustomField(step, body) {
        const type = String(step.recordType);
        const started = this.now();
        let model = this.fieldModels.get(type);
        if (!model || started - model.lookedAt >= this.maxAgeMs) {
            this.seedFieldModel(type, (await this.client.customFields.model(type)).custom_fields, started);
            model = this.fieldModels.get(type);
        }
        const liveId = typeof body.label === 'string' ? model.ids.get(body.label) : undefined;
        if (!liveId)
            return { kind: 'absent' };
        const how = body.label === marker_1.MARKER_LABEL
            ? 'the restore marker field was created by another run'
            : 'a field with this label appeared in the account since the plan';
        return { kind: 'same', liveId, how };
    }
}
exports.LiveGuard = LiveGuard;
/** What the guard can watch: an entity Keap lists by change, with a time to read up to. */
function isWatched(entity) {
    if (!(0, entities_1.isCapturedEntity)(entity))
        return false;
    const module = (0, entities_1.entityModule)(entity);
    return module.changeTime !== undefined && (module.changedSince !== undefined || module.newestFirst !== undefined);
}
function isMarked(entity) {
    return entity in marker_1.MARKER_RECORD_TYPES;
}
async function* newestUntil(source, timeField, since) {
    const limit = Date.parse(since);
    for await (const record of source) {
        if (Date.parse(String(record[timeField] ?? '')) < limit)
            return;
        yield record;
    }
}
function naturalKeyName(entity) {
    return ((0, entities_1.isCapturedEntity)(entity) && (0, entities_1.entityModule)(entity).naturalKey?.name) || 'key';
}
/** The natural keys a live record (or a create body) can be found by (the same the planner matches on). */
function naturalKeysOfRecord(entity, r) {
    return ((0, entities_1.isCapturedEntity)(entity) && (0, entities_1.entityModule)(entity).naturalKey?.of(r)) || [];
}
async function* items(pages) {
    for await (const page of pages)
        yield* page.items;
}
//# sourceMappingURL=liveGuard.js.map