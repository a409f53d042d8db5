import type { OrderItemType } from '../../core/model';
import { centsOfDollars } from '../money';
import { badRequest } from '../apiError';
import {
  allowOnly,
  customValues,
  masked,
  objectBody,
  optArray,
  optEnum,
  optId,
  optInt,
  optNumber,
  optString,
  optTime,
  reqEnum,
  reqId,
  reqString,
  updateMask,
  type Json,
} from '../http/body';
import type { Router } from '../http/router';
import { ALL_OPS, type ListSpec } from '../listing';
import type { OrderRecord } from '../records';
import { renderOrder, renderOrderItem } from '../render';
import type { EmulatorStore, OrderItemInput } from '../store';
import { fromTable, listResponse, noContent, pathId } from './common';

const ORDER_TYPES = ['ONLINE', 'OFFLINE'] as const;
const ITEM_TYPES: OrderItemType[] = [
  'PRODUCT',
  'SHIPPING',
  'TAX',
  'FINANCE_CHARGE',
  'SUBSCRIPTION',
  'DISCOUNT',
  'DISCOUNT_FREE_TRIAL',
  'DISCOUNT_ORDER_TOTAL',
  'DISCOUNT_PRODUCT',
  'DISCOUNT_PRODUCT_CATEGORY',
  'DISCOUNT_SHIPPING',
  'OTHER',
  'FEE',
];
const CREATE_FIELDS = [
  'notes',
  'terms',
  'title',
  'contact_id',
  'order_items',
  'order_title',
  'order_time',
  'order_type',
  'promo_codes',
  'lead_affiliate_id',
  'sales_affiliate_id',
  'shipping_address',
  'custom_fields',
  'sent_time',
  'due_time',
  'invoice_number',
  'external_create_user',
  'external_create_time',
  'external_update_time',
];
const UPDATE_FIELDS = [...CREATE_FIELDS.filter((f) => f !== 'order_items'), 'payment_plan'];
const ITEM_FIELDS = [
  'name',
  'description',
  'quantity',
  'notes',
  'product_id',
  'subscription_plan_id',
  'subscription_plan_description',
  'item_type',
  'price_per_unit',
  'cost_per_unit',
];
const ITEM_UPDATE_FIELDS = ITEM_FIELDS.filter((f) => f !== 'item_type');
const EXTRA_FIELDS = [
  'shipping_address',
  'invoice_number',
  'external_create_user',
  'external_create_time',
  'external_update_time',
  'payment_plan',
];

function orderListSpec(store: EmulatorStore): ListSpec<OrderRecord> {
  const shipping = (o: OrderRecord, key: string) => (o.extra.shipping_address as Json | undefined)?.[key];
  return {
    resource: 'orders',
    filters: {
      id: { type: { kind: 'number' }, ops: ALL_OPS, get: (o) => o.id },
      ids: { type: { kind: 'list' }, get: (o) => o.id },
      product_id: { type: { kind: 'list' }, get: (o) => o.items.map((i) => i.product_id).filter((p) => p !== undefined) },
      contact_id: { type: { kind: 'number' }, get: (o) => o.contact_id },
      invoice_id: { type: { kind: 'number' }, get: (o) => o.invoice_id },
      invoice_xid: { type: { kind: 'text' }, get: (o) => o.extra.invoice_number },
      paid: { type: { kind: 'bool' }, get: (o) => store.orderTotals(o).status === 'PAID' },
      created_since_time: { type: { kind: 'since' }, get: (o) => o.creation_time },
      created_until_time: { type: { kind: 'until' }, get: (o) => o.creation_time },
      modified_since_time: { type: { kind: 'since' }, get: (o) => o.modification_time },
      modified_until_time: { type: { kind: 'until' }, get: (o) => o.modification_time },
      title: { type: { kind: 'text', wildcard: true }, get: (o) => o.title },
      order_type: { type: { kind: 'text' }, get: (o) => o.order_type },
      shipping_locality: { type: { kind: 'text' }, get: (o) => shipping(o, 'locality') },
      shipping_region_code: { type: { kind: 'text' }, get: (o) => shipping(o, 'region') },
      shipping_postal_code: { type: { kind: 'text' }, get: (o) => shipping(o, 'zip_code') },
      shipping_country_code: { type: { kind: 'text' }, get: (o) => shipping(o, 'country_code') },
    },
    orderBy: { order_time: (o) => o.order_time, modification_time: (o) => o.modification_time },
    customFields: () => store.customFieldsOf('ORDER'),
    customOf: (o) => o.custom,
  };
}

/** Order-item prices arrive as doubles in major units. */
function itemInput(value: unknown): OrderItemInput {
  const body = objectBody(value);
  allowOnly(body, ITEM_FIELDS);
  const price = optNumber(body, 'price_per_unit');
  const cost = optNumber(body, 'cost_per_unit');
  const quantity = optInt(body, 'quantity');
  if (quantity === undefined) throw badRequest('order_items[].quantity is required');
  return {
    product_id: optId(body, 'product_id'),
    name: optString(body, 'name'),
    description: optString(body, 'description'),
    notes: optString(body, 'notes'),
    quantity,
    price_cents: price === undefined ? undefined : centsOfDollars(price),
    cost_cents: cost === undefined ? undefined : centsOfDollars(cost),
    item_type: optEnum(body, 'item_type', ITEM_TYPES),
    subscription_plan_id: optId(body, 'subscription_plan_id'),
  };
}

