/**
 * A JSON value read from a file with where it sits: its plain value (built as it is read, so
 * no walk of it can run out of stack however deep it nests) and, for objects and arrays, their
 * members' nodes, so that a rule's field path leads back to a line and column.
 */
import type { TextSpan } from './textPosition';
import type { PathSegment } from './fieldPath';

export type JsonNodeType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** Its span counts offset and length in UTF-16 code units, from where the parse started. */
export interface JsonNode extends TextSpan {
  type: JsonNodeType;
  /** As ordinary objects and arrays; a `__proto__` key is data, defined, not assigned. */
  value: unknown;
  /** An object's members in file order; a key whose value could not be read has no node. */
  members?: Array<{ key: string; node?: JsonNode }>;
  items?: JsonNode[];
}

/** The node at a path: the first member of that name (as jsonc-parser's findNodeAtLocation finds it), or the nth item. */
export function nodeAt(root: JsonNode, path: readonly PathSegment[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = node.type === 'array' ? node.items?.[segment] : undefined;
    else node = node.type === 'object' ? node.members?.find((m) => m.key === segment && m.node)?.node : undefined;
  }
  return node;
}

/** Defines an own property, so that a `__proto__` key cannot reach a prototype. */
export function defineMember(object: Record<string, unknown>, key: string, value: unknown): void {
  // Assignment is many times faster; only `__proto__` would reach the prototype by it.
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}
