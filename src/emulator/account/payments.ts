/** Manual payments against an order: Keap's rules for recording one, and which payments count as paid. */
import { badRequest } from '../apiError';
import type { PaymentRecord } from '../records';
import { requireOrder } from './orders';
import type { AccountTables } from './tables';
import { orderTotals } from './totals';

export interface PaymentInput {
  amount_cents: number;
  method_type: string;
  pay_time?: string;
  note?: string;
  apply_to_commissions: boolean;
}

/** Records a manual payment. Keap: amount > 0, never above the balance, method must be configured. */
export function recordPayment(account: AccountTables, orderId: number, input: PaymentInput): PaymentRecord {
  const order = requireOrder(account, orderId);
  if (!Number.isFinite(input.amount_cents) || input.amount_cents <= 0) throw badRequest('payment_amount must be greater than 0');
  if (!account.manualPaymentTypes.includes(input.method_type)) {
    throw badRequest(
      `payment_method_type '${input.method_type}' is not a Manual Payment Type of this account (${account.manualPaymentTypes.join(', ')})`,
    );
  }
  const { due } = orderTotals(account, order);
  if (input.amount_cents > due) {
    throw badRequest(`payment_amount ${(input.amount_cents / 100).toFixed(2)} exceeds the order balance ${(due / 100).toFixed(2)}`);
  }
  const now = account.nowIso();
  const payment: PaymentRecord = {
    id: account.payments.allocateId(),
    invoice_payment_id: account.allocateInvoicePaymentId(),
    order_id: order.id,
    invoice_id: order.invoice_id,
    contact_id: order.contact_id,
    amount_cents: input.amount_cents,
    method_type: input.method_type,
    pay_time: input.pay_time ?? now,
    update_time: now,
    note: input.note,
    pay_status: 'MANUAL_PAID',
    skip_commission: !input.apply_to_commissions,
    transaction_id: account.allocateTransactionId(),
  };
  order.modification_time = now;
  return account.insertPayment(payment);
}
