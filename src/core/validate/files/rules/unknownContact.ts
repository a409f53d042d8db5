import type { SnapshotEntity } from '../../../snapshot/entities';
import { describeRecord, findingAt, quoteId, referenceAt, type FileRule } from '../fileRule';

/** Records that belong to a contact. Keap's transactions have the same shape as payments. */
const OWNED: readonly SnapshotEntity[] = ['orders', 'subscriptions', 'payments', 'transactions'];

export const unknownContact: FileRule = {
  id: 'file/unknown-contact',
  severity: 'error',
  title: 'Record for a contact the account does not have',
  explanation:
    'Orders, subscriptions and payments each belong to a contact, named by `contact_id` (or `contact.id`). Keap refuses to create one ' +
    'for a contact it does not have, and an import that gets past that leaves a record nobody can be invoiced or credited for. The id ' +
    'may come from another account, or from a contact that was deleted or re-created (a re-created contact has a new id). Use the ' +
    "contact's current id from the snapshot, or restore the contact first with Keap Vault so that the id map re-links its records.",
  start: ({ snapshot }) => ({
    check(records) {
      const refs = records.flatMap((record) => {
        if (!OWNED.includes(record.entity)) return [];
        const ref = referenceAt(record.source.record, ['contact_id', 'contact.id']);
        return ref ? [{ record, ref }] : [];
      });
      const known = snapshot.existingIds(
        'contacts',
        refs.map((r) => r.ref.id),
      );
      return refs
        .filter(({ ref }) => !known.has(ref.id))
        .map(({ record, ref }) =>
          findingAt(record, ref.path, `${describeRecord(record)} is for contact ${quoteId(ref.id)}, which is not in the snapshot`, [
            { entity: 'contacts', id: ref.id },
          ]),
        );
    },
  }),
};
