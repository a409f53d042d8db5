"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotesResource = void 0;
const resource_1 = require("./resource");
/** `GET /v2/notes`: every contact's notes in one list (filters: contact_id, since_time, ids…), read only. */
class NotesResource extends resource_1.KeapList {
    constructor(transport) {
        super(transport, '/v2/notes', 'notes');
    }
}
exports.NotesResource = NotesResource;
//# sourceMappingURL=notes.js.map