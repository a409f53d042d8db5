import type { ValidationRule } from '../rule';
import { allInBatches, byIntegerIds } from '../ruleBatches';

export const subscriptionWithoutParent: ValidationRule = {
  id: 'subscription/orphan',
  severity: 'error',
  title: 'Subscription whose contact or product is missing',
  explanation:
    "A subscription bills a contact for a product's plan. Without its contact it bills no one; without its product it bills for " +
    'something that is no longer sold. Restore the missing contact or product, or deactivate the subscription.',
  *run({ db, batches }) {
    const rows = yield* allInBatches<{
      id: string;
      contact_id: string | null;
      product_id: string | null;
      has_contact: number;
      has_product: number;
    }>(
      db,
      'subscriptions',
      batches,
      `SELECT s.id, s.contact_id, s.product_id, c.id IS NOT NULL AS has_contact, p.id IS NOT NULL AS has_product
       FROM subscriptions s LEFT JOIN contacts c ON c.id = s.contact_id LEFT JOIN products p ON p.id = s.product_id
       WHERE (c.id IS NULL OR p.id IS NULL) AND s.rowid BETWEEN ? AND ?`,
      [],
      byIntegerIds((r) => r.id),
    );
    return rows.map((r) => {
      const missing = [!r.has_contact && `contact ${r.contact_id}`, !r.has_product && `product ${r.product_id}`]
        .filter(Boolean)
        .join(' and ');
      return {
        entity: 'subscriptions',
        recordId: r.id,
        message: `Subscription ${r.id} refers to ${missing}, not in the account`,
        related: [
          ...(!r.has_contact && r.contact_id ? [{ entity: 'contacts' as const, id: r.contact_id }] : []),
          ...(!r.has_product && r.product_id ? [{ entity: 'products' as const, id: r.product_id }] : []),
        ],
      };
    });
  },
};
