import { centsOfDollars } from '../money';
import { badRequest } from '../apiError';
import {
  allowOnly,
  masked,
  objectBody,
  optBool,
  optEnum,
  optInt,
  optString,
  reqEnum,
  reqNumber,
  reqString,
  updateMask,
  type Json,
} from '../http/body';
import type { Router } from '../http/router';
import { ALL_OPS, type ListSpec } from '../listing';
import type { PlanRecord, ProductRecord } from '../records';
import { renderPlan, renderProduct } from '../render';
import { fromArray, fromTable, listResponse, noContent, pathId } from './common';

const CREATE_FIELDS = [
  'name',
  'sku',
  'price',
  'active',
  'description',
  'shippable',
  'weight',
  'taxable',
  'inventory',
  'short_description',
  'subscription_only',
  'storefront_hidden',
  'country_taxable',
  'state_taxable',
  'city_taxable',
  'top_html',
  'bottom_html',
  'is_package',
  'needs_digital_delivery',
  'delivery_description',
];
const UPDATE_FIELDS = [
  'name',
  'sku',
  'price',
  'active',
  'description',
  'shippable',
  'weight',
  'taxable',
  'short_description',
  'subscription_only',
  'storefront_hidden',
  'country_taxable',
  'state_taxable',
  'city_taxable',
  'inventory_limit',
  'out_of_stock_enabled',
  'email_for_inventory_notifications',
  'top_html',
  'bottom_html',
  'is_package',
  'needs_digital_delivery',
  'delivery_description',
];
const TYPED = new Set(['name', 'sku', 'price', 'active', 'description', 'short_description', 'shippable', 'taxable', 'subscription_only']);
const CYCLES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
const PLAN_CREATE_FIELDS = ['active', 'frequency', 'allow_prorating', 'cycle_type', 'display_order_index', 'plan_price', 'total_cycles'];

const productListSpec: ListSpec<ProductRecord> = {
  resource: 'products',
  filters: {
    name: { type: { kind: 'text', wildcard: true }, get: (p) => p.name },
    sku: { type: { kind: 'text', wildcard: true }, get: (p) => p.sku },
    description: { type: { kind: 'text', wildcard: true }, get: (p) => p.description },
    short_description: { type: { kind: 'text', wildcard: true }, get: (p) => p.short_description },
    product_id: { type: { kind: 'number' }, ops: ALL_OPS, get: (p) => p.id },
    product_ids: { type: { kind: 'list' }, get: (p) => p.id },
  },
  orderBy: { name: (p) => p.name.toLowerCase(), sku: (p) => p.sku, last_updated_time: (p) => p.update_time },
};

const planListSpec: ListSpec<PlanRecord> = {
  resource: 'subscription plans',
  filters: { active: { type: { kind: 'bool' }, get: (p) => p.active } },
  orderBy: { display_order_index: (p) => p.display_order_index },
};

/** Product `price` is an integer in minor units (keap-api.md §0.8). */
function priceCents(body: Json): number | undefined {
  const price = optInt(body, 'price');
  if (price !== undefined && price < 0) throw badRequest('price must be greater than or equal to 0');
  return price;
}

function productFields(body: Json): Partial<ProductRecord> {
  const extra: Json = {};
  for (const [k, v] of Object.entries(body)) if (!TYPED.has(k)) extra[k] = v;
  return {
    name: optString(body, 'name'),
    sku: optString(body, 'sku'),
    price_cents: priceCents(body),
    active: optBool(body, 'active'),
    description: optString(body, 'description'),
    short_description: optString(body, 'short_description'),
    shippable: optBool(body, 'shippable'),
    taxable: optBool(body, 'taxable'),
    subscription_only: optBool(body, 'subscription_only'),
    extra,
  };
}

