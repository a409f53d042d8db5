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
 *   count as added or removed, so `before = removed + changed + unchanged` and
 *   `after = added + changed + unchanged` always hold.
 * - Nothing is ignored unless the caller says so; VOLATILE_FIELDS is the list the CLI ignores by
 *   default.
 */
import { SNAPSHOT_ENTITIES, type SnapshotEntity } from './entities';
import type { SnapshotDb, SnapshotMeta } from './snapshotDb';
import type { Database } from './sqlite';

export interface FieldChange {
  /** e.g. `total.amount`, `order_items[1].quantity`, `email_addresses[0].email`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface RecordChange {
  id: string;
  changes: FieldChange[];
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
  const sum = (f: (d: EntityDiff) => number) => results.reduce((n, d) => n + f(d), 0);
  return {
    a: sideOf(a),
    b: sideOf(b),
    entities: results,
    totals: { added: sum((d) => d.added.length), removed: sum((d) => d.removed.length), changed: sum((d) => d.changedCount) },
  };
}

function sideOf(db: SnapshotDb): SnapshotSide {
  // A snapshot not yet saved (e.g. a live capture in memory) has no metadata.
  const meta: Partial<SnapshotMeta> = db.meta();
  return { snapshotId: meta.snapshotId, finishedAt: meta.finishedAt };
}

function diffEntity(a: Database, b: Database, entity: SnapshotEntity, ignore: IgnoreRules, cap: number): EntityDiff {
  const out: EntityDiff = { entity, before: 0, after: 0, added: [], removed: [], changed: [], changedCount: 0, unchanged: 0 };
  const ca = new IdCursor(a, entity);
  const cb = new IdCursor(b, entity);
  try {
    let x = ca.next();
    let y = cb.next();
    while (x || y) {
      const order = !x ? 1 : !y ? -1 : compareIds(x.id, y.id);
      if (order < 0) {
        out.removed.push(x!.id);
        x = ca.next();
      } else if (order > 0) {
        out.added.push(y!.id);
        y = cb.next();
      } else {
        const changes = x!.json === y!.json ? [] : fieldChanges(JSON.parse(x!.json), JSON.parse(y!.json), ignore);
        if (changes.length === 0) out.unchanged++;
        else if (out.changedCount++ < cap) out.changed.push({ id: x!.id, changes });
        x = ca.next();
        y = cb.next();
      }
    }
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

/** Rows of one table in id order (then stored order for duplicate ids), one at a time. */
class IdCursor {
  seen = 0;
  private readonly stmt: ReturnType<Database['prepare']>;
  private done = false;

  constructor(db: Database, entity: SnapshotEntity) {
    // `entity` is checked against SNAPSHOT_ENTITIES by the caller; the (id) index yields this order.
    this.stmt = db.prepare(`SELECT id, json FROM ${entity} ORDER BY id, rowid`);
  }

  next(): { id: string; json: string } | undefined {
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
    if (segments.length === 1 && typeof segments[0] === 'string' && segments[0] !== '*' && !pattern.startsWith('[')) rules.anywhere.add(segments[0]);
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
