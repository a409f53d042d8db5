/** Tags: labels applied to contacts (the assignments are the contacts' contact_tags rows). */
import { asJsonPages, byId, defineEntity, lowercasedKey, text, type Json } from './define';

export const tags = defineEntity({
  name: 'tags',
  noun: { one: 'tag', many: 'tags' },
  pages: (client, o) => asJsonPages(client.tags.pages(o)),
  get: async (client, id) => (await client.tags.get(id)) as unknown as Json,
  changedSince: 'since_update_time',
  changeTime: 'update_time',
  naturalKey: { name: 'name', of: (r) => lowercasedKey(r.name) },
  table: {
    name: 'tags',
    idOf: byId,
    columns: [text('name', (r) => r.name)],
  },
  label: (record) => ({ label: String(record.name ?? `#${record.id}`), description: `#${record.id}` }),
  explorerRank: 70,
  live: {},
  uniqueIds: true,
});
