import { formatCents } from '../../money';
import type { ValidationRule } from '../rule';
import { allInBatches, byIntegerIds } from '../ruleBatches';

export const orderTotalMismatch: ValidationRule = {
  id: 'order/total-mismatch',
  severity: 'error',
  title: 'Order total differs from the sum of its items',
  explanation:
    "Keap computes an order's total from its items. A total that differs from quantity × price summed over the items means " +
    'items were lost or changed after the fact (or the data was edited outside Keap), and invoices, payments and reports disagree. ' +
    'Compare the order with a snapshot from before the change and restore its items.',
  *run({ db, settings, batches }) {
    const rows = yield* allInBatches<{ id: string; total_cents: number; items_cents: number }>(
      db,
      'orders',
      batches,
      `SELECT o.id, o.total_cents, COALESCE((SELECT SUM(i.quantity * i.price_cents) FROM order_items i WHERE i.order_id = o.id), 0) AS items_cents
       FROM orders o WHERE o.total_cents IS NOT NULL AND abs(o.total_cents - items_cents) > ? AND o.rowid BETWEEN ? AND ?`,
      [settings.roundingToleranceCents],
      byIntegerIds((r) => r.id),
    );
    return rows.map((r) => ({
      entity: 'orders',
      recordId: r.id,
      message: `Order ${r.id} totals ${formatCents(r.total_cents)} but its items add up to ${formatCents(r.items_cents)}`,
      related: [],
    }));
  },
};
