/** Products, with their subscription plans inline (stored as subscription_plans rows). */
import type { CurrencyValue, KeapProduct } from '../model';
import { formatCurrencyValue } from '../money';
import { amountOf, asJsonPages, byId, defineEntity, int, text, type Json } from './define';

export const products = defineEntity({
  name: 'products',
  noun: { one: 'product', many: 'products' },
  pages: (client, o) => asJsonPages(client.products.pages(o)),
  changeTime: 'update_time',
  newestFirst: { orderBy: 'last_updated_time desc', timeField: 'update_time' },
  naturalKey: { name: 'SKU', of: (r) => (typeof r.sku === 'string' && r.sku ? [r.sku] : []) },
  get: async (client, id) => (await client.products.get(id)) as unknown as Json,
  table: {
    name: 'products',
    idOf: byId,
    columns: [
      text('name', (r) => r.name),
      text('sku', (r) => r.sku, true),
      int('price_cents', (r) => amountOf((r as KeapProduct).price)),
      int('active', (r) => r.active),
    ],
  },
  children: [
    {
      name: 'subscription_plans',
      parentColumn: 'product_id',
      noun: { one: 'subscription plan', many: 'subscription plans' },
      idOf: byId,
      rowsOf: (r) => ((r as KeapProduct).subscription_plans ?? []) as Json[],
      columns: [text('product_id', (_r, p) => p?.id, true), int('price_cents', (r) => amountOf(r.plan_price))],
    },
  ],
  label: (record) => ({
    label: String(record.name ?? `#${record.id}`),
    description: [record.sku, formatCurrencyValue(record.price as Partial<CurrencyValue> | undefined)].filter(Boolean).join(' '),
  }),
  explorerRank: 40,
  live: {},
  uniqueIds: true,
});
