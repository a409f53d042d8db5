/**
 * Orders (with their items). Orders have no natural key: a live order of the same contact with the
 * same date, items and total is a likely duplicate, a conflict the user decides on (link it, or
 * create anyway). Found again after a crash by the restore marker, else by contact, date, items
 * and total.
 */
import { filter } from '../../keap/filter';
import type { KeapOrder } from '../../model';
import { counted } from '../../counted';
import {
  amount,
  isoTime,
  nestedId,
  orNull,
  pick,
  present,
  reference,
  time,
  verbatim,
  type EntityFields,
  type MapRef,
  type WriteContext,
} from '../fieldRules';
import { comparableFields, referencesOfFields, requestBody, requestFields } from '../fields';
import type { LiveOrderLook } from '../liveIndex';
import { liveOrderSignature, orderSignature } from '../orderSignature';
import { marked, type Payload } from '../payloads';
import { quote, type Json, type PlanContext, type Resolution } from '../planContext';
import { setPath } from '../stepRequest';
import { verifyByFind, type RestorableEntity } from './entity';

function orderPayload(order: KeapOrder, markerFieldRef?: string): Payload & { retypedItems: number } {
  const payload = requestBody('orders', order, marked(markerFieldRef, order.id));
  return { ...payload, retypedItems: (order.order_items ?? []).filter((i) => !isCreatableItemType(i.item_type)).length };
}

const SIDE_EFFECT = 'Orders restored through the API are created with source API; Keap may send invoices if the account is set to.';

const CREATABLE_ITEM_TYPES = new Set([
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
]);

/** Item types Keap does not accept on create are written as OTHER (the plan says so). */
export const creatableItemType = (type: unknown) =>
  CREATABLE_ITEM_TYPES.has(String(type ?? 'PRODUCT')) ? String(type ?? 'PRODUCT') : 'OTHER';
export const isCreatableItemType = (type: unknown) => CREATABLE_ITEM_TYPES.has(String(type ?? 'PRODUCT'));

export const ORDER_ITEM_FIELDS: EntityFields = {
  fields: [
    ...verbatim('name', 'description', 'notes'),
    { name: 'quantity', compare: (v) => v ?? 1, toRequest: (v) => v ?? 1, required: true },
    { name: 'item_type', toRequest: creatableItemType, compare: creatableItemType, createOnly: true, required: true },
    { name: 'price_per_unit', toRequest: (v) => amount(v) / 100, compare: amount, required: true },
    { name: 'cost_per_unit', toRequest: (v) => (amount(v) ? amount(v) / 100 : undefined), compare: amount },
    { name: 'product', write: 'product_id', ...reference('products', nestedId) },
    { name: 'subscription_plan', write: 'subscription_plan_id', ...reference('subscription_plans', nestedId) },
  ],
  serverAssigned: {
    id: 'a new item id',
    discount: 'computed by Keap',
    special: 'computed by Keap',
    subscription_id: 'set when a subscription bills',
  },
};

/** Keap reads an order's shipping as `shipping_information` and writes it as `shipping_address`. */
function shippingFromInformation(info: unknown): Json | undefined {
  if (!info || typeof info !== 'object') return undefined;
  const i = info as Json;
  const address = (i.address ?? {}) as Json;
  return pick(
    {
      ...address,
      first_name: i.given_name,
      last_name: i.family_name,
      company: i.company,
      phone: i.phone_number,
      is_invoice_to_company: i.invoice_to_company,
    },
    [
      'line1',
      'line2',
      'locality',
      'region',
      'zip_code',
      'zip_four',
      'country_code',
      'first_name',
      'middle_name',
      'last_name',
      'company',
      'phone',
      'is_invoice_to_company',
    ],
  );
}

function orderItemsRequest(items: unknown, ctx: WriteContext): Json[] {
  return (Array.isArray(items) ? items : []).map((item, i) =>
    requestFields(ORDER_ITEM_FIELDS, item as Json, ctx.refs, `${ctx.path}[${i}].`),
  );
}

function orderItemsComparable(items: unknown, mapRef: MapRef): Json[] {
  return (Array.isArray(items) ? items : []).map((item) => comparableFields(ORDER_ITEM_FIELDS, item as Json, mapRef));
}

