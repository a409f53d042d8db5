import type {
  KeapCompany,
  KeapOrder,
  KeapOrderItem,
  KeapOrderPayment,
  KeapPayment,
  KeapPaymentResult,
  KeapProduct,
  KeapSubscription,
  KeapSubscriptionPlan,
  KeapTransaction,
} from '../../model';
import { listAll, type ListOptions } from '../paging';
import type {
  CompanyWrite,
  OrderCreate,
  OrderItemWrite,
  OrderUpdate,
  PaymentCreate,
  ProductWrite,
  SubscriptionCreate,
  SubscriptionPlanWrite,
} from '../requests';
import type { KeapTransport } from '../transport';
import { encodeId, KeapList, KeapResource } from './resource';

export class CompaniesResource extends KeapResource<KeapCompany, CompanyWrite> {
  constructor(transport: KeapTransport) {
    super(transport, '/v2/companies', 'companies');
  }
}

/** Company fields Keap's list leaves out unless asked for. */
export const ALL_COMPANY_FIELDS = [
  'company_name',
  'address',
  'email_address',
  'phone_number',
  'fax_number',
  'website',
  'notes',
  'custom_fields',
  'create_time',
  'update_time',
  'owner_id',
];

export class ProductsResource extends KeapResource<KeapProduct, ProductWrite> {
  constructor(transport: KeapTransport) {
    super(transport, '/v2/products', 'products');
  }

  plans(productId: string, options?: ListOptions): AsyncGenerator<KeapSubscriptionPlan> {
    return listAll(this.transport, `/v2/products/${encodeId(productId)}/subscriptions`, 'subscriptions', options);
  }

  async createPlan(
    productId: string,
    body: SubscriptionPlanWrite,
    verify?: () => Promise<KeapSubscriptionPlan | undefined>,
  ): Promise<KeapSubscriptionPlan> {
    return (
      await this.transport.request<KeapSubscriptionPlan>({
        method: 'POST',
        path: `/v2/products/${encodeId(productId)}/subscriptions`,
        body,
        verify,
      })
    ).data;
  }
}

export class OrdersResource extends KeapResource<KeapOrder, OrderCreate, OrderUpdate> {
  constructor(transport: KeapTransport) {
    super(transport, '/v2/orders', 'orders');
  }

  async addItem(orderId: string, item: OrderItemWrite, verify?: () => Promise<KeapOrderItem | undefined>): Promise<KeapOrderItem> {
    return (
      await this.transport.request<KeapOrderItem>({ method: 'POST', path: `/v2/orders/${encodeId(orderId)}/items`, body: item, verify })
    ).data;
  }

  async deleteItem(orderId: string, itemId: string): Promise<void> {
    await this.transport.request<void>({ method: 'DELETE', path: `/v2/orders/${encodeId(orderId)}/items/${encodeId(itemId)}` });
  }

  /** The order's payments (invoice-payment links: `id` is the link, `payment_id` the payment). */
  payments(orderId: string, options?: ListOptions): AsyncGenerator<KeapOrderPayment> {
    return listAll(this.transport, `/v2/orders/${encodeId(orderId)}/payments`, 'invoice_order_payments', options);
  }

  /**
   * Records a payment. Keap can never delete one, so a payment whose answer was lost is never
   * sent again blindly: `verify` must look at the order's payments (the default does, matching
   * amount, time and note) and only a proven absence lets it go again.
   */
  async recordPayment(
    orderId: string,
    payment: PaymentCreate,
    verify?: () => Promise<KeapPaymentResult | undefined>,
  ): Promise<KeapPaymentResult> {
    return (
      await this.transport.request<KeapPaymentResult>({
        method: 'POST',
        path: `/v2/orders/${encodeId(orderId)}/payments`,
        body: payment,
        verify: verify ?? (() => this.findPayment(orderId, payment)),
      })
    ).data;
  }

  /** A recorded payment of the order that matches amount, time and note, as a PaymentResult. */
  async findPayment(orderId: string, payment: PaymentCreate): Promise<KeapPaymentResult | undefined> {
    for await (const p of this.payments(orderId)) {
      const sameAmount = Math.round((p.amount ?? 0) * 100) === Math.round(payment.payment_amount * 100);
      const sameTime = !payment.payment_time || (p.pay_time && Date.parse(p.pay_time) === Date.parse(payment.payment_time));
      const sameNote = !payment.notes || p.note === payment.notes;
      if (sameAmount && sameTime && sameNote) {
        return {
          id: p.payment_id ?? p.id,
          invoice_id: p.invoice_id,
          payment_amount: p.amount,
          payment_status_message: 'Found after a lost answer',
        };
      }
    }
    return undefined;
  }
}

/** `GET /v2/sales/payments`: every payment with its `order_ids`, one list for the whole account. */
export class SalesPaymentsResource extends KeapList<KeapPayment> {
  constructor(transport: KeapTransport) {
    super(transport, '/v2/sales/payments', 'payments');
  }
}

/** `GET /v2/sales/transactions` (read-only; v2 gives transactions no id of their own). */
export class TransactionsResource extends KeapList<KeapTransaction> {
  constructor(transport: KeapTransport) {
    super(transport, '/v2/sales/transactions', 'transactions');
  }
}

export class SubscriptionsResource extends KeapResource<KeapSubscription, SubscriptionCreate> {
  constructor(transport: KeapTransport) {
    super(transport, '/v2/subscriptions', 'subscriptions');
  }

  /** Stops a subscription (Keap answers without a body; read it again to see the result). */
  async deactivate(id: string, reason?: string): Promise<void> {
    await this.transport.request<void>({
      method: 'POST',
      path: `/v2/subscriptions/${encodeId(id)}:deactivate`,
      body: reason ? { reason } : {},
      idempotent: true,
    });
  }
}
