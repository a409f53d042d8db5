/**
 * Offsets in a file's text to the 1-based line and column editors show. Columns count UTF-16 code
 * units, as VS Code and SARIF consumers do; a line ends at LF, CRLF or a lone CR. Ends are
 * exclusive (the column just after the last character), as in VS Code ranges and SARIF regions.
 */
import type { SourcePosition } from '../rule';
import { TEXT_START, type TextPoint } from './textPosition';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly file: string,
    text: string,
    /** Where `text` starts in the file (a row of a file read piece by piece); offsets stay relative to `text`. */
    private readonly start: TextPoint = TEXT_START,
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of an offset. */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo === 0
      ? { line: this.start.line, column: this.start.column + offset }
      : { line: this.start.line + lo, column: offset - this.starts[lo] + 1 };
  }

  /** The position of the text from `start` to `end` (exclusive). */
  span(start: number, end: number): SourcePosition {
    const from = this.at(start);
    const to = this.at(Math.max(start, end));
    return { file: this.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}
