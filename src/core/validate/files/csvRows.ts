/**
 * CSV text given a piece at a time, cut into rows (a quoted field may hold line breaks, so a row
 * can span lines) with the position each row starts at. Only the row being read is held; each
 * row is then tokenized on its own (`tokenizeCsv`), so a large file is never one string.
 *
 * A quote that is never closed would make the rest of the file one row: as `tokenizeCsv` does, it
 * is reported at the quote and reading resumes on the line after it. Whether it is ever closed is
 * known at the end of the file, or once the row has grown past `maxRowLength` (no Keap field is
 * that long), whichever comes first. A row longer than that without quotes is reported and skipped.
 */
import { TextPosition, type TextPoint } from './textPosition';

export interface CsvRowText {
  /** The row without its line break. */
  text: string;
  start: TextPoint;
  /** The row was cut at a quote never closed, at this index of `text` (the text runs to the end of the quote's line). */
  unterminatedQuote?: number;
  /** The row was longer than the limit and is not read (`text` is its first characters). */
  tooLong?: boolean;
}

/** 1 Mi characters: far beyond any field Keap has (a note holds at most 64 KiB). */
export const MAX_ROW_LENGTH = 1 << 20;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  AfterQuote,
  /** Discarding the rest of a row that was too long. */
  SkipLine,
}

const UNQUOTED_RUN = /[^,\r\n]*/y;

export class CsvRowSplitter {
  private buffer = '';
  /** Where the row being read starts in `buffer`, where scanning goes on, and its opening quote. */
  private rowStart = 0;
  private scan = 0;
  private quote = -1;
  private state = State.FieldStart;
  /** The last piece ended with a CR: an LF at the start of the next one belongs to that line break. */
  private afterCr = false;
  /** The position of `buffer[rowStart]`. */
  private readonly position = new TextPosition();

  constructor(
    private readonly emit: (row: CsvRowText) => void,
    private readonly maxRowLength = MAX_ROW_LENGTH,
  ) {}

  write(text: string): void {
    this.buffer = this.buffer.slice(this.rowStart) + text;
    this.scan -= this.rowStart;
    if (this.quote >= 0) this.quote -= this.rowStart;
    this.rowStart = 0;
    this.run(false);
  }

  end(): void {
    this.run(true);
    this.buffer = '';
    this.rowStart = this.scan = 0;
  }

  private run(final: boolean): void {
    const b = this.buffer;
    const n = b.length;
    let i = this.scan;
    if (this.afterCr && i < n) {
      this.afterCr = false;
      if (b.charCodeAt(i) === 10) this.skipTo(++i);
    }
    for (;;) {
      while (i < n) {
        if (this.state === State.FieldStart) {
          if (b.charCodeAt(i) === 34) {
            this.state = State.Quoted;
            this.quote = i++;
            continue;
          }
          this.state = State.Unquoted;
        }
        if (this.state === State.Quoted) {
          const q = b.indexOf('"', i);
          if (q < 0 || (q + 1 === n && !final)) {
            // The closing quote, or whether a quote is doubled, is in a later piece.
            i = q < 0 ? n : q;
            break;
          }
          if (b.charCodeAt(q + 1) === 34) i = q + 2;
          else {
            this.state = State.AfterQuote;
            i = q + 1;
          }
          continue;
        }
        if (this.state === State.SkipLine) {
          while (i < n && !isBreak(b.charCodeAt(i))) i++;
          this.skipTo(i);
          if (i === n) break;
          this.state = State.FieldStart;
          i = this.lineBreak(i, final);
          this.skipTo(i);
          continue;
        }
        // Unquoted, or after a closing quote: up to the next comma or line break (quotes there are data).
        UNQUOTED_RUN.lastIndex = i;
        UNQUOTED_RUN.test(b);
        i = UNQUOTED_RUN.lastIndex;
        if (i === n) break;
        if (b.charCodeAt(i) === 44) {
          this.state = State.FieldStart;
          i++;
          continue;
        }
        this.emitRow(b.slice(this.rowStart, i));
        i = this.lineBreak(i, final);
        this.skipTo(i);
        this.state = State.FieldStart;
      }
      if (this.state === State.Quoted && (final || n - this.rowStart > this.maxRowLength)) {
        i = this.unterminated(final);
        continue;
      }
      if (this.state !== State.SkipLine && this.state !== State.Quoted && n - this.rowStart > this.maxRowLength) {
        this.emitRow(b.slice(this.rowStart, this.rowStart + 200), { tooLong: true });
        this.state = State.SkipLine;
        i = Math.max(i, this.rowStart);
        continue;
      }
      break;
    }
    this.scan = i;
    if (final) {
      if (this.state !== State.SkipLine && this.rowStart < n) this.emitRow(b.slice(this.rowStart));
      this.skipTo(n);
    }
  }

  /** A quote never closed: the row up to the end of the quote's line is handed on as cut, and reading resumes after that line. */
  private unterminated(final: boolean): number {
    const b = this.buffer;
    let end = this.quote;
    while (end < b.length && !isBreak(b.charCodeAt(end))) end++;
    this.emitRow(b.slice(this.rowStart, end), { unterminatedQuote: this.quote - this.rowStart });
    this.state = State.FieldStart;
    this.quote = -1;
    const next = end < b.length ? this.lineBreak(end, final) : end;
    this.skipTo(next);
    return next;
  }

  /** After the line break at `i` (CRLF counts as one; a CR at the end of a piece waits to see whether an LF follows). */
  private lineBreak(i: number, final: boolean): number {
    const b = this.buffer;
    if (b.charCodeAt(i) === 13) {
      if (i + 1 < b.length) return b.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (!final) this.afterCr = true;
    }
    return i + 1;
  }

  private emitRow(text: string, extra: Partial<CsvRowText> = {}): void {
    this.emit({ text, start: this.position.point(), ...extra });
  }

  /** The row being read now starts at `i`: the position moves over what lies before it. */
  private skipTo(i: number): void {
    if (i <= this.rowStart) return;
    this.position.advance(this.buffer.slice(this.rowStart, i));
    this.rowStart = i;
  }
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}
