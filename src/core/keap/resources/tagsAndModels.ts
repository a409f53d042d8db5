import type { CustomFieldRecordType, KeapCampaign, KeapCustomField, KeapObjectModel, KeapTag, KeapTaggedContact } from '../../model';
import { listAll, type ListOptions } from '../paging';
import type { CustomFieldCreate, TagWrite } from '../requests';
import type { KeapTransport } from '../transport';
import { encodeId, KeapList, KeapResource } from './resource';

/** Keap accepts at most this many contact ids per applyTags / removeTags call. */
export const TAG_BATCH_SIZE = 1000;

export class TagsResource extends KeapResource<KeapTag, TagWrite> {
  constructor(transport: KeapTransport) {
    super(transport, '/v2/tags', 'tags');
  }

  /** Applies a tag to contacts in batches; Keap reports per-contact results inside a 200. */
  async apply(tagId: string, contactIds: string[]): Promise<Record<string, string>> {
    const results: Record<string, string> = {};
    for (let i = 0; i < contactIds.length; i += TAG_BATCH_SIZE) {
      const res = await this.transport.request<{ results?: Record<string, string> }>({
        method: 'POST',
        path: `/v2/tags/${encodeId(tagId)}/contacts:applyTags`,
        body: { contact_ids: contactIds.slice(i, i + TAG_BATCH_SIZE) },
        idempotent: true, // applying a tag twice changes nothing
      });
      Object.assign(results, res.data?.results ?? {});
    }
    return results;
  }

  async remove(tagId: string, contactIds: string[]): Promise<void> {
    for (let i = 0; i < contactIds.length; i += TAG_BATCH_SIZE) {
      await this.transport.request<void>({
        method: 'POST',
        path: `/v2/tags/${encodeId(tagId)}/contacts:removeTags`,
        body: { contact_ids: contactIds.slice(i, i + TAG_BATCH_SIZE) },
        idempotent: true,
      });
    }
  }

  contacts(tagId: string, options?: ListOptions): AsyncGenerator<KeapTaggedContact> {
    return listAll(this.transport, `/v2/tags/${encodeId(tagId)}/contacts`, 'contacts', options);
  }
}

/** Campaigns are read-only through Keap's REST API. */
export class CampaignsResource extends KeapList<KeapCampaign> {
  constructor(transport: KeapTransport) {
    super(transport, '/v2/campaigns', 'campaigns');
  }

  async get(id: string): Promise<KeapCampaign> {
    return (await this.transport.request<KeapCampaign>({ method: 'GET', path: `/v2/campaigns/${encodeId(id)}` })).data;
  }
}

const MODEL_PATHS: Record<CustomFieldRecordType, string> = {
  CONTACT: '/v2/contacts/model',
  COMPANY: '/v2/companies/model',
  ORDER: '/v2/orders/model',
  SUBSCRIPTION: '/v2/subscriptions/model',
};

/** Custom-field models: where restore keeps its markers (an order custom field holding the old id). */
export class CustomFieldsResource {
  constructor(private readonly transport: KeapTransport) {}

  async model(recordType: CustomFieldRecordType): Promise<KeapObjectModel> {
    return (await this.transport.request<KeapObjectModel>({ method: 'GET', path: MODEL_PATHS[recordType] })).data;
  }

  async create(recordType: CustomFieldRecordType, body: CustomFieldCreate): Promise<KeapCustomField> {
    return (
      await this.transport.request<KeapCustomField>({
        method: 'POST',
        path: `${MODEL_PATHS[recordType]}/customFields`,
        body,
        verify: async () => (await this.model(recordType)).custom_fields.find((f) => f.label === body.label),
      })
    ).data;
  }

  /** The field with this label, created when the account lacks it. */
  async ensure(recordType: CustomFieldRecordType, body: CustomFieldCreate): Promise<{ field: KeapCustomField; created: boolean }> {
    const existing = (await this.model(recordType)).custom_fields.find((f) => f.label === body.label);
    if (existing) return { field: existing, created: false };
    return { field: await this.create(recordType, body), created: true };
  }
}
