"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ContactsResource = exports.ALL_CONTACT_FIELDS = void 0;
const paging_1 = require("../paging");
const resource_1 = require("./resource");
/** Every contact field Keap can return; lists send a smaller default set unless `fields` asks. */
exports.ALL_CONTACT_FIELDS = [
    'addresses',
    'anniversary_date',
    'birth_date',
    'company',
    'contact_type',
    'create_time',
    'custom_fields',
    'email_addresses',
    'family_name',
    'fax_numbers',
    'given_name',
    'job_title',
    'leadsource_id',
    'links',
    'middle_name',
    'origin',
    'owner_id',
    'phone_numbers',
    'preferred_locale',
    'preferred_name',
    'prefix',
    'referral_code',
    'score_value',
    'social_accounts',
    'source_type',
    'spouse_name',
    'suffix',
    'tag_ids',
    'time_zone',
    'update_time',
    'utm_parameters',
    'website',
];
class ContactsResource extends resource_1.KeapResource {
    constructor(transport) {
        super(transport, '/v2/contacts', 'contacts');
    }
    /**
     * Keap's upsert: with a duplicate option an existing contact that matches is updated (200)
     * instead of a new one being created (201). Safe to repeat, so it is retried like a read.
     */
    async upsert(body, duplicateOption, signal) {
        const res = await this.transport.request({
            method: 'POST',
            path: this.path,
            body,
            query: { duplicate_option: duplicateOption },
            idempotent: true,
            signal,
        });
        return { contact: res.data, created: res.status === 201 };
    }
    /** Tags applied to one contact, with when they were applied. */
    tags(contactId, options) {
        return (0, paging_1.listAll)(this.transport, `/v2/contacts/${(0, resource_1.encodeId)(contactId)}/tags`, 'tags', options);
    }
}
exports.ContactsResource = ContactsResource;
//# sourceMappingURL=contacts.js.map