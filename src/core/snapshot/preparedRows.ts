/**
 * A page of records as the rows they become: each record's id and indexed columns, and the child
 * rows it carries (an order's items). Computing them needs the parsed records, which only the
 * thread that read the page has; storing them needs none. So a capture prepares rows where it
 * parses and sends only these values, and the JSON text, to the thread that writes the snapshot.
 */
import { ENTITY_DEFS, type SnapshotEntity, type SqlValue } from './entities';

export interface PreparedRows {
  /** Per record: its id, then its columns in the entity's order. */
  own: SqlValue[][];
  /** Per child table: per row, the index of its parent in `own`, its slot in the parent, its id, its columns. */
  children: Array<{ entity: SnapshotEntity; rows: SqlValue[][] }>;
}

export function prepareRows(entity: SnapshotEntity, records: readonly object[]): PreparedRows {
  const def = ENTITY_DEFS[entity];
  const own: SqlValue[][] = [];
  const children = (def.children ?? []).map((c) => ({ entity: c.entity as SnapshotEntity, rows: [] as SqlValue[][] }));
  records.forEach((r, index) => {
    const record = r as Record<string, unknown>;
    own.push([def.idOf(record), ...def.columns.map((c) => c.of(record))]);
    (def.children ?? []).forEach((child, c) => {
      const childDef = ENTITY_DEFS[child.entity];
      child.of(record).forEach((row, slot) => {
        children[c].rows.push([index, slot, childDef.idOf(row, record), ...childDef.columns.map((col) => col.of(row, record))]);
      });
    });
  });
  return { own, children };
}
