/**
 * What a hover says about the record behind an id, read from a snapshot (never from Keap): an order's
 * title, contact, total, status and date; a contact's name and email; a product's name, SKU and price;
 * a tag's name. An invoice id is found on its order.
 */
import type {
  KeapCompany,
  KeapContact,
  KeapOrder,
  KeapPayment,
  KeapProduct,
  KeapSubscription,
  KeapSubscriptionPlan,
  KeapTag,
} from '../model';
import { formatCurrencyValue, formatMajor } from '../money';
import type { SnapshotEntity } from '../snapshot/entities';
import { getRecord } from '../snapshot/query';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { KIND_LABEL, SNAPSHOT_ENTITY_OF, type KeapIdKind } from './idKinds';

export interface RecordSummary {
  /** Where the record is in the snapshot: for an invoice, its order. */
  entity: SnapshotEntity;
  id: string;
  /** "Order 17: Spring Bundle", "Contact 55: Dana Lee". */
  title: string;
  /** Label and value, in the order shown. */
  fields: Array<[string, string]>;
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');

function personName(c: { given_name?: string; family_name?: string } | undefined): string {
  return [c?.given_name, c?.family_name].filter(Boolean).join(' ');
}

export function summarizeRecord(db: SnapshotDb, kind: KeapIdKind, id: string): RecordSummary | undefined {
  const entity = SNAPSHOT_ENTITY_OF[kind];
  switch (kind) {
    case 'order':
    case 'invoice': {
      const orderId = kind === 'order' ? id : db.scalar('SELECT id FROM orders WHERE invoice_id = ? LIMIT 1', [id]);
      const order = orderId === undefined || orderId === null ? undefined : getRecord<KeapOrder>(db, 'orders', String(orderId));
      if (!order) return undefined;
      const contact = order.contact?.id ? getRecord<KeapContact>(db, 'contacts', order.contact.id) : undefined;
      const who = personName(contact ?? order.contact) || contact?.email_addresses?.[0]?.email || order.contact?.email;
      const title = kind === 'invoice' ? `Invoice ${id} of order ${order.id}` : `Order ${order.id}`;
      return {
        entity,
        id: order.id,
        title: order.title ? `${title}: ${order.title}` : title,
        fields: [
          ['Contact', order.contact?.id ? `${who ?? ''} (contact ${order.contact.id})`.trim() : 'none'],
          ['Total', formatCurrencyValue(order.total)],
          ['Status', order.status ?? ''],
          ['Date', day(order.order_time ?? order.creation_time)],
          ...(kind === 'order' && order.invoice_id ? ([['Invoice', order.invoice_id]] as Array<[string, string]>) : []),
        ],
      };
    }
    case 'contact': {
      const c = getRecord<KeapContact>(db, 'contacts', id);
      if (!c) return undefined;
      return {
        entity,
        id,
        title: `Contact ${id}: ${personName(c) || '(no name)'}`,
        fields: [
          ['Email', c.email_addresses?.[0]?.email ?? ''],
          ...(c.company?.company_name ? ([['Company', c.company.company_name]] as Array<[string, string]>) : []),
        ],
      };
    }
    case 'product': {
      const p = getRecord<KeapProduct>(db, 'products', id);
      if (!p) return undefined;
      return {
        entity,
        id,
        title: `Product ${id}: ${p.name ?? '(no name)'}`,
        fields: [
          ['SKU', p.sku ?? ''],
          ['Price', formatCurrencyValue(p.price)],
        ],
      };
    }
    case 'tag': {
      const t = getRecord<KeapTag>(db, 'tags', id);
      return (
        t && { entity, id, title: `Tag ${id}: ${t.name ?? '(no name)'}`, fields: t.description ? [['Description', t.description]] : [] }
      );
    }
    case 'company': {
      const c = getRecord<KeapCompany>(db, 'companies', id);
      return (
        c && { entity, id, title: `Company ${id}: ${c.company_name ?? '(no name)'}`, fields: [['Email', c.email_address?.email ?? '']] }
      );
    }
    case 'subscription_plan': {
      const p = getRecord<KeapSubscriptionPlan & { product_id?: string }>(db, 'subscription_plans', id);
      if (!p) return undefined;
      return {
        entity,
        id,
        title: `Subscription plan ${id}${p.subscription_plan_name ? `: ${p.subscription_plan_name}` : ''}`,
        fields: [
          ['Price', formatCurrencyValue(p.plan_price)],
          ['Cycle', [p.frequency, p.cycle_type?.toLowerCase()].filter(Boolean).join(' × ')],
        ],
      };
    }
    case 'subscription': {
      const s = getRecord<KeapSubscription>(db, 'subscriptions', id);
      if (!s) return undefined;
      return {
        entity,
        id,
        title: `Subscription ${id}`,
        fields: [
          ['Contact', s.contact_id ?? ''],
          ['Product', s.product_id ?? ''],
          ['Active', s.active === undefined ? '' : s.active ? 'yes' : 'no'],
        ],
      };
    }
    case 'payment': {
      const p = getRecord<KeapPayment>(db, 'payments', id);
      if (!p) return undefined;
      return {
        entity,
        id,
        title: `Payment ${id}`,
        fields: [
          ['Amount', formatMajor(p.amount)],
          ['Date', day(p.payment_time)],
          ['Orders', (p.order_ids ?? []).join(', ')],
        ],
      };
    }
  }
}

/** "Order 1234" */
export function kindAndId(kind: KeapIdKind, id: string): string {
  return `${KIND_LABEL[kind]} ${id}`;
}
