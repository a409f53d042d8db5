/** Payments (Keap's sales payments): money received against an order. Keap cannot delete one. */
import type { KeapPayment } from '../model';
import { formatMajor } from '../money';
import { asJsonPages, byId, cents, defineEntity, int, text } from './define';
import { noteRestoreMark } from './restoreMark';

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
      text('contact_id', (r) => r.contact_id),
      int('amount_cents', (r) => cents(r.amount)),
      text('payment_time', (r) => r.payment_time),
      text('status', (r) => r.status),
      text('method', (r) => r.type),
      noteRestoreMark,
    ],
  },
  label: (record) => {
    const amount = formatMajor(Number(record.amount ?? 0));
    // A sales payment has `payment_time`; an order's payment row (read live) has `pay_time`.
    const day = String(record.payment_time ?? record.pay_time ?? '').slice(0, 10);
    return {
      label: `Payment #${record.id}`,
      description: `${amount} ${day}`.trim(),
      spoken: [`Payment ${String(record.id)}`, amount, day && `on ${day}`].filter(Boolean).join(', '),
    };
  },
  explorerRank: 50,
  live: {},
  uniqueIds: true,
});