export const orders: RestorableEntity = {
  entity: 'orders',

  fields: {
    fields: [
      ...verbatim('notes', 'terms', 'lead_affiliate_id', 'sales_affiliate_id', 'external_create_user'),
      ...time('sent_time', 'due_time', 'external_create_time', 'external_update_time'),
      { name: 'order_time', compare: isoTime, required: true },
      { name: 'order_type', toRequest: (v) => v ?? 'OFFLINE', compare: (v) => v ?? 'OFFLINE', required: true },
      { name: 'title', write: 'order_title', toRequest: (v, _c, r) => (present(v) ? v : `Order ${String(r.id)}`), required: true },
      { name: 'contact', write: 'contact_id', ...reference('contacts', nestedId) },
      { name: 'promo_code', write: 'promo_codes', toRequest: (v) => (present(v) ? [v] : undefined) },
      { name: 'shipping_address' },
      {
        name: 'shipping_information',
        write: 'shipping_address',
        toRequest: shippingFromInformation,
        compare: (v) => orNull(shippingFromInformation(v)),
      },
      {
        name: 'order_items',
        createOnly: true,
        toRequest: (v, ctx) => orderItemsRequest(v, ctx),
        compare: (v, mapRef) => orderItemsComparable(v, mapRef),
        references: (v, onRef) => {
          for (const item of Array.isArray(v) ? v : []) referencesOfFields(ORDER_ITEM_FIELDS, item as Json, onRef);
        },
      },
    ],
    customFields: true,
    serverAssigned: {
      id: 'a new order id',
      status: 'follows the payments',
      total: 'the sum of the items',
      total_paid: 'the sum of the payments',
      total_due: 'computed by Keap',
      refund_total: 'refunds cannot be recorded through the API',
      creation_time: "the restore's date",
      modification_time: "the restore's date",
      invoice_id: 'a new invoice id',
      invoice_number: 'assigned by Keap',
      source_type: 'API',
      credit_status: 'computed by Keap',
      refund_status: 'computed by Keap',
      synced: 'computed by Keap',
      files: 'files are not restored',
      allow_payment: 'computed by Keap',
      allow_paypal: 'computed by Keap',
      payment_plan: 'payment plans are not restored',
    },
  },

  // An order comes with its payments.
  selectedWith(snap, id) {
    return snap.all<{ id: string }>('SELECT id FROM payments WHERE order_id = ?', [id]).map((p) => `payments:${p.id}`);
  },

  settlesFirst: true,

  plan(ctx, record, pulledIn) {
    return planOrder(ctx, record as KeapOrder, pulledIn);
  },

  async create(ctx, step, { body }) {
    return { id: (await ctx.client.orders.create(body as never, { verify: verifyByFind(() => ctx.find(step)) })).id, sent: true };
  },

  updatable: (client) => client.orders,

  async patchItems(ctx, step, liveId) {
    for (const patch of step.itemPatches ?? []) {
      const patchBody = structuredClone(patch.body);
      for (const ref of patch.refs ?? []) setPath(patchBody, ref.path, ctx.requireLiveId(step, ref));
      await ctx.client.transport.request({
        method: 'PATCH',
        path: `/v2/orders/${liveId}/items/${patch.liveItemId}`,
        body: patchBody,
        query: { update_mask: Object.keys(patchBody) },
      });
    }
  },

  async find(ctx, step, { body }) {
    const c = ctx.client;
    const marked = await ctx.byMarker('ORDER', step, (f) => c.orders.list({ filter: f }));
    if (marked) return marked;
    // No marker field to search by: the order's contact, date, items and total identify it.
    const want = orderSignature(body);
    const at = body.order_time ? Date.parse(String(body.order_time)) : NaN;
    for await (const order of c.orders.list({ filter: filter('contact_id', '==', String(body.contact_id)) })) {
      if (liveOrderSignature(order as unknown as Json) === want && (order.order_time ? Date.parse(order.order_time) : NaN) === at)
        return order.id;
    }
    return undefined;
  },

  /** The order's paid amount, unless some of its payments were not restored (blocked, conflict or failed). */
  verifyCreated(ctx, step, name, want, got) {
    const wantPaid = (want as KeapOrder).total_paid?.amount ?? 0;
    const gotPaid = (got as KeapOrder).total_paid?.amount ?? 0;
    const blockedPayments = ctx.plan.steps.some(
      (s) =>
        s.entity === 'payments' &&
        s.refs?.some((r) => r.entity === 'orders' && r.oldId === step.oldId) &&
        (s.action !== 'create' || ctx.failedSteps.has(s.id)),
    );
    if (wantPaid !== gotPaid && !blockedPayments) ctx.problem(`${name}: paid ${gotPaid / 100}, the snapshot has ${wantPaid / 100}`);
  },
};

