/**
 * What a snapshot holds: one table per entity with Keap's raw JSON plus indexed columns for the id
 * and every reference, so validation and restore can join in SQL without parsing JSON.
 * Derived tables (order items, subscription plans, contact tags) are filled from their parent's
 * JSON, as Keap returns them inline.
 */
import type {
  KeapCampaign,
  KeapContact,
  KeapCustomField,
  KeapOrder,
  KeapOrderItem,
  KeapPayment,
  KeapProduct,
  KeapSubscription,
  KeapTag,
  KeapTransaction,
} from '../model';
import { toCents } from '../money';

export const CAPTURED_ENTITIES = [
  'contacts',
  'companies',
  'products',
  'orders',
  'payments',
  'transactions',
  'subscriptions',
  'tags',
  'campaigns',
  'custom_fields',
] as const;
export type CapturedEntity = (typeof CAPTURED_ENTITIES)[number];

export const DERIVED_ENTITIES = ['order_items', 'subscription_plans', 'contact_tags'] as const;
export type DerivedEntity = (typeof DERIVED_ENTITIES)[number];

export type SnapshotEntity = CapturedEntity | DerivedEntity;
export const SNAPSHOT_ENTITIES: readonly SnapshotEntity[] = [...CAPTURED_ENTITIES, ...DERIVED_ENTITIES];

export type SqlValue = string | number | null;
type AnyRecord = Record<string, unknown>;

export interface ColumnDef {
  name: string;
  type: 'TEXT' | 'INTEGER';
  indexed?: boolean;
  of(record: AnyRecord, parent?: AnyRecord): SqlValue;
}

export interface EntityDef {
  name: SnapshotEntity;
  /** The record's id as Keap gives it; synthetic for records Keap gives none. */
  idOf(record: AnyRecord, parent?: AnyRecord): string;
  columns: ColumnDef[];
  /** Child rows carried inside this record's JSON. */
  children?: Array<{ entity: DerivedEntity; parentColumn: string; of(record: AnyRecord): AnyRecord[] }>;
}

const text = (name: string, of: (r: AnyRecord, p?: AnyRecord) => unknown, indexed = false): ColumnDef => ({
  name,
  type: 'TEXT',
  indexed,
  of: (r, p) => toText(of(r, p)),
});
const int = (name: string, of: (r: AnyRecord, p?: AnyRecord) => unknown, indexed = false): ColumnDef => ({
  name,
  type: 'INTEGER',
  indexed,
  of: (r, p) => toInt(of(r, p)),
});

function toText(v: unknown): string | null {
  return v === undefined || v === null || v === '' ? null : String(v);
}

function toInt(v: unknown): number | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v);
  return Number.isFinite(n) ? Math.round(n) : null;
}

const cents = (major: unknown) => (typeof major === 'number' ? toCents(major) : null);
const amountOf = (v: unknown) => (v as { amount?: number } | undefined)?.amount;

