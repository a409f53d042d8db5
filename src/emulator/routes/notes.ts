/**
 * Keap's notes, read-only: `GET /v2/notes` (every note in the account) and a note read through its
 * contact, `GET /v2/contacts/{contact_id}/notes/{note_id}` (Keap's description has no `/v2/notes/{id}`).
 */
import { badRequest } from '../apiError';
import type { Router } from '../http/router';
import { ALL_OPS, type ListSpec } from '../listing';
import type { NoteRecord } from '../records';
import { renderNote } from '../render';
import { fromTable, listResponse, pathId, requestedFields } from './common';

const OPTIONAL_FIELDS = ['custom_fields'];

const noteListSpec: ListSpec<NoteRecord> = {
  resource: 'notes',
  filters: {
    id: { type: { kind: 'number' }, ops: ALL_OPS, get: (n) => n.id },
    ids: { type: { kind: 'list' }, get: (n) => n.id },
    title: { type: { kind: 'text', wildcard: true, contains: true }, get: (n) => n.title },
    contact_id: { type: { kind: 'text' }, get: (n) => String(n.contact_id) },
    // "Updated since / until", as Keap's other lists use since_time and until_time.
    since_time: { type: { kind: 'since' }, get: (n) => n.update_time },
    until_time: { type: { kind: 'until' }, get: (n) => n.update_time },
  },
  orderBy: { create_time: (n) => n.create_time, update_time: (n) => n.update_time },
};

/** Keap refuses `id` and `ids` in one filter (they would contradict each other). */
function checkIdFilters(filter: string | null): void {
  const names = (filter ?? '').split(';').map((clause) => /^\s*([A-Za-z0-9_]+)/.exec(clause)?.[1]);
  if (names.includes('id') && names.includes('ids')) throw badRequest("Filter fields 'id' and 'ids' cannot be combined");
}

function withCustomFields(query: URLSearchParams): boolean {
  return requestedFields(query, OPTIONAL_FIELDS)?.includes('custom_fields') ?? false;
}

export function registerNoteRoutes(router: Router): void {
  router.add('GET', '/v2/notes', (req) => {
    checkIdFilters(req.query.get('filter'));
    const custom = withCustomFields(req.query);
    return listResponse(req, 'notes', noteListSpec, fromTable(req.store.notes), (n) => renderNote(n, custom));
  });
  router.add('GET', '/v2/contacts/{contact_id}/notes/{note_id}', (req) => {
    const contactId = pathId(req, 'contact_id');
    req.store.requireContact(contactId);
    const note = req.store.requireNote(pathId(req, 'note_id'), contactId);
    return { status: 200, body: renderNote(note, withCustomFields(req.query)) };
  });
}
