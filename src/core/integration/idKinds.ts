/**
 * The kinds of Keap record an id found in integration code can name, and how each maps onto the
 * entities of a snapshot and of a restore's id map.
 */
import type { SnapshotEntity } from '../entities/names';
import type { RestoreEntity } from '../restore/planTypes';

export const KEAP_ID_KINDS = [
  'order',
  'contact',
  'company',
  'product',
  'subscription_plan',
  'subscription',
  'tag',
  'invoice',
  'payment',
] as const;
export type KeapIdKind = (typeof KEAP_ID_KINDS)[number];

/** "Order", "Subscription plan": how a message names the kind. */
export const KIND_LABEL: Record<KeapIdKind, string> = {
  order: 'Order',
  contact: 'Contact',
  company: 'Company',
  product: 'Product',
  subscription_plan: 'Subscription plan',
  subscription: 'Subscription',
  tag: 'Tag',
  invoice: 'Invoice',
  payment: 'Payment',
};

/**
 * The id map's entity for a kind. Invoices have none: Keap numbers an order's invoice itself and a
 * restore records only the order's new id, so an invoice id is recognised (for hovers) but never remapped.
 */
export const RESTORE_ENTITY_OF: Record<KeapIdKind, RestoreEntity | undefined> = {
  order: 'orders',
  contact: 'contacts',
  company: 'companies',
  product: 'products',
  subscription_plan: 'subscription_plans',
  subscription: 'subscriptions',
  tag: 'tags',
  invoice: undefined,
  payment: 'payments',
};

/** The kind an id map entity's ids have (the inverse of RESTORE_ENTITY_OF). */
export function kindOfRestoreEntity(entity: string): KeapIdKind | undefined {
  return KEAP_ID_KINDS.find((k) => RESTORE_ENTITY_OF[k] === entity);
}

/** Where a snapshot keeps records of the kind: where a restore writes them; an invoice is found on its order (`orders.invoice_id`). */
export const SNAPSHOT_ENTITY_OF: Record<KeapIdKind, SnapshotEntity> = {
  ...(RESTORE_ENTITY_OF as Record<Exclude<KeapIdKind, 'invoice'>, RestoreEntity>),
  invoice: 'orders',
};
