import type { ValidationRule } from '../rule';
import { rowsWithMissingParent } from '../missingParents';

export const paymentWithoutOrder: ValidationRule = {
  id: 'payment/orphan-order',
  severity: 'error',
  title: 'Payment or transaction pointing at a missing order',
  explanation:
    "A payment is money received against an order's invoice. A payment whose order is gone is money accounting cannot place; " +
    "Keap cannot delete payments, so it will stay. Restore the order so that the payment's history makes sense again, and check " +
    'that the restored order is not paid a second time.',
  *run({ db, batches }) {
    const rows = function* (entity: 'payments' | 'transactions') {
      const found = (yield* rowsWithMissingParent<{ id: string; order_id: string }>(db, batches, {
        table: entity,
        column: 'order_id',
        parent: 'orders',
        select: 'x.id, x.order_id',
        nullIsMissing: false,
      })).sort((a, b) => a.rid - b.rid);
      return found.map((r) => ({
        entity,
        recordId: r.id,
        message: `${entity === 'payments' ? 'Payment' : 'Transaction'} ${r.id} is for order ${r.order_id}, which is not in the account`,
        related: [{ entity: 'orders' as const, id: r.order_id }],
      }));
    };
    return [...(yield* rows('payments')), ...(yield* rows('transactions'))];
  },
};
