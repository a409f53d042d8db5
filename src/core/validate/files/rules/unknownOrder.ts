import type { SnapshotEntity } from '../../../snapshot/entities';
import { describeRecord, findingAt, quoteId, referenceAt, referencesIn, type FileRule } from '../fileRule';

/** Keap's transactions have the same shape as payments. */
const PAYING: readonly SnapshotEntity[] = ['payments', 'transactions'];

export const unknownOrder: FileRule = {
  id: 'file/unknown-order',
  severity: 'error',
  title: 'Payment for an order that is neither in the account nor in the file',
  explanation:
    'A payment is money received against an order (`order_id` or `order_ids`). A payment for an order that does not exist is money ' +
    'accounting cannot place, and Keap cannot delete payments once they are recorded. The order may be from another account, may ' +
    "have been deleted, or may be missing from this import. Add the order to the file, use the order's id from the snapshot, or " +
    'restore the order first with Keap Vault so that the payment lands on it.',
  check({ records, snapshot }) {
    const inFile = new Set(records.filter((r) => r.entity === 'orders' && r.id !== undefined).map((r) => r.id as string));
    const refs = records.flatMap((record) => {
      if (!PAYING.includes(record.entity)) return [];
      const single = referenceAt(record.source.record, ['order_id']);
      return [...(single ? [single] : []), ...referencesIn(record.source.record, 'order_ids')].map((ref) => ({ record, ref }));
    });
    const known = snapshot.existingIds(
      'orders',
      refs.filter((r) => !inFile.has(r.ref.id)).map((r) => r.ref.id),
    );
    return refs
      .filter(({ ref }) => !inFile.has(ref.id) && !known.has(ref.id))
      .map(({ record, ref }) =>
        findingAt(
          record,
          ref.path,
          `${describeRecord(record)} is for order ${quoteId(ref.id)}, which is neither in the snapshot nor in this file`,
          [{ entity: 'orders', id: ref.id }],
        ),
      );
  },
};
