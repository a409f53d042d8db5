/**
 * The emulated Keap account as the routes, the generator and the tests see it: the data and its
 * indexes (account/tables.ts) with Keap's business rules as methods (server-assigned ids, derived
 * order totals, payments bounded by the balance and never deleted, orders with payments
 * undeletable, tag names unique…). Each rule lives in the account/ module of its entity family;
 * this class only gathers them, so callers keep one object to hold.
 * HTTP concerns live in the routes; this module is plain data and rules.
 */
import * as catalog from './account/catalog';
import * as contacts from './account/contacts';
import * as customFields from './account/customFields';
import { requireNote } from './account/notes';
import * as orders from './account/orders';
import * as payments from './account/payments';
import * as subscriptions from './account/subscriptions';
import { AccountTables, type StoreState } from './account/tables';
import * as tags from './account/tags';
import { orderTotals, type OrderTotals } from './account/totals';
import type {
  CompanyRecord,
  ContactRecord,
  CustomFieldRecord,
  CustomFieldRecordType,
  NoteRecord,
  OrderItemRecord,
  OrderRecord,
  PaymentRecord,
  PlanRecord,
  ProductRecord,
  SubscriptionRecord,
  TagRecord,
} from './records';

export type { ContactInput, DuplicateOption } from './account/contacts';
export type { OrderInput, OrderItemInput, OrderPatch } from './account/orders';
export type { PaymentInput } from './account/payments';
export type { SubscriptionInput } from './account/subscriptions';
export type { TagFields } from './account/tags';
export { DEFAULT_MANUAL_PAYMENT_TYPES, type StoreState } from './account/tables';
export { countsAsPaid, type OrderTotals } from './account/totals';
export { cycleToBillingCycle } from './account/subscriptions';

export class EmulatorStore extends AccountTables {
  static fromState(state: StoreState): EmulatorStore {
    const store = new EmulatorStore();
    store.loadState(state);
    return store;
  }

  // ---------------------------------------------------------------- contacts and companies

  createContact(input: contacts.ContactInput, duplicateOption?: contacts.DuplicateOption): { record: ContactRecord; created: boolean } {
    return contacts.createContact(this, input, duplicateOption);
  }
  updateContact(id: number, input: contacts.ContactInput): ContactRecord {
    return contacts.updateContact(this, id, input);
  }
  deleteContact(id: number): void {
    contacts.deleteContact(this, id);
  }
  requireContact(id: number): ContactRecord {
    return contacts.requireContact(this, id);
  }
  primaryEmail(contact: ContactRecord): string | undefined {
    return contacts.primaryEmail(contact);
  }
  createCompany(fields: Omit<CompanyRecord, 'id' | 'create_time' | 'update_time'>): CompanyRecord {
    return contacts.createCompany(this, fields);
  }
  updateCompany(id: number, patch: Partial<CompanyRecord>): CompanyRecord {
    return contacts.updateCompany(this, id, patch);
  }
  deleteCompany(id: number): void {
    contacts.deleteCompany(this, id);
  }
  requireCompany(id: number): CompanyRecord {
    return contacts.requireCompany(this, id);
  }

  // ---------------------------------------------------------------- products and plans

  createProduct(fields: Omit<ProductRecord, 'id' | 'create_time' | 'update_time'>): ProductRecord {
    return catalog.createProduct(this, fields);
  }
  updateProduct(id: number, patch: Partial<ProductRecord>): ProductRecord {
    return catalog.updateProduct(this, id, patch);
  }
  deleteProduct(id: number): void {
    catalog.deleteProduct(this, id);
  }
  requireProduct(id: number): ProductRecord {
    return catalog.requireProduct(this, id);
  }
  plansOf(productId: number): PlanRecord[] {
    return catalog.plansOf(this, productId);
  }
  createPlan(productId: number, fields: Omit<PlanRecord, 'id' | 'product_id'>): PlanRecord {
    return catalog.createPlan(this, productId, fields);
  }
  requirePlan(productId: number | undefined, planId: number): PlanRecord {
    return catalog.requirePlan(this, productId, planId);
  }

  // ---------------------------------------------------------------- orders and payments

  createOrder(input: orders.OrderInput): OrderRecord {
    return orders.createOrder(this, input);
  }
  updateOrder(id: number, patch: orders.OrderPatch): OrderRecord {
    return orders.updateOrder(this, id, patch);
  }
  addOrderItem(orderId: number, input: orders.OrderItemInput): OrderItemRecord {
    return orders.addOrderItem(this, orderId, input);
  }
  updateOrderItem(orderId: number, itemId: number, patch: Partial<orders.OrderItemInput>): OrderItemRecord {
    return orders.updateOrderItem(this, orderId, itemId, patch);
  }
  deleteOrderItem(orderId: number, itemId: number): void {
    orders.deleteOrderItem(this, orderId, itemId);
  }
  deleteOrder(id: number): void {
    orders.deleteOrder(this, id);
  }
  requireOrder(id: number): OrderRecord {
    return orders.requireOrder(this, id);
  }
  orderTotals(order: OrderRecord): OrderTotals {
    return orderTotals(this, order);
  }
  recordPayment(orderId: number, input: payments.PaymentInput): PaymentRecord {
    return payments.recordPayment(this, orderId, input);
  }

  // ---------------------------------------------------------------- subscriptions

  createSubscription(input: subscriptions.SubscriptionInput): SubscriptionRecord {
    return subscriptions.createSubscription(this, input);
  }
  updateSubscription(id: number, patch: Partial<SubscriptionRecord>): SubscriptionRecord {
    return subscriptions.updateSubscription(this, id, patch);
  }
  requireSubscription(id: number): SubscriptionRecord {
    return subscriptions.requireSubscription(this, id);
  }

  // ---------------------------------------------------------------- tags

  createTag(fields: tags.TagFields & { name: string }): TagRecord {
    return tags.createTag(this, fields);
  }
  updateTag(id: number, patch: tags.TagFields): TagRecord {
    return tags.updateTag(this, id, patch);
  }
  deleteTag(id: number): void {
    tags.deleteTag(this, id);
  }
  requireTag(id: number): TagRecord {
    return tags.requireTag(this, id);
  }
  applyTag(tagId: number, contactIds: number[]): Record<string, string> {
    return tags.applyTag(this, tagId, contactIds);
  }
  removeTag(tagId: number, contactIds: number[]): void {
    tags.removeTag(this, tagId, contactIds);
  }
  tagIdsOf(contactId: number): number[] {
    return tags.tagIdsOf(this, contactId);
  }

  // ---------------------------------------------------------------- custom fields

  createCustomField(recordType: CustomFieldRecordType, label: string, fieldType: string, options: string[] = []): CustomFieldRecord {
    return customFields.createCustomField(this, recordType, label, fieldType, options);
  }
  customFieldsOf(recordType: CustomFieldRecordType): CustomFieldRecord[] {
    return customFields.customFieldsOf(this, recordType);
  }

  // ---------------------------------------------------------------- notes

  requireNote(id: number, contactId?: number): NoteRecord {
    return requireNote(this, id, contactId);
  }
}
