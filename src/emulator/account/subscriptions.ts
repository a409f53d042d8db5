/**
 * Subscriptions, Keap's rules: they start today or later, one active subscription per contact and
 * plan unless asked otherwise, and the product always follows the plan.
 */
import { badRequest, EmulatorApiError, notFound } from '../apiError';
import type { CustomValues, CycleType, Extra, SubscriptionRecord } from '../records';
import { requireContactForWrite } from './contacts';
import { checkedCustom } from './customFields';
import { stripUndefined } from './patch';
import type { AccountTables } from './tables';

export interface SubscriptionInput {
  contact_id: number;
  subscription_plan_id: number;
  quantity?: number;
  active?: boolean;
  billing_amount_cents?: number;
  auto_charge?: boolean;
  start_date?: string;
  allow_duplicate?: boolean;
  custom?: CustomValues;
  extra?: Extra;
}

export function createSubscription(account: AccountTables, input: SubscriptionInput): SubscriptionRecord {
  requireContactForWrite(account, input.contact_id);
  const plan = account.plans.get(input.subscription_plan_id);
  if (!plan) throw badRequest(`Subscription plan ${input.subscription_plan_id} does not exist`);
  const today = account.nowIso().slice(0, 10);
  const start = input.start_date ?? today;
  if (start < today) throw badRequest('start_date must not be in the past');
  if (!input.allow_duplicate) {
    const dup = account.subscriptionsOf(input.contact_id).find((s) => s.active && s.subscription_plan_id === plan.id);
    if (dup) throw new EmulatorApiError(409, `Contact ${input.contact_id} already has active subscription ${dup.id} on plan ${plan.id}`);
  }
  return account.insertSubscription({
    id: account.subscriptions.allocateId(),
    contact_id: input.contact_id,
    product_id: plan.product_id,
    subscription_plan_id: plan.id,
    quantity: input.quantity ?? 1,
    active: input.active ?? true,
    billing_amount_cents: input.billing_amount_cents ?? plan.price_cents,
    start_date: start,
    next_bill_date: start,
    auto_charge: input.auto_charge ?? true,
    custom: checkedCustom(account, 'SUBSCRIPTION', input.custom),
    modification_time: account.nowIso(),
    extra: input.extra ?? {},
  });
}

export function updateSubscription(account: AccountTables, id: number, patch: Partial<SubscriptionRecord>): SubscriptionRecord {
  const sub = requireSubscription(account, id);
  const today = account.nowIso().slice(0, 10);
  for (const key of ['next_bill_date', 'end_date'] as const) {
    if (patch[key] !== undefined && patch[key]! < today) throw badRequest(`${key} must not be in the past`);
  }
  const { custom, extra, contact_id, subscription_plan_id, ...rest } = patch;
  if (subscription_plan_id !== undefined && subscription_plan_id !== sub.subscription_plan_id) {
    // Another plan means another product: Keap takes the product from the plan.
    const plan = account.plans.get(subscription_plan_id);
    if (!plan) throw badRequest(`Subscription plan ${subscription_plan_id} does not exist`);
    sub.subscription_plan_id = plan.id;
    sub.product_id = plan.product_id;
  }
  if (contact_id !== undefined && contact_id !== sub.contact_id) {
    requireContactForWrite(account, contact_id);
    account.reassignSubscription(sub, contact_id);
  }
  Object.assign(sub, stripUndefined(rest));
  if (custom) sub.custom = { ...sub.custom, ...checkedCustom(account, 'SUBSCRIPTION', custom) };
  if (extra) sub.extra = { ...sub.extra, ...extra };
  sub.modification_time = account.nowIso();
  return sub;
}

export function requireSubscription(account: AccountTables, id: number): SubscriptionRecord {
  const record = account.subscriptions.get(id);
  if (!record) throw notFound('subscription', id);
  return record;
}

export function cycleToBillingCycle(cycle: CycleType): 'YEAR' | 'MONTH' | 'WEEK' | 'DAY' {
  return ({ YEARLY: 'YEAR', MONTHLY: 'MONTH', WEEKLY: 'WEEK', DAILY: 'DAY' } as const)[cycle];
}
