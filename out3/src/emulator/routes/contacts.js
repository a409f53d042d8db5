"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerContactRoutes = registerContactRoutes;
const apiError_1 = require("../apiError");
const body_1 = require("../http/body");
const listing_1 = require("../listing");
const render_1 = require("../render");
const common_1 = require("./common");
const WRITABLE = [
    'addresses',
    'company',
    'origin',
    'prefix',
    'suffix',
    'website',
    'anniversary_date',
    'birth_date',
    'contact_type',
    'custom_fields',
    'email_addresses',
    'family_name',
    'fax_numbers',
    'given_name',
    'job_title',
    'leadsource_id',
    'middle_name',
    'owner_id',
    'phone_numbers',
    'preferred_locale',
    'preferred_name',
    'referral_code',
    'social_accounts',
    'source_type',
    'spouse_name',
    'time_zone',
    'utm_parameters',
    'assistant_name',
    'assistant_phone',
    'billing_information',
];
const TYPED = new Set([
    'addresses',
    'company',
    'custom_fields',
    'email_addresses',
    'family_name',
    'given_name',
    'job_title',
    'middle_name',
    'phone_numbers',
]);
const READABLE = [
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
    'id',
    'job_title',
    'leadsource_id',
    'links',
    'middle_name',
    'notes',
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
    'account_id',
    'assistant_name',
    'assistant_phone',
    'billing_information',
    'created_by',
    'groups',
    'last_updated_by',
];
const DUPLICATE_OPTIONS = ['Email', 'EmailAndName', 'EmailAndNameAndCompany'];
function contactListSpec(store) {
    const email = (c) => store.primaryEmail(c);
    return {
        resource: 'contacts',
        filters: {
            email: { type: { kind: 'text', wildcard: true }, get: email },
            given_name: { type: { kind: 'text', wildcard: true }, get: (c) => c.given_name },
            family_name: { type: { kind: 'text', wildcard: true }, get: (c) => c.family_name },
            middle_name: { type: { kind: 'text', wildcard: true }, get: (c) => c.middle_name },
            company_id: { type: { kind: 'number' }, get: (c) => c.company_id },
            contact_id: { type: { kind: 'number' }, ops: listing_1.ALL_OPS, get: (c) => c.id },
            ids: { type: { kind: 'list' }, get: (c) => c.id },
            contact_ids: { type: { kind: 'list' }, get: (c) => c.id },
            start_update_time: { type: { kind: 'since' }, get: (c) => c.update_time },
            end_update_time: { type: { kind: 'until' }, get: (c) => c.update_time },
        },
        orderBy: { create_time: (c) => c.create_time, email: (c) => email(c)?.toLowerCase(), update_time: (c) => c.update_time },
        customFields: () => store.customFieldsOf('CONTACT'),
        customOf: (c) => c.custom,
    };
}
function contactInput(body) {
    const company = (0, body_1.optObject)(body, 'company');
    const extra = {};
    for (const [k, v] of Object.entries(body))
        if (!TYPED.has(k))
            extra[k] = v;
    return {
        given_name: (0, body_1.optString)(body, 'given_name', 40),
        family_name: (0, body_1.optString)(body, 'family_name', 40),
        middle_name: (0, body_1.optString)(body, 'middle_name', 100),
        job_title: (0, body_1.optString)(body, 'job_title', 255),
        email_addresses: (0, body_1.optArray)(body, 'email_addresses')?.map(emailAddress),
        phone_numbers: (0, body_1.optArray)(body, 'phone_numbers'),
        addresses: (0, body_1.optArray)(body, 'addresses'),
        company_id: company ? (0, body_1.parseId)(company.id, 'company.id') : undefined,
        custom: (0, body_1.customValues)(body),
        extra,
    };
}
function emailAddress(value) {
    const e = value;
    if (!e || typeof e.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(e.email))
        throw (0, apiError_1.badRequest)('email_addresses[].email must be an email address');
    (0, body_1.allowOnly)(e, ['email', 'field', 'opt_in_reason']);
    return { email: e.email, field: e.field, opt_in_reason: e.opt_in_reason };
}
function registerContactRoutes(router) {
    router.add('GET', '/v2/contacts', (req) => {
        const fields = (0, common_1.requestedFields)(req.query, READABLE) ?? render_1.CONTACT_DEFAULT_FIELDS;
        return (0, common_1.listResponse)(req, 'contacts', contactListSpec(req.store), (0, common_1.fromTable)(req.store.contacts), (c) => (0, render_1.pickFields)((0, render_1.renderContact)(req.store, c), fields));
    });
    router.add('GET', '/v2/contacts/{contact_id}', (req) => {
        const contact = req.store.requireContact((0, common_1.pathId)(req, 'contact_id'));
        return { status: 200, body: (0, render_1.pickFields)((0, render_1.renderContact)(req.store, contact), (0, common_1.requestedFields)(req.query, READABLE)) };
    });
    router.add('POST', '/v2/contacts', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, WRITABLE);
        const option = req.query.get('duplicate_option') ?? undefined;
        if (option !== undefined && !DUPLICATE_OPTIONS.includes(option)) {
            throw (0, apiError_1.badRequest)(`duplicate_option must be one of ${DUPLICATE_OPTIONS.join(', ')}`);
        }
        const { record, created } = req.store.createContact(contactInput(body), option);
        return { status: created ? 201 : 200, body: (0, render_1.renderContact)(req.store, record) };
    });
    router.add('PATCH', '/v2/contacts/{contact_id}', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, WRITABLE);
        const mask = (0, body_1.updateMask)(req.query, body, WRITABLE);
        const record = req.store.updateContact((0, common_1.pathId)(req, 'contact_id'), contactInput((0, body_1.masked)(body, mask)));
        return { status: 200, body: (0, render_1.renderContact)(req.store, record) };
    });
    router.add('DELETE', '/v2/contacts/{contact_id}', (req) => {
        req.store.deleteContact((0, common_1.pathId)(req, 'contact_id'));
        return common_1.noContent;
    });
}
//# sourceMappingURL=contacts.js.map