import { withRestoreMarkers } from '../restoreMarkers';
import type { ValidationRule } from '../rule';
import { allInBatches, byIntegerIds } from '../ruleBatches';

export const orderBeforeContact: ValidationRule = {
  id: 'order/before-contact',
  severity: 'warning',
  title: 'Order dated before its contact existed',
  explanation:
    'A contact cannot buy before it exists. This pattern appears when an order was moved to another contact, or when contacts ' +
    'were re-created by an import (new contact, old order dates). Check whether the order belongs to an earlier contact that was lost. ' +
    'Contacts re-created by a Keap Vault restore (they carry its marker) are not reported: Keap dates them the day of the restore ' +
    'while their restored orders rightly keep their original dates.',
  *run({ db, batches }) {
    return yield* withRestoreMarkers(db, ['contacts'], batches, function* () {
      // Driven from the contacts, each looking up its orders in the contact index: fewer look-ups than
      // an order looking up its contact (a contact's row is read once for all its orders), a quarter
      // less CPU. The marker is looked up by the order's contact_id (the same text as c.id) so SQLite
      // tests it only for the orders dated too early, not for every contact.
      const rows = yield* allInBatches<{
        rid: number;
        crid: number;
        id: string;
        order_time: string;
        contact_id: string;
        create_time: string;
      }>(
        db,
        'contacts',
        batches,
        `SELECT o.rowid AS rid, c.rowid AS crid, o.id, o.order_time, o.contact_id, c.create_time
         FROM contacts c CROSS JOIN orders o ON o.contact_id = c.id
         WHERE c.create_time IS NOT NULL AND o.order_time < c.create_time AND c.rowid BETWEEN ? AND ?
           AND NOT EXISTS (SELECT 1 FROM temp.restore_marker m WHERE m.entity = 'contacts' AND m.id = o.contact_id)`,
        [],
        // As when orders drove the join: by order id, ties in the order's rowid order, then (a contact id
        // two contact rows share) in the contact's.
        (a, b) => byIntegerIds<{ id: string }>((r) => r.id)(a, b) || a.rid - b.rid || a.crid - b.crid,
      );
      return rows.map((r) => ({
        entity: 'orders',
        recordId: r.id,
        message: `Order ${r.id} is dated ${r.order_time}, before its contact ${r.contact_id} was created (${r.create_time})`,
        related: [{ entity: 'contacts' as const, id: r.contact_id }],
      }));
    });
  },
};
