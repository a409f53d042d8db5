import type { ValidationRule } from '../rule';
import { rowsWithMissingParent, thenByRowid } from '../missingParents';
import { byIntegerIds } from '../ruleBatches';

export const itemWithoutProduct: ValidationRule = {
  id: 'order-item/missing-product',
  severity: 'warning',
  title: 'Order item pointing at a missing product',
  explanation:
    'Order items keep the product id they were sold with. When that product is deleted, reports by product, commissions and ' +
    'fulfilment lose track of what was sold, and a restore cannot recreate the item faithfully. Restore the product (it is matched ' +
    'by SKU), or accept the item as history.',
  *run({ db, batches }) {
    const rows = (yield* rowsWithMissingParent<{ id: string; order_id: string; product_id: string }>(db, batches, {
      table: 'order_items',
      column: 'product_id',
      parent: 'products',
      select: 'x.id, x.order_id, x.product_id',
      nullIsMissing: false,
    })).sort(
      thenByRowid(
        byIntegerIds(
          (r) => r.order_id,
          (r) => r.id,
        ),
      ),
    );
    return rows.map((r) => ({
      entity: 'order_items',
      recordId: r.id,
      message: `Item ${r.id} of order ${r.order_id} points at product ${r.product_id}, which is not in the account`,
      related: [
        { entity: 'orders', id: r.order_id },
        { entity: 'products', id: r.product_id },
      ],
    }));
  },
};
