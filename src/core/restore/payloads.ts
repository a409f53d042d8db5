/**
 * Keap create/update request bodies built from snapshot records, with every reference to another
 * record recorded (it is rewritten from the id map at apply time), and the projection of a record
 * onto what a restore can write, for "identical or not" comparisons.
 */
import type { CustomFieldValue, KeapCompany, KeapContact, KeapOrder, KeapPayment, KeapProduct, KeapSubscription, KeapTag } from '../model';
import type { IdReference } from './plan';

export interface Payload {
  body: Record<string, unknown>;
  refs: IdReference[];
}

type Json = Record<string, unknown>;

/** The custom field that marks a record as restored by Keap Vault, and the value it holds. */
export const MARKER_LABEL = 'Keap Vault Ref';
export const markerValue = (oldId: string) => `kv1:${oldId}`;

function pick(source: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const key of keys) if (source[key] !== undefined && source[key] !== null && source[key] !== '') out[key] = source[key];
  return out;
}

/** Custom field values keep their snapshot field ids as refs; the marker field is added. */
function customFields(values: CustomFieldValue[] | undefined, markerOldId: string | undefined, marker: string | undefined, refs: IdReference[]): CustomFieldValue[] | undefined {
  const out: CustomFieldValue[] = [];
  for (const value of values ?? []) {
    if (value.content === undefined || value.content === null || value.content === '') continue;
    refs.push({ path: `custom_fields[${out.length}].id`, entity: 'custom_fields', oldId: String(value.id) });
    out.push({ id: String(value.id), content: value.content });
  }
  if (markerOldId && marker) {
    refs.push({ path: `custom_fields[${out.length}].id`, entity: 'custom_fields', oldId: markerOldId });
    out.push({ id: markerOldId, content: marker });
  }
  return out.length ? out : undefined;
}

export function tagPayload(tag: KeapTag): Payload {
  return { body: pick(tag as unknown as Json, ['name', 'description']), refs: [] };
}

export function companyPayload(company: KeapCompany, markerFieldRef?: string): Payload {
  const refs: IdReference[] = [];
  const body = pick(company, ['company_name', 'email_address', 'phone_number', 'address', 'website', 'notes']);
  const email = body.email_address as Json | undefined;
  if (email) body.email_address = pick(email, ['email', 'field']);
  const cf = customFields(company.custom_fields, markerFieldRef, markerValue(company.id), refs);
  if (cf) body.custom_fields = cf;
  return { body, refs };
}

export function contactPayload(contact: KeapContact, markerFieldRef?: string): Payload {
  const refs: IdReference[] = [];
  const body = pick(contact, ['given_name', 'family_name', 'middle_name', 'phone_numbers', 'addresses', 'job_title', 'website', 'birth_date', 'time_zone', 'owner_id', 'leadsource_id']);
  if (contact.email_addresses?.length) body.email_addresses = contact.email_addresses.map((e) => pick(e as unknown as Json, ['email', 'field', 'opt_in_reason']));
  if (contact.company?.id) {
    body.company = { id: contact.company.id };
    refs.push({ path: 'company.id', entity: 'companies', oldId: contact.company.id });
  }
  const cf = customFields(contact.custom_fields, markerFieldRef, markerValue(contact.id), refs);
  if (cf) body.custom_fields = cf;
  return { body, refs };
}

export function productPayload(product: KeapProduct): Payload {
  const body = pick(product, ['name', 'sku', 'description', 'active', 'shippable', 'taxable', 'subscription_only']);
  body.price = product.price?.amount ?? 0;
  // Keap requires a short description; an old product may have none.
  body.short_description = product.short_description || product.name || 'Restored product';
  return { body, refs: [] };
}

export function planPayload(plan: NonNullable<KeapProduct['subscription_plans']>[number], productOldId: string): Payload {
  return {
    body: {
      cycle_type: plan.billing_cycle ?? 'MONTHLY',
      plan_price: (plan.plan_price?.amount ?? 0) / 100,
      frequency: plan.billing_frequency ?? 1,
      total_cycles: plan.number_of_cycles ?? 0,
      active: plan.active ?? true,
    },
    refs: [{ path: '@product_id', entity: 'products', oldId: productOldId }],
  };
}

/** Item types Keap accepts on create; the others are written as OTHER (noted in the plan). */
const CREATABLE_ITEM_TYPES = new Set(['PRODUCT', 'SHIPPING', 'TAX', 'FINANCE_CHARGE', 'SUBSCRIPTION', 'DISCOUNT', 'DISCOUNT_FREE_TRIAL', 'DISCOUNT_ORDER_TOTAL', 'DISCOUNT_PRODUCT', 'DISCOUNT_PRODUCT_CATEGORY', 'DISCOUNT_SHIPPING', 'OTHER', 'FEE']);

