"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tags = void 0;
/** Tags: labels applied to contacts (the assignments are the contacts' contact_tags rows). */
const define_1 = require("./define");
exports.tags = (0, define_1.defineEntity)({
    name: 'tags',
    noun: { one: 'tag', many: 'tags' },
    pages: (client, o) => (0, define_1.asJsonPages)(client.tags.pages(o)),
    get: async (client, id) => (await client.tags.get(id)),
    changedSince: 'since_update_time',
    changeTime: 'update_time',
    naturalKey: { name: 'name', of: (r) => (0, define_1.lowercasedKey)(r.name) },
    table: {
        name: 'tags',
        idOf: define_1.byId,
        columns: [(0, define_1.text)('name', (r) => r.name, true)],
    },
    label: (record) => ({ label: String(record.name ?? `#${record.id}`), description: `#${record.id}` }),
    explorerRank: 70,
    live: {},
    uniqueIds: true,
});
//# sourceMappingURL=tags.js.map