export const ENTITY_DEFS: Record<SnapshotEntity, EntityDef> = {
  contacts: {
    name: 'contacts',
    idOf: (r) => String(r.id),
    columns: [
      text('email', (r) => primaryEmail(r as KeapContact)?.toLowerCase(), true),
      text('given_name', (r) => r.given_name),
      text('family_name', (r) => r.family_name),
      text('company_id', (r) => (r as KeapContact).company?.id, true),
      text('create_time', (r) => r.create_time),
      text('update_time', (r) => r.update_time),
    ],
    children: [
      {
        entity: 'contact_tags',
        parentColumn: 'contact_id',
        of: (r) => ((r as KeapContact).tag_ids ?? []).map((tagId) => ({ tag_id: String(tagId) })),
      },
    ],
  },
  companies: {
    name: 'companies',
    idOf: (r) => String(r.id),
    columns: [text('company_name', (r) => r.company_name), text('update_time', (r) => r.update_time)],
  },
  products: {
    name: 'products',
    idOf: (r) => String(r.id),
    columns: [
      text('name', (r) => r.name),
      text('sku', (r) => r.sku, true),
      int('price_cents', (r) => amountOf((r as KeapProduct).price)),
      int('active', (r) => r.active),
    ],
    children: [
      { entity: 'subscription_plans', parentColumn: 'product_id', of: (r) => ((r as KeapProduct).subscription_plans ?? []) as AnyRecord[] },
    ],
  },
  orders: {
    name: 'orders',
    idOf: (r) => String(r.id),
    columns: [
      text('contact_id', (r) => (r as KeapOrder).contact?.id, true),
      text('invoice_id', (r) => r.invoice_id, true),
      text('title', (r) => r.title),
      text('status', (r) => r.status),
      text('order_time', (r) => r.order_time, true),
      text('creation_time', (r) => r.creation_time),
      text('modification_time', (r) => r.modification_time),
      text('source_type', (r) => r.source_type),
      int('total_cents', (r) => amountOf((r as KeapOrder).total)),
      int('paid_cents', (r) => amountOf((r as KeapOrder).total_paid)),
      int('due_cents', (r) => amountOf((r as KeapOrder).total_due)),
    ],
    children: [
      { entity: 'order_items', parentColumn: 'order_id', of: (r) => ((r as KeapOrder).order_items ?? []) as unknown as AnyRecord[] },
    ],
  },
  order_items: {
    name: 'order_items',
    idOf: (r) => String(r.id),
    columns: [
      text('order_id', (_r, p) => p?.id, true),
      text('product_id', (r) => (r as unknown as KeapOrderItem).product?.id, true),
      text('item_type', (r) => r.item_type),
      int('quantity', (r) => r.quantity),
      int('price_cents', (r) => amountOf((r as unknown as KeapOrderItem).price_per_unit)),
      text('subscription_plan_id', (r) => (r as unknown as KeapOrderItem).subscription_plan?.id),
    ],
  },
  payments: {
    name: 'payments',
    idOf: (r) => String(r.id),
    columns: [
      text('order_id', (r) => (r as KeapPayment).order_ids?.[0], true),
      text('contact_id', (r) => r.contact_id, true),
      int('amount_cents', (r) => cents(r.amount)),
      text('payment_time', (r) => r.payment_time),
      text('status', (r) => r.status),
      text('method', (r) => r.type),
      text('update_time', (r) => r.update_time),
    ],
  },
  transactions: {
    name: 'transactions',
    // Keap v2 gives transactions no id: the payment and the time identify one.
    idOf: (r) => `${r.payment_id ?? ''}@${r.transaction_time ?? ''}`,
    columns: [
      text('payment_id', (r) => r.payment_id, true),
      text('order_id', (r) => (r as KeapTransaction).order_ids?.[0], true),
      text('contact_id', (r) => r.contact_id, true),
      int('amount_cents', (r) => cents(r.amount)),
      text('transaction_time', (r) => r.transaction_time),
      text('status', (r) => r.status),
      text('method', (r) => r.transaction_method),
    ],
  },
  subscriptions: {
    name: 'subscriptions',
    idOf: (r) => String(r.id),
    columns: [
      text('contact_id', (r) => r.contact_id, true),
      text('product_id', (r) => r.product_id, true),
      text('subscription_plan_id', (r) => r.subscription_plan_id, true),
      int('active', (r) => r.active),
      int('billing_amount_cents', (r) => cents((r as KeapSubscription).billing_amount)),
    ],
  },
  subscription_plans: {
    name: 'subscription_plans',
    idOf: (r) => String(r.id),
    columns: [
      text('product_id', (_r, p) => p?.id, true),
      int('price_cents', (r) => amountOf(r.plan_price)),
      text('billing_cycle', (r) => r.billing_cycle),
    ],
  },
  tags: {
    name: 'tags',
    idOf: (r) => String(r.id),
    columns: [text('name', (r) => r.name, true), text('category_id', (r) => (r as unknown as KeapTag).category?.id)],
  },
  contact_tags: {
    name: 'contact_tags',
    idOf: (r, p) => `${p?.id}:${r.tag_id}`,
    columns: [
      text('contact_id', (_r, p) => p?.id, true),
      text('tag_id', (r) => r.tag_id, true),
      text('applied_time', (r) => r.applied_time),
    ],
  },
  campaigns: {
    name: 'campaigns',
    idOf: (r) => String(r.id),
    columns: [text('name', (r) => (r as KeapCampaign).name)],
  },
  custom_fields: {
    name: 'custom_fields',
    idOf: (r) => String(r.id),
    columns: [
      text('record_type', (r) => (r as unknown as KeapCustomField).record_type, true),
      text('field_name', (r) => r.field_name),
      text('label', (r) => r.label),
    ],
  },
};

/** The contact's EMAIL1 address, or its first. */
export function primaryEmail(contact: KeapContact): string | undefined {
  const emails = contact.email_addresses ?? [];
  return (emails.find((e) => e.field === 'EMAIL1') ?? emails[0])?.email;
}

export function createTableSql(def: EntityDef): string[] {
  const columns = def.columns.map((c) => `${c.name} ${c.type}`).join(', ');
  return [
    `CREATE TABLE ${def.name} (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, json TEXT NOT NULL${columns ? ', ' + columns : ''})`,
    `CREATE INDEX ${def.name}_id ON ${def.name}(id)`,
    ...def.columns.filter((c) => c.indexed).map((c) => `CREATE INDEX ${def.name}_${c.name} ON ${def.name}(${c.name})`),
  ];
}
