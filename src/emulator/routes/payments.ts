import { centsOfDollars } from '../money';
import { badRequest } from '../apiError';
import { allowOnly, objectBody, optString, optTime, reqBool, reqNumber } from '../http/body';
import type { Router } from '../http/router';
import { ALL_OPS, type ListSpec } from '../listing';
import type { PaymentRecord } from '../records';
import { renderOrderPayment, renderSalesPayment, renderTransaction } from '../render';
import { fromArray, fromTable, listResponse, pathId } from './common';

const CREATE_FIELDS = [
  'notes',
  'payment_method_id',
  'payment_method_type',
  'payment_time',
  'payment_amount',
  'apply_to_commissions',
  'external_source',
  'external_source_value',
  'external_status_value',
  'external_create_time',
  'external_update_time',
  'external_create_user',
];

const orderPaymentSpec: ListSpec<PaymentRecord> = {
  resource: 'order payments',
  filters: {
    invoice_id: { type: { kind: 'number' }, get: (p) => p.invoice_id },
    payment_id: { type: { kind: 'number' }, get: (p) => p.id },
    amount: { type: { kind: 'number' }, ops: ALL_OPS, get: (p) => p.amount_cents / 100 },
    pay_status: { type: { kind: 'text' }, get: (p) => p.pay_status },
    skip_commission: { type: { kind: 'bool' }, get: (p) => p.skip_commission },
  },
  orderBy: {
    invoice_id: (p) => p.invoice_id,
    payment_id: (p) => p.id,
    amount: (p) => p.amount_cents,
    pay_time: (p) => p.pay_time,
    pay_status: (p) => p.pay_status,
    skip_commission: (p) => (p.skip_commission ? 1 : 0),
    last_updated_time: (p) => p.update_time,
  },
};

/** `since_time`/`until_time` on sales payments read the last update, which is what incremental capture needs. */
const salesPaymentSpec: ListSpec<PaymentRecord> = {
  resource: 'payments',
  filters: {
    id: { type: { kind: 'number' }, ops: ['==', '>', '>=', '<', '<='], get: (p) => p.id },
    ids: { type: { kind: 'list' }, get: (p) => p.id },
    amount: { type: { kind: 'number' }, ops: ALL_OPS, get: (p) => p.amount_cents / 100 },
    order_id: { type: { kind: 'number' }, get: (p) => p.order_id },
    order_ids: { type: { kind: 'list' }, get: (p) => p.order_id },
    contact_id: { type: { kind: 'number' }, get: (p) => p.contact_id },
    since_time: { type: { kind: 'since' }, get: (p) => p.update_time },
    until_time: { type: { kind: 'until' }, get: (p) => p.update_time },
  },
  orderBy: { amount: (p) => p.amount_cents, payment_time: (p) => p.pay_time, contact_id: (p) => p.contact_id },
};

const transactionSpec: ListSpec<PaymentRecord> = {
  resource: 'transactions',
  filters: {
    order_id: { type: { kind: 'number' }, get: (p) => p.order_id },
    contact_id: { type: { kind: 'number' }, get: (p) => p.contact_id },
    status: { type: { kind: 'text' }, get: () => 'APPROVED' },
    transaction_method: { type: { kind: 'text' }, get: () => 'MANUAL' },
    is_successful: { type: { kind: 'bool' }, get: () => true },
    since_time: { type: { kind: 'since' }, get: (p) => p.pay_time },
    until_time: { type: { kind: 'until' }, get: (p) => p.pay_time },
  },
  orderBy: { amount: (p) => p.amount_cents, transaction_time: (p) => p.pay_time, contact_id: (p) => p.contact_id },
};

export function registerPaymentRoutes(router: Router): void {
  router.add('GET', '/v2/orders/{order_id}/payments', (req) => {
    const orderId = pathId(req, 'order_id');
    req.store.requireOrder(orderId);
    return listResponse(req, 'invoice_order_payments', orderPaymentSpec, fromArray(req.store.paymentsOf(orderId)), renderOrderPayment);
  });
  router.add('POST', '/v2/orders/{order_id}/payments', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, CREATE_FIELDS);
    if (optString(body, 'payment_method_id') !== undefined) {
      throw badRequest(
        'Charging a stored payment method is not available in the emulator; record a manual payment with payment_method_type',
      );
    }
    const methodType = optString(body, 'payment_method_type');
    if (!methodType) throw badRequest('payment_method_type or payment_method_id is required');
    const payment = req.store.recordPayment(pathId(req, 'order_id'), {
      amount_cents: centsOfDollars(reqNumber(body, 'payment_amount')),
      apply_to_commissions: reqBool(body, 'apply_to_commissions'),
      method_type: methodType,
      pay_time: optTime(body, 'payment_time'),
      note: optString(body, 'notes'),
    });
    return {
      status: 201,
      body: {
        id: String(payment.id),
        invoice_id: String(payment.invoice_id),
        payment_amount: payment.amount_cents / 100,
        payment_status_message: 'Payment recorded',
        transaction_id: String(payment.transaction_id),
      },
    };
  });
  router.add('GET', '/v2/sales/payments', (req) =>
    listResponse(req, 'payments', salesPaymentSpec, fromTable(req.store.payments), renderSalesPayment),
  );
  router.add('GET', '/v2/sales/transactions', (req) =>
    listResponse(req, 'transactions', transactionSpec, fromTable(req.store.payments), (p) => renderTransaction(req.store, p)),
  );
}
