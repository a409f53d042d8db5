/**
 * How a snapshot's tables sit in SQLite, by format.
 *
 * Format 1: a table per entity with Keap's JSON as text beside the indexed columns; a child row
 * (an order's item, a contact's tag) carried a second copy of its part of the parent's JSON.
 *
 * Format 2: a table `<entity>_rows` holds only the id and the indexed columns, plus where the JSON
 * is: (blk, slot) in `record_blocks` for a record Keap sent, (prow, slot) for a child row, which
 * is rebuilt from its parent's JSON. A temporary view named after the entity puts the `json`
 * column back (computed only when a query reads it), so every query reads both formats alike.
 * Indexes are built after a bulk load: SQLite then writes them packed and in one pass.
 */
import { ENTITY_DEFS, SNAPSHOT_ENTITIES, type EntityDef, type SnapshotEntity } from './entities';
import { RECORD_BLOCKS_SQL } from './recordBlocks';

export type FormatVersion = 1 | 2;
export const CURRENT_FORMAT: FormatVersion = 2;

export const META_SQL = 'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)';

/** SQL functions the format 2 views call (registered by SnapshotDb). */
export const RECORD_JSON_FUNCTION = 'kv_record_json';
export const CHILD_JSON_FUNCTION = 'kv_child_json';

/** The parent a child entity's rows come from, and how. */
export interface ChildOf {
  parent: SnapshotEntity;
  parentColumn: string;
  rowsOf: NonNullable<EntityDef['children']>[number]['of'];
}

export const CHILD_OF: Partial<Record<SnapshotEntity, ChildOf>> = Object.fromEntries(
  SNAPSHOT_ENTITIES.flatMap((parent) =>
    (ENTITY_DEFS[parent].children ?? []).map((c) => [c.entity, { parent, parentColumn: c.parentColumn, rowsOf: c.of }]),
  ),
);

/** The table an entity's rows are written to. */
export function rowTable(entity: SnapshotEntity, version: FormatVersion): string {
  return version === 1 ? entity : `${entity}_rows`;
}

export function tableSql(entity: SnapshotEntity, version: FormatVersion): string {
  const columns = ENTITY_DEFS[entity].columns.map((c) => `, ${c.name} ${c.type}`).join('');
  if (version === 1) return `CREATE TABLE ${entity} (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, json TEXT NOT NULL${columns})`;
  const place = CHILD_OF[entity] ? 'prow INTEGER NOT NULL, slot INTEGER NOT NULL' : 'blk INTEGER NOT NULL, slot INTEGER NOT NULL';
  return `CREATE TABLE ${rowTable(entity, 2)} (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL${columns}, ${place})`;
}

export function indexSql(entity: SnapshotEntity, version: FormatVersion): string[] {
  const table = rowTable(entity, version);
  return [
    `CREATE INDEX IF NOT EXISTS ${table}_id ON ${table}(id)`,
    ...ENTITY_DEFS[entity].columns
      .filter((c) => c.indexed)
      .map((c) => `CREATE INDEX IF NOT EXISTS ${table}_${c.name} ON ${table}(${c.name})`),
  ];
}

/**
 * Format 2: the entity under its own name, with its JSON. A column the file's table lacks (added
 * after the file was written, see `has`) reads NULL, so queries run unchanged on older files.
 */
export function viewSql(entity: SnapshotEntity, has: (column: string) => boolean = () => true): string {
  const columns = ENTITY_DEFS[entity].columns.map((c) => (has(c.name) ? `, ${c.name}` : `, NULL AS ${c.name}`)).join('');
  const json = CHILD_OF[entity] ? `${CHILD_JSON_FUNCTION}('${entity}', prow, slot)` : `${RECORD_JSON_FUNCTION}(blk, slot)`;
  return `CREATE TEMP VIEW IF NOT EXISTS ${entity} AS SELECT rowid, id${columns}, ${json} AS json FROM main.${rowTable(entity, 2)}`;
}

/** A new, empty format 2 snapshot's tables (indexes come after the load). */
export function emptySchemaSql(): string[] {
  return [META_SQL, ...RECORD_BLOCKS_SQL, ...SNAPSHOT_ENTITIES.map((e) => tableSql(e, 2))];
}
