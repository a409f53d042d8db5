/**
 * Orders and their items, Keap's rules: totals are derived from the items (and what has been paid),
 * an edit may never bring the total below what has been paid, and an order with payments cannot
 * be deleted.
 */
import type { OrderItemType } from '../../core/model';
import { badRequest, failedPrecondition, notFound } from '../apiError';
import type { CustomValues, Extra, OrderItemRecord, OrderRecord } from '../records';
import { requirePlan, requireProductForWrite } from './catalog';
import { requireContactForWrite } from './contacts';
import { checkedCustom } from './customFields';
import { stripUndefined } from './patch';
import type { AccountTables } from './tables';
import { orderTotals } from './totals';

export interface OrderItemInput {
  product_id?: number;
  name?: string;
  description?: string;
  notes?: string;
  quantity: number;
  price_cents?: number;
  cost_cents?: number;
  item_type?: OrderItemType;
  subscription_plan_id?: number;
}

export interface OrderInput {
  contact_id: number;
  title: string;
  order_type: 'ONLINE' | 'OFFLINE';
  order_time: string;
  items: OrderItemInput[];
  notes?: string;
  terms?: string;
  sent_time?: string;
  due_time?: string;
  lead_affiliate_id?: string;
  sales_affiliate_id?: string;
  promo_codes?: string[];
  custom?: CustomValues;
  extra?: Extra;
}

export type OrderPatch = Partial<
  Pick<
    OrderRecord,
    | 'contact_id'
    | 'title'
    | 'order_type'
    | 'order_time'
    | 'notes'
    | 'terms'
    | 'sent_time'
    | 'due_time'
    | 'lead_affiliate_id'
    | 'sales_affiliate_id'
    | 'promo_codes'
    | 'custom'
    | 'extra'
  >
>;

export function createOrder(account: AccountTables, input: OrderInput): OrderRecord {
  requireContactForWrite(account, input.contact_id);
  if (!input.title?.trim()) throw badRequest('order_title is required');
  const now = account.nowIso();
  const order: OrderRecord = {
    id: account.orders.allocateId(),
    invoice_id: account.allocateInvoiceId(),
    contact_id: input.contact_id,
    title: input.title,
    order_type: input.order_type,
    source_type: 'API',
    order_time: input.order_time,
    creation_time: now,
    modification_time: now,
    sent_time: input.sent_time,
    due_time: input.due_time,
    notes: input.notes,
    terms: input.terms,
    lead_affiliate_id: input.lead_affiliate_id,
    sales_affiliate_id: input.sales_affiliate_id,
    promo_codes: input.promo_codes ?? [],
    items: input.items.map((i) => buildItem(account, i)),
    custom: checkedCustom(account, 'ORDER', input.custom),
    extra: input.extra ?? {},
  };
  return account.insertOrder(order);
}

export function updateOrder(account: AccountTables, id: number, patch: OrderPatch): OrderRecord {
  const order = requireOrder(account, id);
  const { custom, extra, contact_id, ...rest } = patch;
  if (contact_id !== undefined && contact_id !== order.contact_id) {
    requireContactForWrite(account, contact_id);
    account.reassignOrder(order, contact_id);
  }
  Object.assign(order, stripUndefined(rest));
  if (custom) order.custom = { ...order.custom, ...checkedCustom(account, 'ORDER', custom) };
  if (extra) order.extra = { ...order.extra, ...extra };
  order.modification_time = account.nowIso();
  return order;
}

export function addOrderItem(account: AccountTables, orderId: number, input: OrderItemInput): OrderItemRecord {
  const order = requireOrder(account, orderId);
  const item = buildItem(account, input);
  checkTotalCoversPayments(account, order, [...order.items, item]);
  order.items.push(item);
  order.modification_time = account.nowIso();
  return item;
}

export function updateOrderItem(account: AccountTables, orderId: number, itemId: number, patch: Partial<OrderItemInput>): OrderItemRecord {
  const order = requireOrder(account, orderId);
  const item = order.items.find((i) => i.id === itemId);
  if (!item) throw notFound('order_item', itemId);
  const next = { ...item };
  if (patch.product_id !== undefined) {
    const product = requireProductForWrite(account, patch.product_id);
    Object.assign(next, { product_id: product.id, product_name: product.name, product_sku: product.sku });
  }
  for (const key of ['name', 'description', 'notes', 'quantity', 'price_cents', 'cost_cents'] as const) {
    if (patch[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = patch[key];
  }
  checkTotalCoversPayments(
    account,
    order,
    order.items.map((i) => (i.id === itemId ? next : i)),
  );
  Object.assign(item, next);
  order.modification_time = account.nowIso();
  return item;
}

export function deleteOrderItem(account: AccountTables, orderId: number, itemId: number): void {
  const order = requireOrder(account, orderId);
  const rest = order.items.filter((i) => i.id !== itemId);
  if (rest.length === order.items.length) throw notFound('order_item', itemId);
  checkTotalCoversPayments(account, order, rest);
  order.items = rest;
  order.modification_time = account.nowIso();
}

/** Keap refuses to delete an order that has any transaction recorded. */
export function deleteOrder(account: AccountTables, id: number): void {
  requireOrder(account, id);
  if (account.hasPayments(id)) throw failedPrecondition(`Order ${id} has payments recorded and cannot be deleted`);
  account.removeOrder(id);
}

export function requireOrder(account: AccountTables, id: number): OrderRecord {
  const record = account.orders.get(id);
  if (!record) throw notFound('order', id);
  return record;
}

function buildItem(account: AccountTables, input: OrderItemInput): OrderItemRecord {
  if (!Number.isInteger(input.quantity) || input.quantity < 1) throw badRequest('quantity must be a whole number of at least 1');
  const itemType = input.item_type ?? 'PRODUCT';
  const product = input.product_id !== undefined ? requireProductForWrite(account, input.product_id) : undefined;
  if (!product && (itemType === 'PRODUCT' || itemType === 'SUBSCRIPTION')) {
    throw badRequest(`product_id is required for order items of type ${itemType}`);
  }
  if (input.subscription_plan_id !== undefined) requirePlan(account, product?.id, input.subscription_plan_id);
  return {
    id: account.allocateItemId(),
    product_id: product?.id,
    product_name: product?.name,
    product_sku: product?.sku,
    name: input.name ?? product?.name ?? itemType,
    description: input.description ?? product?.short_description,
    notes: input.notes,
    quantity: input.quantity,
    price_cents: input.price_cents ?? product?.price_cents ?? 0,
    cost_cents: input.cost_cents ?? 0,
    item_type: itemType,
    subscription_plan_id: input.subscription_plan_id,
  };
}

function checkTotalCoversPayments(account: AccountTables, order: OrderRecord, items: OrderItemRecord[]): void {
  const paid = orderTotals(account, order).paid;
  const total = items.reduce((sum, i) => sum + i.quantity * i.price_cents, 0);
  if (paid > 0 && total < paid) throw failedPrecondition(`Order ${order.id} would total less than the ${paid / 100} already paid`);
}
