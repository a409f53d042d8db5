"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unknownTag = void 0;
const fileRule_1 = require("../fileRule");
exports.unknownTag = {
    id: 'file/unknown-tag',
    severity: 'warning',
    title: 'Contact with a tag the account does not have',
    explanation: "Tags drive Keap's automation: campaigns start, stop and segment on them. Applying a tag id the account does not have fails, " +
        'or is silently dropped, so the contact misses the sequences the tag was meant to start. The id may come from another account ' +
        "or from a tag that was deleted. Use the tag's id from the snapshot, create the tag first, or restore it with Keap Vault.",
    start: ({ snapshot }) => ({
        check(records) {
            const refs = records.flatMap((record) => record.entity === 'contacts' ? (0, fileRule_1.referencesIn)(record.source.record, 'tag_ids').map((ref) => ({ record, ref })) : []);
            const known = snapshot.existingIds('tags', refs.map((r) => r.ref.id));
            return refs
                .filter(({ ref }) => !known.has(ref.id))
                .map(({ record, ref }) => (0, fileRule_1.findingAt)(record, ref.path, `${(0, fileRule_1.describeRecord)(record)} has tag ${(0, fileRule_1.quoteId)(ref.id)}, which is not in the snapshot`, [
                { entity: 'tags', id: ref.id },
            ]));
        },
    }),
};
//# sourceMappingURL=unknownTag.js.map