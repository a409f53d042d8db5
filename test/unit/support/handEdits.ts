/** What a person does in Keap by hand, for tests of how a restore treats it. */
import type { KeapClient } from '../../../src/core/keap/client';
import type { OrderRecord } from '../../../src/emulator/records';

/** The order typed again in Keap: same contact, date, items and total, a new id. */
export async function retypeOrder(client: KeapClient, order: OrderRecord): Promise<{ id: string }> {
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
