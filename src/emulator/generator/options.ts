/** The generator's public contract: what a caller asks for and what it gets back. */
import { clamp } from './numbers';

export type PlantedProblemKind =
  | 'orphan-order' // order whose contact no longer exists
  | 'dangling-product' // order item pointing at a product that no longer exists
  | 'orphan-payment' // payment whose order no longer exists
  | 'duplicate-payment' // the same payment recorded twice (same order, amount, pay_time, method)
  | 'overpaid-order' // payments exceed the order total
  | 'total-mismatch' // stored order total != sum of items (OrderRecord.total_override_cents)
  | 'paid-status-mismatch' // status PAID with amount due > 0, or (odd-numbered plants) not PAID though fully paid
  | 'orphan-subscription' // subscription whose contact (even-numbered plants) or product (odd) no longer exists
  | 'dangling-tag' // contact tag pointing at a tag that no longer exists
  | 'dangling-company' // contact pointing at a company that no longer exists
  | 'future-order' // order_time in the future (relative to the generator's `now`)
  | 'order-before-contact' // order_time before its contact's create_time
  | 'duplicate-order'; // likely duplicate: same contact, same items, same total, order_time within minutes

/** Every kind, in the order the generator plants them. */
export const PLANTED_PROBLEM_KINDS: readonly PlantedProblemKind[] = [
  'orphan-order',
  'dangling-product',
  'orphan-payment',
  'duplicate-payment',
  'overpaid-order',
  'total-mismatch',
  'paid-status-mismatch',
  'orphan-subscription',
  'dangling-tag',
  'dangling-company',
  'future-order',
  'order-before-contact',
  'duplicate-order',
];

export interface GenerateOptions {
  seed: number | string;
  /** Number of contacts; every other entity scales from it (see the ratios at the top of generator/index.ts). */
  size: number;
  /** The account's "today"; default 2026-11-01T12:00:00Z so that output never depends on the wall clock. */
  now?: Date;
  /** How many of each problem to plant; none by default (a clean account). */
  plant?: Partial<Record<PlantedProblemKind, number>>;
  /** Notes on contacts; `targetCounts(size).notes` (one per two contacts) by default, 0 for none. */
  notes?: number;
}

/**
 * One planted problem and the string ids a validator would report for it:
 * - orphan-order, overpaid-order, total-mismatch, paid-status-mismatch, future-order,
 *   order-before-contact: `[orderId]`
 * - dangling-product: `[orderId, itemId]`
 * - orphan-payment: `[paymentId]`; duplicate-payment: `[paymentId, paymentId]` (ascending)
 * - orphan-subscription: `[subscriptionId]`
 * - dangling-tag: `[contactId, tagId]` (the assignment has no id of its own; the tag id is the missing one)
 * - dangling-company: `[contactId]`
 * - duplicate-order: `[orderId, orderId]` (ascending: the original, then the duplicate)
 */
export interface PlantedProblem {
  kind: PlantedProblemKind;
  /** The kind of record that carries the problem: order, order_item, payment, subscription, contact, contact_tag. */
  entity: string;
  ids: string[];
  note: string;
}

export interface GenerateResult {
  /**
   * contacts, companies, products, plans, orders, order_items, payments, subscriptions, tags, contact_tags, campaigns.
   * (Notes are not counted here: the counts predate them and callers compare them whole; see `store.notes.size`.)
   */
  counts: Record<string, number>;
  planted: PlantedProblem[];
}

export const DEFAULT_GENERATOR_NOW = '2026-11-01T12:00:00.000Z';

/** The entity counts `generateAccount` aims at before planting (orders and subscriptions approximately). */
export function targetCounts(
  size: number,
): Record<'contacts' | 'companies' | 'products' | 'tags' | 'campaigns' | 'orders' | 'subscriptions' | 'notes', number> {
  return {
    contacts: size,
    companies: Math.max(1, Math.round(size / 8)),
    products: clamp(Math.round(size / 20), 3, 2000),
    tags: clamp(Math.round(size / 50), 3, 300),
    campaigns: clamp(Math.round(size / 100), 2, 30),
    orders: Math.round(size * 1.2),
    subscriptions: Math.round(size / 10),
    notes: Math.round(size / 2),
  };
}
