"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.contactWithoutCompany = void 0;
exports.contactWithoutCompany = {
    id: 'contact/missing-company',
    severity: 'warning',
    title: 'Contact pointing at a missing company',
    explanation: 'A contact linked to a company that no longer exists loses its company in invoices and reports. Restore the company, which ' +
        'gets a new id, and re-link the contact through the id map.',
    run({ db }) {
        return db
            .all(`SELECT c.id, c.company_id FROM contacts c LEFT JOIN companies k ON k.id = c.company_id
       WHERE c.company_id IS NOT NULL AND k.id IS NULL ORDER BY CAST(c.id AS INTEGER)`)
            .map((r) => ({
            entity: 'contacts',
            recordId: r.id,
            message: `Contact ${r.id} belongs to company ${r.company_id}, which is not in the account`,
            related: [{ entity: 'companies', id: r.company_id }],
        }));
    },
};
//# sourceMappingURL=contactWithoutCompany.js.map