"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerCompanyRoutes = registerCompanyRoutes;
const body_1 = require("../http/body");
const listing_1 = require("../listing");
const render_1 = require("../render");
const common_1 = require("./common");
const WRITABLE = [
    'address',
    'notes',
    'website',
    'suffix',
    'title',
    'company_name',
    'custom_fields',
    'email_address',
    'fax_number',
    'phone_number',
    'anniversary_date',
    'assistant_name',
    'assistant_phone',
    'billing_information',
    'birth_date',
    'contact_type',
    'first_name',
    'job_title',
    'last_name',
    'middle_name',
    'preferred_name',
    'owner_id',
    'referral_code',
    'spouse_name',
];
const TYPED = new Set(['address', 'notes', 'website', 'company_name', 'custom_fields', 'email_address', 'phone_number']);
const READABLE = [...WRITABLE, 'id', 'groups', 'create_time', 'update_time', 'account_id', 'created_by', 'last_updated_by'];
function companyListSpec(store) {
    return {
        resource: 'companies',
        filters: {
            company_name: { type: { kind: 'text' }, get: (c) => c.company_name },
            name: { type: { kind: 'text', wildcard: true }, get: (c) => c.company_name },
            email: { type: { kind: 'text' }, get: (c) => c.email_address?.email },
            city: { type: { kind: 'text', wildcard: true }, get: (c) => c.address?.locality },
            state: { type: { kind: 'text', wildcard: true }, get: (c) => c.address?.region },
            since_time: { type: { kind: 'since' }, get: (c) => c.update_time },
            until_time: { type: { kind: 'until' }, get: (c) => c.update_time },
            company_id: { type: { kind: 'number' }, ops: listing_1.ALL_OPS, get: (c) => c.id },
        },
        orderBy: { create_time: (c) => c.create_time, name: (c) => c.company_name.toLowerCase(), email: (c) => c.email_address?.email },
        customFields: () => store.customFieldsOf('COMPANY'),
        customOf: (c) => c.custom,
    };
}
function companyFields(body) {
    const extra = {};
    for (const [k, v] of Object.entries(body))
        if (!TYPED.has(k))
            extra[k] = v;
    return {
        company_name: (0, body_1.optString)(body, 'company_name'),
        email_address: (0, body_1.optObject)(body, 'email_address'),
        phone_number: (0, body_1.optObject)(body, 'phone_number'),
        address: (0, body_1.optObject)(body, 'address'),
        website: (0, body_1.optString)(body, 'website'),
        notes: (0, body_1.optString)(body, 'notes'),
        custom: (0, body_1.customValues)(body) ?? {},
        extra,
    };
}
function registerCompanyRoutes(router) {
    router.add('GET', '/v2/companies', (req) => {
        const fields = (0, common_1.requestedFields)(req.query, READABLE) ?? render_1.COMPANY_DEFAULT_FIELDS;
        return (0, common_1.listResponse)(req, 'companies', companyListSpec(req.store), (0, common_1.fromTable)(req.store.companies), (c) => (0, render_1.pickFields)((0, render_1.renderCompany)(c), fields));
    });
    router.add('GET', '/v2/companies/{company_id}', (req) => ({
        status: 200,
        body: (0, render_1.pickFields)((0, render_1.renderCompany)(req.store.requireCompany((0, common_1.pathId)(req, 'company_id'))), (0, common_1.requestedFields)(req.query, READABLE)),
    }));
    router.add('POST', '/v2/companies', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, WRITABLE);
        return { status: 201, body: (0, render_1.renderCompany)(req.store.createCompany(companyFields(body))) };
    });
    router.add('PATCH', '/v2/companies/{company_id}', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, WRITABLE);
        const patch = (0, body_1.masked)(body, (0, body_1.updateMask)(req.query, body, WRITABLE));
        const fields = companyFields(patch);
        const record = req.store.updateCompany((0, common_1.pathId)(req, 'company_id'), { ...fields, custom: (0, body_1.customValues)(patch), extra: fields.extra });
        return { status: 200, body: (0, render_1.renderCompany)(record) };
    });
    router.add('DELETE', '/v2/companies/{company_id}', (req) => {
        req.store.deleteCompany((0, common_1.pathId)(req, 'company_id'));
        return common_1.noContent;
    });
}
//# sourceMappingURL=companies.js.map