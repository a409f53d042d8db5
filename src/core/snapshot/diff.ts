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
 */
import { SNAPSHOT_ENTITIES, type SnapshotEntity } from './entities';
import { isRestoreMarkerField, matchRestoredRecords, type RestoredId, type UnmatchedIds } from './restoreMatch';
import { restoredView, type MapRef } from './restoredView';
import type { SnapshotDb, SnapshotMeta } from './snapshotDb';
import type { Database } from './sqlite';

export type { RestoredId } from './restoreMatch';

export interface FieldChange {
  /** e.g. `total.amount`, `order_items[1].quantity`, `email_addresses[0].email`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface RecordChange {
  /** The record's id in A. */
  id: string;
  /** Set when B holds the record restored under a new id: its id in B. */
  newId?: string;
  changes: FieldChange[];
}

/** A record of A that B holds restored under a new id. */
export interface RestoredRecord {
  oldId: string;
  newId: string;
}

export interface EntityDiff {
  entity: SnapshotEntity;
  /** Rows in A and in B. */
  before: number;
  after: number;
  /** Ids only in B / only in A, in natural id order (see compareIdsNaturally). */
  added: string[];
  removed: string[];
  /**
   * Records in both whose fields differ, in natural id order; at most `maxChangedRecords`, and then
   * the first ones in the merge's string order (`"10"` before `"9"`), as the cap is applied while
   * merging so that memory stays bounded.
   */
  changed: RecordChange[];
  /** Exact number of changed records, however many `changed` lists. */
  changedCount: number;
  unchanged: number;
  /**
   * Records only in A whose restore under a new id is in B and matches it, in natural order of
   * `oldId`: neither removed nor added, and not a difference.
   */
  restored: RestoredRecord[];
  /** Every record restored under a new id: `restored` plus the changed records with a `newId`. */
  restoredCount: number;
  /** Ids only in B of the custom fields a restore added to carry its markers: bookkeeping, not added. */
  markerFields: string[];
}

export interface SnapshotSide {
  snapshotId?: string;
  finishedAt?: string;
}

export interface SnapshotDiff {
  a: SnapshotSide;
  b: SnapshotSide;
  entities: EntityDiff[];
  totals: { added: number; removed: number; changed: number };
  /** Records restored under new ids, all entities (the sum of `restoredCount`); not differences. */
  restored: number;
}

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
    if (!SNAPSHOT_ENTITIES.includes(entity)) throw new Error(`Unknown snapshot entity '${entity}'`);
  }
  const ignore = compileIgnore(options.ignore ?? []);
  const cap = options.maxChangedRecords ?? Infinity;
  const results = entities.map((entity) => diffEntity(a.db, b.db, entity, ignore, cap));
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

