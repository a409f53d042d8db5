/**
 * Reading a snapshot the way the explorer, export, validation and restore need it. Every query
 * binds its parameters; column names come only from the entity definitions.
 */
import type { KeapContact, KeapOrder, KeapOrderItem, KeapPayment, KeapProduct, KeapTransaction } from '../model';
import { ENTITY_DEFS, type SnapshotEntity } from './entities';
import { SnapshotQueryError } from './errors';
import type { SnapshotDb } from './snapshotDb';

export interface ListQuery {
  offset?: number;
  limit?: number;
  /** `id` or one of the entity's indexed columns. */
  orderBy?: string;
  descending?: boolean;
}

export interface StoredRecord<T = Record<string, unknown>> {
  id: string;
  record: T;
}

export interface OrderDetails {
  order: KeapOrder;
  contact?: KeapContact;
  items: Array<{ item: KeapOrderItem; product?: KeapProduct }>;
  payments: KeapPayment[];
  transactions: KeapTransaction[];
}

export function listRecords<T = Record<string, unknown>>(
  db: SnapshotDb,
  entity: SnapshotEntity,
  query: ListQuery = {},
): Array<StoredRecord<T>> {
  const columns = new Set(['id', 'rowid', ...ENTITY_DEFS[entity].columns.map((c) => c.name)]);
  const orderBy = query.orderBy ?? 'rowid';
  if (!columns.has(orderBy)) throw new SnapshotQueryError('order-by', `Cannot order ${entity} by '${orderBy}'`);
  // Ids are digit strings: order them as numbers when asked to order by id.
  const key = orderBy === 'id' ? 'CAST(id AS INTEGER)' : orderBy;
  const rows = db.all<{ id: string; json: string }>(
    `SELECT id, json FROM ${entity} ORDER BY ${key} ${query.descending ? 'DESC' : 'ASC'}, rowid LIMIT ? OFFSET ?`,
    [Math.max(0, query.limit ?? 100), Math.max(0, query.offset ?? 0)],
  );
  return rows.map((r) => ({ id: r.id, record: JSON.parse(r.json) as T }));
}

export function getRecord<T = Record<string, unknown>>(db: SnapshotDb, entity: SnapshotEntity, id: string): T | undefined {
  const json = db.scalar(`SELECT json FROM ${entity} WHERE id = ? ORDER BY rowid LIMIT 1`, [id]);
  return typeof json === 'string' ? (JSON.parse(json) as T) : undefined;
}

/** An order with what it ties together: its contact, its items with their products, its payments. */
export function orderDetails(db: SnapshotDb, orderId: string): OrderDetails | undefined {
  const order = getRecord<KeapOrder>(db, 'orders', orderId);
  if (!order) return undefined;
  const contact = order.contact?.id ? getRecord<KeapContact>(db, 'contacts', order.contact.id) : undefined;
  const items = db
    .all<{ json: string; product_id: string | null }>('SELECT json, product_id FROM order_items WHERE order_id = ? ORDER BY rowid', [
      orderId,
    ])
    .map((r) => ({
      item: JSON.parse(r.json) as KeapOrderItem,
      product: r.product_id ? getRecord<KeapProduct>(db, 'products', r.product_id) : undefined,
    }));
  const payments = db
    .all<{ json: string }>('SELECT json FROM payments WHERE order_id = ? ORDER BY payment_time, rowid', [orderId])
    .map((r) => JSON.parse(r.json) as KeapPayment);
  const transactions = db
    .all<{ json: string }>('SELECT json FROM transactions WHERE order_id = ? ORDER BY transaction_time, rowid', [orderId])
    .map((r) => JSON.parse(r.json) as KeapTransaction);
  return { order, contact, items, payments, transactions };
}

/**
 * Orders matching a search: an order or invoice id exactly, a contact email (prefix), or a
 * contact name (substring). Most recent first.
 */
export function searchOrders(db: SnapshotDb, text: string, limit = 50): Array<StoredRecord<KeapOrder>> {
  const q = text.trim();
  if (!q) return [];
  const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db.all<{ id: string; json: string }>(
    `SELECT DISTINCT o.id, o.json, o.order_time FROM orders o LEFT JOIN contacts c ON c.id = o.contact_id
     WHERE o.id = ? OR o.invoice_id = ? OR c.email LIKE ? ESCAPE '\\'
        OR lower(coalesce(c.given_name, '') || ' ' || coalesce(c.family_name, '')) LIKE ? ESCAPE '\\'
     ORDER BY o.order_time DESC LIMIT ?`,
    [q, q, `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, like, limit],
  );
  return rows.map((r) => ({ id: r.id, record: JSON.parse(r.json) as KeapOrder }));
}
