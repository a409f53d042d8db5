/**
 * An order's relationship graph (webview/graph/graphProtocol.ts): its contact, the order, each item
 * with the product it sells, its payments, and the contact's subscriptions (tied to the products they
 * renew, when the order sold one). Built from records already read (a snapshot's, or Keap's for a live
 * order); the restore preview paints each node's state over it. No vscode import: unit tests read it.
 */
import type { Json } from '../../core/entities/define';
import type { KeapContact, KeapOrder, KeapOrderItem, KeapProduct, KeapSubscription } from '../../core/model';
import type { SnapshotDb } from '../../core/snapshot/snapshotDb';
import type { RelationEdge, RelationGraph, RelationNode, RelationState } from '../../webview/graph/graphProtocol';
import { localCents, localCurrencyValue, localDate, localMajor } from '../localFormat';

export interface OrderRelationsInput {
  order: KeapOrder;
  contact?: KeapContact;
  items: Array<{ item: KeapOrderItem; product?: KeapProduct }>;
  /** Sales payments (a snapshot) or the order's payment rows (live): both shapes are read. */
  payments: Json[];
  subscriptions: KeapSubscription[];
  /** Where every record was read: a snapshot, or the account. */
  state: Extract<RelationState, 'snapshot' | 'live'>;
  locale: string;
}

const contactName = (order: KeapOrder, contact?: KeapContact) =>
  [contact?.given_name ?? order.contact?.given_name, contact?.family_name ?? order.contact?.family_name].filter(Boolean).join(' ') ||
  contact?.email_addresses?.[0]?.email ||
  order.contact?.email;

export function orderRelations(input: OrderRelationsInput): RelationGraph {
  const { order, locale, state } = input;
  const currency = order.total?.currency_code;
  const nodes: RelationNode[] = [];
  const edges: RelationEdge[] = [];
  const add = (node: Omit<RelationNode, 'state'>) => {
    if (!nodes.some((n) => n.key === node.key)) nodes.push({ ...node, state });
  };
  const orderKey = `orders:${order.id}`;
  const contactId = order.contact?.id;
  const contactKey = contactId ? `contacts:${contactId}` : undefined;
  if (contactKey && contactId) {
    add({
      key: contactKey,
      kind: 'contacts',
      id: contactId,
      title: contactName(order, input.contact) || `Contact #${contactId}`,
      ...(input.contact ? {} : { absent: true }),
    });
  }
  add({
    key: orderKey,
    kind: 'orders',
    id: order.id,
    title: order.title || `Order #${order.id}`,
    detail: [order.total ? localCurrencyValue(order.total, locale) : '', localDate(order.order_time, locale)].filter(Boolean).join(' · '),
  });
  if (contactKey) edges.push({ from: contactKey, to: orderKey, label: 'placed' });

  input.items.forEach(({ item, product }, n) => {
    const key = `items:${order.id}:${n}`;
    const productId = item.product?.id;
    const quantity = item.quantity ?? 1;
    const name = item.name ?? product?.name ?? item.product?.name ?? 'Item';
    add({
      key,
      kind: 'items',
      title: `${quantity.toLocaleString(locale)} × ${name}`,
      detail: localCents(
        (item.price_per_unit?.amount ?? 0) * quantity - (item.discount?.amount ?? 0),
        item.price_per_unit?.currency_code ?? currency,
        locale,
      ),
    });
    edges.push({ from: orderKey, to: key, label: 'has item' });
    if (productId) {
      add({
        key: `products:${productId}`,
        kind: 'products',
        id: productId,
        title: product?.name ?? item.product?.name ?? `Product #${productId}`,
        ...(product ? {} : { absent: true }),
      });
      edges.push({ from: key, to: `products:${productId}`, label: 'sells' });
    }
  });

  for (const p of input.payments) {
    // A live order's payment row has the payment's id in `payment_id` (its `id` is the invoice link).
    const id = String(p.payment_id ?? p.id);
    const amount = typeof p.amount === 'number' ? localMajor(p.amount, currency, locale) : '';
    const when = localDate(String(p.payment_time ?? p.pay_time ?? ''), locale);
    add({ key: `payments:${id}`, kind: 'payments', id, title: [amount, when].filter(Boolean).join(' on ') || `Payment #${id}` });
    edges.push({ from: orderKey, to: `payments:${id}`, label: 'paid by' });
  }

  const products = new Set(nodes.filter((n) => n.kind === 'products').map((n) => n.id));
  for (const s of input.subscriptions) {
    const key = `subscriptions:${s.id}`;
    const cycle = s.billing_cycle
      ? `every ${s.billing_frequency && s.billing_frequency > 1 ? `${s.billing_frequency} ` : ''}${s.billing_cycle.toLowerCase()}`
      : '';
    add({
      key,
      kind: 'subscriptions',
      id: s.id,
      title:
        [typeof s.billing_amount === 'number' ? localMajor(s.billing_amount, currency, locale) : '', cycle].filter(Boolean).join(' ') ||
        `Subscription #${s.id}`,
      detail: s.active === false ? 'Inactive' : s.next_bill_date ? `Next bill ${localDate(s.next_bill_date, locale)}` : undefined,
    });
    // Drawn from the product it renews when the order sold that product; else from the contact who has it.
    if (s.product_id && products.has(s.product_id)) edges.push({ from: `products:${s.product_id}`, to: key, label: 'renews as' });
    else if (contactKey) edges.push({ from: contactKey, to: key, label: 'subscribes to' });
  }
  return { title: `Relationships of order #${order.id}`, nodes, edges };
}

/** The contact's subscriptions in a snapshot (the order's own records come from `orderDetails`). */
export function contactSubscriptions(db: SnapshotDb, contactId: string | undefined): KeapSubscription[] {
  if (!contactId) return [];
  return db
    .all<{ json: string }>('SELECT json FROM subscriptions WHERE contact_id = ? ORDER BY rowid', [contactId])
    .map((r) => JSON.parse(r.json) as KeapSubscription);
}