function extraOf(body: Json): Json {
  return Object.fromEntries(Object.entries(body).filter(([k]) => EXTRA_FIELDS.includes(k)));
}

export function registerOrderRoutes(router: Router): void {
  router.add('GET', '/v2/orders', (req) =>
    listResponse(req, 'orders', orderListSpec(req.store), fromTable(req.store.orders), (o) => renderOrder(req.store, o)),
  );
  router.add('GET', '/v2/orders/{order_id}', (req) => ({
    status: 200,
    body: renderOrder(req.store, req.store.requireOrder(pathId(req, 'order_id'))),
  }));
  router.add('POST', '/v2/orders', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, CREATE_FIELDS);
    const orderTime = optTime(body, 'order_time');
    if (!orderTime) throw badRequest('order_time is required');
    const order = req.store.createOrder({
      contact_id: reqId(body, 'contact_id'),
      title: reqString(body, 'order_title'),
      order_type: reqEnum(body, 'order_type', ORDER_TYPES),
      order_time: orderTime,
      items: (optArray(body, 'order_items') ?? []).map(itemInput),
      notes: optString(body, 'notes'),
      terms: optString(body, 'terms'),
      sent_time: optTime(body, 'sent_time'),
      due_time: optTime(body, 'due_time'),
      lead_affiliate_id: optString(body, 'lead_affiliate_id'),
      sales_affiliate_id: optString(body, 'sales_affiliate_id'),
      promo_codes: optArray(body, 'promo_codes')?.map(String),
      custom: customValues(body),
      extra: extraOf(body),
    });
    return { status: 201, body: renderOrder(req.store, order) };
  });
  router.add('PATCH', '/v2/orders/{order_id}', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, UPDATE_FIELDS);
    const patch = masked(body, updateMask(req.query, body, UPDATE_FIELDS));
    const order = req.store.updateOrder(pathId(req, 'order_id'), {
      contact_id: optId(patch, 'contact_id'),
      title: optString(patch, 'order_title'),
      order_type: optEnum(patch, 'order_type', ORDER_TYPES),
      order_time: optTime(patch, 'order_time'),
      notes: optString(patch, 'notes'),
      terms: optString(patch, 'terms'),
      sent_time: optTime(patch, 'sent_time'),
      due_time: optTime(patch, 'due_time'),
      lead_affiliate_id: optString(patch, 'lead_affiliate_id'),
      sales_affiliate_id: optString(patch, 'sales_affiliate_id'),
      promo_codes: optArray(patch, 'promo_codes')?.map(String),
      custom: customValues(patch),
      extra: extraOf(patch),
    });
    return { status: 200, body: renderOrder(req.store, order) };
  });
  router.add('DELETE', '/v2/orders/{order_id}', (req) => {
    req.store.deleteOrder(pathId(req, 'order_id'));
    return noContent;
  });

  router.add('POST', '/v2/orders/{order_id}/items', (req) => {
    const item = req.store.addOrderItem(pathId(req, 'order_id'), itemInput(req.body));
    return { status: 201, body: renderOrderItem(req.store, item) };
  });
  router.add('GET', '/v2/orders/{order_id}/items/{order_item_id}', (req) => {
    const order = req.store.requireOrder(pathId(req, 'order_id'));
    const itemId = pathId(req, 'order_item_id');
    const item = order.items.find((i) => i.id === itemId);
    if (!item) throw badRequest(`Order ${order.id} has no item ${itemId}`);
    return { status: 200, body: renderOrderItem(req.store, item) };
  });
  router.add('PATCH', '/v2/orders/{order_id}/items/{order_item_id}', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, ITEM_UPDATE_FIELDS);
    const patch = masked(body, updateMask(req.query, body, ITEM_UPDATE_FIELDS));
    const price = optNumber(patch, 'price_per_unit');
    const cost = optNumber(patch, 'cost_per_unit');
    const item = req.store.updateOrderItem(pathId(req, 'order_id'), pathId(req, 'order_item_id'), {
      product_id: optId(patch, 'product_id'),
      name: optString(patch, 'name'),
      description: optString(patch, 'description'),
      notes: optString(patch, 'notes'),
      quantity: optInt(patch, 'quantity'),
      price_cents: price === undefined ? undefined : centsOfDollars(price),
      cost_cents: cost === undefined ? undefined : centsOfDollars(cost),
    });
    return { status: 200, body: renderOrderItem(req.store, item) };
  });
  router.add('DELETE', '/v2/orders/{order_id}/items/{order_item_id}', (req) => {
    req.store.deleteOrderItem(pathId(req, 'order_id'), pathId(req, 'order_item_id'));
    return noContent;
  });
}
