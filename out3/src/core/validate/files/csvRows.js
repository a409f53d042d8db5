"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CsvRowSplitter = exports.MAX_ROW_LENGTH = void 0;
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
const textPosition_1 = require("./textPosition");
/** 1 Mi characters: far beyond any field Keap has (a note holds at most 64 KiB). */
exports.MAX_ROW_LENGTH = 1 << 20;
const UNQUOTED_RUN = /[^,\r\n]*/y;
class CsvRowSplitter {
    emit;
    maxRowLength;
    buffer = '';
    /** Where the row being read starts in `buffer`, where scanning goes on, and its opening quote. */
    rowStart = 0;
    scan = 0;
    quote = -1;
    state = 0 /* State.FieldStart */;
    /** The last piece ended with a CR: an LF at the start of the next one belongs to that line break. */
    afterCr = false;
    /** The position of `buffer[rowStart]`. */
    position = new textPosition_1.TextPosition();
    constructor(emit, maxRowLength = exports.MAX_ROW_LENGTH) {
        this.emit = emit;
        this.maxRowLength = maxRowLength;
    }
    write(text) {
        this.buffer = this.buffer.slice(this.rowStart) + text;
        this.scan -= this.rowStart;
        if (this.quote >= 0)
            this.quote -= this.rowStart;
        this.rowStart = 0;
        this.run(false);
    }
    end() {
        this.run(true);
        this.buffer = '';
        this.rowStart = this.scan = 0;
    }
    run(final) {
        const b = this.buffer;
        const n = b.length;
        let i = this.scan;
        if (this.afterCr && i < n) {
            this.afterCr = false;
            if (b.charCodeAt(i) === 10)
                this.skipTo(++i);
        }
        for (;;) {
            while (i < n) {
                if (this.state === 0 /* State.FieldStart */) {
                    if (b.charCodeAt(i) === 34) {
                        this.state = 2 /* State.Quoted */;
                        this.quote = i++;
                        continue;
                    }
                    this.state = 1 /* State.Unquoted */;
                }
                if (this.state === 2 /* State.Quoted */) {
                    const q = b.indexOf('"', i);
                    if (q < 0 || (q + 1 === n && !final)) {
                        // The closing quote, or whether a quote is doubled, is in a later piece.
                        i = q < 0 ? n : q;
                        break;
                    }
                    if (b.charCodeAt(q + 1) === 34)
                        i = q + 2;
                    else {
                        this.state = 3 /* State.AfterQuote */;
                        i = q + 1;
                    }
                    continue;
                }
                if (this.state === 4 /* State.SkipLine */) {
                    while (i < n && !isBreak(b.charCodeAt(i)))
                        i++;
                    this.skipTo(i);
                    if (i === n)
                        break;
                    this.state = 0 /* State.FieldStart */;
                    i = this.lineBreak(i, final);
                    this.skipTo(i);
                    continue;
                }
                // Unquoted, or after a closing quote: up to the next comma or line break (quotes there are data).
                UNQUOTED_RUN.lastIndex = i;
                UNQUOTED_RUN.test(b);
                i = UNQUOTED_RUN.lastIndex;
                if (i === n)
                    break;
                if (b.charCodeAt(i) === 44) {
                    this.state = 0 /* State.FieldStart */;
                    i++;
                    continue;
                }
                this.emitRow(b.slice(this.rowStart, i));
                i = this.lineBreak(i, final);
                this.skipTo(i);
                this.state = 0 /* State.FieldStart */;
            }
            if (this.state === 2 /* State.Quoted */ && (final || n - this.rowStart > this.maxRowLength)) {
                i = this.unterminated(final);
                continue;
            }
            if (this.state !== 4 /* State.SkipLine */ && this.state !== 2 /* State.Quoted */ && n - this.rowStart > this.maxRowLength) {
                this.emitRow(b.slice(this.rowStart, this.rowStart + 200), { tooLong: true });
                this.state = 4 /* State.SkipLine */;
                i = Math.max(i, this.rowStart);
                continue;
            }
            break;
        }
        this.scan = i;
        if (final) {
            if (this.state !== 4 /* State.SkipLine */ && this.rowStart < n)
                this.emitRow(b.slice(this.rowStart));
            this.skipTo(n);
        }
    }
    /** A quote never closed: the row up to the end of the quote's line is handed on as cut, and reading resumes after that line. */
    unterminated(final) {
        const b = this.buffer;
        let end = this.quote;
        while (end < b.length && !isBreak(b.charCodeAt(end)))
            end++;
        this.emitRow(b.slice(this.rowStart, end), { unterminatedQuote: this.quote - this.rowStart });
        this.state = 0 /* State.FieldStart */;
        this.quote = -1;
        const next = end < b.length ? this.lineBreak(end, final) : end;
        this.skipTo(next);
        return next;
    }
    /** After the line break at `i` (CRLF counts as one; a CR at the end of a piece waits to see whether an LF follows). */
    lineBreak(i, final) {
        const b = this.buffer;
        if (b.charCodeAt(i) === 13) {
            if (i + 1 < b.length)
                return b.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
            if (!final)
                this.afterCr = true;
        }
        return i + 1;
    }
    emitRow(text, extra = {}) {
        this.emit({ text, start: this.position.point(), ...extra });
    }
    /** The row being read now starts at `i`: the position moves over what lies before it. */
    skipTo(i) {
        if (i <= this.rowStart)
            return;
        this.position.advance(this.buffer.slice(this.rowStart, i));
        this.rowStart = i;
    }
}
exports.CsvRowSplitter = CsvRowSplitter;
function isBreak(c) {
    return c === 10 || c === 13;
}
//# sourceMappingURL=csvRows.js.map