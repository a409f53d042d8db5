"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerCampaignAndModelRoutes = registerCampaignAndModelRoutes;
const apiError_1 = require("../apiError");
const body_1 = require("../http/body");
const render_1 = require("../render");
const common_1 = require("./common");
const campaignListSpec = {
    resource: 'campaigns',
    filters: { name: { type: { kind: 'text', wildcard: true }, get: (c) => c.name } },
    orderBy: {
        name: (c) => c.name.toLowerCase(),
        publisheddate: (c) => c.published_date,
        completedContactCount: (c) => c.completed_contact_count,
        activeContacts: (c) => c.active_contact_count,
        datecreated: (c) => c.date_created,
        lastupdated: (c) => c.date_created,
    },
};
/** The record types whose custom-field model the emulator serves, by their v2 path segment. */
const MODELS = {
    contacts: 'CONTACT',
    companies: 'COMPANY',
    orders: 'ORDER',
    subscriptions: 'SUBSCRIPTION',
};
function registerCampaignAndModelRoutes(router) {
    // Campaigns are read-only through Keap's REST API.
    router.add('GET', '/v2/campaigns', (req) => (0, common_1.listResponse)(req, 'campaigns', campaignListSpec, (0, common_1.fromTable)(req.store.campaigns), render_1.renderCampaign));
    router.add('GET', '/v2/campaigns/{campaign_id}', (req) => {
        const id = (0, common_1.pathId)(req, 'campaign_id');
        const campaign = req.store.campaigns.get(id);
        if (!campaign)
            throw (0, apiError_1.notFound)('campaign', id);
        return { status: 200, body: (0, render_1.renderCampaign)(campaign) };
    });
    for (const [segment, recordType] of Object.entries(MODELS)) {
        router.add('GET', `/v2/${segment}/model`, (req) => ({
            status: 200,
            body: { custom_fields: req.store.customFieldsOf(recordType).map(render_1.renderCustomField), optional_properties: [] },
        }));
        router.add('POST', `/v2/${segment}/model/customFields`, (req) => {
            const body = (0, body_1.objectBody)(req.body);
            (0, body_1.allowOnly)(body, ['label', 'options', 'field_type', 'group_id', 'user_group_id']);
            const options = ((0, body_1.optArray)(body, 'options') ?? []).map((o) => String(o?.label ?? ''));
            const field = req.store.createCustomField(recordType, (0, body_1.reqString)(body, 'label'), (0, body_1.reqString)(body, 'field_type'), options);
            if ((0, body_1.optString)(body, 'group_id'))
                field.group_id = (0, body_1.optString)(body, 'group_id');
            return { status: 201, body: (0, render_1.renderCustomField)(field) };
        });
    }
}
//# sourceMappingURL=campaignsAndModels.js.map