/**
 * What changed between two snapshots, per entity and record id.
 *
 * Each entity is a merge-join of two cursors ordered by id (the id index gives that order without a
 * sort), so memory is bounded by the ids reported, never by the records. Records present in both
 * are compared as JSON text first; only when the text differs are both parsed and compared field
 * by field.
 *
 * Rules a reader of the result should know:
 * - Field paths are dotted (`total.amount`), arrays by index (`order_items[1].quantity`), keys that
 *   are not identifiers quoted (`custom["a.b"]`). Arrays are compared index by index: an item
 *   inserted at the front shows as every later index changed, which is what a user reading an
 *   order's items expects (position is how Keap shows them).
 * - `before`/`after` of a FieldChange is `undefined` when the field is absent on that side (JSON
 *   output then omits the member). A whole subtree is reported once when it is absent on one side
 *   or changes type.
 * - Derived tables (order_items, subscription_plans, contact_tags) are compared as entities of their
 *   own, so a changed order item shows under `orders` (`order_items[i]…`) and under `order_items`.
 *   Totals add every table's rows.
 * - Ids are not unique by schema: duplicates of one id are paired in stored order, and any left over
 *   count as added or removed, so `before = removed + changed + unchanged + restored` and
 *   `after = added + changed + unchanged + restored + markerFields` always hold.
 * - Restores: Keap gives a restored record a new id. A record only in A whose restore is in B (by
 *   the restore marker in B's record, or by the caller's id map) is neither removed nor added: the
 *   pair is compared through the restore's projection (restoredView.ts), references mapped to B's
 *   ids, and counted as restored, or as changed (with `newId`) when the projections differ.
 *   Derived records follow their parents (restoreMatch.ts). The custom fields a restore adds to
 *   carry its markers are listed as `markerFields`, not as added.
 * - Nothing is ignored unless the caller says so; VOLATILE_FIELDS is the list the CLI ignores by
 *   default.
 *
 * This module is the entry point and the per-entity loop; the parts live beside it: diffTypes.ts
 * (the result's shape), diffMerge.ts (reading the two sides in id order), diffFields.ts (field
 * comparison and ignore patterns), diffRestores.ts (pairing records restored under new ids) and
 * idOrder.ts (the id orders). Everything is re-exported here, so callers import from './diff'.
 */
import { compileIgnore, fieldChanges, type IgnoreRules } from './diffFields';
import { IdCursor, mergeById } from './diffMerge';
import { settleRestores } from './diffRestores';
import type { EntityDiff, SnapshotDiff, SnapshotSide } from './diffTypes';
import { SNAPSHOT_ENTITIES, type SnapshotEntity } from './entities';
import { SnapshotQueryError } from './errors';
import { compareIdsNaturally } from './idOrder';
import type { RestoredId } from './restoreMatch';
import type { SnapshotDb, SnapshotMeta } from './snapshotDb';

export type { RestoredId } from './restoreMatch';
export type { EntityDiff, FieldChange, RecordChange, RestoredRecord, SnapshotDiff, SnapshotSide } from './diffTypes';
export { formatPath, parsePath } from './diffFields';
export { compareIds, compareIdsNaturally } from './idOrder';

export interface DiffOptions {
  /** Only these entities (default all, in SNAPSHOT_ENTITIES order). */
  entities?: SnapshotEntity[];
  /**
   * Field paths to ignore, with their subtrees. A bare key (`update_time`) matches that key at any
   * depth; a path (`total.amount`, `order_items[*].notes`) matches from the record's root, `*`
   * standing for any key or index.
   */
  ignore?: string[];
  /** Cap on `changed` per entity; counts stay exact. Default: no cap. */
  maxChangedRecords?: number;
  /**
   * What restores into B created: old id -> new id per entity (the restore ledger's id map).
   * Markers in B's records are read with or without it; the map also finds restores whose
   * marker was edited away, and maps references to records linked rather than created.
   */
  idMap?: Iterable<RestoredId>;
  /** Pair records restored under new ids (default true); false compares ids only. */
  matchRestores?: boolean;
}

/**
 * Fields Keap (or its own bookkeeping) rewrites without a change a restore-minded user cares
 * about. Not applied by diffSnapshots unless passed as `ignore`; the CLI passes them unless
 * `--all-fields`.
 */
export const VOLATILE_FIELDS: readonly string[] = ['update_time', 'modification_time', 'last_updated_time', 'score_value'];

export function diffSnapshots(a: SnapshotDb, b: SnapshotDb, options: DiffOptions = {}): SnapshotDiff {
  const entities = options.entities ?? SNAPSHOT_ENTITIES;
  for (const entity of entities) {
    if (!SNAPSHOT_ENTITIES.includes(entity)) throw new SnapshotQueryError('unknown-entity', `Unknown snapshot entity '${entity}'`);
  }
  const ignore = compileIgnore(options.ignore ?? []);
  const cap = options.maxChangedRecords ?? Infinity;
  const results = entities.map((entity) => diffEntity(a, b, entity, ignore, cap));
  if (options.matchRestores !== false) settleRestores(a, b, results, ignore, cap, [...(options.idMap ?? [])]);
  const sum = (f: (d: EntityDiff) => number) => results.reduce((n, d) => n + f(d), 0);
  return {
    a: sideOf(a),
    b: sideOf(b),
    entities: results,
    totals: { added: sum((d) => d.added.length), removed: sum((d) => d.removed.length), changed: sum((d) => d.changedCount) },
    restored: sum((d) => d.restoredCount),
  };
}

function sideOf(db: SnapshotDb): SnapshotSide {
  // A snapshot not yet saved (e.g. a live capture in memory) has no metadata.
  const meta: Partial<SnapshotMeta> = db.meta();
  return { snapshotId: meta.snapshotId, finishedAt: meta.finishedAt };
}

function diffEntity(a: SnapshotDb, b: SnapshotDb, entity: SnapshotEntity, ignore: IgnoreRules, cap: number): EntityDiff {
  const out: EntityDiff = {
    entity,
    before: 0,
    after: 0,
    added: [],
    removed: [],
    changed: [],
    changedCount: 0,
    unchanged: 0,
    restored: [],
    restoredCount: 0,
    markerFields: [],
  };
  const ca = new IdCursor(a, entity);
  const cb = new IdCursor(b, entity);
  try {
    mergeById(ca, cb, {
      removed: (x) => out.removed.push(x.id),
      added: (y) => out.added.push(y.id),
      both: (x, y) => {
        const changes = x.json === y.json ? [] : fieldChanges(JSON.parse(x.json), JSON.parse(y.json), ignore);
        if (changes.length === 0) out.unchanged++;
        else if (out.changedCount++ < cap) out.changed.push({ id: x.id, changes });
      },
    });
  } finally {
    out.before = ca.seen;
    out.after = cb.seen;
    ca.close();
    cb.close();
  }
  // The merge needs SQLite's string order; people reading Keap's numeric ids expect 9 before 10.
  out.added.sort(compareIdsNaturally);
  out.removed.sort(compareIdsNaturally);
  out.changed.sort((x, y) => compareIdsNaturally(x.id, y.id));
  return out;
}
