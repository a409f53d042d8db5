/**
 * What an order is worth and what has been paid on it, derived the way Keap derives them; shared by
 * the order rules (an edit must keep the total above what was paid) and the payment rules (a payment
 * may not exceed the balance).
 */
import type { OrderRecord, PaymentRecord } from '../records';
import type { AccountTables } from './tables';

export interface OrderTotals {
  total: number;
  paid: number;
  due: number;
  status: 'DRAFT' | 'SENT' | 'VIEWED' | 'PAID';
}

/** Refunded, voided and failed payments do not count towards what an order has been paid. */
export function countsAsPaid(status: PaymentRecord['pay_status']): boolean {
  return status === 'MANUAL_PAID' || status === 'PAYPAL_PAID' || status === 'APPROVED';
}

export function orderTotals(account: AccountTables, order: OrderRecord): OrderTotals {
  const itemsTotal = order.items.reduce((sum, i) => sum + i.quantity * i.price_cents, 0);
  const total = order.total_override_cents ?? itemsTotal;
  const paid = account
    .paymentsOf(order.id)
    .filter((p) => countsAsPaid(p.pay_status))
    .reduce((sum, p) => sum + p.amount_cents, 0);
  const due = total - paid;
  const derived = paid > 0 && due <= 0 ? 'PAID' : order.sent_time ? 'SENT' : 'DRAFT';
  return { total, paid, due, status: order.status_override ?? derived };
}
