"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseFieldPath = parseFieldPath;
exports.valueAt = valueAt;
/** `order_items[1].product.id` → ['order_items', 1, 'product', 'id']. */
function parseFieldPath(path) {
    const segments = [];
    for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
        segments.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    return segments;
}
/** The value at a path inside a record, or undefined. */
function valueAt(value, path) {
    let at = value;
    for (const segment of typeof path === 'string' ? parseFieldPath(path) : path) {
        if (typeof segment === 'number' ? !Array.isArray(at) : typeof at !== 'object' || at === null || Array.isArray(at))
            return undefined;
        // Own properties only: `constructor` or `__proto__` in a path must not read a prototype.
        if (!Object.hasOwn(at, segment))
            return undefined;
        at = at[segment];
    }
    return at;
}
//# sourceMappingURL=fieldPath.js.map