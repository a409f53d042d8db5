/**
 * Custom fields: the account's own fields on contacts, companies, orders and subscriptions. Keap
 * has no list of them, only each record type's model, so one "page" is the four models together.
 */
import type { KeapClient } from '../keap/client';
import type { Page } from '../keap/paging';
import type { CustomFieldRecordType, KeapCustomField } from '../model';
import { byId, defineEntity, plainLabel, text, type Json } from './define';

/** The record types a read of custom fields reads the model of (all that take custom fields). */
export const MODEL_TYPES: readonly CustomFieldRecordType[] = ['CONTACT', 'COMPANY', 'ORDER', 'SUBSCRIPTION'];

async function* modelPages(client: KeapClient): AsyncGenerator<Page<Json>> {
  const fields: Json[] = [];
  for (const type of MODEL_TYPES) {
    const model = await client.customFields.model(type);
    fields.push(...model.custom_fields.map((f) => ({ ...f, record_type: f.record_type ?? type })));
  }
  yield { items: fields };
}

export const customFields = defineEntity({
  name: 'custom_fields',
  noun: { one: 'custom field', many: 'custom fields' },
  pages: (client) => modelPages(client),
  // Keap keeps labels unique per record type.
  naturalKey: { name: 'label', of: (r) => (r.label ? [`${String(r.record_type)}:${String(r.label)}`] : []) },
  table: {
    name: 'custom_fields',
    idOf: byId,
    columns: [text('record_type', (r) => (r as unknown as KeapCustomField).record_type, true), text('label', (r) => r.label)],
  },
  label: plainLabel,
  explorerRank: 100,
});
