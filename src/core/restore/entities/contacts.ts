/** Contacts: found again by the restore marker, else by any of their email addresses. */
import { filter } from '../../keap/filter';
import type { KeapContact } from '../../model';
import { contactPayload } from '../payloads';
import { quote } from '../planContext';
import { first, idOf, type RestorableEntity } from './entity';

const SIDE_EFFECT = 'Creating a contact can start automations that trigger on new contacts.';

export const contacts: RestorableEntity = {
  entity: 'contacts',

  // A contact comes with its tags.
  selectedWith(snap, id) {
    return snap
      .all<{ tag_id: string }>('SELECT tag_id FROM contact_tags WHERE contact_id = ?', [id])
      .map((t) => `contact_tags:${t.tag_id}`);
  },

  plan(ctx, record, pulledIn) {
    const contact = record as KeapContact;
    const email = (contact.email_addresses ?? []).map((e) => e.email.toLowerCase());
    const name = [contact.given_name, contact.family_name].filter(Boolean).join(' ') || email[0] || `contact ${contact.id}`;
    const payload = contactPayload(contact, 'marker:CONTACT');
    const result = ctx.planSimple(
      'contacts',
      contact,
      pulledIn,
      () => email.map((e) => ctx.live.byNaturalKey('contacts', e)).find(Boolean),
      payload,
      `Contact ${quote(name)}`,
    );
    ctx.addSideEffect(result, SIDE_EFFECT);
    return result;
  },

  async create(ctx, step, { body }) {
    return { id: (await ctx.client.contacts.create(body, { verify: idOf(() => ctx.find(step)) })).id, sent: true };
  },

  updatable: (client) => client.contacts,

  async find(ctx, step, { body }) {
    const c = ctx.client;
    const marked = await ctx.byMarker('CONTACT', step, (f) => c.contacts.list({ filter: f }));
    const email = (body.email_addresses as Array<{ email: string }> | undefined)?.[0]?.email;
    return marked ?? (email ? (await first(c.contacts.list({ filter: filter('email', '==', email) })))?.id : undefined);
  },
};
