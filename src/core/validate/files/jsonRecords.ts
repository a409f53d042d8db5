/**
 * Records from JSON and NDJSON text, with the offsets of every value (jsonc-parser's syntax tree,
 * the parser VS Code itself uses). The parser is error-tolerant: after a syntax error the rest of
 * the document is still read, and only a record that contains the error is left out.
 *
 * A JSON file is one of: an array of records; Keap Vault's export document
 * (`{"meta": …, "entities": {"orders": […]}}`); a Keap list answer (`{"orders": […],
 * "next_page_token": …}`); or a single record.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError, type ParseOptions } from 'jsonc-parser';
import { CAPTURED_ENTITIES, SNAPSHOT_ENTITIES, type SnapshotEntity } from '../../snapshot/entities';
import { parseFieldPath } from './fieldPath';
import type { LineIndex } from './lineIndex';
import type { ParsedRecords, SourceRecord, SourceSyntaxError } from './sourceRecords';

/** Strict JSON: comments and trailing commas are errors (Keap and JSON.parse reject them). */
const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** Keys a Keap list answer has besides its array of records. */
const LIST_KEYS = new Set(['next_page_token', 'previous_page_token', 'count', 'next', 'previous']);

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon (:) was expected',
  CommaExpected: 'a comma (,) was expected',
  CloseBraceExpected: 'a closing brace (}) was expected',
  CloseBracketExpected: 'a closing bracket (]) was expected',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};

/** "Invalid JSON: a comma (,) was expected". */
export function jsonErrorMessage(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return `Invalid JSON: ${MESSAGES[code] ?? code}`;
}

/** Parses JSON text strictly; offsets in the tree and errors are relative to `text`. */
export function parseJsonTree(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, STRICT);
  return { root, errors };
}

export function parseJsonDocument(text: string, lines: LineIndex, fileEntity?: SnapshotEntity): ParsedRecords {
  const { root, errors } = parseJsonTree(text);
  const syntaxErrors: SourceSyntaxError[] = [];
  const records: SourceRecord[] = [];
  if (!root) {
    syntaxErrors.push({
      message: 'The file holds no JSON: expected an array of records, a record, or a Keap Vault export',
      position: lines.span(0, text.length),
      entity: fileEntity,
    });
    return { records, syntaxErrors };
  }
  // Records come in file order and so do errors (sorted): one walk pairs them.
  const pending = [...errors].sort((a, b) => a.offset - b.offset);
  let next = 0;
  for (const [index, { node, entity = fileEntity }] of recordNodes(root, fileEntity).entries()) {
    for (; next < pending.length && pending[next].offset <= node.offset; next++) {
      syntaxErrors.push(jsonSyntaxError(pending[next], lines, 0, undefined, fileEntity));
    }
    // A record holding a syntax error is reported, not checked: its values may be cut short.
    let spoiled = false;
    for (; next < pending.length && pending[next].offset < node.offset + node.length; next++, spoiled = true) {
      syntaxErrors.push(jsonSyntaxError(pending[next], lines, 0, index, entity));
    }
    if (spoiled) continue;
    const made = recordFromNode(node, index, entity, lines, 0);
    if ('message' in made) syntaxErrors.push(made);
    else records.push(made);
  }
  for (; next < pending.length; next++) syntaxErrors.push(jsonSyntaxError(pending[next], lines, 0, undefined, fileEntity));
  syntaxErrors.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
  return { records, syntaxErrors };
}

/** One record a line; blank lines are skipped. A malformed line is a syntax error, and the next line is read as usual. */
export function parseNdjson(text: string, lines: LineIndex, fileEntity?: SnapshotEntity): ParsedRecords {
  const records: SourceRecord[] = [];
  const syntaxErrors: SourceSyntaxError[] = [];
  let index = 0;
  let start = 0;
  for (const m of `${text}\n`.matchAll(/\r\n|\n|\r/g)) {
    const end = m.index ?? text.length;
    const line = text.slice(start, end);
    const base = start;
    start = end + m[0].length;
    if (!line.trim()) continue;
    const slot = index++;
    const { root, errors } = parseJsonTree(line);
    if (errors.length || !root) {
      // The first error only: the ones after it on the same line follow from it.
      syntaxErrors.push(
        errors.length
          ? jsonSyntaxError(errors[0], lines, base, slot, fileEntity)
          : { message: 'Invalid JSON line', position: lines.span(base, base + line.length), index: slot, entity: fileEntity },
      );
      continue;
    }
    const made = recordFromNode(root, slot, fileEntity, lines, base);
    if ('message' in made) syntaxErrors.push(made);
    else records.push(made);
  }
  return { records, syntaxErrors };
}

