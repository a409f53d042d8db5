/** Products: found again by SKU (a product without one has no natural key). */
import { filter } from '../../keap/filter';
import type { KeapProduct } from '../../model';
import { productPayload } from '../payloads';
import { quote } from '../planContext';
import { first, idOf, type RestorableEntity } from './entity';

export const products: RestorableEntity = {
  entity: 'products',

  plan(ctx, record, pulledIn) {
    return ctx.planSimple(
      'products',
      record,
      pulledIn,
      () => (record.sku ? ctx.live.byNaturalKey('products', String(record.sku)) : undefined),
      productPayload(record as KeapProduct),
      `Product ${quote(record.name)}${record.sku ? ` (${String(record.sku)})` : ''}`,
    );
  },

  async create(ctx, step, { body }) {
    return { id: (await ctx.client.products.create(body, { verify: idOf(() => ctx.find(step)) })).id, sent: true };
  },

  updatable: (client) => client.products,

  async find(ctx, _step, { body }) {
    const c = ctx.client;
    return body.sku ? (await first(c.products.list({ filter: filter('sku', '==', String(body.sku)) })))?.id : undefined;
  },
};
