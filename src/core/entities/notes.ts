/** Notes: what the account's users wrote down about a contact (calls, emails, meetings). Read only. */
import type { KeapNote } from '../model';
import { asJsonPages, byId, defineEntity, text } from './define';

export const notes = defineEntity({
  name: 'notes',
  noun: { one: 'note', many: 'notes' },
  pages: (client, o) => asJsonPages(client.notes.pages(o)),
  changedSince: 'since_time',
  table: {
    name: 'notes',
    idOf: byId,
    columns: [text('contact_id', (r) => r.contact_id, true)],
  },
  label: (record) => {
    const n = record as KeapNote;
    const firstLine = (n.text ?? '').split(/\r?\n/, 1)[0].trim();
    return {
      label: n.title?.trim() || firstLine || `Note #${n.id}`,
      description: [n.type, n.create_time?.slice(0, 10), n.contact_id ? `contact ${n.contact_id}` : undefined].filter(Boolean).join(' '),
    };
  },
  explorerRank: 25,
  live: {},
  uniqueIds: true,
});
