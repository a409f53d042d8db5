/** Payments (Keap's sales payments): money received against an order. Keap cannot delete one. */
import type { KeapPayment } from '../model';
import { formatMajor } from '../money';
import { asJsonPages, byId, cents, defineEntity, int, text } from './define';

export const payments = defineEntity({
  name: 'payments',
  noun: { one: 'payment', many: 'payments' },
  pages: (client, o) => asJsonPages(client.payments.pages(o)),
  changedSince: 'since_time',
  changeTime: 'update_time',
  table: {
    name: 'payments',
    idOf: byId,
    columns: [
      text('order_id', (r) => (r as KeapPayment).order_ids?.[0], true),
      text('contact_id', (r) => r.contact_id, true),
      int('amount_cents', (r) => cents(r.amount)),
      text('payment_time', (r) => r.payment_time),
      text('status', (r) => r.status),
      text('method', (r) => r.type),
    ],
  },
  label: (record) => ({
    label: `Payment #${record.id}`,
    description: `${formatMajor(Number(record.amount ?? 0))} ${String(record.payment_time ?? '').slice(0, 10)}`,
  }),
  explorerRank: 50,
  live: {},
  uniqueIds: true,
});
