/**
 * Payments: recorded on their (restored) order, never twice and never above its balance, as Keap
 * cannot delete a payment. Found again by the restore marker in the note, else by order, amount
 * and date.
 */
import type { KeapOrder, KeapOrderPayment, KeapPayment, KeapPaymentResult } from '../../model';
import { isoTime, orNull, present, reference } from '../fieldRules';
import { markerValue, noteWithoutMarker, paymentNote, paymentNoteMarker, RESTORE_NOTE_TAG } from '../marker';
import { type Payload } from '../payloads';
import { requestBody } from '../fields';
import type { PlanStep } from '../plan';
import { formatCents, formatMajor } from '../../money';
import type { Json, PlanContext, Resolution } from '../planContext';
import type { RestorableEntity } from './entity';

function paymentPayload(payment: KeapPayment, orderOldId: string): Payload {
  const { body, refs } = requestBody('payments', { ...payment, order_ids: [orderOldId] });
  return { body, refs };
}

const SIDE_EFFECT =
  'The first payment on an API-created order satisfies Keap\'s "Purchase" automation triggers (automations, receipts, commissions).';

export const payments: RestorableEntity = {
  entity: 'payments',

  fields: {
    fields: [
      {
        name: 'amount',
        write: 'payment_amount',
        toRequest: (v) => v ?? 0,
        compare: (v) => Math.round(Number(v ?? 0) * 100),
        required: true,
      },
      {
        name: 'type',
        write: 'payment_method_type',
        toRequest: (v) => (present(v) ? v : 'Adjustment'),
        compare: (v) => (present(v) ? v : 'Adjustment'),
        required: true,
      },
      { name: 'commissioned', write: 'apply_to_commissions', toRequest: (v) => v ?? false, compare: (v) => v ?? false, required: true },
      { name: 'payment_time', compare: isoTime },
      // The note carries the restore marker, the only way to find a payment again (it has no custom fields).
      {
        name: 'note',
        write: 'notes',
        required: true,
        toRequest: (v, _c, r) => paymentNote(String(r.id), noteWithoutMarker(v)),
        compare: (v) => orNull(noteWithoutMarker(v)),
      },
      { name: 'order_ids', write: '@order_id', ...reference('orders', (v) => (Array.isArray(v) ? v[0] : undefined)) },
    ],
    serverAssigned: {
      id: 'a new payment id',
      status: 'set by Keap',
      synced: 'computed by Keap',
      update_time: "the restore's date",
      contact_id: "the order's contact",
      refund_payment_id: 'refunds cannot be recorded through the API',
      merchant_account_id: 'manual payments have none',
      merchant_account_type: 'manual payments have none',
      payment_method: 'manual payments have none',
      external_transaction_id: 'manual payments have none',
    },
  },

  plan(ctx, record, pulledIn) {
    return planPayment(ctx, record as unknown as KeapPayment, pulledIn);
  },

  async create(ctx, step, { body, params }) {
    // Never blind: what the order holds is looked at first (read fresh, or known since one read for an
    // order this apply created); a lost answer is settled by reading the order again (find).
    const already = matchingPayment(await ctx.paymentsBeforeCreate(params.order_id), step, body, (liveId) =>
      ctx.isClaimed('payments', liveId, step.id),
    );
    if (already !== undefined) return { id: already, sent: false };
    const result = await ctx.client.orders.recordPayment(params.order_id, body as never, async () => {
      const id = await ctx.find(step);
      return id === undefined ? undefined : ({ id } as KeapPaymentResult);
    });
    ctx.notePaymentRecorded(params.order_id, {
      id: result.id,
      payment_id: result.id,
      amount: Number(body.payment_amount),
      note: body.notes as string | undefined,
      pay_time: body.payment_time as string | undefined,
    } as KeapOrderPayment);
    return { id: result.id, sent: true };
  },

  async find(ctx, step, { body, params }) {
    const payments: KeapOrderPayment[] = [];
    for await (const p of ctx.client.orders.payments(params.order_id)) payments.push(p);
    return matchingPayment(payments, step, body, (liveId) => ctx.isClaimed('payments', liveId, step.id));
  },

  nothingSent: 'Already recorded on the order (its restore marker is in the note)',
};

/**
 * This step's payment among an order's payments: by the restore marker in the note; failing that (a
 * note Keap trimmed or lost, a payment typed by hand), by amount and date among the payments no other
 * step restored or stands for. Three equal payments in the snapshot are three payments: one typed
 * by hand accounts for one of them, not for all three.
 */
function matchingPayment(
  payments: KeapOrderPayment[],
  step: PlanStep,
  body: Json,
  claimed: (liveId: string) => boolean,
): string | undefined {
  const marker = markerValue(step.oldId);
  const cents = Math.round(Number(body.payment_amount) * 100);
  const at = body.payment_time ? Date.parse(String(body.payment_time)) : undefined;
  let byAmountAndDate: string | undefined;
  for (const p of payments) {
    if (paymentNoteMarker(p.note) === step.oldId || p.note?.includes(marker)) return p.payment_id ?? p.id;
    const restoredOther = p.note?.includes(RESTORE_NOTE_TAG); // another step's payment, not this one
    if (
      !byAmountAndDate &&
      !restoredOther &&
      !claimed(p.payment_id ?? p.id) &&
      !step.lookAlikes?.includes(p.payment_id ?? p.id) &&
      at !== undefined &&
      Math.round((p.amount ?? 0) * 100) === cents &&
      p.pay_time &&
      Date.parse(p.pay_time) === at
    ) {
      byAmountAndDate = p.payment_id ?? p.id;
    }
  }
  return byAmountAndDate;
}

