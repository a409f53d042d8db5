/**
 * Strict JSON from tokens, without recursion: open objects and arrays are a stack of frames, so a
 * value nested 100,000 deep is read like any other and its errors get positions. Error recovery
 * is jsonc-parser's (what this project used before), step for step: the same errors at the same
 * tokens, and after an error the rest of the document is still read. A container the reader asks
 * to stream hands out each child when it is complete instead of keeping it: a large file's
 * records are checked and dropped one by one.
 */
import type { JsonNode } from './jsonNode';
import { defineMember } from './jsonNode';
import { JsonTokenizer, ScanError, Token, type JsonToken } from './jsonTokenizer';
import type { TextPoint, TextSpan } from './textPosition';

export type JsonErrorCode =
  | 'InvalidSymbol'
  | 'InvalidNumberFormat'
  | 'PropertyNameExpected'
  | 'ValueExpected'
  | 'ColonExpected'
  | 'CommaExpected'
  | 'CloseBraceExpected'
  | 'CloseBracketExpected'
  | 'EndOfFileExpected'
  | 'InvalidCommentToken'
  | 'UnexpectedEndOfString'
  | 'UnexpectedEndOfNumber'
  | 'InvalidUnicode'
  | 'InvalidEscapeCharacter'
  | 'InvalidCharacter';

export interface JsonError extends TextSpan {
  code: JsonErrorCode;
}

/** An object or array being read. */
export interface OpenContainer {
  readonly node: JsonNode;
  /** Its name or index in the container around it. */
  readonly key: string | number | undefined;
}

export interface JsonParserHooks {
  error(error: JsonError): void;
  /** Whether a container, as it opens inside `parents`, hands its children out instead of keeping them. */
  streams?(container: OpenContainer, parents: readonly OpenContainer[]): boolean;
  /** A complete child of a streaming container, with its name or index there. */
  child?(node: JsonNode, container: OpenContainer, key: string | number, parents: readonly OpenContainer[]): void;
}

interface Frame extends OpenContainer {
  streamed: boolean;
  needsComma: boolean;
  /** Children handed out or kept so far (an array's next index). */
  count: number;
  /** The name read for the member whose value comes next. */
  pendingKey: string;
}

const enum Expect {
  RootValue,
  AfterRoot,
  Stopped,
  ArrayNext,
  ArrayElement,
  ObjectNext,
  PropertyName,
  Colon,
  PropertyValue,
  /** Recovering from an error: tokens are skipped up to a comma or the container's end. */
  Skip,
}

const SCAN_ERRORS: Partial<Record<ScanError, JsonErrorCode>> = {
  [ScanError.InvalidUnicode]: 'InvalidUnicode',
  [ScanError.InvalidEscapeCharacter]: 'InvalidEscapeCharacter',
  [ScanError.UnexpectedEndOfNumber]: 'UnexpectedEndOfNumber',
  [ScanError.UnexpectedEndOfString]: 'UnexpectedEndOfString',
  [ScanError.InvalidCharacter]: 'InvalidCharacter',
};

export class JsonParser {
  /** The document's value once read, unless it is missing or a streaming container. */
  root: JsonNode | undefined;
  private readonly stack: Frame[] = [];
  private expect = Expect.RootValue;
  /** After skipping, one more "value expected" (jsonc-parser reports a missing property name so). */
  private skipThenValueExpected = false;

  constructor(private readonly hooks: JsonParserHooks) {}

  /** A string parsed whole (a CSV cell of JSON, a test): offsets and positions from `start`. */
  static parse(text: string, start?: TextPoint): { root: JsonNode | undefined; errors: JsonError[] } {
    const errors: JsonError[] = [];
    const parser = new JsonParser({ error: (e) => errors.push(e) });
    const tokenizer = new JsonTokenizer((t) => parser.token(t), start);
    tokenizer.write(text);
    tokenizer.end();
    return { root: parser.root, errors };
  }

  /** Whether the document was read to its end or given up on (nothing after it is read). */
  get finished(): boolean {
    return this.expect === Expect.Stopped;
  }

  token(t: JsonToken): void {
    if (this.expect === Expect.Stopped) return;
    const scanError = SCAN_ERRORS[t.error];
    if (scanError) this.error(scanError, t);
    if (t.kind === Token.Comment) return this.error('InvalidCommentToken', t);
    if (t.kind === Token.Unknown) return this.error('InvalidSymbol', t);
    while (!this.step(t));
  }

