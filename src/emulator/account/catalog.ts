/** Products and their subscription plans: SKUs are unique, prices never negative. */
import { badRequest, EmulatorApiError, notFound } from '../apiError';
import type { PlanRecord, ProductRecord } from '../records';
import { stripUndefined } from './patch';
import type { AccountTables } from './tables';

export function createProduct(account: AccountTables, fields: Omit<ProductRecord, 'id' | 'create_time' | 'update_time'>): ProductRecord {
  if (!fields.name?.trim()) throw badRequest('name is required');
  if (fields.price_cents < 0) throw badRequest('price must be greater than or equal to 0');
  if (fields.sku && [...account.products.values()].some((p) => p.sku === fields.sku)) {
    throw new EmulatorApiError(409, `A product with sku ${fields.sku} already exists`);
  }
  const now = account.nowIso();
  return account.products.insert({ ...fields, id: account.products.allocateId(), create_time: now, update_time: now });
}

export function updateProduct(account: AccountTables, id: number, patch: Partial<ProductRecord>): ProductRecord {
  const record = requireProduct(account, id);
  const { extra, ...rest } = patch;
  if (rest.sku && rest.sku !== record.sku && [...account.products.values()].some((p) => p.sku === rest.sku)) {
    throw new EmulatorApiError(409, `A product with sku ${rest.sku} already exists`);
  }
  Object.assign(record, stripUndefined(rest));
  if (extra) record.extra = { ...record.extra, ...extra };
  record.update_time = account.nowIso();
  return record;
}

/** Keap lets a product go while orders still name it; their items keep the old product id. */
export function deleteProduct(account: AccountTables, id: number): void {
  requireProduct(account, id);
  account.products.delete(id);
  for (const plan of [...account.plans.values()]) if (plan.product_id === id) account.plans.delete(plan.id);
}

export function requireProduct(account: AccountTables, id: number): ProductRecord {
  const record = account.products.get(id);
  if (!record) throw notFound('product', id);
  return record;
}

/** A product named in a request body: missing is the request's fault (400), not a missing resource (404). */
export function requireProductForWrite(account: AccountTables, id: number): ProductRecord {
  const product = account.products.get(id);
  if (!product) throw badRequest(`Product ${id} does not exist`);
  return product;
}

export function plansOf(account: AccountTables, productId: number): PlanRecord[] {
  return [...account.plans.values()].filter((p) => p.product_id === productId);
}

export function createPlan(account: AccountTables, productId: number, fields: Omit<PlanRecord, 'id' | 'product_id'>): PlanRecord {
  requireProduct(account, productId);
  if (fields.price_cents < 0) throw badRequest('plan_price must be greater than or equal to 0');
  return account.plans.insert({ ...fields, id: account.plans.allocateId(), product_id: productId });
}

/** A plan, optionally required to belong to `productId`. */
export function requirePlan(account: AccountTables, productId: number | undefined, planId: number): PlanRecord {
  const plan = account.plans.get(planId);
  if (!plan || (productId !== undefined && plan.product_id !== productId)) throw notFound('subscription_plan', planId);
  return plan;
}