function planPayment(ctx: PlanContext, payment: KeapPayment, pulledIn: boolean): Resolution {
  const orderOldId = payment.order_ids?.[0];
  const label = `Payment ${payment.id} of ${formatMajor(payment.amount)}${orderOldId ? ` on order ${orderOldId}` : ''}`;
  if (!orderOldId || !ctx.snapHas('orders', orderOldId)) {
    const liveOrder = orderOldId && ctx.live.has('orders', orderOldId) ? orderOldId : undefined;
    if (!liveOrder)
      return ctx.addStep({
        entity: 'payments',
        oldId: payment.id,
        action: 'blocked',
        reason: 'parent-missing',
        label,
        pulledIn,
        detail: `${label}: its order is in neither the snapshot nor the account`,
      });
  }
  const order = ctx.resolve('orders', orderOldId!, true);
  if (order.state === 'live') {
    const match = livePaymentMatching(ctx, order.liveId, payment);
    if (match) {
      if (match.id !== payment.id || !ctx.countsIdentical('payments')) ctx.dependOnLive('payments', match.id);
      return ctx.addStep(
        {
          entity: 'payments',
          oldId: payment.id,
          liveId: match.id,
          action: 'skip',
          reason: match.id === payment.id ? 'identical' : match.marked ? 'restored-earlier' : 'matched-by-key',
          label,
          pulledIn,
          detail: `${label}: recorded in the account as payment ${match.id}`,
        },
        match.id,
      );
    }
    const liveOrder = ctx.live.record<KeapOrder>('orders', order.liveId)!;
    ctx.dependOnLive('orders', order.liveId);
    const planned = ctx.plannedPayments.get(order.liveId) ?? 0;
    const due = (liveOrder.total_due?.amount ?? 0) - planned;
    if (Math.round((payment.amount ?? 0) * 100) > due) {
      return ctx.addStep({
        entity: 'payments',
        oldId: payment.id,
        action: 'conflict',
        reason: 'would-overpay',
        label,
        pulledIn,
        detail: `${label}: live order ${order.liveId} has only ${formatCents(due, liveOrder.total_due?.currency_code)} due; Keap refuses payments above the balance and payments cannot be deleted: check the order's payments by hand`,
      });
    }
    ctx.plannedPayments.set(order.liveId, planned + Math.round((payment.amount ?? 0) * 100));
  }
  const payload = paymentPayload(payment, orderOldId!);
  const blocked = ctx.blockedBy(payload.refs, [order]);
  if (blocked) return ctx.addBlocked('payments', payment.id, blocked, label, pulledIn);
  return ctx.addStep({
    entity: 'payments',
    oldId: payment.id,
    action: 'create',
    reason: 'missing-in-live',
    label,
    pulledIn,
    detail: `${label}: record it (${payment.type ?? 'manual'}, dated ${payment.payment_time ?? 'now'}); it is checked against the order's payments before it is sent, as Keap cannot delete a payment`,
    payload: payload.body,
    refs: payload.refs,
    dependsOn: ctx.stepDeps([order]),
    sideEffects: [SIDE_EFFECT],
    lookAlikes: order.state === 'live' ? othersAlike(ctx, order.liveId, payment) : undefined,
  });
}

/**
 * The live payments of the order, of the same amount and date, that are other snapshot payments
 * under their own ids: a plan counts those as identical without a step, so apply would not know
 * they are taken and could take one for this payment (three equal payments, one left: two to record).
 */
function othersAlike(ctx: PlanContext, liveOrderId: string, payment: KeapPayment): string[] | undefined {
  const ids = ctx.live
    .paymentsOf(liveOrderId)
    .filter((p) => p.id !== payment.id && sameAmountAndDate(p, payment) && ctx.snapHas('payments', p.id))
    .map((p) => p.id);
  return ids.length ? ids : undefined;
}

function sameAmountAndDate(live: Pick<KeapPayment, 'amount' | 'payment_time'>, payment: KeapPayment): boolean {
  return (
    Math.round((live.amount ?? 0) * 100) === Math.round((payment.amount ?? 0) * 100) &&
    !!live.payment_time &&
    !!payment.payment_time &&
    Date.parse(live.payment_time) === Date.parse(payment.payment_time)
  );
}

function livePaymentMatching(ctx: PlanContext, liveOrderId: string, payment: KeapPayment): { id: string; marked: boolean } | undefined {
  const payments = ctx.live.paymentsOf(liveOrderId);
  const marker = markerValue(payment.id);
  const marked = payments.find((p) => p.note?.includes(marker));
  if (marked) return { id: marked.id, marked: true };
  // A live payment stands for one snapshot payment: three equal ones in the snapshot and one left
  // live means two to record, not none. One under a snapshot payment's own id stands for that one,
  // whichever of the three is planned first.
  const claimed = claimedLivePayments(ctx);
  const same =
    payments.find((p) => p.id === payment.id) ??
    payments.find(
      (p) => !claimed.has(p.id) && !p.note?.includes(RESTORE_NOTE_TAG) && sameAmountAndDate(p, payment) && !ctx.snapHas('payments', p.id),
    );
  if (same) claimed.add(same.id);
  return same ? { id: same.id, marked: false } : undefined;
}

/** Live payments already matched to a snapshot payment in this planning (by amount and date). */
const claimedByPlanning = new WeakMap<PlanContext, Set<string>>();
function claimedLivePayments(ctx: PlanContext): Set<string> {
  let claimed = claimedByPlanning.get(ctx);
  if (!claimed) claimedByPlanning.set(ctx, (claimed = new Set()));
  return claimed;
}
