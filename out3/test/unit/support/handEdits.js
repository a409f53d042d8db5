"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.retypeOrder = retypeOrder;
/** The order typed again in Keap: same contact, date, items and total, a new id. */
async function retypeOrder(client, order) {
    return client.orders.create({
        contact_id: String(order.contact_id),
        order_title: order.title,
        order_time: order.order_time,
        order_type: order.order_type,
        order_items: order.items.map((i) => ({
            product_id: String(i.product_id),
            quantity: i.quantity,
            price_per_unit: i.price_cents / 100,
            item_type: i.item_type === 'PRODUCT' ? 'PRODUCT' : 'OTHER',
        })),
    });
}
//# sourceMappingURL=handEdits.js.map