  /** One step of the grammar; false when the token is still to be looked at (in the state the step left). */
  private step(t: JsonToken): boolean {
    const frame = this.stack[this.stack.length - 1];
    switch (this.expect) {
      case Expect.RootValue:
        if (t.kind !== Token.EOF && this.startValue(t)) return true;
        this.error('ValueExpected', t);
        this.expect = Expect.Stopped;
        return true;
      case Expect.AfterRoot:
        if (t.kind !== Token.EOF) this.error('EndOfFileExpected', t);
        this.expect = Expect.Stopped;
        return true;
      case Expect.Stopped:
        return true;
      case Expect.ArrayNext:
      case Expect.ObjectNext: {
        const isArray = this.expect === Expect.ArrayNext;
        if (t.kind === (isArray ? Token.CloseBracket : Token.CloseBrace)) {
          this.close(t);
          return true;
        }
        if (t.kind === Token.EOF) {
          this.error(isArray ? 'CloseBracketExpected' : 'CloseBraceExpected', t);
          this.close(t);
          return false;
        }
        const next = isArray ? Expect.ArrayElement : Expect.PropertyName;
        if (t.kind === Token.Comma) {
          if (!frame.needsComma) this.error('ValueExpected', t);
          this.expect = next;
          return true;
        }
        if (frame.needsComma) this.error('CommaExpected', t);
        this.expect = next;
        return false;
      }
      case Expect.ArrayElement:
        if (this.startValue(t)) return true;
        this.error('ValueExpected', t);
        this.skip(false);
        return false;
      case Expect.PropertyName:
        if (t.kind === Token.String) {
          frame.pendingKey = t.text;
          this.expect = Expect.Colon;
          return true;
        }
        this.error('PropertyNameExpected', t);
        this.skip(true);
        return false;
      case Expect.Colon:
        if (t.kind === Token.Colon) {
          this.expect = Expect.PropertyValue;
          return true;
        }
        this.error('ColonExpected', t);
        this.keyWithoutValue(frame);
        this.skip(false);
        return false;
      case Expect.PropertyValue:
        if (this.startValue(t)) return true;
        this.error('ValueExpected', t);
        this.keyWithoutValue(frame);
        this.skip(false);
        return false;
      case Expect.Skip: {
        const closer = frame.node.type === 'array' ? Token.CloseBracket : Token.CloseBrace;
        if (t.kind !== closer && t.kind !== Token.Comma && t.kind !== Token.EOF) return true;
        if (this.skipThenValueExpected) this.error('ValueExpected', t);
        frame.needsComma = true;
        this.expect = frame.node.type === 'array' ? Expect.ArrayNext : Expect.ObjectNext;
        return false;
      }
    }
  }

  private startValue(t: JsonToken): boolean {
    switch (t.kind) {
      case Token.OpenBracket:
        this.open(t, 'array');
        return true;
      case Token.OpenBrace:
        this.open(t, 'object');
        return true;
      case Token.String:
        this.complete(literal(t, 'string', t.text));
        return true;
      case Token.Number: {
        let value = Number(t.text);
        if (Number.isNaN(value)) {
          this.error('InvalidNumberFormat', t);
          value = 0;
        }
        this.complete(literal(t, 'number', value));
        return true;
      }
      case Token.True:
      case Token.False:
        this.complete(literal(t, 'boolean', t.kind === Token.True));
        return true;
      case Token.Null:
        this.complete(literal(t, 'null', null));
        return true;
      default:
        return false;
    }
  }

  private open(t: JsonToken, type: 'array' | 'object'): void {
    const node: JsonNode = {
      type,
      offset: t.offset,
      length: 0,
      line: t.line,
      column: t.column,
      endLine: t.line,
      endColumn: t.column,
      value: type === 'array' ? [] : {},
      ...(type === 'array' ? { items: [] } : { members: [] }),
    };
    const parent = this.stack[this.stack.length - 1];
    const key = parent ? (parent.node.type === 'array' ? parent.count : parent.pendingKey) : undefined;
    const frame: Frame = { node, key, streamed: false, needsComma: false, count: 0, pendingKey: '' };
    frame.streamed = this.hooks.streams?.(frame, this.stack) ?? false;
    this.stack.push(frame);
    this.expect = type === 'array' ? Expect.ArrayNext : Expect.ObjectNext;
  }

  /** At its closing token, or at the end of the text when it is never closed (it then ends there). */
  private close(t: JsonToken): void {
    const frame = this.stack.pop();
    // invariant: close() is only reached from a container state, so a frame is open
    if (!frame) throw new Error('no open container');
    const node = frame.node;
    node.length = t.offset + t.length - node.offset;
    node.endLine = t.endLine;
    node.endColumn = t.endColumn;
    this.complete(node);
  }

  private complete(node: JsonNode): void {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) {
      this.root = node;
      this.expect = Expect.AfterRoot;
      return;
    }
    const isArray = frame.node.type === 'array';
    const key = isArray ? frame.count : frame.pendingKey;
    if (frame.streamed) {
      // The frame leaves the stack for the call, so `parents` is what is around the container.
      this.stack.pop();
      this.hooks.child?.(node, frame, key, this.stack);
      this.stack.push(frame);
    } else if (isArray) {
      frame.node.items?.push(node);
      (frame.node.value as unknown[]).push(node.value);
    } else {
      frame.node.members?.push({ key: key as string, node });
      defineMember(frame.node.value as Record<string, unknown>, key as string, node.value);
    }
    frame.count++;
    frame.needsComma = true;
    this.expect = isArray ? Expect.ArrayNext : Expect.ObjectNext;
  }

  private keyWithoutValue(frame: Frame): void {
    if (frame.streamed) return;
    frame.node.members?.push({ key: frame.pendingKey });
    defineMember(frame.node.value as Record<string, unknown>, frame.pendingKey, undefined);
  }

  private skip(thenValueExpected: boolean): void {
    this.skipThenValueExpected = thenValueExpected;
    this.expect = Expect.Skip;
  }

  private error(code: JsonErrorCode, t: JsonToken): void {
    this.hooks.error({
      code,
      offset: t.offset,
      length: t.length,
      line: t.line,
      column: t.column,
      endLine: t.endLine,
      endColumn: t.endColumn,
    });
  }
}

function literal(t: JsonToken, type: 'string' | 'number' | 'boolean' | 'null', value: unknown): JsonNode {
  return { type, offset: t.offset, length: t.length, line: t.line, column: t.column, endLine: t.endLine, endColumn: t.endColumn, value };
}
