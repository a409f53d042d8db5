import { centsOfDollars } from '../money';
import {
  allowOnly,
  customValues,
  masked,
  objectBody,
  optBool,
  optDate,
  optId,
  optInt,
  optNumber,
  optString,
  reqId,
  updateMask,
  type Json,
} from '../http/body';
import type { Router } from '../http/router';
import { ALL_OPS, type ListSpec } from '../listing';
import type { SubscriptionRecord } from '../records';
import { renderSubscription } from '../render';
import type { EmulatorStore } from '../store';
import { fromTable, listResponse, pathId } from './common';

const CREATE_FIELDS = [
  'quantity',
  'active',
  'contact_id',
  'subscription_plan_id',
  'billing_amount',
  'auto_charge',
  'max_charge_attempts',
  'days_between_retries',
  'start_date',
  'payment_method_id',
  'allow_tax',
  'allow_duplicate',
  'lead_affiliate_id',
  'sale_affiliate_id',
  'shipping_address',
  'promo_code',
  'shipping_option_id',
  'reason_stopped',
  'custom_fields',
];
const UPDATE_FIELDS = [
  'quantity',
  'active',
  'contact_id',
  'subscription_plan_id',
  'billing_amount',
  'auto_charge',
  'max_charge_attempts',
  'days_between_retries',
  'billing_frequency',
  'billing_cycle',
  'next_bill_date',
  'end_date',
  'payment_method_id',
  'allow_tax',
  'lead_affiliate_id',
  'sale_affiliate_id',
  'shipping_address',
  'promo_code',
  'shipping_option_id',
  'reason_stopped',
  'custom_fields',
];
const TYPED = new Set([
  'quantity',
  'active',
  'contact_id',
  'subscription_plan_id',
  'billing_amount',
  'auto_charge',
  'start_date',
  'allow_duplicate',
  'custom_fields',
  'next_bill_date',
  'end_date',
]);

function subscriptionListSpec(store: EmulatorStore): ListSpec<SubscriptionRecord> {
  return {
    resource: 'subscriptions',
    filters: {
      contact_id: { type: { kind: 'number' }, get: (s) => s.contact_id },
      subscription_plan_id: { type: { kind: 'number' }, get: (s) => s.subscription_plan_id },
      status: { type: { kind: 'text' }, get: (s) => (s.active ? 'ACTIVE' : 'INACTIVE') },
      id: { type: { kind: 'number' }, ops: ALL_OPS, get: (s) => s.id },
      billing_amount: { type: { kind: 'number' }, ops: ALL_OPS, get: (s) => s.billing_amount_cents / 100 },
      ids: { type: { kind: 'list' }, get: (s) => s.id },
      subscription_plan_ids: { type: { kind: 'list' }, get: (s) => s.subscription_plan_id },
    },
    orderBy: {
      contact_id: (s) => s.contact_id,
      subscription_plan_id: (s) => s.subscription_plan_id,
      modification_time: (s) => s.modification_time,
    },
    customFields: () => store.customFieldsOf('SUBSCRIPTION'),
    customOf: (s) => s.custom,
  };
}

function extraOf(body: Json): Json {
  return Object.fromEntries(Object.entries(body).filter(([k]) => !TYPED.has(k)));
}

export function registerSubscriptionRoutes(router: Router): void {
  const render = (store: EmulatorStore, s: SubscriptionRecord) => renderSubscription(s, store.plans.get(s.subscription_plan_id));
  router.add('GET', '/v2/subscriptions', (req) =>
    listResponse(req, 'subscriptions', subscriptionListSpec(req.store), fromTable(req.store.subscriptions), (s) => render(req.store, s)),
  );
  router.add('GET', '/v2/subscriptions/{subscription_id}', (req) => ({
    status: 200,
    body: render(req.store, req.store.requireSubscription(pathId(req, 'subscription_id'))),
  }));
  router.add('POST', '/v2/subscriptions', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, CREATE_FIELDS);
    const amount = optNumber(body, 'billing_amount');
    const sub = req.store.createSubscription({
      contact_id: reqId(body, 'contact_id'),
      subscription_plan_id: reqId(body, 'subscription_plan_id'),
      quantity: optInt(body, 'quantity'),
      active: optBool(body, 'active'),
      billing_amount_cents: amount === undefined ? undefined : centsOfDollars(amount),
      auto_charge: optBool(body, 'auto_charge'),
      start_date: optDate(body, 'start_date'),
      allow_duplicate: optBool(body, 'allow_duplicate'),
      custom: customValues(body),
      extra: extraOf(body),
    });
    return { status: 201, body: render(req.store, sub) };
  });
  router.add('PATCH', '/v2/subscriptions/{subscription_id}', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, UPDATE_FIELDS);
    const patch = masked(body, updateMask(req.query, body, UPDATE_FIELDS));
    const amount = optNumber(patch, 'billing_amount');
    const sub = req.store.updateSubscription(pathId(req, 'subscription_id'), {
      contact_id: optId(patch, 'contact_id'),
      subscription_plan_id: optId(patch, 'subscription_plan_id'),
      quantity: optInt(patch, 'quantity'),
      active: optBool(patch, 'active'),
      billing_amount_cents: amount === undefined ? undefined : centsOfDollars(amount),
      auto_charge: optBool(patch, 'auto_charge'),
      next_bill_date: optDate(patch, 'next_bill_date'),
      end_date: optDate(patch, 'end_date'),
      custom: customValues(patch),
      extra: extraOf(patch),
    });
    return { status: 200, body: render(req.store, sub) };
  });
  router.add('POST', '/v2/subscriptions/{subscription_id}:deactivate', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, ['reason']);
    req.store.updateSubscription(pathId(req, 'subscription_id'), {
      active: false,
      extra: { reason_stopped: optString(body, 'reason') ?? 'Deactivated through the API' },
    });
    // Keap declares this answer without a body.
    return { status: 200 };
  });
}
