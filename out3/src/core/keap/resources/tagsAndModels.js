"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CustomFieldsResource = exports.CampaignsResource = exports.TagsResource = exports.TAG_BATCH_SIZE = void 0;
const paging_1 = require("../paging");
const resource_1 = require("./resource");
/** Keap accepts at most this many contact ids per applyTags / removeTags call. */
exports.TAG_BATCH_SIZE = 1000;
class TagsResource extends resource_1.KeapResource {
    constructor(transport) {
        super(transport, '/v2/tags', 'tags');
    }
    /** Applies a tag to contacts in batches; Keap reports per-contact results inside a 200. */
    async apply(tagId, contactIds) {
        const results = {};
        for (let i = 0; i < contactIds.length; i += exports.TAG_BATCH_SIZE) {
            const res = await this.transport.request({
                method: 'POST',
                path: `/v2/tags/${(0, resource_1.encodeId)(tagId)}/contacts:applyTags`,
                body: { contact_ids: contactIds.slice(i, i + exports.TAG_BATCH_SIZE) },
                idempotent: true, // applying a tag twice changes nothing
            });
            Object.assign(results, res.data?.results ?? {});
        }
        return results;
    }
    async remove(tagId, contactIds) {
        for (let i = 0; i < contactIds.length; i += exports.TAG_BATCH_SIZE) {
            await this.transport.request({
                method: 'POST',
                path: `/v2/tags/${(0, resource_1.encodeId)(tagId)}/contacts:removeTags`,
                body: { contact_ids: contactIds.slice(i, i + exports.TAG_BATCH_SIZE) },
                idempotent: true,
            });
        }
    }
    contacts(tagId, options) {
        return (0, paging_1.listAll)(this.transport, `/v2/tags/${(0, resource_1.encodeId)(tagId)}/contacts`, 'contacts', options);
    }
}
exports.TagsResource = TagsResource;
/** Campaigns are read-only through Keap's REST API. */
class CampaignsResource extends resource_1.KeapList {
    constructor(transport) {
        super(transport, '/v2/campaigns', 'campaigns');
    }
    async get(id) {
        return (await this.transport.request({ method: 'GET', path: `/v2/campaigns/${(0, resource_1.encodeId)(id)}` })).data;
    }
}
exports.CampaignsResource = CampaignsResource;
const MODEL_PATHS = {
    CONTACT: '/v2/contacts/model',
    COMPANY: '/v2/companies/model',
    ORDER: '/v2/orders/model',
    SUBSCRIPTION: '/v2/subscriptions/model',
};
/** Custom-field models: where restore keeps its markers (an order custom field holding the old id). */
class CustomFieldsResource {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    async model(recordType) {
        return (await this.transport.request({ method: 'GET', path: MODEL_PATHS[recordType] })).data;
    }
    async create(recordType, body) {
        return (await this.transport.request({
            method: 'POST',
            path: `${MODEL_PATHS[recordType]}/customFields`,
            body,
            verify: async () => (await this.model(recordType)).custom_fields.find((f) => f.label === body.label),
        })).data;
    }
    /** The field with this label, created when the account lacks it. */
    async ensure(recordType, body) {
        const existing = (await this.model(recordType)).custom_fields.find((f) => f.label === body.label);
        if (existing)
            return { field: existing, created: false };
        return { field: await this.create(recordType, body), created: true };
    }
}
exports.CustomFieldsResource = CustomFieldsResource;
//# sourceMappingURL=tagsAndModels.js.map