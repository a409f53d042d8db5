/** Contacts: found again by the restore marker, else by any of their email addresses. */
import { filter } from '../../keap/filter';
import type { KeapContact } from '../../model';
import { nestedId, pick, present, reference, verbatim, type Json } from '../fieldRules';
import { marked, type Payload } from '../payloads';
import { requestBody } from '../fields';
import { quote } from '../planContext';
import { first, verifyByFind, type RestorableEntity } from './entity';

function contactPayload(contact: KeapContact, markerFieldRef?: string): Payload {
  return requestBody('contacts', contact, marked(markerFieldRef, contact.id));
}

const SIDE_EFFECT = 'Creating a contact can start automations that trigger on new contacts.';

const emails = (list: unknown) =>
  Array.isArray(list) ? list.map((e) => pick(e, ['email', 'field', 'opt_in_reason'])).filter(Boolean) : undefined;

export const contacts: RestorableEntity = {
  entity: 'contacts',

  fields: {
    fields: [
      ...verbatim(
        'given_name',
        'family_name',
        'middle_name',
        'job_title',
        'website',
        'birth_date',
        'anniversary_date',
        'time_zone',
        'owner_id',
        'leadsource_id',
        'preferred_locale',
        'preferred_name',
        'prefix',
        'suffix',
        'spouse_name',
        'contact_type',
        'source_type',
        'referral_code',
        'origin',
        'utm_parameters',
        'social_accounts',
        'fax_numbers',
        'phone_numbers',
        'addresses',
        'assistant_name',
        'assistant_phone',
        'billing_information',
      ),
      {
        name: 'email_addresses',
        toRequest: emails,
        compare: (v) =>
          Array.isArray(v)
            ? v.map((e) => `${String((e as Json).email ?? '').toLowerCase()} ${String((e as Json).field ?? '')}`).sort()
            : [],
      },
      {
        name: 'company',
        ...reference('companies', nestedId),
        toRequest: (v, ctx) =>
          present(nestedId(v)) ? { id: reference('companies', nestedId).toRequest!(v, { ...ctx, path: `${ctx.path}.id` }, {}) } : undefined,
      },
    ],
    customFields: true,
    serverAssigned: {
      id: 'a new contact id',
      create_time: "the restore's date",
      update_time: "the restore's date",
      tag_ids: 'restored as tag assignments',
      score_value: 'computed by Keap',
      links: 'computed by Keap',
      groups: 'computed by Keap',
      created_by: 'the API user',
      last_updated_by: 'the API user',
      account_id: 'the account',
      notes: 'Keap keeps contact notes as notes, not as a contact field',
    },
  },

  // A contact comes with its tags.
  selectedWith(snap, id) {
    return snap
      .all<{ tag_id: string }>('SELECT tag_id FROM contact_tags WHERE contact_id = ?', [id])
      .map((t) => `contact_tags:${t.tag_id}`);
  },

  settlesFirst: true,

  plan(ctx, record, pulledIn) {
    const contact = record as KeapContact;
    const email = (contact.email_addresses ?? []).map((e) => e.email.toLowerCase());
    const name = [contact.given_name, contact.family_name].filter(Boolean).join(' ') || email[0] || `contact ${contact.id}`;
    const payload = contactPayload(contact, 'marker:CONTACT');
    return ctx.planSimple(
      'contacts',
      contact,
      pulledIn,
      () => ctx.live.byNaturalKeyOf('contacts', contact as unknown as Json),
      payload,
      `Contact ${quote(name)}`,
      [SIDE_EFFECT],
    );
  },

  async create(ctx, step, { body }) {
    return { id: (await ctx.client.contacts.create(body, { verify: verifyByFind(() => ctx.find(step)) })).id, sent: true };
  },

  updatable: (client) => client.contacts,

  async find(ctx, step, { body }) {
    const c = ctx.client;
    const marked = await ctx.byMarker('CONTACT', step, (f) => c.contacts.list({ filter: f }));
    const email = (body.email_addresses as Array<{ email: string }> | undefined)?.[0]?.email;
    return marked ?? (email ? (await first(c.contacts.list({ filter: filter('email', '==', email) })))?.id : undefined);
  },
};
