import { formatCents } from '../../money';
import type { ValidationRule } from '../rule';
import { allInBatches, byIntegerIds } from '../ruleBatches';

export const paidStatusMismatch: ValidationRule = {
  id: 'order/paid-status-mismatch',
  severity: 'warning',
  title: 'Order status disagrees with what was paid',
  explanation:
    'An order marked PAID should owe nothing, and an order whose total has been paid should be PAID. A mismatch means payments ' +
    "were removed or added behind Keap's back, or the status was edited; dunning, fulfilment and revenue reports will act on the " +
    "wrong state. Check the order's payments against a snapshot.",
  *run({ db, settings, batches }) {
    const tol = settings.roundingToleranceCents;
    const rows = yield* allInBatches<{
      id: string;
      status: string;
      total_cents: number;
      paid_cents: number;
      due_cents: number;
    }>(
      db,
      'orders',
      batches,
      `SELECT id, status, total_cents, COALESCE(paid_cents, 0) AS paid_cents, COALESCE(due_cents, total_cents - COALESCE(paid_cents, 0)) AS due_cents FROM orders
       WHERE ((status = 'PAID' AND COALESCE(due_cents, total_cents - COALESCE(paid_cents, 0)) > ?)
          OR (status <> 'PAID' AND total_cents > 0 AND COALESCE(paid_cents, 0) >= total_cents - ?))
         AND rowid BETWEEN ? AND ?`,
      [tol, tol],
      byIntegerIds((r) => r.id),
    );
    return rows.map((r) => ({
      entity: 'orders',
      recordId: r.id,
      message:
        r.status === 'PAID'
          ? `Order ${r.id} is marked PAID but ${formatCents(r.due_cents)} is still due`
          : `Order ${r.id} is fully paid (${formatCents(r.paid_cents)} of ${formatCents(r.total_cents)}) but marked ${r.status}`,
      related: [],
    }));
  },
};
