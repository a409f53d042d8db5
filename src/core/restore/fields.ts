/**
 * What a restore can put back, per Keap entity: one catalogue of the fields Keap returns, saying for
 * each whether a client can set it (and how the read shape becomes the request's shape) or whether
 * Keap assigns it itself. Create bodies, update bodies, "identical or not", and verification are
 * all derived from it, so every field is either restored and checked, or named once as one Keap
 * does not let a client set. A field the catalogue does not know is reported (`unknownFields`),
 * never dropped silently.
 */
import { noteWithoutMarker, parseMarker, paymentNote } from './marker';
import type { IdReference, RestoreEntity } from './planTypes';

type Json = Record<string, unknown>;

/** Snapshot id -> live id of a referenced record (a placeholder for one being created). */
export type MapRef = (entity: RestoreEntity, oldId: string) => string | undefined;

interface WriteContext {
  refs: IdReference[];
  /** Where the value goes in the request body, e.g. `order_items[2].product_id`. */
  path: string;
}

export interface FieldRule {
  /** The field in Keap's JSON as read. */
  name: string;
  /** The field in create/update requests, when it is named differently. */
  write?: string;
  /** Read value -> request value (may record references, rewritten at apply time). */
  toRequest?: (value: unknown, ctx: WriteContext, record: Json) => unknown;
  /** Read value -> what is compared, references mapped to live ids. */
  compare?: (value: unknown, mapRef: MapRef, record: Json) => unknown;
  /** Keap takes it on create but not in a PATCH. */
  createOnly?: boolean;
  /** Written even when the snapshot has no value (Keap requires it). */
  required?: boolean;
}

export interface EntityFields {
  fields: FieldRule[];
  /** Fields Keap sets itself (ids, times, totals…), with what a restored record gets instead. */
  serverAssigned: Record<string, string>;
  /** Fields a client could set that a restore sets differently, and why. */
  restoredDifferently?: Record<string, string>;
  /** Custom field values (all but the restore marker) are written and compared. */
  customFields?: boolean;
}

// ------------------------------------------------------------------ value helpers

const present = (v: unknown) => v !== undefined && v !== null && v !== '';
const orNull = (v: unknown) => (present(v) ? v : null);
const amount = (v: unknown) => (v as { amount?: number } | undefined)?.amount ?? 0;
const isoTime = (v: unknown) => (present(v) && !Number.isNaN(Date.parse(String(v))) ? new Date(String(v)).toISOString() : orNull(v));
const idOf = (v: unknown) => (v as { id?: unknown } | undefined)?.id;

function pick(source: unknown, keys: readonly string[]): Json | undefined {
  if (!source || typeof source !== 'object') return undefined;
  const out: Json = {};
  for (const key of keys) if (present((source as Json)[key])) out[key] = (source as Json)[key];
  return Object.keys(out).length ? out : undefined;
}

/** A reference to another record: written as its snapshot id and rewritten from the id map. */
function reference(entity: RestoreEntity, read: (v: unknown) => unknown = (v) => v): Pick<FieldRule, 'toRequest' | 'compare'> {
  return {
    toRequest: (v, ctx) => {
      const id = read(v);
      if (!present(id)) return undefined;
      ctx.refs.push({ path: ctx.path, entity, oldId: String(id) });
      return String(id);
    },
    compare: (v, mapRef) => {
      const id = read(v);
      return present(id) ? (mapRef(entity, String(id)) ?? `missing:${String(id)}`) : null;
    },
  };
}

const verbatim = (...names: string[]): FieldRule[] => names.map((name) => ({ name }));
const time = (...names: string[]): FieldRule[] => names.map((name) => ({ name, compare: isoTime }));

// ------------------------------------------------------------------ order items and shipping

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
    { name: 'product', write: 'product_id', ...reference('products', idOf) },
    { name: 'subscription_plan', write: 'subscription_plan_id', ...reference('subscription_plans', idOf) },
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

// ------------------------------------------------------------------ the catalogue

