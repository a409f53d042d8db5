/**
 * JSON tokens from text given a piece at a time, each with its offset, line and column: the
 * scanner of jsonc-parser (the parser VS Code uses, which this project used before) rewritten so
 * that a token may be cut by a chunk's end, and so that a file never has to be one string. Every
 * token kind, scan error and token length is the one jsonc-parser gives, so findings keep their
 * positions and messages. Comments are scanned (and then refused by the parser), as there.
 */
import { TEXT_START, type TextPoint, type TextSpan } from './textPosition';

export const enum Token {
  OpenBrace,
  CloseBrace,
  OpenBracket,
  CloseBracket,
  Comma,
  Colon,
  String,
  Number,
  True,
  False,
  Null,
  Comment,
  Unknown,
  EOF,
}

export const enum ScanError {
  None,
  UnexpectedEndOfComment,
  UnexpectedEndOfString,
  UnexpectedEndOfNumber,
  InvalidUnicode,
  InvalidEscapeCharacter,
  InvalidCharacter,
}

/** One token; the tokenizer reuses the object, so a reader copies what it keeps. */
export interface JsonToken extends TextSpan {
  kind: Token;
  /** A string's value, a number's text, a keyword. */
  text: string;
  error: ScanError;
}

const enum State {
  Between,
  String,
  Number,
  Word,
  Minus,
  Slash,
  LineComment,
  BlockComment,
}

/** Inside a number, what came last (jsonc-parser's scanNumber, one character at a time). */
const enum NumberPart {
  Zero,
  Integer,
  Dot,
  Fraction,
  Exponent,
  ExponentSign,
  ExponentDigits,
}

/** Inside a string: after a backslash (1), or reading the hex digits of a \u escape (2–5). */
const ESCAPE = 1;
const HEX = 2;

