import { formatCents } from '../../money';
import type { ValidationRule } from '../rule';
import { allInBatches, byIntegerIds } from '../ruleBatches';

export const orderOverpaid: ValidationRule = {
  id: 'order/overpaid',
  severity: 'error',
  title: 'Payments exceed the order total',
  explanation:
    "Keap never lets a payment exceed an order's balance, so more paid than owed means payments were recorded twice or landed on " +
    'the wrong order (a classic result of re-importing payments). Keap cannot delete payments through its API: find the duplicate ' +
    "and refund or reassign it in Keap's web app.",
  *run({ db, settings, batches }) {
    // Grouped by order (its rowid among the keys), so a batch of orders holds its groups whole.
    const rows = yield* allInBatches<{
      id: string;
      total_cents: number;
      paid_cents: number | null;
      payments_cents: number;
      payment_ids: string | null;
    }>(
      db,
      'orders',
      batches,
      `SELECT o.id, o.total_cents, o.paid_cents, COALESCE(SUM(p.amount_cents), 0) AS payments_cents, group_concat(p.id) AS payment_ids
       FROM orders o LEFT JOIN payments p ON p.order_id = o.id
       WHERE o.rowid BETWEEN ?2 AND ?3
       GROUP BY o.id, o.rowid HAVING max(COALESCE(o.paid_cents, 0), payments_cents) > o.total_cents + ?1`,
      [settings.roundingToleranceCents],
      byIntegerIds((r) => r.id),
    );
    return rows.map((r) => ({
      entity: 'orders',
      recordId: r.id,
      message: `Order ${r.id} totals ${formatCents(r.total_cents)} but ${formatCents(Math.max(r.paid_cents ?? 0, r.payments_cents))} was paid`,
      related: (r.payment_ids?.split(',') ?? []).map((id) => ({ entity: 'payments' as const, id })),
    }));
  },
};
