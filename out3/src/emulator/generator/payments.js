"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PaymentStage = void 0;
const calendar_1 = require("./calendar");
const contacts_1 = require("./contacts");
const numbers_1 = require("./numbers");
class PaymentStage extends contacts_1.ContactStage {
    /** Payments for `shape`, strictly after the order and each other, before now; ids left at 0. */
    buildPayments(rng, orderId, invoiceId, contactId, orderSec, total, shape) {
        let amounts;
        switch (shape) {
            case 'unpaid':
                return [];
            case 'full1':
                amounts = [total];
                break;
            case 'full2': {
                const a = (0, numbers_1.clamp)(Math.round(total * rng.float(0.3, 0.7)), 1, total - 1);
                amounts = total > 1 ? [a, total - a] : [total];
                break;
            }
            case 'partial': {
                if (total < 2)
                    return [];
                if (rng.chance(0.75)) {
                    let a = Math.round(total * rng.float(0.1, 0.9));
                    if (total >= 2000 && rng.chance(0.5))
                        a = Math.round(a / 100) * 100; // a round-dollar deposit
                    amounts = [(0, numbers_1.clamp)(a, 1, total - 1)];
                }
                else {
                    const a = (0, numbers_1.clamp)(Math.round(total * rng.float(0.1, 0.4)), 1, total - 1);
                    const b = (0, numbers_1.clamp)(Math.round(total * rng.float(0.1, 0.4)), 1, total - 1 - a);
                    amounts = b >= 1 ? [a, b] : [a];
                }
                break;
            }
        }
        // Offsets after the order: often at checkout, otherwise days or weeks later; squeezed into the window.
        const offsets = [];
        let offset = 0;
        for (let i = 0; i < amounts.length; i++) {
            offset += i === 0 ? (rng.chance(0.45) ? rng.int(1, 10 * calendar_1.MIN) : rng.int(calendar_1.HOUR, 45 * calendar_1.DAY)) : rng.int(calendar_1.DAY, 60 * calendar_1.DAY);
            offsets.push(offset);
        }
        const room = this.nowSec - calendar_1.MIN - orderSec;
        if (offset > room) {
            const scale = room / offset;
            let previous = 0;
            for (let i = 0; i < offsets.length; i++)
                previous = offsets[i] = Math.max(previous + 1, Math.floor(offsets[i] * scale));
        }
        this.lastPaySec = orderSec + offsets[offsets.length - 1];
        return amounts.map((amount, i) => this.paymentRecord(rng, orderId, invoiceId, contactId, amount, orderSec + offsets[i]));
    }
    paymentRecord(rng, orderId, invoiceId, contactId, amount, paySec) {
        const method = rng.weighted(this.methodWeights);
        return {
            id: 0,
            invoice_payment_id: 0,
            order_id: orderId,
            invoice_id: invoiceId,
            contact_id: contactId,
            amount_cents: amount,
            method_type: method,
            pay_time: (0, calendar_1.iso)(paySec),
            update_time: (0, calendar_1.iso)(Math.min(this.nowSec, paySec + rng.int(0, 5))),
            note: /check/i.test(method) ? `Check #${rng.int(1001, 9999)}` : rng.chance(0.05) ? 'Paid in full — thanks!' : undefined,
            pay_status: rng.chance(0.92) ? 'MANUAL_PAID' : 'APPROVED',
            skip_commission: rng.chance(0.2),
            transaction_id: 0,
        };
    }
    /** Numbers a payment with Keap-like ids and inserts it. */
    finishPayment(rng, payment) {
        if (rng.chance(0.05))
            this.store.allocateTransactionId(); // a declined charge's transaction
        payment.id = this.store.payments.allocateId();
        payment.invoice_payment_id = this.store.allocateInvoicePaymentId();
        payment.transaction_id = this.store.allocateTransactionId();
        return this.store.insertPayment(payment);
    }
}
exports.PaymentStage = PaymentStage;
//# sourceMappingURL=payments.js.map