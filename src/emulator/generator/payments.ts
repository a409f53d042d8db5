/**
 * Payments: the amounts and pay times an order's payment shape calls for, and Keap-like numbering.
 * They come before orders in the stage chain because building an order builds its payments.
 */
import type { PaymentRecord } from '../records';
import type { SeededRandom } from '../random';
import { DAY, HOUR, MIN, iso } from './calendar';
import { ContactStage } from './contacts';
import { clamp } from './numbers';
import type { PaymentShape } from './state';

export abstract class PaymentStage extends ContactStage {
  /** Payments for `shape`, strictly after the order and each other, before now; ids left at 0. */
  protected buildPayments(
    rng: SeededRandom,
    orderId: number,
    invoiceId: number,
    contactId: number,
    orderSec: number,
    total: number,
    shape: PaymentShape,
  ): PaymentRecord[] {
    let amounts: number[];
    switch (shape) {
      case 'unpaid':
        return [];
      case 'full1':
        amounts = [total];
        break;
      case 'full2': {
        const a = clamp(Math.round(total * rng.float(0.3, 0.7)), 1, total - 1);
        amounts = total > 1 ? [a, total - a] : [total];
        break;
      }
      case 'partial': {
        if (total < 2) return [];
        if (rng.chance(0.75)) {
          let a = Math.round(total * rng.float(0.1, 0.9));
          if (total >= 2000 && rng.chance(0.5)) a = Math.round(a / 100) * 100; // a round-dollar deposit
          amounts = [clamp(a, 1, total - 1)];
        } else {
          const a = clamp(Math.round(total * rng.float(0.1, 0.4)), 1, total - 1);
          const b = clamp(Math.round(total * rng.float(0.1, 0.4)), 1, total - 1 - a);
          amounts = b >= 1 ? [a, b] : [a];
        }
        break;
      }
    }
    // Offsets after the order: often at checkout, otherwise days or weeks later; squeezed into the window.
    const offsets: number[] = [];
    let offset = 0;
    for (let i = 0; i < amounts.length; i++) {
      offset += i === 0 ? (rng.chance(0.45) ? rng.int(1, 10 * MIN) : rng.int(HOUR, 45 * DAY)) : rng.int(DAY, 60 * DAY);
      offsets.push(offset);
    }
    const room = this.nowSec - MIN - orderSec;
    if (offset > room) {
      const scale = room / offset;
      let previous = 0;
      for (let i = 0; i < offsets.length; i++) previous = offsets[i] = Math.max(previous + 1, Math.floor(offsets[i] * scale));
    }
    this.lastPaySec = orderSec + offsets[offsets.length - 1];
    return amounts.map((amount, i) => this.paymentRecord(rng, orderId, invoiceId, contactId, amount, orderSec + offsets[i]));
  }

  protected paymentRecord(
    rng: SeededRandom,
    orderId: number,
    invoiceId: number,
    contactId: number,
    amount: number,
    paySec: number,
  ): PaymentRecord {
    const method = rng.weighted(this.methodWeights);
    return {
      id: 0,
      invoice_payment_id: 0,
      order_id: orderId,
      invoice_id: invoiceId,
      contact_id: contactId,
      amount_cents: amount,
      method_type: method,
      pay_time: iso(paySec),
      update_time: iso(Math.min(this.nowSec, paySec + rng.int(0, 5))),
      note: /check/i.test(method) ? `Check #${rng.int(1001, 9999)}` : rng.chance(0.05) ? 'Paid in full — thanks!' : undefined,
      pay_status: rng.chance(0.92) ? 'MANUAL_PAID' : 'APPROVED',
      skip_commission: rng.chance(0.2),
      transaction_id: 0,
    };
  }

  /** Numbers a payment with Keap-like ids and inserts it. */
  protected finishPayment(rng: SeededRandom, payment: PaymentRecord): PaymentRecord {
    if (rng.chance(0.05)) this.store.allocateTransactionId(); // a declined charge's transaction
    payment.id = this.store.payments.allocateId();
    payment.invoice_payment_id = this.store.allocateInvoicePaymentId();
    payment.transaction_id = this.store.allocateTransactionId();
    return this.store.insertPayment(payment);
  }
}
