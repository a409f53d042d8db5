/**
 * Field paths as rules name them: `contact_id`, `contact.id`, `order_items[1].product_id`.
 * One syntax for every file format, so a rule never knows whether it reads JSON or CSV.
 */
export type PathSegment = string | number;

/** `order_items[1].product.id` → ['order_items', 1, 'product', 'id']. */
export function parseFieldPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return segments;
}

/** The value at a path inside a record, or undefined. */
export function valueAt(value: unknown, path: string | readonly PathSegment[]): unknown {
  let at = value;
  for (const segment of typeof path === 'string' ? parseFieldPath(path) : path) {
    if (typeof segment === 'number' ? !Array.isArray(at) : typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    // Own properties only: `constructor` or `__proto__` in a path must not read a prototype.
    if (!Object.hasOwn(at as object, segment)) return undefined;
    at = (at as Record<string | number, unknown>)[segment];
  }
  return at;
}