function diffEntity(a: Database, b: Database, entity: SnapshotEntity, ignore: IgnoreRules, cap: number): EntityDiff {
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

interface Row {
  id: string;
  json: string;
}

/** The merge-join of two id-ordered cursors: each row of A and of B goes to exactly one callback. */
function mergeById(ca: IdCursor, cb: IdCursor, on: { removed(x: Row): void; added(y: Row): void; both(x: Row, y: Row): void }): void {
  let x = ca.next();
  let y = cb.next();
  while (x || y) {
    const order = !x ? 1 : !y ? -1 : compareIds(x.id, y.id);
    if (order < 0) {
      on.removed(x!);
      x = ca.next();
    } else if (order > 0) {
      on.added(y!);
      y = cb.next();
    } else {
      on.both(x!, y!);
      x = ca.next();
      y = cb.next();
    }
  }
}

/** Added and removed ids of an entity not being compared, for restore pairing; the JSON is not read. */
function unmatchedIds(a: Database, b: Database, entity: SnapshotEntity): UnmatchedIds {
  const out = { added: [] as string[], removed: [] as string[] };
  const ca = new IdCursor(a, entity, false);
  const cb = new IdCursor(b, entity, false);
  try {
    mergeById(ca, cb, { removed: (x) => out.removed.push(x.id), added: (y) => out.added.push(y.id), both: () => undefined });
  } finally {
    ca.close();
    cb.close();
  }
  return out;
}

/** Rows of one table in id order (then stored order for duplicate ids), one at a time. */
class IdCursor {
  seen = 0;
  private readonly stmt: ReturnType<Database['prepare']>;
  private done = false;

  constructor(db: Database, entity: SnapshotEntity, withJson = true) {
    // `entity` is checked against SNAPSHOT_ENTITIES by the caller; the (id) index yields this order.
    this.stmt = db.prepare(`SELECT id, ${withJson ? 'json' : "''"} FROM ${entity} ORDER BY id, rowid`);
  }

  next(): Row | undefined {
    if (this.done || !this.stmt.step()) {
      this.done = true;
      return undefined;
    }
    this.seen++;
    const [id, json] = this.stmt.get() as [string, string];
    return { id, json };
  }

  close(): void {
    this.stmt.free();
  }
}

// ---------------------------------------------------------------- restores

/**
 * Takes the records B holds as restores of A's out of `added`/`removed` and compares each pair
 * through the restore's projection, references mapped to B's ids.
 */
function settleRestores(a: SnapshotDb, b: SnapshotDb, results: EntityDiff[], ignore: IgnoreRules, cap: number, idMap: RestoredId[]): void {
  const byEntity = new Map(results.map((d) => [d.entity, d]));
  // An entity not asked for may still hold restores that others reference (an order's contact).
  const pairs = matchRestoredRecords(a, b, (entity) => byEntity.get(entity) ?? unmatchedIds(a.db, b.db, entity), idMap);
  // The id map also covers records linked to an existing live record rather than created: those
  // are references to map, though not pairs (the live record is in both snapshots).
  const linked = new Map(idMap.map((e) => [`${e.entity}:${e.oldId}`, e.newId]));
  const mapRef: MapRef = (entity, oldId) => pairs.get(entity as SnapshotEntity)?.get(oldId) ?? linked.get(`${entity}:${oldId}`) ?? oldId;
  const asIs: MapRef = (_entity, id) => id;
  for (const d of results) {
    const restored = pairs.get(d.entity);
    if (restored?.size) settlePairs(a.db, b.db, d, restored, { mapRef, asIs, ignore, cap });
    if (d.entity === 'custom_fields' && d.added.length) {
      d.markerFields = d.added.filter((id) => isRestoreMarkerField(b, id));
      d.added = withoutOnce(d.added, d.markerFields);
    }
  }
}

function settlePairs(
  a: Database,
  b: Database,
  d: EntityDiff,
  pairs: Map<string, string>,
  how: { mapRef: MapRef; asIs: MapRef; ignore: IgnoreRules; cap: number },
): void {
  d.removed = withoutOnce(d.removed, pairs.keys());
  d.added = withoutOnce(d.added, pairs.values());
  const sql = `SELECT json FROM ${d.entity} WHERE id = ? ORDER BY rowid LIMIT 1`;
  const readA = a.prepare(sql);
  const readB = b.prepare(sql);
  try {
    for (const [oldId, newId] of pairs) {
      const before = restoredView(d.entity, JSON.parse(jsonOf(readA, oldId)), how.mapRef);
      const after = restoredView(d.entity, JSON.parse(jsonOf(readB, newId)), how.asIs);
      const changes = fieldChanges(before, after, how.ignore);
      d.restoredCount++;
      if (!changes.length) d.restored.push({ oldId, newId });
      else if (d.changedCount++ < how.cap) d.changed.push({ id: oldId, newId, changes });
    }
  } finally {
    readA.free();
    readB.free();
  }
  d.restored.sort((x, y) => compareIdsNaturally(x.oldId, y.oldId));
  d.changed.sort((x, y) => compareIdsNaturally(x.id, y.id));
}

function jsonOf(stmt: ReturnType<Database['prepare']>, id: string): string {
  stmt.bind([id]);
  try {
    if (!stmt.step()) throw new Error(`Record ${id} vanished during the compare`);
    return String(stmt.get()[0]);
  } finally {
    stmt.reset();
  }
}

/** `list` without one occurrence of each id in `drop` (ids may repeat: see the duplicate rule above). */
function withoutOnce(list: string[], drop: Iterable<string>): string[] {
  const left = new Map<string, number>();
  for (const id of drop) left.set(id, (left.get(id) ?? 0) + 1);
  return list.filter((id) => {
    const n = left.get(id);
    if (!n) return true;
    left.set(id, n - 1);
    return false;
  });
}

/**
 * SQLite's BINARY order for TEXT (UTF-8 bytes), which is code point order. JS `<` compares UTF-16
 * units and disagrees for characters above U+FFFF against U+E000..U+FFFF; the merge needs both
 * sides' order to agree with this one exactly.
 */
export function compareIds(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    let cx = x.charCodeAt(i);
    let cy = y.charCodeAt(i);
    if (cx === cy) continue;
    if (cx >= 0xd800 && cy >= 0xd800) {
      // Surrogates (astral code points) sort after U+E000..U+FFFF.
      cx = cx < 0xe000 ? cx + 0x2000 : cx - 0x800;
      cy = cy < 0xe000 ? cy + 0x2000 : cy - 0x800;
    }
    return cx - cy;
  }
  return x.length - y.length;
}

