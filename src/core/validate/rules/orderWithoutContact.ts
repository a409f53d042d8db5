import type { ValidationRule } from '../rule';
import { rowsWithMissingParent, thenByRowid } from '../missingParents';
import { byIntegerIds } from '../ruleBatches';

export const orderWithoutContact: ValidationRule = {
  id: 'order/orphan-contact',
  severity: 'error',
  title: 'Order whose contact is missing',
  explanation:
    'Every Keap order belongs to a contact. An order whose contact no longer exists cannot be invoiced, reported on or credited ' +
    'to anyone, and a restore that re-creates the contact gives it a new id the order does not point to. Restore the contact from ' +
    'a snapshot with Keap Vault so that the order is re-linked through the id map.',
  *run({ db, batches }) {
    const rows = (yield* rowsWithMissingParent<{ id: string; contact_id: string | null }>(db, batches, {
      table: 'orders',
      column: 'contact_id',
      parent: 'contacts',
      select: 'x.id, x.contact_id',
      nullIsMissing: true,
    })).sort(thenByRowid(byIntegerIds((r) => r.id)));
    return rows.map((r) => ({
      entity: 'orders',
      recordId: r.id,
      message: r.contact_id
        ? `Order ${r.id} belongs to contact ${r.contact_id}, which is not in the account`
        : `Order ${r.id} has no contact`,
      related: r.contact_id ? [{ entity: 'contacts', id: r.contact_id }] : [],
    }));
  },
};
