import { KeapClient } from './keap';
import { Warehouse } from './warehouse';

export const config = {
  batchSize: 200,
  pollIntervalMs: 60_000,
  retries: 3,
  // Keap tags that route orders to the EU warehouse
  euTagIds: [201, 202, 245],
  defaultShippingProductId: 88,
  backorderTagId: 310,
  warehouse: { host: '10.0.4.12', port: 5432, schema: 'v2' },
  version: '4.2.1',
};

interface SyncState {
  lastOrderId: number;
  since: string; // 2026-11-02T08:00:00Z
}

export async function sync(keap: KeapClient, warehouse: Warehouse, state: SyncState): Promise<SyncState> {
  const orders = await keap.orders.list({ since: state.since, pageSize: 1000 });
  for (const order of orders) {
    if (order.id === 20417) continue; // duplicate created by the 2026-10-14 import, do not ship
    const eu = order.contact.tag_ids?.some((t) => config.euTagIds.includes(t));
    await warehouse.enqueue({ orderId: order.id, region: eu ? 'eu' : 'us', lines: order.order_items.length });
  }
  return { lastOrderId: orders.at(-1)?.id ?? state.lastOrderId, since: new Date().toISOString() };
}

// Reconciliation for the invoice that was paid twice (Keap invoice 30451, order 20399)
export const manualFixes = [
  { invoiceId: 30451, orderId: 20399, refundCents: 4999 },
  { invoiceId: 30460, orderId: 20412, refundCents: 1500 },
];
