/**
 * Line and column of the next character of a text read piece by piece, counted as `LineIndex`
 * counts them (1-based; columns in UTF-16 code units; a line ends at LF, CRLF or a lone CR), so
 * that a reader which never holds the whole file still reports the positions an editor shows.
 */
import type { SourcePosition } from '../rule';

/** A place in the text: the offset of a character and its line and column. */
export interface TextPoint {
  offset: number;
  line: number;
  column: number;
}

export const TEXT_START: TextPoint = { offset: 0, line: 1, column: 1 };

/** A stretch of the text (a token, a value, an error): where it starts, its length, and just after it. */
export interface TextSpan extends TextPoint {
  /** In UTF-16 code units. */
  length: number;
  /** Just after the stretch (exclusive). */
  endLine: number;
  endColumn: number;
}

/** A stretch of a file as findings name it. */
export function spanPosition(file: string, span: TextSpan): SourcePosition {
  return { file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

export class TextPosition {
  offset: number;
  line: number;
  column: number;
  /** The last character was a CR: whether it ends a line depends on the next one (CRLF is one break). */
  private cr = false;

  constructor(start: TextPoint = TEXT_START) {
    this.offset = start.offset;
    this.line = start.line;
    this.column = start.column;
  }

  advance(text: string): void {
    const n = text.length;
    let line = this.line;
    let column = this.column;
    let cr = this.cr;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (cr) {
        cr = false;
        if (c !== 10) {
          line++;
          column = 1;
        }
      }
      if (c === 10) {
        line++;
        column = 1;
      } else if (c === 13) {
        column++;
        cr = true;
      } else column++;
    }
    this.line = line;
    this.column = column;
    this.cr = cr;
    this.offset += n;
  }

  /** Where the next character is (after a CR, at the start of the next line: it is not an LF, or it would be asked about after it). */
  point(): TextPoint {
    return this.cr
      ? { offset: this.offset, line: this.line + 1, column: 1 }
      : { offset: this.offset, line: this.line, column: this.column };
  }
}
