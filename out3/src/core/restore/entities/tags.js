"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tags = void 0;
/** Tags: found again by name (case-insensitive); the restore's own lease tag is never restored. */
const filter_1 = require("../../keap/filter");
const fieldRules_1 = require("../fieldRules");
const accountLease_1 = require("../accountLease");
const fields_1 = require("../fields");
const planContext_1 = require("../planContext");
const entity_1 = require("./entity");
function tagPayload(tag) {
    return (0, fields_1.requestBody)('tags', tag);
}
exports.tags = {
    entity: 'tags',
    fields: {
        fields: (0, fieldRules_1.verbatim)('name', 'description', 'category'),
        serverAssigned: { id: 'a new tag id', create_time: "the restore's date", update_time: "the restore's date" },
    },
    planAll(ctx) {
        // A snapshot taken while a restore ran holds its lease tag: that is no data to restore.
        for (const row of ctx.snap.all('SELECT id, json FROM tags ORDER BY rowid')) {
            if (JSON.parse(row.json).name !== accountLease_1.LEASE_TAG_NAME && ctx.isSelected('tags', row.id))
                ctx.resolve('tags', row.id);
        }
    },
    plan(ctx, record, pulledIn) {
        return ctx.planSimple('tags', record, pulledIn, () => ctx.live.byNaturalKeyOf('tags', record), tagPayload(record), `Tag ${(0, planContext_1.quote)(record.name)}`);
    },
    async create(ctx, step, { body }) {
        return { id: (await ctx.client.tags.create(body, { verify: (0, entity_1.verifyByFind)(() => ctx.find(step)) })).id, sent: true };
    },
    updatable: (client) => client.tags,
    async find(ctx, _step, { body }) {
        return (await (0, entity_1.first)(ctx.client.tags.list({ filter: (0, filter_1.filter)('name', '==', String(body.name)) })))?.id;
    },
};
//# sourceMappingURL=tags.js.map