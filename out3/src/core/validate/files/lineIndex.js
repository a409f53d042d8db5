"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LineIndex = void 0;
const textPosition_1 = require("./textPosition");
class LineIndex {
    file;
    start;
    starts = [0];
    constructor(file, text, 
    /** Where `text` starts in the file (a row of a file read piece by piece); offsets stay relative to `text`. */
    start = textPosition_1.TEXT_START) {
        this.file = file;
        this.start = start;
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10))
                this.starts.push(i + 1);
        }
    }
    /** 1-based line and column of an offset. */
    at(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo === 0
            ? { line: this.start.line, column: this.start.column + offset }
            : { line: this.start.line + lo, column: offset - this.starts[lo] + 1 };
    }
    /** The position of the text from `start` to `end` (exclusive). */
    span(start, end) {
        const from = this.at(start);
        const to = this.at(Math.max(start, end));
        return { file: this.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    }
}
exports.LineIndex = LineIndex;
//# sourceMappingURL=lineIndex.js.map