/** Transactions: what the payment processor recorded for each payment. Keap v2 gives them no id. */
import type { KeapTransaction } from '../model';
import { asJsonPages, cents, defineEntity, int, plainLabel, text } from './define';

export const transactions = defineEntity({
  name: 'transactions',
  noun: { one: 'transaction', many: 'transactions' },
  pages: (client, o) => asJsonPages(client.transactions.pages(o)),
  changedSince: 'since_time',
  table: {
    name: 'transactions',
    // Keap v2 gives transactions no id: the payment and the time identify one.
    idOf: (r) => `${r.payment_id ?? ''}@${r.transaction_time ?? ''}`,
    columns: [
      text('payment_id', (r) => r.payment_id, true),
      text('order_id', (r) => (r as KeapTransaction).order_ids?.[0], true),
      text('contact_id', (r) => r.contact_id),
      int('amount_cents', (r) => cents(r.amount)),
      text('transaction_time', (r) => r.transaction_time),
      text('status', (r) => r.status),
      text('method', (r) => r.transaction_method),
    ],
  },
  label: plainLabel,
  explorerRank: 90,
  live: {},
});
