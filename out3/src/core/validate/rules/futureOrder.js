"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.futureOrder = void 0;
exports.futureOrder = {
    id: 'order/future-date',
    severity: 'warning',
    title: 'Order dated in the future',
    explanation: 'An order date after the snapshot was taken is usually a time-zone or import mistake (day and month swapped, a year typed ' +
        'wrong). Revenue lands in the wrong period and date-based automations fire at the wrong time. Correct the order date in Keap.',
    run({ db, settings }) {
        return db
            .all(`SELECT id, order_time FROM orders WHERE order_time > ? ORDER BY CAST(id AS INTEGER)`, [
            settings.now,
        ])
            .map((r) => ({
            entity: 'orders',
            recordId: r.id,
            message: `Order ${r.id} is dated ${r.order_time}, after ${settings.now}`,
            related: [],
        }));
    },
};
//# sourceMappingURL=futureOrder.js.map