/**
 * The emulated account written straight into a snapshot, each record rendered exactly as the
 * emulator's API returns it: fixtures for tests and benchmarks at sizes where capturing over HTTP
 * would only measure HTTP.
 */
import { SnapshotDb } from '../core/snapshot/snapshotDb';
import {
  renderCampaign,
  renderCompany,
  renderContact,
  renderCustomField,
  renderOrder,
  renderProduct,
  renderSalesPayment,
  renderSubscription,
  renderTag,
  renderTransaction,
} from './render';
import type { EmulatorStore } from './store';

const BATCH = 5000;

function insertAll<T>(db: SnapshotDb, entity: Parameters<SnapshotDb['insert']>[0], rows: Iterable<T>, render: (row: T) => object): void {
  let batch: object[] = [];
  for (const row of rows) {
    batch.push(render(row));
    if (batch.length >= BATCH) {
      db.insert(entity, batch);
      batch = [];
    }
  }
  if (batch.length) db.insert(entity, batch);
}

export async function snapshotOfAccount(store: EmulatorStore): Promise<SnapshotDb> {
  const db = await SnapshotDb.create();
  insertAll(db, 'contacts', store.contacts.values(), (c) => renderContact(store, c));
  insertAll(db, 'companies', store.companies.values(), renderCompany);
  insertAll(db, 'products', store.products.values(), (p) => renderProduct(store, p));
  insertAll(db, 'orders', store.orders.values(), (o) => renderOrder(store, o));
  insertAll(db, 'payments', store.payments.values(), renderSalesPayment);
  insertAll(db, 'transactions', store.payments.values(), (p) => renderTransaction(store, p));
  insertAll(db, 'subscriptions', store.subscriptions.values(), (s) => renderSubscription(s, store.plans.get(s.subscription_plan_id)));
  insertAll(db, 'tags', store.tags.values(), renderTag);
  insertAll(db, 'campaigns', store.campaigns.values(), renderCampaign);
  insertAll(db, 'custom_fields', store.customFields.values(), renderCustomField);
  return db;
}
