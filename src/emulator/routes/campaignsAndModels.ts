import { notFound } from '../apiError';
import { allowOnly, objectBody, optArray, optString, reqString } from '../http/body';
import type { Router } from '../http/router';
import type { ListSpec } from '../listing';
import type { CampaignRecord, CustomFieldRecordType } from '../records';
import { renderCampaign, renderCustomField } from '../render';
import { fromTable, listResponse, pathId } from './common';

const campaignListSpec: ListSpec<CampaignRecord> = {
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
const MODELS: Record<string, CustomFieldRecordType> = {
  contacts: 'CONTACT',
  companies: 'COMPANY',
  orders: 'ORDER',
  subscriptions: 'SUBSCRIPTION',
};

export function registerCampaignAndModelRoutes(router: Router): void {
  // Campaigns are read-only through Keap's REST API.
  router.add('GET', '/v2/campaigns', (req) =>
    listResponse(req, 'campaigns', campaignListSpec, fromTable(req.store.campaigns), renderCampaign),
  );
  router.add('GET', '/v2/campaigns/{campaign_id}', (req) => {
    const id = pathId(req, 'campaign_id');
    const campaign = req.store.campaigns.get(id);
    if (!campaign) throw notFound('campaign', id);
    return { status: 200, body: renderCampaign(campaign) };
  });

  for (const [segment, recordType] of Object.entries(MODELS)) {
    router.add('GET', `/v2/${segment}/model`, (req) => ({
      status: 200,
      body: { custom_fields: req.store.customFieldsOf(recordType).map(renderCustomField), optional_properties: [] },
    }));
    router.add('POST', `/v2/${segment}/model/customFields`, (req) => {
      const body = objectBody(req.body);
      allowOnly(body, ['label', 'options', 'field_type', 'group_id', 'user_group_id']);
      const options = (optArray(body, 'options') ?? []).map((o) => String((o as { label?: unknown })?.label ?? ''));
      const field = req.store.createCustomField(recordType, reqString(body, 'label'), reqString(body, 'field_type'), options);
      if (optString(body, 'group_id')) field.group_id = optString(body, 'group_id');
      return { status: 201, body: renderCustomField(field) };
    });
  }
}
