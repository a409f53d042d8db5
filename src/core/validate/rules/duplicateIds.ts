import { UNIQUE_ID_ENTITIES } from '../../entities';
import type { ValidationRule } from '../rule';

export const duplicateIds: ValidationRule = {
  id: 'entity/duplicate-id',
  severity: 'error',
  title: 'The same id appears more than once',
  explanation:
    'Keap ids identify exactly one record; an order id that appears twice means two different orders claim the same Order ID, ' +
    'so payments, invoices and integrations that key on it can land on the wrong one. This usually comes from merging exports or ' +
    're-importing data. Keep the record Keap holds under that id and re-create the other through a restore, which gives it a new id.',
  run({ db }) {
    return UNIQUE_ID_ENTITIES.flatMap((entity) =>
      db.all<{ id: string; n: number }>(`SELECT id, COUNT(*) AS n FROM ${entity} GROUP BY id HAVING COUNT(*) > 1 ORDER BY id`).map((r) => ({
        entity,
        recordId: r.id,
        message: `${entity} id ${r.id} appears ${r.n} times`,
        related: [],
      })),
    );
  },
};
