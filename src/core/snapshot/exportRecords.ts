/**
 * The records an export reads, as JSON text. The captured entities are Keap's records as returned.
 * The derived tables (order_items, subscription_plans, contact_tags) copy data already inline in
 * their parent; each of their records gets its parent's id added under the parent column name
 * (`order_id`, `product_id`, `contact_id`), as the stored JSON alone does not say whose it is.
 */
import type { SnapshotEntity } from './entities';
import { CHILD_OF } from './schema';
import type { SnapshotDb } from './snapshotDb';

/** Each record's JSON, one at a time from the snapshot's cursor. */
export function* recordsOf(db: SnapshotDb, entity: SnapshotEntity): Generator<string> {
  const child = CHILD_OF[entity];
  if (!child) {
    for (const row of db.rows(entity)) yield row.json;
    return;
  }
  // Derived rows' JSON does not name their parent: add its id from the indexed column.
  const { parentColumn } = child;
  for (const row of db.rows(entity, { also: parentColumn })) yield JSON.stringify({ [parentColumn]: row.also, ...JSON.parse(row.json) });
}
