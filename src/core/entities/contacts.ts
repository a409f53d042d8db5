/** Contacts: the people who buy. Their tags come inline (`tag_ids`) and are stored as contact_tags rows. */
import type { KeapContact } from '../model';
import { ALL_CONTACT_FIELDS } from '../keap/resources/contacts';
import { asJsonPages, byId, defineEntity, text, type Json } from './define';
import { customFieldRestoreMark } from './restoreMark';

/** The contact's EMAIL1 address, or its first. */
export function primaryEmail(contact: KeapContact): string | undefined {
  const emails = contact.email_addresses ?? [];
  return (emails.find((e) => e.field === 'EMAIL1') ?? emails[0])?.email;
}

export const contacts = defineEntity({
  name: 'contacts',
  noun: { one: 'contact', many: 'contacts' },
  pages: (client, o) => asJsonPages(client.contacts.pages({ ...o, query: { fields: ALL_CONTACT_FIELDS.join(',') } })),
  get: async (client, id) => (await client.contacts.get(id)) as unknown as Json,
  changedSince: 'start_update_time',
  changeTime: 'update_time',
  naturalKey: {
    name: 'email',
    of: (r) => ((r as KeapContact).email_addresses ?? []).map((e) => String(e.email ?? '').toLowerCase()).filter(Boolean),
  },
  // Keap has no list of deletions; `fields=id` keeps the full id sweep small.
  idPages: (client, o) => asJsonPages(client.contacts.pages({ ...o, query: { fields: 'id' } })),
  table: {
    name: 'contacts',
    idOf: byId,
    columns: [
      text('email', (r) => primaryEmail(r as KeapContact)?.toLowerCase()),
      text('given_name', (r) => r.given_name),
      text('family_name', (r) => r.family_name),
      text('company_id', (r) => (r as KeapContact).company?.id),
      text('create_time', (r) => r.create_time),
      customFieldRestoreMark,
    ],
  },
  children: [
    {
      name: 'contact_tags',
      parentColumn: 'contact_id',
      noun: { one: 'tag assignment', many: 'tag assignments' },
      idOf: (r, p) => `${p?.id}:${r.tag_id}`,
      rowsOf: (r) => ((r as KeapContact).tag_ids ?? []).map((tagId) => ({ tag_id: String(tagId) })),
      columns: [text('contact_id', (_r, p) => p?.id, true), text('tag_id', (r) => r.tag_id, true)],
    },
  ],
  label: (record) => {
    const c = record as KeapContact;
    const name = [c.given_name, c.family_name].filter(Boolean).join(' ');
    const email = c.email_addresses?.[0]?.email;
    return {
      label: name || email || `#${c.id}`,
      description: `#${c.id} ${name ? (email ?? '') : ''}`.trim(),
      spoken: [`Contact ${name || `${c.id}`}`, email].filter(Boolean).join(', '),
    };
  },
  explorerRank: 20,
  live: {},
  uniqueIds: true,
});
