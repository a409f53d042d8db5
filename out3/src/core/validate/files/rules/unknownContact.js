"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unknownContact = void 0;
const fileRule_1 = require("../fileRule");
/** Records that belong to a contact. Keap's transactions have the same shape as payments. */
const OWNED = ['orders', 'subscriptions', 'payments', 'transactions'];
exports.unknownContact = {
    id: 'file/unknown-contact',
    severity: 'error',
    title: 'Record for a contact the account does not have',
    explanation: 'Orders, subscriptions and payments each belong to a contact, named by `contact_id` (or `contact.id`). Keap refuses to create one ' +
        'for a contact it does not have, and an import that gets past that leaves a record nobody can be invoiced or credited for. The id ' +
        'may come from another account, or from a contact that was deleted or re-created (a re-created contact has a new id). Use the ' +
        "contact's current id from the snapshot, or restore the contact first with Keap Vault so that the id map re-links its records.",
    start: ({ snapshot }) => ({
        check(records) {
            const refs = records.flatMap((record) => {
                if (!OWNED.includes(record.entity))
                    return [];
                const ref = (0, fileRule_1.referenceAt)(record.source.record, ['contact_id', 'contact.id']);
                return ref ? [{ record, ref }] : [];
            });
            const known = snapshot.existingIds('contacts', refs.map((r) => r.ref.id));
            return refs
                .filter(({ ref }) => !known.has(ref.id))
                .map(({ record, ref }) => (0, fileRule_1.findingAt)(record, ref.path, `${(0, fileRule_1.describeRecord)(record)} is for contact ${(0, fileRule_1.quoteId)(ref.id)}, which is not in the snapshot`, [
                { entity: 'contacts', id: ref.id },
            ]));
        },
    }),
};
//# sourceMappingURL=unknownContact.js.map