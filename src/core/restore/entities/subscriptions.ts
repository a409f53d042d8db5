/**
 * Subscriptions: found again by the restore marker. Keap refuses past start dates, so a restored
 * subscription starts today, and only when the user accepts that.
 */
import type { KeapSubscription } from '../../model';
import { reference, verbatim } from '../fieldRules';
import { marked, type Payload } from '../payloads';
import { requestBody } from '../fields';
import { verifyByFind, type RestorableEntity } from './entity';

function subscriptionPayload(sub: KeapSubscription, startDate: string, markerFieldRef?: string): Payload {
  const { body, refs } = requestBody('subscriptions', sub, marked(markerFieldRef, sub.id));
  // Keap refuses past start dates; its own duplicate check (same contact, same plan) stays on.
  return { body: { ...body, start_date: startDate, allow_duplicate: false }, refs };
}

export const subscriptions: RestorableEntity = {
  entity: 'subscriptions',

  fields: {
    fields: [
      ...verbatim(
        'quantity',
        'active',
        'billing_amount',
        'auto_charge',
        'max_charge_attempts',
        'days_between_retries',
        'payment_method_id',
        'allow_tax',
        'lead_affiliate_id',
        'sale_affiliate_id',
        'shipping_address',
        'promo_code',
        'shipping_option_id',
      ),
      { name: 'contact_id', ...reference('contacts') },
      { name: 'subscription_plan_id', ...reference('subscription_plans') },
    ],
    customFields: true,
    serverAssigned: {
      id: 'a new subscription id',
      product_id: 'follows the plan',
      billing_cycle: 'follows the plan',
      billing_frequency: 'follows the plan',
      last_bill_date: 'none yet',
      modification_time: "the restore's date",
      reason_stopped: 'only inactive subscriptions have one',
    },
    restoredDifferently: {
      start_date: 'today: Keap refuses past start dates',
      next_bill_date: 'follows the new start date',
      end_date: 'Keap refuses past dates',
    },
  },

  settlesFirst: true,

  plan(ctx, record, pulledIn) {
    const sub = record as unknown as KeapSubscription;
    const label = `Subscription ${sub.id} (contact ${sub.contact_id}, plan ${sub.subscription_plan_id})`;
    const payload = subscriptionPayload(sub, ctx.input.today ?? new Date().toISOString().slice(0, 10), 'marker:SUBSCRIPTION');
    const { settled, deps } = ctx.settle('subscriptions', record, pulledIn, label, payload);
    if (settled) return settled;
    if (sub.active === false)
      return ctx.addStep({
        entity: 'subscriptions',
        oldId: sub.id,
        action: 'skip',
        reason: 'not-restorable',
        label,
        pulledIn,
        detail: `${label}: inactive in the snapshot; its history lives in its orders`,
      });
    if (!ctx.options.subscriptionsStartToday) {
      return ctx.addStep({
        entity: 'subscriptions',
        oldId: sub.id,
        action: 'blocked',
        reason: 'past-start-date',
        label,
        pulledIn,
        detail: `${label}: Keap cannot create a subscription that started in the past (${sub.start_date ?? 'unknown'}); it can be restored starting today`,
      });
    }
    ctx.warnings.add(
      'Restored subscriptions start today: Keap refuses past start dates. Their earlier billing history is in their orders.',
    );
    return ctx.addStep({
      entity: 'subscriptions',
      oldId: sub.id,
      action: 'create',
      reason: 'missing-in-live',
      label,
      pulledIn,
      detail: `${label}: create it starting today (it started ${sub.start_date ?? 'earlier'})`,
      payload: payload.body,
      refs: payload.refs,
      dependsOn: ctx.stepDeps(deps),
    });
  },

  async create(ctx, step, { body }) {
    return { id: (await ctx.client.subscriptions.create(body as never, { verify: verifyByFind(() => ctx.find(step)) })).id, sent: true };
  },

  updatable: (client) => client.subscriptions,

  async find(ctx, step) {
    return ctx.byMarker('SUBSCRIPTION', step, (f) => ctx.client.subscriptions.list({ filter: f }));
  },
};
