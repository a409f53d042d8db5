import type { ValidationRule } from '../rule';
import { allInBatches, byIntegerIds } from '../ruleBatches';

export const contactWithoutCompany: ValidationRule = {
  id: 'contact/missing-company',
  severity: 'warning',
  title: 'Contact pointing at a missing company',
  explanation:
    'A contact linked to a company that no longer exists loses its company in invoices and reports. Restore the company, which ' +
    'gets a new id, and re-link the contact through the id map.',
  *run({ db, batches }) {
    // A rowid range of contacts at a time (company_id has no index: no other query searches it).
    const rows = yield* allInBatches<{ id: string; company_id: string }>(
      db,
      'contacts',
      batches,
      `SELECT c.id, c.company_id FROM contacts c LEFT JOIN companies k ON k.id = c.company_id
       WHERE c.company_id IS NOT NULL AND k.id IS NULL AND c.rowid BETWEEN ? AND ?`,
      [],
      byIntegerIds((r) => r.id),
    );
    return rows.map((r) => ({
      entity: 'contacts',
      recordId: r.id,
      message: `Contact ${r.id} belongs to company ${r.company_id}, which is not in the account`,
      related: [{ entity: 'companies', id: r.company_id }],
    }));
  },
};
