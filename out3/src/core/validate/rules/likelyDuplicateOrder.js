"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.likelyDuplicateOrder = void 0;
const money_1 = require("../../money");
const orderPairs_1 = require("../orderPairs");
const lookAlikeOrders_1 = require("../lookAlikeOrders");
const restoreMarkers_1 = require("../restoreMarkers");
const ruleBatches_1 = require("../ruleBatches");
exports.likelyDuplicateOrder = {
    id: 'order/likely-duplicate',
    severity: 'warning',
    title: 'Likely duplicate order',
    explanation: 'Two orders for the same contact with the same items and total, minutes apart, are usually one purchase recorded twice: a ' +
        'double-submitted checkout or a retried API call. The customer may be invoiced twice. Keep one (the one with payments) and ' +
        'delete the other in Keap if it has none. A pair where a restore wrote one order next to the other is not merely likely: ' +
        'order/restore-duplicate reports it (and entity/restored-twice an order restored twice), so it is not listed here.',
    *run({ db, settings, batches }) {
        // Only orders sharing contact and total with another order can pair (lookAlikeOrders.ts): the
        // signatures and markers, which read every order's items and JSON, are built for those alone.
        return yield* (0, lookAlikeOrders_1.withLookAlikeOrders)(db, batches, () => (0, restoreMarkers_1.withRestoreMarkers)(db, ['orders'], batches, function* () {
            // One signature per candidate order (its items, sorted, and its restore marker) in a temporary table, so
            // the pairing is one indexed join. Both the signatures and the pairing go a batch of orders at a time.
            db.db.run('DROP TABLE IF EXISTS temp.order_signature');
            db.db.run(`CREATE TEMP TABLE order_signature (id, contact_id, total_cents, order_time, items, marker)`);
            // Indexed before filling, unlike a bulk load: building it after would be one statement over every
            // candidate, where keeping it up batch by batch spreads the same work over the batches.
            db.db.run('CREATE INDEX temp.order_signature_key ON order_signature(contact_id, total_cents, items)');
            try {
                // In the orders' rowid order, as when every order was here: pairs that tie in the final sort keep that order.
                for (const [lo, hi] of (0, ruleBatches_1.rowidRanges)(db, lookAlikeOrders_1.LOOK_ALIKE_ROWS, batches)) {
                    db.db.run(`INSERT INTO temp.order_signature
                SELECT o.id, o.contact_id, o.total_cents, o.order_time, ${(0, orderPairs_1.itemsSignatureSql)('o')} AS items, m.marker
                FROM ${lookAlikeOrders_1.LOOK_ALIKE_ROWS} k CROSS JOIN orders o ON o.rowid = k.rid
                  LEFT JOIN temp.restore_marker m ON m.entity = 'orders' AND m.id = o.id
                WHERE o.contact_id IS NOT NULL AND k.rid BETWEEN ? AND ? ORDER BY k.rid`, [lo, hi]);
                    yield;
                }
                const pairs = yield* (0, ruleBatches_1.allInBatches)(db, 'temp.order_signature', batches, `SELECT a.id AS a, b.id AS b, a.contact_id, a.total_cents, ${(0, orderPairs_1.minutesApartSql)('a', 'b')} AS minutes
               FROM order_signature a JOIN order_signature b
                 ON b.contact_id = a.contact_id AND b.total_cents = a.total_cents AND b.items IS a.items AND CAST(b.id AS INTEGER) > CAST(a.id AS INTEGER)
               WHERE ${(0, orderPairs_1.minutesApartSql)('a', 'b')} <= ? AND ${(0, orderPairs_1.pairKindSql)('a.id', 'a.marker', 'b.id', 'b.marker')} = 'likely'
                 AND a.rowid BETWEEN ? AND ?`, [settings.duplicateWindowMinutes], (0, ruleBatches_1.byIntegerIds)((r) => r.a, (r) => r.b));
                return pairs.map((r) => ({
                    entity: 'orders',
                    recordId: r.b,
                    message: `Order ${r.b} repeats order ${r.a} (same contact ${r.contact_id}, same items, ${(0, money_1.formatCents)(r.total_cents)}, ${Math.round(r.minutes)} min apart)`,
                    related: [
                        { entity: 'orders', id: r.a },
                        { entity: 'contacts', id: r.contact_id },
                    ],
                }));
            }
            finally {
                db.db.run('DROP TABLE IF EXISTS temp.order_signature');
            }
        }, lookAlikeOrders_1.LOOK_ALIKE_IDS));
    },
};
//# sourceMappingURL=likelyDuplicateOrder.js.map