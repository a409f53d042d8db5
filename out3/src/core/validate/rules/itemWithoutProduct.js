"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.itemWithoutProduct = void 0;
const ruleBatches_1 = require("../ruleBatches");
exports.itemWithoutProduct = {
    id: 'order-item/missing-product',
    severity: 'warning',
    title: 'Order item pointing at a missing product',
    explanation: 'Order items keep the product id they were sold with. When that product is deleted, reports by product, commissions and ' +
        'fulfilment lose track of what was sold, and a restore cannot recreate the item faithfully. Restore the product (it is matched ' +
        'by SKU), or accept the item as history.',
    *run({ db, batches }) {
        const rows = yield* (0, ruleBatches_1.allInBatches)(db, 'order_items', batches, `SELECT i.id, i.order_id, i.product_id FROM order_items i LEFT JOIN products p ON p.id = i.product_id
       WHERE i.product_id IS NOT NULL AND p.id IS NULL AND i.rowid BETWEEN ? AND ?`, [], (0, ruleBatches_1.byIntegerIds)((r) => r.order_id, (r) => r.id));
        return rows.map((r) => ({
            entity: 'order_items',
            recordId: r.id,
            message: `Item ${r.id} of order ${r.order_id} points at product ${r.product_id}, which is not in the account`,
            related: [
                { entity: 'orders', id: r.order_id },
                { entity: 'products', id: r.product_id },
            ],
        }));
    },
};
//# sourceMappingURL=itemWithoutProduct.js.map