"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.companies = void 0;
/** Companies: a contact's employer; contacts point at them. */
const commerce_1 = require("../keap/resources/commerce");
const define_1 = require("./define");
const restoreMark_1 = require("./restoreMark");
exports.companies = (0, define_1.defineEntity)({
    name: 'companies',
    noun: { one: 'company', many: 'companies' },
    pages: (client, o) => (0, define_1.asJsonPages)(client.companies.pages({ ...o, query: { fields: commerce_1.ALL_COMPANY_FIELDS.join(',') } })),
    get: async (client, id) => (await client.companies.get(id)),
    changedSince: 'since_time',
    changeTime: 'update_time',
    naturalKey: { name: 'company name', of: (r) => (0, define_1.lowercasedKey)(r.company_name) },
    idPages: (client, o) => (0, define_1.asJsonPages)(client.companies.pages({ ...o, query: { fields: 'id' } })),
    table: {
        name: 'companies',
        idOf: define_1.byId,
        columns: [(0, define_1.text)('company_name', (r) => r.company_name), restoreMark_1.customFieldRestoreMark],
    },
    label: (record) => ({ label: String(record.company_name ?? `#${record.id}`), description: `#${record.id}` }),
    explorerRank: 30,
    live: {},
    uniqueIds: true,
});
//# sourceMappingURL=companies.js.map