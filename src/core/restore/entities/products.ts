/** Products: found again by SKU (a product without one has no natural key). */
import { filter } from '../../keap/filter';
import type { KeapProduct } from '../../model';
import { amount, present, verbatim } from '../fieldRules';
import { type Payload } from '../payloads';
import { requestBody } from '../fields';
import { quote } from '../planContext';
import { first, verifyByFind, type RestorableEntity } from './entity';

function productPayload(product: KeapProduct): Payload {
  return requestBody('products', product);
}

export const products: RestorableEntity = {
  entity: 'products',

  fields: {
    fields: [
      ...verbatim(
        'name',
        'sku',
        'description',
        'active',
        'shippable',
        'weight',
        'taxable',
        'subscription_only',
        'storefront_hidden',
        'country_taxable',
        'state_taxable',
        'city_taxable',
        'top_html',
        'bottom_html',
        'is_package',
        'needs_digital_delivery',
        'delivery_description',
      ),
      { name: 'price', toRequest: amount, compare: amount, required: true },
      // Keap requires a short description; an old product may have none: its name stands in.
      {
        name: 'short_description',
        required: true,
        toRequest: (v, _ctx, r) => (present(v) ? v : r.name || 'Restored product'),
        compare: (v, _m, r) => (present(v) ? v : r.name || 'Restored product'),
      },
    ],
    serverAssigned: {
      id: 'a new product id',
      create_time: "the restore's date",
      update_time: "the restore's date",
      subscription_plans: 'restored as plan steps',
      categories: 'product categories are not restored',
      options: 'product options are not restored',
      inventory: 'stock levels are not restored',
    },
  },

  settlesFirst: true,

  plan(ctx, record, pulledIn) {
    return ctx.planSimple(
      'products',
      record,
      pulledIn,
      () => ctx.live.byNaturalKeyOf('products', record),
      productPayload(record as KeapProduct),
      `Product ${quote(record.name)}${record.sku ? ` (${String(record.sku)})` : ''}`,
    );
  },

  async create(ctx, step, { body }) {
    return { id: (await ctx.client.products.create(body, { verify: verifyByFind(() => ctx.find(step)) })).id, sent: true };
  },

  updatable: (client) => client.products,

  async find(ctx, _step, { body }) {
    const c = ctx.client;
    return body.sku ? (await first(c.products.list({ filter: filter('sku', '==', String(body.sku)) })))?.id : undefined;
  },
};