export function orderPayload(order: KeapOrder, markerFieldRef?: string): Payload & { retypedItems: number } {
  const refs: IdReference[] = [];
  let retypedItems = 0;
  const body = pick(order, ['notes', 'terms', 'order_time', 'order_type', 'lead_affiliate_id', 'sales_affiliate_id', 'sent_time', 'due_time']);
  body.order_title = order.title || `Order ${order.id}`;
  body.order_type = order.order_type ?? 'OFFLINE';
  if (order.contact?.id) {
    body.contact_id = order.contact.id;
    refs.push({ path: 'contact_id', entity: 'contacts', oldId: order.contact.id });
  }
  body.order_items = (order.order_items ?? []).map((item, i) => {
    const out: Json = pick(item as unknown as Json, ['name', 'description', 'notes']);
    out.quantity = item.quantity ?? 1;
    out.price_per_unit = (item.price_per_unit?.amount ?? 0) / 100;
    if (item.cost_per_unit?.amount) out.cost_per_unit = item.cost_per_unit.amount / 100;
    const type = item.item_type ?? 'PRODUCT';
    if (!CREATABLE_ITEM_TYPES.has(type)) retypedItems++;
    out.item_type = CREATABLE_ITEM_TYPES.has(type) ? type : 'OTHER';
    if (item.product?.id) {
      out.product_id = item.product.id;
      refs.push({ path: `order_items[${i}].product_id`, entity: 'products', oldId: item.product.id });
    }
    if (item.subscription_plan?.id) {
      out.subscription_plan_id = item.subscription_plan.id;
      refs.push({ path: `order_items[${i}].subscription_plan_id`, entity: 'subscription_plans', oldId: item.subscription_plan.id });
    }
    return out;
  });
  const cf = customFields(order.custom_fields, markerFieldRef, markerValue(order.id), refs);
  if (cf) body.custom_fields = cf;
  return { body, refs, retypedItems };
}

/** A payment's note carries its marker, so a payment whose answer was lost can be recognised. */
export const RESTORE_NOTE_TAG = '[Keap Vault restore ';
export const paymentNote = (oldId: string, note?: string) => `${note ? `${note} ` : ''}${RESTORE_NOTE_TAG}${markerValue(oldId)}]`;

export function paymentPayload(payment: KeapPayment, orderOldId: string): Payload {
  return {
    body: {
      payment_amount: payment.amount ?? 0,
      apply_to_commissions: payment.commissioned ?? false,
      payment_method_type: payment.type || 'Adjustment',
      ...(payment.payment_time ? { payment_time: payment.payment_time } : {}),
      notes: paymentNote(payment.id, payment.note),
    },
    refs: [{ path: '@order_id', entity: 'orders', oldId: orderOldId }],
  };
}

export function subscriptionPayload(sub: KeapSubscription, startDate: string, markerFieldRef?: string): Payload {
  const refs: IdReference[] = [];
  const body: Json = {
    contact_id: sub.contact_id,
    subscription_plan_id: sub.subscription_plan_id,
    quantity: sub.quantity ?? 1,
    active: sub.active ?? true,
    auto_charge: sub.auto_charge ?? true,
    start_date: startDate,
    // Keap's own duplicate check (same contact, same plan) guards against a second restore.
    allow_duplicate: false,
  };
  if (sub.billing_amount !== undefined) body.billing_amount = sub.billing_amount;
  refs.push({ path: 'contact_id', entity: 'contacts', oldId: String(sub.contact_id) }, { path: 'subscription_plan_id', entity: 'subscription_plans', oldId: String(sub.subscription_plan_id) });
  const cf = customFields(sub.custom_fields, markerFieldRef, markerValue(sub.id), refs);
  if (cf) body.custom_fields = cf;
  return { body, refs };
}

/**
 * What a restore writes, for comparing a snapshot record with its live counterpart: references
 * mapped through `mapRef` (old id -> live id), server-assigned fields and markers left out.
 */
export function comparable(entity: string, record: Json, mapRef: (entity: string, oldId: string) => string | undefined): Json {
  switch (entity) {
    case 'contacts': {
      const c = record as KeapContact;
      return {
        given_name: c.given_name ?? null, family_name: c.family_name ?? null, job_title: c.job_title ?? null,
        emails: (c.email_addresses ?? []).map((e) => e.email.toLowerCase()).sort(),
        company: c.company?.id ? mapRef('companies', c.company.id) ?? `missing:${c.company.id}` : null,
      };
    }
    case 'companies': return { company_name: (record as KeapCompany).company_name ?? null, website: record.website ?? null };
    case 'products': {
      const p = record as KeapProduct;
      return { name: p.name ?? null, sku: p.sku ?? null, price: p.price?.amount ?? 0, active: p.active ?? null };
    }
    case 'tags': return { name: record.name ?? null };
    case 'orders': {
      const o = record as KeapOrder;
      return {
        title: o.title ?? null, order_type: o.order_type ?? null, order_time: o.order_time ? new Date(o.order_time).toISOString() : null,
        contact: o.contact?.id ? mapRef('contacts', o.contact.id) ?? `missing:${o.contact.id}` : null,
        items: (o.order_items ?? []).map((i) => [i.product?.id ? mapRef('products', i.product.id) ?? `missing:${i.product.id}` : null, i.quantity ?? 1, i.price_per_unit?.amount ?? 0]),
        total: o.total?.amount ?? 0,
      };
    }
    default: return record;
  }
}