/** Runs of digits compare as numbers, the rest as compareIds: `9` < `10`, `32:4` < `178:2`, `99@…` < `155@…`. */
export function compareIdsNaturally(x: string, y: string): number {
  const runs = /\d+|\D+/g;
  const xs = x.match(runs) ?? [];
  const ys = y.match(runs) ?? [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const [rx, ry] = [xs[i], ys[i]];
    if (rx === ry) continue;
    if (isDigit(rx) && isDigit(ry)) {
      const [nx, ny] = [rx.replace(/^0+(?=\d)/, ''), ry.replace(/^0+(?=\d)/, '')];
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return compareIds(nx, ny);
    }
    // Equal numbers written differently (`07`, `7`) fall back to text so the order stays total.
    return compareIds(rx, ry);
  }
  return xs.length - ys.length;
}

const isDigit = (run: string) => run.charCodeAt(0) >= 48 && run.charCodeAt(0) <= 57;

// ---------------------------------------------------------------- field comparison

type Segment = string | number;
type PatternSegment = Segment | '*';

interface IgnoreRules {
  /** Bare keys, ignored at any depth. */
  anywhere: Set<string>;
  /** Rooted paths. */
  rooted: PatternSegment[][];
}

function compileIgnore(patterns: string[]): IgnoreRules {
  const rules: IgnoreRules = { anywhere: new Set(), rooted: [] };
  for (const pattern of patterns) {
    const segments = parsePath(pattern);
    if (segments.length === 1 && typeof segments[0] === 'string' && segments[0] !== '*' && !pattern.startsWith('['))
      rules.anywhere.add(segments[0]);
    else rules.rooted.push(segments);
  }
  return rules;
}

/** Parses `a.b[2]["odd.key"][*]` into segments; throws on anything else. */
export function parsePath(pattern: string): PatternSegment[] {
  const segments: PatternSegment[] = [];
  const token = /(?:^|\.)([A-Za-z_$][\w$]*|\*)|\[(\d+|\*)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < pattern.length) {
    token.lastIndex = at;
    const m = token.exec(pattern);
    if (!m || (m.index === 0 && pattern[0] === '.')) throw new Error(`Not a field path: '${pattern}'`);
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(m[2] === '*' ? '*' : Number(m[2]));
    else segments.push(JSON.parse(m[3]) as string);
    at = token.lastIndex;
  }
  if (!segments.length) throw new Error('An empty field path cannot be ignored');
  return segments;
}

export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

function isIgnored(path: Segment[], rules: IgnoreRules): boolean {
  const last = path[path.length - 1];
  if (typeof last === 'string' && rules.anywhere.has(last)) return true;
  // Checked at every depth on the way down, so a pattern only needs to match a path of its length.
  return rules.rooted.some((p) => p.length === path.length && p.every((s, i) => s === '*' || s === path[i]));
}

/** Every leaf (or whole subtree) that differs between two parsed records. */
function fieldChanges(before: unknown, after: unknown, ignore: IgnoreRules): FieldChange[] {
  const out: FieldChange[] = [];
  const path: Segment[] = [];
  const walk = (x: unknown, y: unknown) => {
    if (path.length && isIgnored(path, ignore)) return;
    if (x === y) return;
    const kx = kindOf(x);
    if (kx !== kindOf(y) || kx === 'scalar') {
      out.push({ path: formatPath(path), before: x, after: y });
      return;
    }
    if (kx === 'array') {
      const xs = x as unknown[];
      const ys = y as unknown[];
      for (let i = 0; i < Math.max(xs.length, ys.length); i++) step(i, xs[i], ys[i]);
      return;
    }
    const ox = x as Record<string, unknown>;
    const oy = y as Record<string, unknown>;
    for (const key of Object.keys(ox)) step(key, ox[key], own(oy, key));
    for (const key of Object.keys(oy)) if (!hasOwn(ox, key)) step(key, undefined, oy[key]);
  };
  const step = (segment: Segment, x: unknown, y: unknown) => {
    path.push(segment);
    walk(x, y);
    path.pop();
  };
  walk(before, after);
  return out;
}

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
// Own members only: a `__proto__` key in Keap's JSON must not be read through the prototype.
const own = (o: Record<string, unknown>, key: string) => (hasOwn(o, key) ? o[key] : undefined);

function kindOf(v: unknown): 'array' | 'object' | 'scalar' | 'absent' {
  if (v === undefined) return 'absent';
  if (Array.isArray(v)) return 'array';
  return v !== null && typeof v === 'object' ? 'object' : 'scalar';
}
