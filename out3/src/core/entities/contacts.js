"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.contacts = void 0;
exports.primaryEmail = primaryEmail;
const contacts_1 = require("../keap/resources/contacts");
const define_1 = require("./define");
const restoreMark_1 = require("./restoreMark");
/** The contact's EMAIL1 address, or its first. */
function primaryEmail(contact) {
    const emails = contact.email_addresses ?? [];
    return (emails.find((e) => e.field === 'EMAIL1') ?? emails[0])?.email;
}
exports.contacts = (0, define_1.defineEntity)({
    name: 'contacts',
    noun: { one: 'contact', many: 'contacts' },
    pages: (client, o) => (0, define_1.asJsonPages)(client.contacts.pages({ ...o, query: { fields: contacts_1.ALL_CONTACT_FIELDS.join(',') } })),
    get: async (client, id) => (await client.contacts.get(id)),
    changedSince: 'start_update_time',
    changeTime: 'update_time',
    naturalKey: {
        name: 'email',
        of: (r) => (r.email_addresses ?? []).map((e) => String(e.email ?? '').toLowerCase()).filter(Boolean),
    },
    // Keap has no list of deletions; `fields=id` keeps the full id sweep small.
    idPages: (client, o) => (0, define_1.asJsonPages)(client.contacts.pages({ ...o, query: { fields: 'id' } })),
    table: {
        name: 'contacts',
        idOf: define_1.byId,
        columns: [
            (0, define_1.text)('email', (r) => primaryEmail(r)?.toLowerCase(), true),
            (0, define_1.text)('given_name', (r) => r.given_name),
            (0, define_1.text)('family_name', (r) => r.family_name),
            (0, define_1.text)('company_id', (r) => r.company?.id, true),
            (0, define_1.text)('create_time', (r) => r.create_time),
            restoreMark_1.customFieldRestoreMark,
        ],
    },
    children: [
        {
            name: 'contact_tags',
            parentColumn: 'contact_id',
            noun: { one: 'tag assignment', many: 'tag assignments' },
            idOf: (r, p) => `${p?.id}:${r.tag_id}`,
            rowsOf: (r) => (r.tag_ids ?? []).map((tagId) => ({ tag_id: String(tagId) })),
            columns: [(0, define_1.text)('contact_id', (_r, p) => p?.id, true), (0, define_1.text)('tag_id', (r) => r.tag_id, true)],
        },
    ],
    label: (record) => {
        const c = record;
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
//# sourceMappingURL=contacts.js.map