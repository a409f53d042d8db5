/**
 * The records an export reads, as JSON text. The captured entities are Keap's records as returned.
 * The derived tables (order_items, subscription_plans, contact_tags) copy data already inline in
 * their parent; each of their records gets its parent's id added under the parent column name
 * (`order_id`, `product_id`, `contact_id`), as the stored JSON alone does not say whose it is.
 */
import { DERIVED_ENTITIES, ENTITY_DEFS, type DerivedEntity, type SnapshotEntity } from './entities';
import type { SnapshotDb } from './snapshotDb';

/** Each record's JSON, one at a time from the snapshot's cursor. */
export function* recordsOf(db: SnapshotDb, entity: SnapshotEntity): Generator<string> {
  if (!(DERIVED_ENTITIES as readonly string[]).includes(entity)) {
    for (const row of db.rows(entity)) yield row.json;
    return;
  }
  // Derived rows' JSON does not name their parent: add its id from the indexed column.
  const parentColumn = parentColumnOf(entity as DerivedEntity);
  for (const row of db.rows(entity, { also: parentColumn })) yield JSON.stringify({ [parentColumn]: row.also, ...JSON.parse(row.json) });
}

function parentColumnOf(entity: DerivedEntity): string {
  for (const def of Object.values(ENTITY_DEFS)) {
    const child = def.children?.find((c) => c.entity === entity);
    if (child) return child.parentColumn;
  }
  // invariant: every DerivedEntity is some entity's child in ENTITY_DEFS.
  throw new Error(`No parent table holds '${entity}'`);
}
