"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.companies = void 0;
/** Companies: found again by the restore marker, else by company name (case-insensitive). */
const filter_1 = require("../../keap/filter");
const fieldRules_1 = require("../fieldRules");
const payloads_1 = require("../payloads");
const fields_1 = require("../fields");
const planContext_1 = require("../planContext");
const entity_1 = require("./entity");
function companyPayload(company, markerFieldRef) {
    return (0, fields_1.requestBody)('companies', company, (0, payloads_1.marked)(markerFieldRef, company.id));
}
exports.companies = {
    entity: 'companies',
    fields: {
        fields: [
            ...(0, fieldRules_1.verbatim)('company_name', 'phone_number', 'fax_number', 'address', 'website', 'notes', 'owner_id', 'suffix', 'title', 'first_name', 'middle_name', 'last_name', 'job_title', 'preferred_name', 'spouse_name', 'birth_date', 'anniversary_date', 'assistant_name', 'assistant_phone', 'billing_information', 'contact_type', 'referral_code'),
            { name: 'email_address', toRequest: (v) => (0, fieldRules_1.pick)(v, ['email', 'field']), compare: (v) => (0, fieldRules_1.orNull)((0, fieldRules_1.pick)(v, ['email', 'field'])) },
        ],
        customFields: true,
        serverAssigned: {
            id: 'a new company id',
            create_time: "the restore's date",
            update_time: "the restore's date",
            groups: 'computed by Keap',
        },
    },
    plan(ctx, record, pulledIn) {
        return ctx.planSimple('companies', record, pulledIn, () => ctx.live.byNaturalKeyOf('companies', record), companyPayload(record, 'marker:COMPANY'), `Company ${(0, planContext_1.quote)(record.company_name)}`);
    },
    async create(ctx, step, { body }) {
        return { id: (await ctx.client.companies.create(body, { verify: (0, entity_1.verifyByFind)(() => ctx.find(step)) })).id, sent: true };
    },
    updatable: (client) => client.companies,
    async find(ctx, step, { body }) {
        const c = ctx.client;
        return ((await ctx.byMarker('COMPANY', step, (f) => c.companies.list({ filter: f }))) ??
            (await (0, entity_1.first)(c.companies.list({ filter: (0, filter_1.filter)('company_name', '==', String(body.company_name)) })))?.id);
    },
};
//# sourceMappingURL=companies.js.map