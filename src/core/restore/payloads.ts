/**
 * Keap create request bodies built from snapshot records through the field catalogue (fields.ts),
 * with every reference to another record recorded (it is rewritten from the id map at apply time),
 * and the projection of a record onto what a restore can write, for "identical or not".
 */
import type { KeapCompany, KeapContact, KeapCustomField, KeapOrder, KeapPayment, KeapProduct, KeapSubscription, KeapTag } from '../model';
import { comparableRecord, isCreatableItemType, requestBody } from './fields';
import { markerValue } from './marker';
import type { IdReference, RestoreEntity } from './plan';

export { MARKER_LABEL, markerValue, paymentNote, RESTORE_NOTE_TAG } from './marker';

export interface Payload {
  body: Record<string, unknown>;
  refs: IdReference[];
}

type Json = Record<string, unknown>;

const marked = (markerFieldRef: string | undefined, oldId: string) =>
  markerFieldRef ? { fieldRef: markerFieldRef, value: markerValue(oldId) } : undefined;

export function tagPayload(tag: KeapTag): Payload {
  return requestBody('tags', tag as unknown as Json);
}

export function companyPayload(company: KeapCompany, markerFieldRef?: string): Payload {
  return requestBody('companies', company, marked(markerFieldRef, company.id));
}

export function contactPayload(contact: KeapContact, markerFieldRef?: string): Payload {
  return requestBody('contacts', contact, marked(markerFieldRef, contact.id));
}

export function productPayload(product: KeapProduct): Payload {
  return requestBody('products', product);
}

export function planPayload(plan: NonNullable<KeapProduct['subscription_plans']>[number], productOldId: string): Payload {
  const { body } = requestBody('subscription_plans', plan as unknown as Json);
  return { body, refs: [{ path: '@product_id', entity: 'products', oldId: productOldId }] };
}

export function orderPayload(order: KeapOrder, markerFieldRef?: string): Payload & { retypedItems: number } {
  const payload = requestBody('orders', order, marked(markerFieldRef, order.id));
  return { ...payload, retypedItems: (order.order_items ?? []).filter((i) => !isCreatableItemType(i.item_type)).length };
}

export function paymentPayload(payment: KeapPayment, orderOldId: string): Payload {
  const { body, refs } = requestBody('payments', { ...payment, order_ids: [orderOldId] });
  return { body, refs };
}

export function subscriptionPayload(sub: KeapSubscription, startDate: string, markerFieldRef?: string): Payload {
  const { body, refs } = requestBody('subscriptions', sub, marked(markerFieldRef, sub.id));
  // Keap refuses past start dates; its own duplicate check (same contact, same plan) stays on.
  return { body: { ...body, start_date: startDate, allow_duplicate: false }, refs };
}

export function customFieldPayload(field: KeapCustomField): Json {
  return {
    label: field.label,
    field_type: field.field_type ?? 'TEXT',
    ...(field.options?.length ? { options: field.options.map((o) => ({ label: o.label })) } : {}),
  };
}

/**
 * What a restore writes, for comparing a snapshot record with its live counterpart: references
 * mapped through `mapRef` (old id -> live id), server-assigned fields and markers left out.
 */
export function comparable(entity: string, record: Json, mapRef: (entity: string, oldId: string) => string | undefined): Json {
  return comparableRecord(entity as RestoreEntity, record, mapRef);
}
