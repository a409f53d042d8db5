import type { KeapContact, KeapTag } from '../../model';
import { listAll, type ListOptions } from '../paging';
import type { ContactWrite, DuplicateOption } from '../requests';
import type { KeapTransport } from '../transport';
import { encodeId, KeapResource } from './resource';

/** Every contact field Keap can return; lists send a smaller default set unless `fields` asks. */
export const ALL_CONTACT_FIELDS = [
  'addresses',
  'anniversary_date',
  'birth_date',
  'company',
  'contact_type',
  'create_time',
  'custom_fields',
  'email_addresses',
  'family_name',
  'fax_numbers',
  'given_name',
  'job_title',
  'leadsource_id',
  'links',
  'middle_name',
  'origin',
  'owner_id',
  'phone_numbers',
  'preferred_locale',
  'preferred_name',
  'prefix',
  'referral_code',
  'score_value',
  'social_accounts',
  'source_type',
  'spouse_name',
  'suffix',
  'tag_ids',
  'time_zone',
  'update_time',
  'utm_parameters',
  'website',
];

export class ContactsResource extends KeapResource<KeapContact, ContactWrite> {
  constructor(transport: KeapTransport) {
    super(transport, '/v2/contacts', 'contacts');
  }

  /**
   * Keap's upsert: with a duplicate option an existing contact that matches is updated (200)
   * instead of a new one being created (201). Safe to repeat, so it is retried like a read.
   */
  async upsert(
    body: ContactWrite,
    duplicateOption: DuplicateOption,
    signal?: AbortSignal,
  ): Promise<{ contact: KeapContact; created: boolean }> {
    const res = await this.transport.request<KeapContact>({
      method: 'POST',
      path: this.path,
      body,
      query: { duplicate_option: duplicateOption },
      idempotent: true,
      signal,
    });
    return { contact: res.data, created: res.status === 201 };
  }

  /** Tags applied to one contact, with when they were applied. */
  tags(contactId: string, options?: ListOptions): AsyncGenerator<{ tag: KeapTag; applied_time?: string }> {
    return listAll(this.transport, `/v2/contacts/${encodeId(contactId)}/tags`, 'tags', options);
  }
}