function planOrder(ctx: PlanContext, order: KeapOrder, pulledIn: boolean): Resolution {
  const payload = orderPayload(order, 'marker:ORDER');
  const label = `Order ${order.id}${order.title ? ` ${quote(order.title)}` : ''}`;
  const { settled, deps } = ctx.settle('orders', order as unknown as Json, pulledIn, label, payload);
  if (settled) return settled;
  const resolution = ctx.input.options?.resolutions?.[`orders:${order.id}`];
  const lookAlikes = liveLookAlikes(ctx, order);
  const duplicate = liveDuplicateOf(ctx, order, lookAlikes);
  if (duplicate && resolution === 'link') {
    ctx.dependOnLive('orders', duplicate);
    return ctx.addStep(
      {
        entity: 'orders',
        oldId: order.id,
        liveId: duplicate,
        action: 'skip',
        reason: 'linked-by-choice',
        label,
        pulledIn,
        detail: `${label}: you chose to treat live order ${duplicate} as this order; apply records ${order.id} -> ${duplicate} in the id map and its payments are matched against ${duplicate}`,
      },
      duplicate,
    );
  }
  if (duplicate && resolution !== 'create') {
    ctx.dependOnLive('orders', duplicate);
    return ctx.addStep({
      entity: 'orders',
      oldId: order.id,
      liveId: duplicate,
      action: 'conflict',
      reason: 'likely-duplicate',
      label,
      pulledIn,
      detail: `${label}: live order ${duplicate} has the same contact, items and total${ctx.snapHas('orders', duplicate) ? ' and date' : ' and was made after the snapshot (re-entered by hand?)'}. Creating it could duplicate the order: decide whether ${duplicate} is this order`,
    });
  }
  const retyped = payload.retypedItems
    ? ` (${payload.retypedItems === 1 ? '1 item of a type Keap cannot create is' : `${counted(payload.retypedItems, 'item')} of a type Keap cannot create are`} written as OTHER)`
    : '';
  return ctx.addStep({
    entity: 'orders',
    oldId: order.id,
    action: 'create',
    reason: duplicate ? 'created-by-choice' : 'missing-in-live',
    label,
    pulledIn,
    lookAlikes: lookAlikes.length ? lookAlikes.map((o) => o.id) : undefined,
    detail: `${duplicate ? `${label}: you chose to create it although live order ${duplicate} looks the same. ` : ''}${label} is not in the account: create it with its ${counted(order.order_items?.length ?? 0, 'item')}, dated ${order.order_time ?? 'as in the snapshot'} (Keap gives it a new order id and invoice id)${retyped}`,
    payload: payload.body,
    refs: payload.refs,
    dependsOn: ctx.stepDeps(deps),
    sideEffects: [SIDE_EFFECT],
  });
}

/**
 * A live order that may be this one: same (mapped) contact, items and total, and either the same
 * date, or not in the snapshot and not written by a restore, i.e. made after the snapshot, as
 * when someone re-types a lost order with today's date. (A look-alike that is in the snapshot is
 * a purchase of its own, e.g. the same product every month.)
 */
function liveDuplicateOf(ctx: PlanContext, order: KeapOrder, lookAlikes: LiveOrderLook[]): string | undefined {
  const at = order.order_time ? Date.parse(order.order_time) : NaN;
  const sameDate = lookAlikes.find((live) => (live.order_time ? Date.parse(live.order_time) : NaN) === at);
  const madeSince = lookAlikes.find((live) => !ctx.snapHas('orders', live.id) && !live.marker);
  return (sameDate ?? madeSince)?.id;
}

/** Live orders of the same (mapped) contact with the same items and total, whatever their date. */
function liveLookAlikes(ctx: PlanContext, order: KeapOrder): LiveOrderLook[] {
  const contact = order.contact?.id ? ctx.liveIdOf('contacts', order.contact.id) : undefined;
  if (!contact || contact.startsWith('new:')) return [];
  const mapped = {
    contact: { id: contact },
    order_items: (order.order_items ?? []).map((i) => ({
      ...i,
      product: i.product?.id ? { id: ctx.liveIdOf('products', i.product.id) ?? `missing:${i.product.id}` } : undefined,
    })),
  };
  const mine = liveOrderSignature(mapped);
  return ctx.live.ordersOf(contact).filter((live) => live.signature === mine);
}