const emails = (list: unknown) =>
  Array.isArray(list) ? list.map((e) => pick(e, ['email', 'field', 'opt_in_reason'])).filter(Boolean) : undefined;

export const FIELDS: Partial<Record<RestoreEntity, EntityFields>> = {
  contacts: {
    fields: [
      ...verbatim(
        'given_name',
        'family_name',
        'middle_name',
        'job_title',
        'website',
        'birth_date',
        'anniversary_date',
        'time_zone',
        'owner_id',
        'leadsource_id',
        'preferred_locale',
        'preferred_name',
        'prefix',
        'suffix',
        'spouse_name',
        'contact_type',
        'source_type',
        'referral_code',
        'origin',
        'utm_parameters',
        'social_accounts',
        'fax_numbers',
        'phone_numbers',
        'addresses',
        'assistant_name',
        'assistant_phone',
        'billing_information',
      ),
      {
        name: 'email_addresses',
        toRequest: emails,
        compare: (v) =>
          Array.isArray(v)
            ? v.map((e) => `${String((e as Json).email ?? '').toLowerCase()} ${String((e as Json).field ?? '')}`).sort()
            : [],
      },
      {
        name: 'company',
        ...reference('companies', idOf),
        toRequest: (v, ctx) =>
          present(idOf(v)) ? { id: reference('companies', idOf).toRequest!(v, { ...ctx, path: `${ctx.path}.id` }, {}) } : undefined,
      },
    ],
    customFields: true,
    serverAssigned: {
      id: 'a new contact id',
      create_time: "the restore's date",
      update_time: "the restore's date",
      tag_ids: 'restored as tag assignments',
      score_value: 'computed by Keap',
      links: 'computed by Keap',
      groups: 'computed by Keap',
      created_by: 'the API user',
      last_updated_by: 'the API user',
      account_id: 'the account',
      notes: 'Keap keeps contact notes as notes, not as a contact field',
    },
  },
  companies: {
    fields: [
      ...verbatim(
        'company_name',
        'phone_number',
        'fax_number',
        'address',
        'website',
        'notes',
        'owner_id',
        'suffix',
        'title',
        'first_name',
        'middle_name',
        'last_name',
        'job_title',
        'preferred_name',
        'spouse_name',
        'birth_date',
        'anniversary_date',
        'assistant_name',
        'assistant_phone',
        'billing_information',
        'contact_type',
        'referral_code',
      ),
      { name: 'email_address', toRequest: (v) => pick(v, ['email', 'field']), compare: (v) => orNull(pick(v, ['email', 'field'])) },
    ],
    customFields: true,
    serverAssigned: {
      id: 'a new company id',
      create_time: "the restore's date",
      update_time: "the restore's date",
      groups: 'computed by Keap',
    },
  },
  products: {
    fields: [
      ...verbatim(
        'name',
        'sku',
        'description',
        'active',
        'shippable',
        'weight',
        'taxable',
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
      ),
      { name: 'price', toRequest: amount, compare: amount, required: true },
      // Keap requires a short description; an old product may have none: its name stands in.
      {
        name: 'short_description',
        required: true,
        toRequest: (v, _ctx, r) => (present(v) ? v : r.name || 'Restored product'),
        compare: (v, _m, r) => (present(v) ? v : r.name || 'Restored product'),
      },
    ],
    serverAssigned: {
      id: 'a new product id',
      create_time: "the restore's date",
      update_time: "the restore's date",
      subscription_plans: 'restored as plan steps',
      categories: 'product categories are not restored',
      options: 'product options are not restored',
      inventory: 'stock levels are not restored',
    },
  },
  subscription_plans: {
    fields: [
      { name: 'billing_cycle', write: 'cycle_type', toRequest: (v) => v ?? 'MONTHLY', compare: (v) => v ?? 'MONTHLY', required: true },
      { name: 'billing_frequency', write: 'frequency', toRequest: (v) => v ?? 1, compare: (v) => v ?? 1, required: true },
      { name: 'number_of_cycles', write: 'total_cycles', toRequest: (v) => v ?? 0, compare: (v) => v ?? 0, required: true },
      { name: 'plan_price', toRequest: (v) => amount(v) / 100, compare: amount, required: true },
      { name: 'active', toRequest: (v) => v ?? true, compare: (v) => v ?? true, required: true },
      { name: 'prorate', write: 'allow_prorating' },
      { name: 'order_index', write: 'display_order_index' },
    ],
    serverAssigned: { id: 'a new plan id', product_id: 'the product it belongs to' },
  },
  orders: {
    fields: [
      ...verbatim('notes', 'terms', 'lead_affiliate_id', 'sales_affiliate_id', 'external_create_user'),
      ...time('sent_time', 'due_time', 'external_create_time', 'external_update_time'),
      { name: 'order_time', compare: isoTime, required: true },
      { name: 'order_type', toRequest: (v) => v ?? 'OFFLINE', compare: (v) => v ?? 'OFFLINE', required: true },
      { name: 'title', write: 'order_title', toRequest: (v, _c, r) => (present(v) ? v : `Order ${String(r.id)}`), required: true },
      { name: 'contact', write: 'contact_id', ...reference('contacts', idOf) },
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
  payments: {
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
  subscriptions: {
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
  tags: {
    fields: verbatim('name', 'description', 'category'),
    serverAssigned: { id: 'a new tag id', create_time: "the restore's date", update_time: "the restore's date" },
  },
};

// ------------------------------------------------------------------ derived operations

function orderItemsRequest(items: unknown, ctx: WriteContext): Json[] {
  return (Array.isArray(items) ? items : []).map((item, i) =>
    requestFields(ORDER_ITEM_FIELDS, item as Json, ctx.refs, `${ctx.path}[${i}].`),
  );
}

function orderItemsComparable(items: unknown, mapRef: MapRef): Json[] {
  return (Array.isArray(items) ? items : []).map((item) => comparableFields(ORDER_ITEM_FIELDS, item as Json, mapRef));
}

function requestFields(def: EntityFields, record: Json, refs: IdReference[], prefix = ''): Json {
  const body: Json = {};
  for (const field of def.fields) {
    const value = record[field.name];
    if (!present(value) && !field.required) continue;
    const key = field.write ?? field.name;
    const out = field.toRequest ? field.toRequest(value, { refs, path: `${prefix}${key}` }, record) : value;
    if (present(out) && !key.startsWith('@')) body[key] = out;
  }
  return body;
}

function comparableFields(def: EntityFields, record: Json, mapRef: MapRef): Json {
  const out: Json = {};
  for (const field of def.fields) {
    const value = record[field.name];
    out[field.name] = field.compare ? field.compare(value, mapRef, record) : orNull(value);
  }
  return out;
}

/** Custom field values other than restore markers, by (mapped) field id. */
function customValues(record: Json, mapRef: MapRef): Json {
  const out: Json = {};
  const values = (record.custom_fields as Array<{ id: unknown; content: unknown }> | undefined) ?? [];
  for (const v of values) {
    if (!present(v.content) || parseMarker(v.content)) continue;
    out[mapRef('custom_fields', String(v.id)) ?? `missing:${String(v.id)}`] = v.content;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The request body that recreates `record` (snapshot ids in it; `refs` say where), with the custom
 * field values and, when `marker` is given, the restore marker in the marker field.
 */
export function requestBody(
  entity: RestoreEntity,
  record: Json,
  marker?: { fieldRef: string; value: string },
): { body: Json; refs: IdReference[] } {
  const def = FIELDS[entity];
  if (!def) throw new Error(`${entity} has no request body`);
  const refs: IdReference[] = [];
  // `@name` fields (URL parameters) record their reference in requestFields and stay out of the body.
  const body = requestFields(def, record, refs);
  if (def.customFields) {
    const values: Array<{ id: string; content: unknown }> = [];
    for (const v of (record.custom_fields as Array<{ id: unknown; content: unknown }> | undefined) ?? []) {
      if (!present(v.content) || parseMarker(v.content)) continue;
      refs.push({ path: `custom_fields[${values.length}].id`, entity: 'custom_fields', oldId: String(v.id) });
      values.push({ id: String(v.id), content: v.content });
    }
    if (marker) {
      refs.push({ path: `custom_fields[${values.length}].id`, entity: 'custom_fields', oldId: marker.fieldRef });
      values.push({ id: marker.fieldRef, content: marker.value });
    }
    if (values.length) body.custom_fields = values;
  }
  return { body, refs };
}

/**
 * A record projected onto everything a restore sets, references mapped through `mapRef`: two
 * records are "the same" for a restore exactly when their projections are equal.
 */
export function comparableRecord(entity: RestoreEntity, record: Json, mapRef: MapRef): Json {
  const def = FIELDS[entity];
  if (!def) return record;
  const out = comparableFields(def, record, mapRef);
  if (def.customFields) out.custom_fields = customValues(record, mapRef);
  return out;
}

/** The request fields that carry a compared field (a read name may be written under another). */
export function writeNameOf(entity: RestoreEntity | 'order_items', readName: string): string | undefined {
  const def = entity === 'order_items' ? ORDER_ITEM_FIELDS : FIELDS[entity];
  if (readName === 'custom_fields') return def?.customFields ? 'custom_fields' : undefined;
  const field = def?.fields.find((f) => f.name === readName);
  if (!field || field.createOnly || field.write?.startsWith('@')) return undefined;
  return field.write ?? field.name;
}

/** Fields of a record that the catalogue does not know: they would not be restored. */
export function unknownFields(entity: RestoreEntity, record: Json): string[] {
  const def = FIELDS[entity];
  if (!def) return [];
  const known = new Set([
    ...def.fields.map((f) => f.name),
    ...Object.keys(def.serverAssigned),
    ...Object.keys(def.restoredDifferently ?? {}),
  ]);
  if (def.customFields) known.add('custom_fields');
  const out = Object.keys(record).filter((k) => present(record[k]) && !known.has(k));
  if (entity === 'orders') {
    const itemKnown = new Set([...ORDER_ITEM_FIELDS.fields.map((f) => f.name), ...Object.keys(ORDER_ITEM_FIELDS.serverAssigned)]);
    for (const item of (record.order_items as Json[] | undefined) ?? [])
      for (const k of Object.keys(item)) if (present(item[k]) && !itemKnown.has(k)) out.push(`order_items[].${k}`);
  }
  return [...new Set(out)];
}

/**
 * One sentence per entity: what a restored record does not get back because Keap sets it (or
 * refuses the old value), e.g. "new ids and today's creation date; Keap itself sets status, total…".
 */
export function notRestorableSummary(entity: RestoreEntity): string | undefined {
  const def = FIELDS[entity];
  if (!def) return undefined;
  const assigned = Object.keys(def.serverAssigned).filter((f) => f !== 'id' && !/(create|creation)_time$/.test(f));
  const created = Object.keys(def.serverAssigned).some((f) => /(create|creation)_time$/.test(f));
  const differently = Object.entries(def.restoredDifferently ?? {}).map(([f, how]) => `${f}: ${how}`);
  return [
    `new ids${created ? " and today's creation date" : ''}`,
    assigned.length ? `Keap itself sets ${assigned.join(', ')}` : '',
    differently.length ? differently.join('; ') : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** The compared (read) field a request field carries; `order_items` names an item's fields. */
export function readNameOf(entity: RestoreEntity | 'order_items', writeKey: string): string | undefined {
  if (writeKey === 'custom_fields') return 'custom_fields';
  const def = entity === 'order_items' ? ORDER_ITEM_FIELDS : FIELDS[entity];
  return def?.fields.find((f) => (f.write ?? f.name) === writeKey)?.name;
}