export function registerProductRoutes(router: Router): void {
  router.add('GET', '/v2/products', (req) =>
    listResponse(req, 'products', productListSpec, fromTable(req.store.products), (p) => renderProduct(req.store, p)),
  );
  router.add('GET', '/v2/products/{product_id}', (req) => ({
    status: 200,
    body: renderProduct(req.store, req.store.requireProduct(pathId(req, 'product_id'))),
  }));
  router.add('POST', '/v2/products', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, CREATE_FIELDS);
    reqString(body, 'name');
    reqString(body, 'short_description');
    if (body.price === undefined) throw badRequest('price is required');
    const f = productFields(body);
    const record = req.store.createProduct({
      name: f.name!,
      sku: f.sku,
      price_cents: f.price_cents!,
      active: f.active ?? true,
      description: f.description,
      short_description: f.short_description!,
      shippable: f.shippable ?? false,
      taxable: f.taxable ?? false,
      subscription_only: f.subscription_only ?? false,
      extra: f.extra ?? {},
    });
    return { status: 201, body: renderProduct(req.store, record) };
  });
  router.add('PATCH', '/v2/products/{product_id}', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, UPDATE_FIELDS);
    const patch = masked(body, updateMask(req.query, body, UPDATE_FIELDS));
    return { status: 200, body: renderProduct(req.store, req.store.updateProduct(pathId(req, 'product_id'), productFields(patch))) };
  });
  router.add('DELETE', '/v2/products/{product_id}', (req) => {
    req.store.deleteProduct(pathId(req, 'product_id'));
    return noContent;
  });

  router.add('GET', '/v2/products/{product_id}/subscriptions', (req) => {
    const productId = pathId(req, 'product_id');
    req.store.requireProduct(productId);
    return listResponse(req, 'subscriptions', planListSpec, fromArray(req.store.plansOf(productId)), renderPlan);
  });
  router.add('GET', '/v2/products/{product_id}/subscriptions/{subscription_plan_id}', (req) => ({
    status: 200,
    body: renderPlan(req.store.requirePlan(pathId(req, 'product_id'), pathId(req, 'subscription_plan_id'))),
  }));
  router.add('POST', '/v2/products/{product_id}/subscriptions', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, PLAN_CREATE_FIELDS);
    const plan = req.store.createPlan(pathId(req, 'product_id'), {
      cycle_type: reqEnum(body, 'cycle_type', CYCLES),
      // plan_price is a double in major units in the request, like the other request doubles.
      price_cents: centsOfDollars(reqNumber(body, 'plan_price')),
      frequency: optInt(body, 'frequency') ?? 1,
      total_cycles: optInt(body, 'total_cycles') ?? 0,
      active: optBool(body, 'active') ?? true,
      allow_prorating: optBool(body, 'allow_prorating') ?? false,
      display_order_index: optInt(body, 'display_order_index') ?? 0,
    });
    return { status: 201, body: renderPlan(plan) };
  });
  router.add('PATCH', '/v2/products/{product_id}/subscriptions/{subscription_plan_id}', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, PLAN_CREATE_FIELDS);
    // Keap's UpdateSubscriptionPlanRequest requires the cycle and the price even when the mask names neither.
    reqEnum(body, 'cycle_type', CYCLES);
    reqNumber(body, 'plan_price');
    const patch = masked(body, updateMask(req.query, body, PLAN_CREATE_FIELDS));
    const plan = req.store.requirePlan(pathId(req, 'product_id'), pathId(req, 'subscription_plan_id'));
    const cycle = optEnum(patch, 'cycle_type', CYCLES);
    if (cycle) plan.cycle_type = cycle;
    if (patch.plan_price !== undefined) plan.price_cents = centsOfDollars(reqNumber(patch, 'plan_price'));
    plan.frequency = optInt(patch, 'frequency') ?? plan.frequency;
    plan.total_cycles = optInt(patch, 'total_cycles') ?? plan.total_cycles;
    plan.active = optBool(patch, 'active') ?? plan.active;
    plan.allow_prorating = optBool(patch, 'allow_prorating') ?? plan.allow_prorating;
    plan.display_order_index = optInt(patch, 'display_order_index') ?? plan.display_order_index;
    return { status: 200, body: renderPlan(plan) };
  });
  router.add('DELETE', '/v2/products/{product_id}/subscriptions/{subscription_plan_id}', (req) => {
    const plan = req.store.requirePlan(pathId(req, 'product_id'), pathId(req, 'subscription_plan_id'));
    req.store.plans.delete(plan.id);
    return noContent;
  });
}
