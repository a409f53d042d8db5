"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.contacts = void 0;
/** Contacts: found again by the restore marker, else by any of their email addresses. */
const filter_1 = require("../../keap/filter");
const fieldRules_1 = require("../fieldRules");
const payloads_1 = require("../payloads");
const fields_1 = require("../fields");
const planContext_1 = require("../planContext");
const entity_1 = require("./entity");
function contactPayload(contact, markerFieldRef) {
    return (0, fields_1.requestBody)('contacts', contact, (0, payloads_1.marked)(markerFieldRef, contact.id));
}
const SIDE_EFFECT = 'Creating a contact can start automations that trigger on new contacts.';
const emails = (list) => Array.isArray(list) ? list.map((e) => (0, fieldRules_1.pick)(e, ['email', 'field', 'opt_in_reason'])).filter(Boolean) : undefined;
exports.contacts = {
    entity: 'contacts',
    fields: {
        fields: [
            ...(0, fieldRules_1.verbatim)('given_name', 'family_name', 'middle_name', 'job_title', 'website', 'birth_date', 'anniversary_date', 'time_zone', 'owner_id', 'leadsource_id', 'preferred_locale', 'preferred_name', 'prefix', 'suffix', 'spouse_name', 'contact_type', 'source_type', 'referral_code', 'origin', 'utm_parameters', 'social_accounts', 'fax_numbers', 'phone_numbers', 'addresses', 'assistant_name', 'assistant_phone', 'billing_information'),
            {
                name: 'email_addresses',
                toRequest: emails,
                compare: (v) => Array.isArray(v)
                    ? v.map((e) => `${String(e.email ?? '').toLowerCase()} ${String(e.field ?? '')}`).sort()
                    : [],
            },
            {
                name: 'company',
                ...(0, fieldRules_1.reference)('companies', fieldRules_1.nestedId),
                toRequest: (v, ctx) => (0, fieldRules_1.present)((0, fieldRules_1.nestedId)(v)) ? { id: (0, fieldRules_1.reference)('companies', fieldRules_1.nestedId).toRequest(v, { ...ctx, path: `${ctx.path}.id` }, {}) } : undefined,
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
            .all('SELECT tag_id FROM contact_tags WHERE contact_id = ?', [id])
            .map((t) => `contact_tags:${t.tag_id}`);
    },
    plan(ctx, record, pulledIn) {
        const contact = record;
        const email = (contact.email_addresses ?? []).map((e) => e.email.toLowerCase());
        const name = [contact.given_name, contact.family_name].filter(Boolean).join(' ') || email[0] || `contact ${contact.id}`;
        const payload = contactPayload(contact, 'marker:CONTACT');
        const result = ctx.planSimple('contacts', contact, pulledIn, () => ctx.live.byNaturalKeyOf('contacts', contact), payload, `Contact ${(0, planContext_1.quote)(name)}`);
        ctx.addSideEffect(result, SIDE_EFFECT);
        return result;
    },
    async create(ctx, step, { body }) {
        return { id: (await ctx.client.contacts.create(body, { verify: (0, entity_1.verifyByFind)(() => ctx.find(step)) })).id, sent: true };
    },
    updatable: (client) => client.contacts,
    async find(ctx, step, { body }) {
        const c = ctx.client;
        const marked = await ctx.byMarker('CONTACT', step, (f) => c.contacts.list({ filter: f }));
        const email = body.email_addresses?.[0]?.email;
        return marked ?? (email ? (await (0, entity_1.first)(c.contacts.list({ filter: (0, filter_1.filter)('email', '==', email) })))?.id : undefined);
    },
};
//# sourceMappingURL=contacts.js.map