/** Notes on contacts: read-only through the emulated API (Keap Vault snapshots them, never writes them). */
import { notFound } from '../apiError';
import type { NoteRecord } from '../records';
import type { AccountTables } from './tables';

/**
 * Keap reads a note through its contact (`/contacts/{contact_id}/notes/{note_id}`): a note that
 * belongs to another contact is as missing as one that does not exist.
 */
export function requireNote(account: AccountTables, id: number, contactId?: number): NoteRecord {
  const record = account.notes.get(id);
  if (!record || (contactId !== undefined && record.contact_id !== contactId)) throw notFound('note', id);
  return record;
}
