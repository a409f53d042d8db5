"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nodeAt = nodeAt;
exports.defineMember = defineMember;
/** The node at a path: the first member of that name (as jsonc-parser's findNodeAtLocation finds it), or the nth item. */
function nodeAt(root, path) {
    let node = root;
    for (const segment of path) {
        if (!node)
            return undefined;
        if (typeof segment === 'number')
            node = node.type === 'array' ? node.items?.[segment] : undefined;
        else
            node = node.type === 'object' ? node.members?.find((m) => m.key === segment && m.node)?.node : undefined;
    }
    return node;
}
/** Defines an own property, so that a `__proto__` key cannot reach a prototype. */
function defineMember(object, key, value) {
    // Assignment is many times faster; only `__proto__` would reach the prototype by it.
    if (key === '__proto__')
        Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
    else
        object[key] = value;
}
//# sourceMappingURL=jsonNode.js.map