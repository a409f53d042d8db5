"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.notes = void 0;
const define_1 = require("./define");
exports.notes = (0, define_1.defineEntity)({
    name: 'notes',
    noun: { one: 'note', many: 'notes' },
    pages: (client, o) => (0, define_1.asJsonPages)(client.notes.pages(o)),
    changedSince: 'since_time',
    table: {
        name: 'notes',
        idOf: define_1.byId,
        columns: [(0, define_1.text)('contact_id', (r) => r.contact_id, true)],
    },
    label: (record) => {
        const n = record;
        const firstLine = (n.text ?? '').split(/\r?\n/, 1)[0].trim();
        return {
            label: n.title?.trim() || firstLine || `Note #${n.id}`,
            description: [n.type, n.create_time?.slice(0, 10), n.contact_id ? `contact ${n.contact_id}` : undefined].filter(Boolean).join(' '),
        };
    },
    explorerRank: 25,
    live: {},
    uniqueIds: true,
});
//# sourceMappingURL=notes.js.map