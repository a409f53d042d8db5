/** Tags and their assignment to contacts: names unique regardless of case, bulk results inside a 200. */
import { badRequest, EmulatorApiError, notFound } from '../apiError';
import type { TagRecord } from '../records';
import { stripUndefined } from './patch';
import type { AccountTables } from './tables';

export interface TagFields {
  name?: string;
  description?: string;
  category_id?: number;
}

export function createTag(account: AccountTables, fields: TagFields & { name: string }): TagRecord {
  if (!fields.name?.trim()) throw badRequest('name is required');
  checkTagNameFree(account, fields.name);
  const now = account.nowIso();
  return account.tags.insert({
    ...fields,
    name: fields.name.slice(0, 255),
    id: account.tags.allocateId(),
    create_time: now,
    update_time: now,
  });
}

export function updateTag(account: AccountTables, id: number, patch: TagFields): TagRecord {
  const tag = requireTag(account, id);
  if (patch.name !== undefined && patch.name !== tag.name) checkTagNameFree(account, patch.name);
  Object.assign(tag, stripUndefined(patch));
  tag.update_time = account.nowIso();
  return tag;
}

export function deleteTag(account: AccountTables, id: number): void {
  requireTag(account, id);
  account.tags.delete(id);
  for (const applied of account.contactTags.values()) applied.delete(id);
}

export function requireTag(account: AccountTables, id: number): TagRecord {
  const record = account.tags.get(id);
  if (!record) throw notFound('tag', id);
  return record;
}

/** Like Keap: one result per contact, failures reported inside a 200. */
export function applyTag(account: AccountTables, tagId: number, contactIds: number[]): Record<string, string> {
  requireTag(account, tagId);
  const results: Record<string, string> = {};
  const now = account.nowIso();
  for (const contactId of contactIds) {
    if (!account.contacts.has(contactId)) {
      results[String(contactId)] = 'CONTACT_NOT_FOUND';
      continue;
    }
    let applied = account.contactTags.get(contactId);
    if (!applied) account.contactTags.set(contactId, (applied = new Map()));
    if (applied.has(tagId)) results[String(contactId)] = 'DUPLICATE';
    else {
      applied.set(tagId, now);
      results[String(contactId)] = 'SUCCESS';
    }
  }
  return results;
}

export function removeTag(account: AccountTables, tagId: number, contactIds: number[]): void {
  requireTag(account, tagId);
  for (const contactId of contactIds) account.contactTags.get(contactId)?.delete(tagId);
}

export function tagIdsOf(account: AccountTables, contactId: number): number[] {
  return [...(account.contactTags.get(contactId)?.keys() ?? [])].sort((a, b) => a - b);
}

function checkTagNameFree(account: AccountTables, name: string): void {
  const lower = name.toLowerCase();
  for (const t of account.tags.values()) {
    if (t.name.toLowerCase() === lower) throw new EmulatorApiError(409, `A tag named '${name}' already exists (id ${t.id})`);
  }
}
