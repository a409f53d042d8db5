/** Orders: the Order ID everything else hangs on. Items come inline and are stored as order_items rows. */
import type { KeapOrder, KeapOrderItem } from '../model';
import { formatCurrencyValue } from '../money';
import { amountOf, asJsonPages, byId, defineEntity, int, text, type Json } from './define';
import { customFieldRestoreMark } from './restoreMark';

export const orders = defineEntity({
  name: 'orders',
  noun: { one: 'order', many: 'orders' },
  pages: (client, o) => asJsonPages(client.orders.pages(o)),
  get: async (client, id) => (await client.orders.get(id)) as unknown as Json,
  changedSince: 'modified_since_time',
  changeTime: 'modification_time',
  table: {
    name: 'orders',
    idOf: byId,
    columns: [
      text('contact_id', (r) => (r as KeapOrder).contact?.id, true),
      text('invoice_id', (r) => r.invoice_id, true),
      text('status', (r) => r.status),
      text('order_time', (r) => r.order_time, true),
      int('total_cents', (r) => amountOf((r as KeapOrder).total)),
      int('paid_cents', (r) => amountOf((r as KeapOrder).total_paid)),
      int('due_cents', (r) => amountOf((r as KeapOrder).total_due)),
      customFieldRestoreMark,
    ],
  },
  children: [
    {
      name: 'order_items',
      parentColumn: 'order_id',
      noun: { one: 'order item', many: 'order items' },
      idOf: byId,
      rowsOf: (r) => ((r as KeapOrder).order_items ?? []) as unknown as Json[],
      columns: [
        text('order_id', (_r, p) => p?.id, true),
        text('product_id', (r) => (r as unknown as KeapOrderItem).product?.id, true),
        text('item_type', (r) => r.item_type),
        int('quantity', (r) => r.quantity),
        int('price_cents', (r) => amountOf((r as unknown as KeapOrderItem).price_per_unit)),
        text('subscription_plan_id', (r) => (r as unknown as KeapOrderItem).subscription_plan?.id),
      ],
      uniqueIds: true,
    },
  ],
  label: (record) => {
    const o = record as KeapOrder;
    const who =
      [o.contact?.given_name, o.contact?.family_name].filter(Boolean).join(' ') || o.contact?.email || `contact ${o.contact?.id ?? '?'}`;
    const total = formatCurrencyValue(o.total);
    // Keap's status codes (PAID, DRAFT…) as the words they are: shorter in a sidebar, and spoken as words.
    const status = o.status?.toLowerCase();
    return {
      label: `#${o.id} ${who}`,
      // What fits beside the name in a sidebar: the amount, and the status only when it is not the usual "paid".
      description: [total, status === 'paid' ? '' : status].filter(Boolean).join(' '),
      spoken: [`Order ${o.id}`, who, total, status].filter(Boolean).join(', '),
    };
  },
  explorerRank: 10,
  live: { orderBy: 'order_time desc' },
  uniqueIds: true,
});
