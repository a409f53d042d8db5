/**
 * Records from JSON and NDJSON text read a piece at a time, each with the positions of its
 * values. The parser recovers from errors as jsonc-parser does: after a syntax error the rest of
 * the document is still read, and only a record that contains the error is left out.
 *
 * A JSON file is one of: an array of records; Keap Vault's export document
 * (`{"meta": …, "entities": {"orders": […]}}`); a Keap list answer (`{"orders": […],
 * "next_page_token": …}`); or a single record. The records of an array and of an export document
 * are handed on one by one as they are read, so a large file is never held whole. A list answer
 * or a single record is held until the document ends, as only its last key can tell which it is
 * (Keap's list answers hold at most 1,000 records). An export document is known by its `entities`
 * object before any `id` key: a record with an `entities` object and a later `id` is taken for one.
 */
import { CAPTURED_ENTITIES, SNAPSHOT_ENTITIES, type SnapshotEntity } from '../../snapshot/entities';
import { parseFieldPath } from './fieldPath';
import { nodeAt, type JsonNode } from './jsonNode';
import { spanPosition } from './textPosition';
import { JsonParser, type JsonError, type JsonErrorCode, type OpenContainer } from './jsonParser';
import { JsonTokenizer, Token } from './jsonTokenizer';
import type { RecordReader, RecordSink, SourceRecord, SourceSyntaxError } from './sourceRecords';

/** Keys a Keap list answer has besides its array of records. */
const LIST_KEYS = new Set(['next_page_token', 'previous_page_token', 'count', 'next', 'previous']);

/** Errors waiting for the record they may fall in; past this many the oldest are placed outside any record (a file of garbage). */
const MAX_PENDING_ERRORS = 10_000;

const MESSAGES: Record<JsonErrorCode, string> = {
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
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};

/** "Invalid JSON: a comma (,) was expected". */
export function jsonErrorMessage(error: { code: JsonErrorCode }): string {
  return `Invalid JSON: ${MESSAGES[error.code]}`;
}

export class JsonDocumentReader implements RecordReader {
  private readonly tokenizer: JsonTokenizer;
  private readonly parser: JsonParser;
  private index = 0;
  /** Errors read since the last record: each falls before, inside or after the next one. */
  private pending: JsonError[] = [];
  private streamedExport = false;
  private endPosition = { line: 1, column: 1 };

  constructor(
    private readonly file: string,
    private readonly fileEntity: SnapshotEntity | undefined,
    private readonly sink: RecordSink,
  ) {
    this.parser = new JsonParser({
      error: (e) => this.pendError(e),
      streams: (container, parents) => this.streams(container, parents),
      child: (node, container, _key, parents) =>
        this.record(node, parents.length === 0 ? this.fileEntity : entityNamed(String(container.key))),
    });
    this.tokenizer = new JsonTokenizer((t) => {
      if (t.kind === Token.EOF) this.endPosition = { line: t.endLine, column: t.endColumn };
      this.parser.token(t);
    });
  }

  write(text: string): void {
    this.tokenizer.write(text);
  }

  end(): void {
    this.tokenizer.end();
    const root = this.parser.root;
    if (!root) {
      // As before: an empty or unreadable document is one finding, not a list of what is missing.
      this.pending = [];
      this.sink.syntaxError({
        message: 'The file holds no JSON: expected an array of records, a record, or a Keap Vault export',
        position: { file: this.file, line: 1, column: 1, endLine: this.endPosition.line, endColumn: this.endPosition.column },
        entity: this.fileEntity,
      });
      return;
    }
    if (root.type !== 'array' && !this.streamedExport)
      for (const { node, entity } of recordNodes(root, this.fileEntity)) this.record(node, entity);
    this.placePending(Infinity);
  }

  /** The records' arrays: the document's own array, and an export document's `entities.<name>` arrays. */
  private streams(container: OpenContainer, parents: readonly OpenContainer[]): boolean {
    if (container.node.type !== 'array') return false;
    if (parents.length === 0) return true;
    const [root, entities] = parents;
    if (
      parents.length === 2 &&
      root.node.type === 'object' &&
      entities.key === 'entities' &&
      entities.node.type === 'object' &&
      !root.node.members?.some((m) => m.key === 'id')
    ) {
      this.streamedExport = true;
      return true;
    }
    return false;
  }

  private pendError(e: JsonError): void {
    this.pending.push(e);
    if (this.pending.length > MAX_PENDING_ERRORS) {
      for (const early of this.pending.splice(0, MAX_PENDING_ERRORS / 2)) this.outside(early);
    }
  }

  /** Errors before `offset` belong to no record. */
  private placePending(offset: number): void {
    let n = 0;
    while (n < this.pending.length && this.pending[n].offset <= offset) this.outside(this.pending[n++]);
    this.pending.splice(0, n);
  }

  private outside(e: JsonError): void {
    this.sink.syntaxError({ message: jsonErrorMessage(e), position: spanPosition(this.file, e), entity: this.fileEntity });
  }

  private record(node: JsonNode, entity: SnapshotEntity | undefined): void {
    const index = this.index++;
    this.placePending(node.offset);
    // A record holding a syntax error is reported, not checked: its values may be cut short.
    let n = 0;
    for (; n < this.pending.length && this.pending[n].offset < node.offset + node.length; n++) {
      this.sink.syntaxError({
        message: jsonErrorMessage(this.pending[n]),
        position: spanPosition(this.file, this.pending[n]),
        index,
        entity,
      });
    }
    this.pending.splice(0, n);
    if (n) return;
    const made = recordFromNode(this.file, node, index, entity);
    if ('message' in made) this.sink.syntaxError(made);
    else this.sink.record(made);
  }
}

