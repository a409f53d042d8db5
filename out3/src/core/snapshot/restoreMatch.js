"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.matchRestoredRecords = matchRestoredRecords;
exports.isRestoreMarkerField = isRestoreMarkerField;
/**
 * Which records of snapshot B are restores of records of snapshot A under new ids.
 *
 * Keap gives a restored record a new id, so an id-by-id compare sees the lost record removed and
 * its restore added. A record of A is paired with one of B when the id was lost (only in A), the
 * new id is new (only in B), and either the caller's id map (the restore ledger) says old -> new
 * or B's record carries the restore marker naming the old id. Derived records follow their
 * parents: an order's items by position, a product's plans by position, contact tags and
 * transactions by the key their id is made of.
 *
 * Only ids the diff reports as added or removed are looked at, and each B record is read once, by
 * its indexed id, so memory stays bounded by the ids reported (as in the diff itself).
 */
const marker_1 = require("../restore/marker");
const entities_1 = require("./entities");
/**
 * Pairs A's lost records with their restores in B. `unmatched` gives an entity's added/removed
 * ids and is only called for entities that may hold restores (it may have to merge the ids).
 */
function matchRestoredRecords(a, b, unmatched, idMap) {
    return new RestoreMatcher(a, b, unmatched).match(idMap);
}
/** The custom fields in B that restores add to carry their markers: bookkeeping, not data. */
function isRestoreMarkerField(b, id) {
    return b.scalar('SELECT 1 FROM custom_fields WHERE id = ? AND label = ? LIMIT 1', [id, marker_1.MARKER_LABEL]) !== undefined;
}
class RestoreMatcher {
    a;
    b;
    unmatched;
    pairs = new Map();
    /** Not yet paired: the diff's removed (A) and added (B) ids, per entity, loaded on first use. */
    open = new Map();
    constructor(a, b, unmatched) {
        this.a = a;
        this.b = b;
        this.unmatched = unmatched;
    }
    match(idMap) {
        // The ledger first: it is the restore's own record of what it created.
        for (const e of idMap)
            if (isEntity(e.entity))
                this.pair(e.entity, e.oldId, e.newId);
        // Then markers, which find restores made from another machine or with a lost ledger.
        for (const entity of Object.keys(marker_1.MARKER_RECORD_TYPES))
            this.pairByCustomFieldMarker(entity);
        this.pairByPaymentNote();
        // Derived records after their parents; plans before items, which may reference them.
        this.pairChildrenByPosition('subscription_plans', 'product_id', 'products');
        this.pairChildrenByPosition('order_items', 'order_id', 'orders');
        this.pairByKey('contact_tags', (row) => this.keyOf(row, 'contacts', 'tags', ':'));
        this.pairByKey('transactions', (row) => this.keyOf(row, 'payments', undefined, '@'));
        return this.pairs;
    }
    /** B's id for A's record of `entity`: its restore's, else the same id. */
    liveId(entity, oldId) {
        return this.pairs.get(entity)?.get(oldId) ?? oldId;
    }
    openOf(entity) {
        let ids = this.open.get(entity);
        if (!ids) {
            const { added, removed } = this.unmatched(entity);
            this.open.set(entity, (ids = { removed: new Set(removed), added: new Set(added) }));
        }
        return ids;
    }
    /** Pairs old -> new when old was lost and new is new, and neither is paired yet. */
    pair(entity, oldId, newId) {
        const ids = this.openOf(entity);
        if (!ids.removed.has(oldId) || !ids.added.has(newId))
            return;
        ids.removed.delete(oldId);
        ids.added.delete(newId);
        let map = this.pairs.get(entity);
        if (!map)
            this.pairs.set(entity, (map = new Map()));
        map.set(oldId, newId);
    }
    /** Contacts, companies, orders, subscriptions: the marker custom field of B's added records. */
    pairByCustomFieldMarker(entity) {
        // The field's id differs per account; an account without it holds no marked records.
        const fieldIds = this.b
            .all('SELECT DISTINCT id FROM custom_fields WHERE label = ? AND record_type = ?', [
            marker_1.MARKER_LABEL,
            marker_1.MARKER_RECORD_TYPES[entity],
        ])
            .map((r) => r.id);
        if (!fieldIds.length)
            return;
        this.pairByMarker(entity, (record) => {
            // Keap's custom_fields is a list; anything else in a stored record carries no marker.
            if (!Array.isArray(record.custom_fields))
                return undefined;
            for (const fieldId of fieldIds) {
                const oldId = (0, marker_1.recordMarker)(record, fieldId);
                if (oldId)
                    return oldId;
            }
            return undefined;
        });
    }
    /** Payments have no custom fields: a restore writes the marker into the note. */
    pairByPaymentNote() {
        this.pairByMarker('payments', (record) => (0, marker_1.paymentNoteMarker)(record.note));
    }
    pairByMarker(entity, markerOf) {
        const ids = this.openOf(entity);
        if (!ids.removed.size || !ids.added.size)
            return;
        const found = [];
        withStatement(this.b.db, `SELECT json FROM ${entity} WHERE id = ? ORDER BY rowid LIMIT 1`, (lookup) => {
            for (const newId of ids.added) {
                const json = first(lookup, [newId]);
                const oldId = json === undefined ? undefined : markerOf(JSON.parse(String(json)));
                if (oldId !== undefined)
                    found.push([oldId, newId]);
            }
        });
        // Paired after the loop: pairing removes from the set being iterated.
        for (const [oldId, newId] of found)
            this.pair(entity, oldId, newId);
    }
    /**
     * Order items and subscription plans have no marker: they are written with their parent, in
     * the parent's order, so the i-th lost child pairs with the i-th child of the parent's restore.
     */
    pairChildrenByPosition(entity, parentColumn, parent) {
        const parents = this.pairs.get(parent);
        if (!parents?.size)
            return;
        const ids = this.openOf(entity);
        if (!ids.removed.size || !ids.added.size)
            return;
        const sql = `SELECT id FROM ${entity} WHERE ${parentColumn} = ? ORDER BY rowid`;
        withStatement(this.a.db, sql, (childrenA) => withStatement(this.b.db, sql, (childrenB) => {
            for (const [oldParent, newParent] of parents) {
                const before = column(childrenA, [oldParent]);
                const after = column(childrenB, [newParent]);
                for (let i = 0; i < Math.min(before.length, after.length); i++)
                    this.pair(entity, before[i], after[i]);
            }
        }));
    }
    /** Contact tags (`contact:tag`) and transactions (`payment@time`): ids made of their parents' ids. */
    pairByKey(entity, newIdOf) {
        const parentsRestored = entity === 'contact_tags' ? this.pairs.get('contacts')?.size || this.pairs.get('tags')?.size : this.pairs.get('payments')?.size;
        if (!parentsRestored)
            return;
        const ids = this.openOf(entity);
        if (!ids.removed.size || !ids.added.size)
            return;
        const columns = entity === 'contact_tags' ? 'contact_id, tag_id' : 'payment_id, NULL';
        const found = [];
        withStatement(this.a.db, `SELECT ${columns} FROM ${entity} WHERE id = ? LIMIT 1`, (lookup) => {
            for (const oldId of ids.removed) {
                lookup.bind([oldId]);
                const row = lookup.step() ? lookup.get() : undefined;
                lookup.reset();
                if (!row?.[0])
                    continue;
                const newId = newIdOf({ id: oldId, a: row[0], b: row[1] ?? undefined });
                if (newId !== undefined && newId !== oldId)
                    found.push([oldId, newId]);
            }
        });
        for (const [oldId, newId] of found)
            this.pair(entity, oldId, newId);
    }
    /**
     * The B id of a record whose id is `<first parent><sep><rest>`: the first parent's new id, and
     * for contact tags the tag's new id as the rest.
     */
    keyOf(row, first, second, sep) {
        if (!row.id.startsWith(row.a + sep))
            return undefined;
        const rest = second && row.b !== undefined ? this.liveId(second, row.b) : row.id.slice(row.a.length + sep.length);
        return `${this.liveId(first, row.a)}${sep}${rest}`;
    }
}
const isEntity = (name) => entities_1.SNAPSHOT_ENTITIES.includes(name);
function withStatement(db, sql, use) {
    const stmt = db.prepare(sql);
    try {
        return use(stmt);
    }
    finally {
        stmt.free();
    }
}
function first(stmt, params) {
    stmt.bind(params);
    try {
        return stmt.step() ? stmt.get()[0] : undefined;
    }
    finally {
        stmt.reset();
    }
}
function column(stmt, params) {
    const out = [];
    stmt.bind(params);
    try {
        while (stmt.step())
            out.push(String(stmt.get()[0]));
    }
    finally {
        stmt.reset();
    }
    return out;
}
//# sourceMappingURL=restoreMatch.js.map