import { formatCents } from '../../money';
import type { ValidationRule } from '../rule';
import { byIntegerIds, keyRangeParams, keyRangeSql, keyRanges } from '../ruleBatches';

export const duplicatePayment: ValidationRule = {
  id: 'payment/duplicate',
  severity: 'error',
  title: 'The same payment recorded twice',
  explanation:
    'Two payments on one order with the same amount, time and method are almost always one payment recorded twice (a retried ' +
    'import or API call). The customer appears to have paid more than they did. Keap cannot delete a payment through its API; ' +
    "remove the duplicate in Keap's web app, and never re-run a payment import without checking what is already there.",
  *run({ db, batches }) {
    // By ranges of order_id (indexed): one order's payments are never split between two batches.
    const rows: Array<{ order_id: string; amount_cents: number; payment_time: string; ids: string }> = [];
    for (const [after, upTo] of keyRanges(db, 'payments', 'order_id', batches)) {
      rows.push(
        ...db.all<{ order_id: string; amount_cents: number; payment_time: string; ids: string }>(
          // The groups first, unsorted; then each group's ids in numeric order, looked up for the few
          // groups found (sorting every payment by id first cost a third of the rule). `IS` matches
          // as GROUP BY does, NULL with NULL. Only orders with two payments or more can have a
          // group: found in the order_id index alone, they spare the other payments their row's read
          // and their place in the grouping's sort (a sixth of the rule).
          `SELECT d.order_id, d.amount_cents, d.payment_time,
             (SELECT group_concat(id) FROM (SELECT p.id FROM payments p
                WHERE p.order_id = d.order_id AND p.amount_cents IS d.amount_cents AND p.payment_time IS d.payment_time AND p.method IS d.method
                ORDER BY CAST(p.id AS INTEGER))) AS ids
           FROM (SELECT order_id, amount_cents, payment_time, method FROM payments
                 WHERE order_id IN (SELECT order_id FROM payments WHERE ${keyRangeSql('order_id', after)} GROUP BY order_id HAVING COUNT(*) > 1)
                 GROUP BY order_id, amount_cents, payment_time, method HAVING COUNT(*) > 1) d
           ORDER BY CAST(d.order_id AS INTEGER)`,
          keyRangeParams(after, upTo),
        ),
      );
      yield;
    }
    rows.sort(byIntegerIds((r) => r.order_id));
    return rows.map((r) => {
      const [first, ...repeats] = r.ids.split(',');
      return {
        entity: 'payments',
        recordId: repeats[repeats.length - 1],
        message: `Payments ${r.ids.split(',').join(', ')} on order ${r.order_id} are the same ${formatCents(r.amount_cents)} at ${r.payment_time}`,
        related: [
          { entity: 'orders' as const, id: r.order_id },
          { entity: 'payments' as const, id: first },
          ...repeats.slice(0, -1).map((id) => ({ entity: 'payments' as const, id })),
        ],
      };
    });
  },
};