// eslint-disable-next-line no-control-regex -- control characters end the plain run: JSON strings may not hold them raw
const PLAIN_STRING = /[^"\\\u0000-\u001f]+/y;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9;
const isBreak = (c: number) => c === 10 || c === 13;

/** jsonc-parser's "unknown content": what a keyword or a run of stray characters is made of. */
function isWordCharacter(c: number): boolean {
  return !(isSpace(c) || isBreak(c) || c === 125 || c === 93 || c === 123 || c === 91 || c === 34 || c === 58 || c === 44 || c === 47);
}

export class JsonTokenizer {
  /** Where the next character is. */
  private offset: number;
  private line: number;
  private column: number;
  /** The last character was a CR: the next one decides whether it ends a line (CRLF is one break). */
  private cr = false;

  private state = State.Between;
  private readonly token: JsonToken = {
    kind: Token.EOF,
    text: '',
    error: ScanError.None,
    offset: 0,
    length: 0,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
  /** The token being read: its text so far, its scan error, and per kind where it is. */
  private parts: string[] = [];
  private error = ScanError.None;
  private numberPart = NumberPart.Zero;
  /** The part of a number's text that is its value (a cut-off exponent is in the token, not the value). */
  private numberValueLength = 0;
  private tokenLength = 0;
  private escape = 0;
  private hexValue = 0;
  private star = false;
  private previous = 0;
  private endsWithCrLf = false;

  constructor(
    private readonly emit: (token: JsonToken) => void,
    start: TextPoint = TEXT_START,
  ) {
    this.offset = start.offset;
    this.line = start.line;
    this.column = start.column;
  }

  write(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.Between:
          i = this.between(text, i);
          break;
        case State.String:
          i = this.string(text, i);
          break;
        case State.Number:
          i = this.number(text, i);
          break;
        case State.Word:
          i = this.word(text, i);
          break;
        case State.Minus:
          i = this.minus(text, i);
          break;
        case State.Slash:
          i = this.slash(text, i);
          break;
        case State.LineComment:
          i = this.lineComment(text, i);
          break;
        case State.BlockComment:
          i = this.blockComment(text, i);
          break;
      }
    }
  }

  /** The end of the text: finishes the token being read, then EOF. */
  end(): void {
    let eofLength = 0;
    switch (this.state) {
      case State.String:
        this.finish(Token.String, ScanError.UnexpectedEndOfString);
        break;
      case State.Number:
        this.finishNumber();
        break;
      case State.Word:
        this.finishWord();
        break;
      case State.Minus:
      case State.Slash:
        this.finish(Token.Unknown, ScanError.None);
        break;
      case State.LineComment:
        this.finish(Token.Comment, ScanError.None);
        break;
      case State.BlockComment:
        // jsonc-parser counts one character past the end into an unclosed comment (and into the EOF after
        // it) when its lookahead loop overshoots: an empty comment, or one that ends with CRLF.
        if (this.tokenLength === 2 || this.endsWithCrLf) {
          this.tokenLength++;
          eofLength = 1;
        }
        this.finish(Token.Comment, ScanError.UnexpectedEndOfComment);
        break;
    }
    if (this.cr) {
      this.cr = false;
      this.line++;
      this.column = 1;
    }
    this.begin();
    this.tokenLength = eofLength;
    this.finish(Token.EOF, ScanError.None);
  }

  private between(text: string, from: number): number {
    const n = text.length;
    let i = from;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isSpace(c) || isBreak(c)) {
        this.consume(c);
        i++;
        continue;
      }
      this.begin();
      switch (c) {
        case 123:
          return this.single(Token.OpenBrace, i);
        case 125:
          return this.single(Token.CloseBrace, i);
        case 91:
          return this.single(Token.OpenBracket, i);
        case 93:
          return this.single(Token.CloseBracket, i);
        case 58:
          return this.single(Token.Colon, i);
        case 44:
          return this.single(Token.Comma, i);
        case 34:
          this.state = State.String;
          this.take(1);
          return i + 1;
        case 47:
          this.state = State.Slash;
          this.take(1);
          return i + 1;
        case 45:
          this.state = State.Minus;
          this.parts.push('-');
          this.take(1);
          return i + 1;
      }
      if (isDigit(c)) {
        this.state = State.Number;
        this.numberPart = c === 48 ? NumberPart.Zero : NumberPart.Integer;
        this.parts.push(text[i]);
        this.take(1);
        this.numberValueLength = this.tokenLength;
        return i + 1;
      }
      this.state = State.Word;
      return i;
    }
    return i;
  }

  private single(kind: Token, i: number): number {
    this.take(1);
    this.finish(kind, ScanError.None);
    return i + 1;
  }

  private string(text: string, from: number): number {
    const n = text.length;
    let i = from;
    while (i < n) {
      if (this.escape === ESCAPE) {
        const c = text.charCodeAt(i);
        i++;
        this.take(1);
        const simple = SIMPLE_ESCAPES[c];
        if (simple !== undefined) {
          this.parts.push(simple);
          this.escape = 0;
        } else if (c === 117 /* u */) {
          this.escape = HEX;
          this.hexValue = 0;
        } else {
          this.error = ScanError.InvalidEscapeCharacter;
          this.escape = 0;
        }
        continue;
      }
      if (this.escape >= HEX) {
        const digit = hexDigit(text.charCodeAt(i));
        if (digit < 0) {
          // Fewer than four hex digits: the escape is dropped, the character after it is read as usual.
          this.error = ScanError.InvalidUnicode;
          this.escape = 0;
          continue;
        }
        i++;
        this.take(1);
        this.hexValue = this.hexValue * 16 + digit;
        if (++this.escape === HEX + 4) {
          this.parts.push(String.fromCharCode(this.hexValue));
          this.escape = 0;
        }
        continue;
      }
      PLAIN_STRING.lastIndex = i;
      if (PLAIN_STRING.test(text)) {
        const end = PLAIN_STRING.lastIndex;
        this.parts.push(text.slice(i, end));
        this.take(end - i);
        i = end;
        if (i >= n) break;
      }
      const c = text.charCodeAt(i);
      if (c === 34) {
        this.take(1);
        this.finish(Token.String, this.error);
        return i + 1;
      }
      if (c === 92) {
        this.take(1);
        this.escape = ESCAPE;
        i++;
        continue;
      }
      if (isBreak(c)) {
        // A line break ends the string (cut short); it is not part of the token.
        this.finish(Token.String, ScanError.UnexpectedEndOfString);
        return i;
      }
      this.error = ScanError.InvalidCharacter;
      this.parts.push(text[i]);
      this.take(1);
      i++;
    }
    return i;
  }

  private number(text: string, from: number): number {
    const n = text.length;
    let i = from;
    const start = i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      const part = this.numberPart;
      if (isDigit(c) && part !== NumberPart.Zero) {
        if (part === NumberPart.Dot) this.numberPart = NumberPart.Fraction;
        else if (part === NumberPart.Exponent || part === NumberPart.ExponentSign) this.numberPart = NumberPart.ExponentDigits;
      } else if (c === 46 && (part === NumberPart.Zero || part === NumberPart.Integer)) this.numberPart = NumberPart.Dot;
      else if ((c === 101 || c === 69) && (part === NumberPart.Zero || part === NumberPart.Integer || part === NumberPart.Fraction)) {
        this.numberPart = NumberPart.Exponent;
      } else if ((c === 43 || c === 45) && part === NumberPart.Exponent) this.numberPart = NumberPart.ExponentSign;
      else {
        this.parts.push(text.slice(start, i));
        this.take(i - start);
        this.finishNumber();
        return i;
      }
      if (this.numberPart !== NumberPart.Exponent && this.numberPart !== NumberPart.ExponentSign) {
        this.numberValueLength = this.tokenLength + (i - start) + 1;
      }
    }
    this.parts.push(text.slice(start, i));
    this.take(i - start);
    return i;
  }

  private finishNumber(): void {
    const part = this.numberPart;
    const cutShort = part === NumberPart.Dot || part === NumberPart.Exponent || part === NumberPart.ExponentSign;
    const text = this.parts.join('');
    this.parts = [text.slice(0, this.numberValueLength)];
    this.finish(Token.Number, cutShort ? ScanError.UnexpectedEndOfNumber : ScanError.None);
  }

  private minus(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) {
      this.finish(Token.Unknown, ScanError.None);
      return i;
    }
    this.state = State.Number;
    this.numberPart = c === 48 ? NumberPart.Zero : NumberPart.Integer;
    this.parts.push(text[i]);
    this.take(1);
    this.numberValueLength = this.tokenLength;
    return i + 1;
  }

  private word(text: string, from: number): number {
    const n = text.length;
    let i = from;
    while (i < n && isWordCharacter(text.charCodeAt(i))) i++;
    // Only the first characters matter (is it true, false or null?); a long run of stray text is not kept.
    if (this.tokenLength < 6) this.parts.push(text.slice(from, Math.min(i, from + 6)));
    this.take(i - from);
    if (i < n) {
      this.finishWord();
      return i;
    }
    return i;
  }

  private finishWord(): void {
    const text = this.parts.join('');
    const length = this.tokenLength;
    this.parts = [];
    const kind =
      length === 4 && text === 'true'
        ? Token.True
        : length === 5 && text === 'false'
          ? Token.False
          : length === 4 && text === 'null'
            ? Token.Null
            : Token.Unknown;
    if (kind !== Token.Unknown) this.parts.push(text.slice(0, length));
    this.finish(kind, ScanError.None);
  }

  private slash(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c === 47) {
      this.state = State.LineComment;
      this.take(1);
      return i + 1;
    }
    if (c === 42) {
      this.state = State.BlockComment;
      this.star = false;
      this.previous = 0;
      this.endsWithCrLf = false;
      this.take(1);
      return i + 1;
    }
    this.finish(Token.Unknown, ScanError.None);
    return i;
  }

  private lineComment(text: string, from: number): number {
    const n = text.length;
    let i = from;
    while (i < n && !isBreak(text.charCodeAt(i))) i++;
    this.take(i - from);
    if (i < n) this.finish(Token.Comment, ScanError.None);
    return i;
  }

  private blockComment(text: string, from: number): number {
    const n = text.length;
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i);
      this.consume(c);
      this.tokenLength++;
      if (this.star && c === 47) {
        this.finish(Token.Comment, ScanError.None);
        return i + 1;
      }
      this.endsWithCrLf = this.previous === 13 && c === 10;
      this.previous = c;
      this.star = c === 42;
    }
    return n;
  }

  /** The next character starts a token. */
  private begin(): void {
    if (this.cr) {
      this.cr = false;
      this.line++;
      this.column = 1;
    }
    const t = this.token;
    t.offset = this.offset;
    t.line = this.line;
    t.column = this.column;
    this.parts = [];
    this.error = ScanError.None;
    this.tokenLength = 0;
    this.escape = 0;
  }

  /** `n` characters of the token, none of them a line break. */
  private take(n: number): void {
    this.offset += n;
    this.column += n;
    this.tokenLength += n;
  }

  private consume(c: number): void {
    if (this.cr) {
      this.cr = false;
      if (c !== 10) {
        this.line++;
        this.column = 1;
      }
    }
    this.offset++;
    if (c === 10) {
      this.line++;
      this.column = 1;
    } else if (c === 13) {
      this.column++;
      this.cr = true;
    } else this.column++;
  }

  /** Hands the token out. */
  private finish(kind: Token, error: ScanError): void {
    const t = this.token;
    t.kind = kind;
    t.error = error;
    t.text =
      kind === Token.String || kind === Token.Number || kind === Token.True || kind === Token.False || kind === Token.Null
        ? this.parts.join('')
        : '';
    t.length = this.tokenLength;
    t.endLine = this.line;
    t.endColumn = this.column;
    this.state = State.Between;
    this.parts = [];
    this.emit(t);
  }
}

const SIMPLE_ESCAPES: Record<number, string> = { 34: '"', 92: '\\', 47: '/', 98: '\b', 102: '\f', 110: '\n', 114: '\r', 116: '\t' };

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}
