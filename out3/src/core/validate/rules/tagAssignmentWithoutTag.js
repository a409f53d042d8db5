"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tagAssignmentWithoutTag = void 0;
exports.tagAssignmentWithoutTag = {
    id: 'contact-tag/missing-tag',
    severity: 'warning',
    title: 'Contact tagged with a tag that does not exist',
    explanation: "Tags drive Keap's automations and segments. A contact carrying a tag id that no longer exists will not be found by anything " +
        'that looks for the tag, and re-creating the tag gives it a new id. Restore the tag (it is matched by name) and re-apply it.',
    run({ db }) {
        return db
            .all(`SELECT ct.id, ct.contact_id, ct.tag_id FROM contact_tags ct LEFT JOIN tags t ON t.id = ct.tag_id WHERE t.id IS NULL ORDER BY ct.rowid`)
            .map((r) => ({
            entity: 'contact_tags',
            recordId: r.id,
            message: `Contact ${r.contact_id} carries tag ${r.tag_id}, which is not in the account`,
            related: [
                { entity: 'contacts', id: r.contact_id },
                { entity: 'tags', id: r.tag_id },
            ],
        }));
    },
};
//# sourceMappingURL=tagAssignmentWithoutTag.js.map