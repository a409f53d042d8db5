/** Companies: a contact's employer; contacts point at them. */
import { ALL_COMPANY_FIELDS } from '../keap/resources/commerce';
import { asJsonPages, byId, defineEntity, lowercasedKey, text, type Json } from './define';
import { customFieldRestoreMark } from './restoreMark';

export const companies = defineEntity({
  name: 'companies',
  noun: { one: 'company', many: 'companies' },
  pages: (client, o) => asJsonPages(client.companies.pages({ ...o, query: { fields: ALL_COMPANY_FIELDS.join(',') } })),
  get: async (client, id) => (await client.companies.get(id)) as unknown as Json,
  changedSince: 'since_time',
  changeTime: 'update_time',
  naturalKey: { name: 'company name', of: (r) => lowercasedKey(r.company_name) },
  idPages: (client, o) => asJsonPages(client.companies.pages({ ...o, query: { fields: 'id' } })),
  table: {
    name: 'companies',
    idOf: byId,
    columns: [text('company_name', (r) => r.company_name), customFieldRestoreMark],
  },
  label: (record) => ({ label: String(record.company_name ?? `#${record.id}`), description: `#${record.id}` }),
  explorerRank: 30,
  live: {},
  uniqueIds: true,
});
