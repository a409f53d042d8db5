"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TextPosition = exports.TEXT_START = void 0;
exports.spanPosition = spanPosition;
exports.TEXT_START = { offset: 0, line: 1, column: 1 };
/** A stretch of a file as findings name it. */
function spanPosition(file, span) {
    return { file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}
class TextPosition {
    offset;
    line;
    column;
    /** The last character was a CR: whether it ends a line depends on the next one (CRLF is one break). */
    cr = false;
    constructor(start = exports.TEXT_START) {
        this.offset = start.offset;
        this.line = start.line;
        this.column = start.column;
    }
    advance(text) {
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
            }
            else if (c === 13) {
                column++;
                cr = true;
            }
            else
                column++;
        }
        this.line = line;
        this.column = column;
        this.cr = cr;
        this.offset += n;
    }
    /** Where the next character is (after a CR, at the start of the next line: it is not an LF, or it would be asked about after it). */
    point() {
        return this.cr
            ? { offset: this.offset, line: this.line + 1, column: 1 }
            : { offset: this.offset, line: this.line, column: this.column };
    }
}
exports.TextPosition = TextPosition;
//# sourceMappingURL=textPosition.js.map