/**
 * What a snapshot holds: one table per entity with Keap's raw JSON plus indexed columns for the id
 * and every reference, so validation and restore can join in SQL without parsing JSON. The tables
 * come from the entity modules (src/core/entities); this is the snapshot's view of them.
 */
import { ENTITY_MODULES, type DerivedEntity, type SnapshotEntity } from '../entities';
import type { ColumnDef, Json } from '../entities/define';

export {
  CAPTURED_ENTITIES,
  DERIVED_ENTITIES,
  SNAPSHOT_ENTITIES,
  type CapturedEntity,
  type DerivedEntity,
  type SnapshotEntity,
} from '../entities';
export { primaryEmail } from '../entities/contacts';
export type { ColumnDef, SqlValue } from '../entities/define';

export interface EntityDef {
  name: SnapshotEntity;
  /** The record's id as Keap gives it; synthetic for records Keap gives none. */
  idOf(record: Json, parent?: Json): string;
  columns: ColumnDef[];
  /** Child rows carried inside this record's JSON. */
  children?: Array<{ entity: DerivedEntity; parentColumn: string; of(record: Json): Json[] }>;
}

export const ENTITY_DEFS = Object.fromEntries(
  ENTITY_MODULES.flatMap((m) => {
    const children = (m.children ?? []).map((c) => ({ ...c, name: c.name as SnapshotEntity }));
    const own: EntityDef = {
      name: m.name,
      idOf: m.table.idOf,
      columns: m.table.columns,
      children: children.length
        ? children.map((c) => ({ entity: c.name as DerivedEntity, parentColumn: c.parentColumn, of: c.rowsOf }))
        : undefined,
    };
    return [[m.name, own], ...children.map((c) => [c.name, { name: c.name, idOf: c.idOf, columns: c.columns } satisfies EntityDef])];
  }),
) as Record<SnapshotEntity, EntityDef>;
