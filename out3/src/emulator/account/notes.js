"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requireNote = requireNote;
/** Notes on contacts: read-only through the emulated API (Keap Vault snapshots them, never writes them). */
const apiError_1 = require("../apiError");
/**
 * Keap reads a note through its contact (`/contacts/{contact_id}/notes/{note_id}`): a note that
 * belongs to another contact is as missing as one that does not exist.
 */
function requireNote(account, id, contactId) {
    const record = account.notes.get(id);
    if (!record || (contactId !== undefined && record.contact_id !== contactId))
        throw (0, apiError_1.notFound)('note', id);
    return record;
}
//# sourceMappingURL=notes.js.map