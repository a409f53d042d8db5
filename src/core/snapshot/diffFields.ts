/**
 * Field comparison: every leaf (or whole subtree) that differs between two parsed records, as dotted
 * paths (`total.amount`, `order_items[1].quantity`, `custom["a.b"]`), minus the paths the caller
 * ignores. Arrays are compared index by index (see diff.ts for why).
 */
import type { FieldChange } from './diffTypes';
import { IgnorePathError } from './errors';

type Segment = string | number;
type PatternSegment = Segment | '*';

export interface IgnoreRules {
  /** Bare keys, ignored at any depth. */
  anywhere: Set<string>;
  /** Rooted paths. */
  rooted: PatternSegment[][];
}

export function compileIgnore(patterns: string[]): IgnoreRules {
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
    if (!m || (m.index === 0 && pattern[0] === '.')) throw new IgnorePathError('not-a-path', `Not a field path: '${pattern}'`, pattern);
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(m[2] === '*' ? '*' : Number(m[2]));
    else segments.push(JSON.parse(m[3]) as string);
    at = token.lastIndex;
  }
  if (!segments.length) throw new IgnorePathError('empty-path', 'An empty field path cannot be ignored', pattern);
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
export function fieldChanges(before: unknown, after: unknown, ignore: IgnoreRules): FieldChange[] {
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
