"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.restoreDuplicateOrder = void 0;
const money_1 = require("../../money");
const marker_1 = require("../../restore/marker");
const orderPairs_1 = require("../orderPairs");
const restoreMarkers_1 = require("../restoreMarkers");
exports.restoreDuplicateOrder = {
    id: 'order/restore-duplicate',
    severity: 'error',
    title: 'Duplicate order created by a restore',
    explanation: 'A restore wrote this order (it carries the Keap Vault restore marker) although an order with the same contact, items and ' +
        'total, minutes apart, was already there: often the very order the marker names, restored while it still existed, or an ' +
        'order the restore plan flagged as a conflict and was told to create anyway. The customer now has the purchase twice and ' +
        'may be invoiced twice. Keep the original and delete the restored copy in Keap (Keap refuses to delete an order with ' +
        "payments: check the copy's payments first). When a plan flags such an order as a conflict, answer --link (it is this " +
        'order) rather than --create-anyway.',
    *run({ db, settings, batches }) {
        // Driven from the restored orders only: the pairing costs what restores wrote, not a pass over
        // every order of the account (order/likely-duplicate already makes that one).
        return yield* (0, restoreMarkers_1.withRestoreMarkers)(db, ['orders'], batches, () => db
            .all(`WITH marked AS (
           SELECT o.id, o.contact_id, o.total_cents, o.order_time, m.marker, ${(0, orderPairs_1.itemsSignatureSql)('o')} AS items
           FROM temp.restore_marker m JOIN orders o ON o.id = m.id
           WHERE m.entity = 'orders' AND o.contact_id IS NOT NULL)
         SELECT b.id AS marked, b.marker AS marked_marker, a.id AS other, am.marker AS other_marker, b.contact_id, b.total_cents,
           ${(0, orderPairs_1.minutesApartSql)('a', 'b')} AS minutes
         FROM marked b
           JOIN orders a ON a.contact_id = b.contact_id AND a.total_cents = b.total_cents AND a.id <> b.id
           LEFT JOIN temp.restore_marker am ON am.entity = 'orders' AND am.id = a.id
         WHERE ${(0, orderPairs_1.minutesApartSql)('a', 'b')} <= ?
           -- a pair of two restored orders is met from both sides: keep it once
           AND (am.marker IS NULL OR CAST(b.id AS INTEGER) < CAST(a.id AS INTEGER))
           AND ${(0, orderPairs_1.itemsSignatureSql)('a')} IS b.items
           AND ${(0, orderPairs_1.pairKindSql)('a.id', 'am.marker', 'b.id', 'b.marker')} = 'restore'
         ORDER BY CAST(b.id AS INTEGER), CAST(a.id AS INTEGER)`, [settings.duplicateWindowMinutes])
            .map((r) => {
            // The copy is the order whose marker names the other; else the restored one of the two.
            const otherIsCopy = r.other_marker !== null && r.other_marker === r.marked;
            const [copy, original, marker] = otherIsCopy ? [r.other, r.marked, r.other_marker] : [r.marked, r.other, r.marked_marker];
            const how = marker === original
                ? `while order ${original} still existed`
                : `next to order ${original}, which no restore wrote (same contact ${r.contact_id}, same items, ${(0, money_1.formatCents)(r.total_cents)}, ${Math.round(r.minutes)} min apart)`;
            return {
                entity: 'orders',
                recordId: copy,
                message: `Order ${copy} duplicates order ${original}: created by a restore (marker ${(0, marker_1.markerValue)(marker)}) ${how}`,
                related: [
                    { entity: 'orders', id: original },
                    { entity: 'contacts', id: r.contact_id },
                ],
            };
        }));
    },
};
//# sourceMappingURL=restoreDuplicateOrder.js.map