/** One record a line; blank lines are skipped. A malformed line is a syntax error, and the next line is read as usual. */
export class NdjsonReader implements RecordReader {
  private index = 0;
  private offset = 0;
  private line = 1;
  /** The last piece ended with a CR: an LF at the start of the next one belongs to the same line break. */
  private afterCr = false;
  private current: { tokenizer: JsonTokenizer; parser: JsonParser; errors: JsonError[]; content: boolean } | undefined;

  constructor(
    private readonly file: string,
    private readonly fileEntity: SnapshotEntity | undefined,
    private readonly sink: RecordSink,
  ) {}

  write(text: string): void {
    const n = text.length;
    let i = 0;
    if (this.afterCr && n) {
      this.afterCr = false;
      if (text.charCodeAt(0) === 10) {
        this.offset++;
        i = 1;
      }
    }
    while (i < n) {
      const end = nextBreak(text, i);
      if (end > i) this.piece(text.slice(i, end));
      if (end === n) break;
      this.finishLine();
      let breakLength = 1;
      if (text.charCodeAt(end) === 13) {
        if (end + 1 === n) this.afterCr = true;
        else if (text.charCodeAt(end + 1) === 10) breakLength = 2;
      }
      this.offset += breakLength;
      this.line++;
      i = end + breakLength;
    }
  }

  end(): void {
    this.finishLine();
  }

  private piece(text: string): void {
    if (!this.current) {
      const errors: JsonError[] = [];
      const parser = new JsonParser({ error: (e) => errors.push(e) });
      const tokenizer = new JsonTokenizer((t) => parser.token(t), { offset: this.offset, line: this.line, column: 1 });
      this.current = { tokenizer, parser, errors, content: false };
    }
    if (!this.current.content) this.current.content = /\S/.test(text);
    this.current.tokenizer.write(text);
    this.offset += text.length;
  }

  private finishLine(): void {
    const line = this.current;
    this.current = undefined;
    if (!line?.content) return;
    line.tokenizer.end();
    const slot = this.index++;
    const root = line.parser.root;
    if (line.errors.length || !root) {
      // The first error only: the ones after it on the same line follow from it.
      const [first] = line.errors;
      this.sink.syntaxError(
        first
          ? { message: jsonErrorMessage(first), position: spanPosition(this.file, first), index: slot, entity: this.fileEntity }
          : {
              message: 'Invalid JSON line',
              position: { file: this.file, line: this.line, column: 1, endLine: this.line, endColumn: 1 },
              index: slot,
              entity: this.fileEntity,
            },
      );
      return;
    }
    const made = recordFromNode(this.file, root, slot, this.fileEntity);
    if ('message' in made) this.sink.syntaxError(made);
    else this.sink.record(made);
  }
}

function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The nodes that are records in a document held whole, each with the entity the document says it is. */
function recordNodes(root: JsonNode, fileEntity?: SnapshotEntity): Array<{ node: JsonNode; entity?: SnapshotEntity }> {
  if (root.type === 'array') return (root.items ?? []).map((node) => ({ node, entity: fileEntity }));
  if (root.type !== 'object') return [{ node: root, entity: fileEntity }];
  const props = properties(root);
  const entities = props.get('entities');
  if (entities?.type === 'object' && !props.has('id')) {
    return [...properties(entities)].flatMap(([key, value]) =>
      value.type === 'array' ? (value.items ?? []).map((node) => ({ node, entity: entityNamed(key) })) : [],
    );
  }
  if (isListAnswer(props)) {
    return [...props].flatMap(([key, value]) =>
      value.type === 'array' && entityNamed(key) ? (value.items ?? []).map((node) => ({ node, entity: entityNamed(key) })) : [],
    );
  }
  return [{ node: root, entity: fileEntity }];
}

/**
 * `{"orders": […], "next_page_token": …}`. A record can hold arrays named like entities too
 * (a contact's `custom_fields`), so only an object with no other keys counts.
 */
function isListAnswer(props: Map<string, JsonNode>): boolean {
  let lists = 0;
  for (const [key, value] of props) {
    if (value.type === 'array' && (CAPTURED_ENTITIES as readonly string[]).includes(key)) lists++;
    else if (!LIST_KEYS.has(key)) return false;
  }
  return lists > 0;
}

function properties(object: JsonNode): Map<string, JsonNode> {
  const map = new Map<string, JsonNode>();
  for (const { key, node } of object.members ?? []) if (node && !map.has(key)) map.set(key, node);
  return map;
}

function entityNamed(key: string): SnapshotEntity | undefined {
  return (SNAPSHOT_ENTITIES as readonly string[]).includes(key) ? (key as SnapshotEntity) : undefined;
}

function recordFromNode(file: string, node: JsonNode, index: number, entity: SnapshotEntity | undefined): SourceRecord | SourceSyntaxError {
  const position = spanPosition(file, node);
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
    record: node.value as Record<string, unknown>,
    position,
    fieldPosition(path: string) {
      const found = nodeAt(node, parseFieldPath(path));
      return found ? spanPosition(file, found) : undefined;
    },
  };
}
