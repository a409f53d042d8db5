/**
 * Which of a file's references exist in the snapshot: indexed lookups of just the ids the file
 * names (never a load of every row), batched and remembered, so that rules sharing a table ask once.
 */
import type { SnapshotDb } from '../../snapshot/snapshotDb';
import { detachedText } from './detachedText';

/** The tables and columns file rules look up; nothing else reaches the SQL text. */
const COLUMNS = {
  contacts: ['id'],
  products: ['id', 'sku'],
  orders: ['id'],
  tags: ['id'],
} as const;

export type LookupTable = keyof typeof COLUMNS;
type LookupColumn<T extends LookupTable> = (typeof COLUMNS)[T][number];

/** SQLite's default limit on bound parameters is 999 in older builds; stay well under it. */
const BATCH = 500;

export class SnapshotLookup {
  private readonly known = new Map<string, Map<string, boolean>>();

  constructor(private readonly db: SnapshotDb) {}

  /**
   * The ids among `ids` that the table holds. `remember: false` for ids asked about once (a file's
   * own record ids): remembering them would make memory grow with the file, not with its references.
   */
  existingIds(table: LookupTable, ids: Iterable<string>, options: { remember?: boolean } = {}): Set<string> {
    return this.existing(table, 'id', ids, options.remember ?? true);
  }

  /** The SKUs among `skus` some product has. */
  existingSkus(skus: Iterable<string>): Set<string> {
    return this.existing('products', 'sku', skus, true);
  }

  private existing<T extends LookupTable>(table: T, column: LookupColumn<T>, values: Iterable<string>, remember: boolean): Set<string> {
    // invariant: `column` is typed LookupColumn<T>; only a cast in a caller could name another one.
    if (!(COLUMNS[table] as readonly string[]).includes(column)) throw new Error(`No lookup of ${table}.${column}`);
    const key = `${table}.${column}`;
    const known = (remember && this.known.get(key)) || new Map<string, boolean>();
    if (remember) this.known.set(key, known);
    const wanted = [...new Set(values)];
    const unknown = wanted.filter((v) => !known.has(v));
    for (let i = 0; i < unknown.length; i += BATCH) {
      const batch = unknown.slice(i, i + BATCH);
      for (const v of batch) known.set(remember ? detachedText(v) : v, false);
      const rows = this.db.all<{ v: string }>(
        `SELECT DISTINCT ${column} AS v FROM ${table} WHERE ${column} IN (${batch.map(() => '?').join(', ')})`,
        batch,
      );
      for (const row of rows) known.set(String(row.v), true);
    }
    return new Set(wanted.filter((v) => known.get(v)));
  }
}
