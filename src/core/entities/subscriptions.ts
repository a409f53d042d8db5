/** Subscriptions: a contact's recurring billing of a product's plan. */
import { asJsonPages, byId, defineEntity, int, plainLabel, text, type Json } from './define';
import { customFieldRestoreMark } from './restoreMark';

export const subscriptions = defineEntity({
  name: 'subscriptions',
  noun: { one: 'subscription', many: 'subscriptions' },
  pages: (client, o) => asJsonPages(client.subscriptions.pages(o)),
  changeTime: 'modification_time',
  newestFirst: { orderBy: 'modification_time desc', timeField: 'modification_time' },
  get: async (client, id) => (await client.subscriptions.get(id)) as unknown as Json,
  table: {
    name: 'subscriptions',
    idOf: byId,
    columns: [
      text('contact_id', (r) => r.contact_id, true),
      text('product_id', (r) => r.product_id),
      text('subscription_plan_id', (r) => r.subscription_plan_id),
      int('active', (r) => r.active),
      customFieldRestoreMark,
    ],
  },
  label: plainLabel,
  explorerRank: 60,
  live: {},
  uniqueIds: true,
});
