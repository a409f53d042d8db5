"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerNoteRoutes = registerNoteRoutes;
/**
 * Keap's notes, read-only: `GET /v2/notes` (every note in the account) and a note read through its
 * contact, `GET /v2/contacts/{contact_id}/notes/{note_id}` (Keap's description has no `/v2/notes/{id}`).
 */
const apiError_1 = require("../apiError");
const listing_1 = require("../listing");
const render_1 = require("../render");
const common_1 = require("./common");
const OPTIONAL_FIELDS = ['custom_fields'];
const noteListSpec = {
    resource: 'notes',
    filters: {
        id: { type: { kind: 'number' }, ops: listing_1.ALL_OPS, get: (n) => n.id },
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
function checkIdFilters(filter) {
    const names = (filter ?? '').split(';').map((clause) => /^\s*([A-Za-z0-9_]+)/.exec(clause)?.[1]);
    if (names.includes('id') && names.includes('ids'))
        throw (0, apiError_1.badRequest)("Filter fields 'id' and 'ids' cannot be combined");
}
function withCustomFields(query) {
    return (0, common_1.requestedFields)(query, OPTIONAL_FIELDS)?.includes('custom_fields') ?? false;
}
function registerNoteRoutes(router) {
    router.add('GET', '/v2/notes', (req) => {
        checkIdFilters(req.query.get('filter'));
        const custom = withCustomFields(req.query);
        return (0, common_1.listResponse)(req, 'notes', noteListSpec, (0, common_1.fromTable)(req.store.notes), (n) => (0, render_1.renderNote)(n, custom));
    });
    router.add('GET', '/v2/contacts/{contact_id}/notes/{note_id}', (req) => {
        const contactId = (0, common_1.pathId)(req, 'contact_id');
        req.store.requireContact(contactId);
        const note = req.store.requireNote((0, common_1.pathId)(req, 'note_id'), contactId);
        return { status: 200, body: (0, render_1.renderNote)(note, withCustomFields(req.query)) };
    });
}
//# sourceMappingURL=notes.js.map