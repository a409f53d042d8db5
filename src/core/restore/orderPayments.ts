/**
 * What an apply knows of the payments on live orders, to prove a payment is not there before it is
 * sent (Keap cannot delete a payment, so a payment sent twice is money recorded twice).
 *
 * An order this apply created (in this run or an earlier run of the same plan: its ledger says so)
 * had no payments when Keap made it, and every restore of this account waits for the lock and the
 * lease. What can appear on it is this apply's own payments (each noted here when Keap confirms it;
 * a lost answer is settled by the step's `find`, which reads the order again) and payments someone
 * records by hand in Keap's web app. So its payments are read in batches: one `GET /v2/sales/payments`
 * filtered by `order_ids` covers the next orders whose payments come up, and the view of an order
 * is trusted for as long as the live guard trusts its view of any entity (`maxAgeMs`, 30 s), then
 * read again. Before, each such order cost one read of its own.
 *
 * Any other order (live before the plan) may have payments recorded by the production integration
 * at any moment: it is read on its own, fresh, before every payment.
 */
import type { KeapClient } from '../keap/client';
import { filter } from '../keap/filter';
import type { KeapOrderPayment, KeapPayment } from '../model';

/** Orders per batched read: well inside a URL's length (ids of up to 12 digits). */
export const ORDER_PAYMENTS_BATCH = 50;

interface Known {
  payments: KeapOrderPayment[];
  /** Local time the read was sent. */
  readAt: number;
}

export interface OrderPaymentsOptions {
  /** How long a batched view of a created order's payments is trusted (the guard's look interval). */
  maxAgeMs: number;
  now?: () => number;
}

export class OrderPayments {
  /** Orders this apply created -> their payments as last read (undefined: not read yet). */
  private readonly created = new Map<string, Known | undefined>();
  private readonly now: () => number;

  constructor(
    private readonly client: KeapClient,
    private readonly options: OrderPaymentsOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** An order this plan's apply created: its payments can be read in batches. */
  noteCreatedOrder(liveOrderId: string): void {
    if (!this.created.has(liveOrderId)) this.created.set(liveOrderId, undefined);
  }

  /**
   * The order's payments as Keap holds them now (or, for an order this apply created, as of a read at
   * most `maxAgeMs` ago plus what this apply recorded since). `upcoming` names the live orders whose
   * payments come next in the plan, to read together with this one.
   */
  async before(liveOrderId: string, upcoming: () => Iterable<string>): Promise<KeapOrderPayment[]> {
    if (!this.created.has(liveOrderId)) return this.readOne(liveOrderId);
    const known = this.created.get(liveOrderId);
    if (known && this.now() - known.readAt < this.options.maxAgeMs) return known.payments;
    const batch = [liveOrderId];
    for (const id of upcoming()) {
      if (batch.length >= ORDER_PAYMENTS_BATCH) break;
      if (batch.includes(id) || !this.created.has(id)) continue;
      const view = this.created.get(id);
      if (view && this.now() - view.readAt < this.options.maxAgeMs) continue;
      batch.push(id);
    }
    const readAt = this.now();
    const byOrder = new Map<string, KeapOrderPayment[]>(batch.map((id) => [id, []]));
    for await (const p of this.client.payments.list({ filter: filter('order_ids', '==', batch) }))
      for (const order of p.order_ids ?? []) byOrder.get(String(order))?.push(asOrderPayment(p));
    for (const [id, payments] of byOrder) this.created.set(id, { payments, readAt });
    return byOrder.get(liveOrderId)!;
  }

  /** A payment this apply recorded (Keap confirmed it): part of what the order holds from now on. */
  noteRecorded(liveOrderId: string, payment: KeapOrderPayment): void {
    this.created.get(liveOrderId)?.payments.push(payment);
  }

  private async readOne(liveOrderId: string): Promise<KeapOrderPayment[]> {
    const read: KeapOrderPayment[] = [];
    for await (const p of this.client.orders.payments(liveOrderId)) read.push(p);
    return read;
  }
}

/** A row of the account's payment list in the shape of an order's payment list (what matching reads). */
function asOrderPayment(p: KeapPayment): KeapOrderPayment {
  return { id: p.id, payment_id: p.id, amount: p.amount, note: p.note, pay_time: p.payment_time };
}