/** The nodes that are records, each with the entity the document says it is. */
function recordNodes(root: Node, fileEntity?: SnapshotEntity): Array<{ node: Node; entity?: SnapshotEntity }> {
  if (root.type === 'array') return (root.children ?? []).map((node) => ({ node, entity: fileEntity }));
  if (root.type !== 'object') return [{ node: root, entity: fileEntity }];
  const props = properties(root);
  const entities = props.get('entities');
  if (entities?.type === 'object' && !props.has('id')) {
    return [...properties(entities)].flatMap(([key, value]) =>
      value.type === 'array' ? (value.children ?? []).map((node) => ({ node, entity: entityNamed(key) })) : [],
    );
  }
  if (isListAnswer(props)) {
    return [...props].flatMap(([key, value]) =>
      value.type === 'array' && entityNamed(key) ? (value.children ?? []).map((node) => ({ node, entity: entityNamed(key) })) : [],
    );
  }
  return [{ node: root, entity: fileEntity }];
}

/**
 * `{"orders": […], "next_page_token": …}`. A record can hold arrays named like entities too
 * (a contact's `custom_fields`), so only an object with no other keys counts.
 */
function isListAnswer(props: Map<string, Node>): boolean {
  let lists = 0;
  for (const [key, value] of props) {
    if (value.type === 'array' && (CAPTURED_ENTITIES as readonly string[]).includes(key)) lists++;
    else if (!LIST_KEYS.has(key)) return false;
  }
  return lists > 0;
}

function properties(object: Node): Map<string, Node> {
  const map = new Map<string, Node>();
  for (const prop of object.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (key && value && typeof key.value === 'string' && !map.has(key.value)) map.set(key.value, value);
  }
  return map;
}

function entityNamed(key: string): SnapshotEntity | undefined {
  return (SNAPSHOT_ENTITIES as readonly string[]).includes(key) ? (key as SnapshotEntity) : undefined;
}

function recordFromNode(
  node: Node,
  index: number,
  entity: SnapshotEntity | undefined,
  lines: LineIndex,
  base: number,
): SourceRecord | SourceSyntaxError {
  const position = lines.span(base + node.offset, base + node.offset + node.length);
  if (node.type !== 'object') {
    return {
      message: `Expected a record (a JSON object) but found ${node.type === 'array' ? 'an array' : `a ${node.type}`}`,
      position,
      index,
      entity,
    };
  }
  return {
    index,
    entity,
    record: plainValue(node) as Record<string, unknown>,
    position,
    fieldPosition(path: string) {
      const found = findNodeAtLocation(node, parseFieldPath(path));
      return found ? lines.span(base + found.offset, base + found.offset + found.length) : undefined;
    },
  };
}

/**
 * A node's value as ordinary objects (jsonc-parser gives prototype-less ones, which compare and
 * print oddly). `Object.fromEntries` defines keys, so a `__proto__` key is data, not a prototype.
 */
export function plainValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).flatMap((prop) => {
          const [key, value] = prop.children ?? [];
          return key && typeof key.value === 'string' ? [[key.value, value ? plainValue(value) : undefined]] : [];
        }),
      );
    case 'array':
      return (node.children ?? []).map(plainValue);
    default:
      return node.value;
  }
}

function jsonSyntaxError(
  error: ParseError,
  lines: LineIndex,
  base: number,
  index: number | undefined,
  entity: SnapshotEntity | undefined,
): SourceSyntaxError {
  const start = base + error.offset;
  return { message: jsonErrorMessage(error), position: lines.span(start, start + error.length), index, entity };
}
