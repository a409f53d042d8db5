"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JsonTokenizer = void 0;
/**
 * JSON tokens from text given a piece at a time, each with its offset, line and column: the
 * scanner of jsonc-parser (the parser VS Code uses, which this project used before) rewritten so
 * that a token may be cut by a chunk's end, and so that a file never has to be one string. Every
 * token kind, scan error and token length is the one jsonc-parser gives, so findings keep their
 * positions and messages. Comments are scanned (and then refused by the parser), as there.
 */
const textPosition_1 = require("./textPosition");
/** Inside a string: after a backslash (1), or reading the hex digits of a \u escape (2–5). */
const ESCAPE = 1;
const HEX = 2;
// eslint-disable-next-line no-control-regex -- control characters end the plain run: JSON strings may not hold them raw
const PLAIN_STRING = /[^"\\\u0000-\u001f]+/y;
const isDigit = (c) => c >= 48 && c <= 57;
const isSpace = (c) => c === 32 || c === 9;
const isBreak = (c) => c === 10 || c === 13;
/** jsonc-parser's "unknown content": what a keyword or a run of stray characters is made of. */
function isWordCharacter(c) {
    return !(isSpace(c) || isBreak(c) || c === 125 || c === 93 || c === 123 || c === 91 || c === 34 || c === 58 || c === 44 || c === 47);
}
class JsonTokenizer {
    emit;
    /** Where the next character is. */
    offset;
    line;
    column;
    /** The last character was a CR: the next one decides whether it ends a line (CRLF is one break). */
    cr = false;
    state = 0 /* State.Between */;
    token = {
        kind: 13 /* Token.EOF */,
        text: '',
        error: 0 /* ScanError.None */,
        offset: 0,
        length: 0,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
    };
    /** The token being read: its text so far, its scan error, and per kind where it is. */
    parts = [];
    error = 0 /* ScanError.None */;
    numberPart = 0 /* NumberPart.Zero */;
    /** The part of a number's text that is its value (a cut-off exponent is in the token, not the value). */
    numberValueLength = 0;
    tokenLength = 0;
    escape = 0;
    hexValue = 0;
    star = false;
    previous = 0;
    endsWithCrLf = false;
    constructor(emit, start = textPosition_1.TEXT_START) {
        this.emit = emit;
        this.offset = start.offset;
        this.line = start.line;
        this.column = start.column;
    }
    write(text) {
        const n = text.length;
        let i = 0;
        while (i < n) {
            switch (this.state) {
                case 0 /* State.Between */:
                    i = this.between(text, i);
                    break;
                case 1 /* State.String */:
                    i = this.string(text, i);
                    break;
                case 2 /* State.Number */:
                    i = this.number(text, i);
                    break;
                case 3 /* State.Word */:
                    i = this.word(text, i);
                    break;
                case 4 /* State.Minus */:
                    i = this.minus(text, i);
                    break;
                case 5 /* State.Slash */:
                    i = this.slash(text, i);
                    break;
                case 6 /* State.LineComment */:
                    i = this.lineComment(text, i);
                    break;
                case 7 /* State.BlockComment */:
                    i = this.blockComment(text, i);
                    break;
            }
        }
    }
    /** The end of the text: finishes the token being read, then EOF. */
    end() {
        let eofLength = 0;
        switch (this.state) {
            case 1 /* State.String */:
                this.finish(6 /* Token.String */, 2 /* ScanError.UnexpectedEndOfString */);
                break;
            case 2 /* State.Number */:
                this.finishNumber();
                break;
            case 3 /* State.Word */:
                this.finishWord();
                break;
            case 4 /* State.Minus */:
            case 5 /* State.Slash */:
                this.finish(12 /* Token.Unknown */, 0 /* ScanError.None */);
                break;
            case 6 /* State.LineComment */:
                this.finish(11 /* Token.Comment */, 0 /* ScanError.None */);
                break;
            case 7 /* State.BlockComment */:
                // jsonc-parser counts one character past the end into an unclosed comment (and into the EOF after
                // it) when its lookahead loop overshoots: an empty comment, or one that ends with CRLF.
                if (this.tokenLength === 2 || this.endsWithCrLf) {
                    this.tokenLength++;
                    eofLength = 1;
                }
                this.finish(11 /* Token.Comment */, 1 /* ScanError.UnexpectedEndOfComment */);
                break;
        }
        if (this.cr) {
            this.cr = false;
            this.line++;
            this.column = 1;
        }
        this.begin();
        this.tokenLength = eofLength;
        this.finish(13 /* Token.EOF */, 0 /* ScanError.None */);
    }
    between(text, from) {
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
                    return this.single(0 /* Token.OpenBrace */, i);
                case 125:
                    return this.single(1 /* Token.CloseBrace */, i);
                case 91:
                    return this.single(2 /* Token.OpenBracket */, i);
                case 93:
                    return this.single(3 /* Token.CloseBracket */, i);
                case 58:
                    return this.single(5 /* Token.Colon */, i);
                case 44:
                    return this.single(4 /* Token.Comma */, i);
                case 34:
                    this.state = 1 /* State.String */;
                    this.take(1);
                    return i + 1;
                case 47:
                    this.state = 5 /* State.Slash */;
                    this.take(1);
                    return i + 1;
                case 45:
                    this.state = 4 /* State.Minus */;
                    this.parts.push('-');
                    this.take(1);
                    return i + 1;
            }
            if (isDigit(c)) {
                this.state = 2 /* State.Number */;
                this.numberPart = c === 48 ? 0 /* NumberPart.Zero */ : 1 /* NumberPart.Integer */;
                this.parts.push(text[i]);
                this.take(1);
                this.numberValueLength = this.tokenLength;
                return i + 1;
            }
            this.state = 3 /* State.Word */;
            return i;
        }
        return i;
    }
    single(kind, i) {
        this.take(1);
        this.finish(kind, 0 /* ScanError.None */);
        return i + 1;
    }
    string(text, from) {
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
                }
                else if (c === 117 /* u */) {
                    this.escape = HEX;
                    this.hexValue = 0;
                }
                else {
                    this.error = 5 /* ScanError.InvalidEscapeCharacter */;
                    this.escape = 0;
                }
                continue;
            }
            if (this.escape >= HEX) {
                const digit = hexDigit(text.charCodeAt(i));
                if (digit < 0) {
                    // Fewer than four hex digits: the escape is dropped, the character after it is read as usual.
                    this.error = 4 /* ScanError.InvalidUnicode */;
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
                if (i >= n)
                    break;
            }
            const c = text.charCodeAt(i);
            if (c === 34) {
                this.take(1);
                this.finish(6 /* Token.String */, this.error);
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
                this.finish(6 /* Token.String */, 2 /* ScanError.UnexpectedEndOfString */);
                return i;
            }
            this.error = 6 /* ScanError.InvalidCharacter */;
            this.parts.push(text[i]);
            this.take(1);
            i++;
        }
        return i;
    }
    number(text, from) {
        const n = text.length;
        let i = from;
        const start = i;
        for (; i < n; i++) {
            const c = text.charCodeAt(i);
            const part = this.numberPart;
            if (isDigit(c) && part !== 0 /* NumberPart.Zero */) {
                if (part === 2 /* NumberPart.Dot */)
                    this.numberPart = 3 /* NumberPart.Fraction */;
                else if (part === 4 /* NumberPart.Exponent */ || part === 5 /* NumberPart.ExponentSign */)
                    this.numberPart = 6 /* NumberPart.ExponentDigits */;
            }
            else if (c === 46 && (part === 0 /* NumberPart.Zero */ || part === 1 /* NumberPart.Integer */))
                this.numberPart = 2 /* NumberPart.Dot */;
            else if ((c === 101 || c === 69) && (part === 0 /* NumberPart.Zero */ || part === 1 /* NumberPart.Integer */ || part === 3 /* NumberPart.Fraction */)) {
                this.numberPart = 4 /* NumberPart.Exponent */;
            }
            else if ((c === 43 || c === 45) && part === 4 /* NumberPart.Exponent */)
                this.numberPart = 5 /* NumberPart.ExponentSign */;
            else {
                this.parts.push(text.slice(start, i));
                this.take(i - start);
                this.finishNumber();
                return i;
            }
            if (this.numberPart !== 4 /* NumberPart.Exponent */ && this.numberPart !== 5 /* NumberPart.ExponentSign */) {
                this.numberValueLength = this.tokenLength + (i - start) + 1;
            }
        }
        this.parts.push(text.slice(start, i));
        this.take(i - start);
        return i;
    }
    finishNumber() {
        const part = this.numberPart;
        const cutShort = part === 2 /* NumberPart.Dot */ || part === 4 /* NumberPart.Exponent */ || part === 5 /* NumberPart.ExponentSign */;
        const text = this.parts.join('');
        this.parts = [text.slice(0, this.numberValueLength)];
        this.finish(7 /* Token.Number */, cutShort ? 3 /* ScanError.UnexpectedEndOfNumber */ : 0 /* ScanError.None */);
    }
    minus(text, i) {
        const c = text.charCodeAt(i);
        if (!isDigit(c)) {
            this.finish(12 /* Token.Unknown */, 0 /* ScanError.None */);
            return i;
        }
        this.state = 2 /* State.Number */;
        this.numberPart = c === 48 ? 0 /* NumberPart.Zero */ : 1 /* NumberPart.Integer */;
        this.parts.push(text[i]);
        this.take(1);
        this.numberValueLength = this.tokenLength;
        return i + 1;
    }
    word(text, from) {
        const n = text.length;
        let i = from;
        while (i < n && isWordCharacter(text.charCodeAt(i)))
            i++;
        // Only the first characters matter (is it true, false or null?); a long run of stray text is not kept.
        if (this.tokenLength < 6)
            this.parts.push(text.slice(from, Math.min(i, from + 6)));
        this.take(i - from);
        if (i < n) {
            this.finishWord();
            return i;
        }
        return i;
    }
    finishWord() {
        const text = this.parts.join('');
        const length = this.tokenLength;
        this.parts = [];
        const kind = length === 4 && text === 'true'
            ? 8 /* Token.True */
            : length === 5 && text === 'false'
                ? 9 /* Token.False */
                : length === 4 && text === 'null'
                    ? 10 /* Token.Null */
                    : 12 /* Token.Unknown */;
        if (kind !== 12 /* Token.Unknown */)
            this.parts.push(text.slice(0, length));
        this.finish(kind, 0 /* ScanError.None */);
    }
    slash(text, i) {
        const c = text.charCodeAt(i);
        if (c === 47) {
            this.state = 6 /* State.LineComment */;
            this.take(1);
            return i + 1;
        }
        if (c === 42) {
            this.state = 7 /* State.BlockComment */;
            this.star = false;
            this.previous = 0;
            this.endsWithCrLf = false;
            this.take(1);
            return i + 1;
        }
        this.finish(12 /* Token.Unknown */, 0 /* ScanError.None */);
        return i;
    }
    lineComment(text, from) {
        const n = text.length;
        let i = from;
        while (i < n && !isBreak(text.charCodeAt(i)))
            i++;
        this.take(i - from);
        if (i < n)
            this.finish(11 /* Token.Comment */, 0 /* ScanError.None */);
        return i;
    }
    blockComment(text, from) {
        const n = text.length;
        for (let i = from; i < n; i++) {
            const c = text.charCodeAt(i);
            this.consume(c);
            this.tokenLength++;
            if (this.star && c === 47) {
                this.finish(11 /* Token.Comment */, 0 /* ScanError.None */);
                return i + 1;
            }
            this.endsWithCrLf = this.previous === 13 && c === 10;
            this.previous = c;
            this.star = c === 42;
        }
        return n;
    }
    /** The next character starts a token. */
    begin() {
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
        this.error = 0 /* ScanError.None */;
        this.tokenLength = 0;
        this.escape = 0;
    }
    /** `n` characters of the token, none of them a line break. */
    take(n) {
        this.offset += n;
        this.column += n;
        this.tokenLength += n;
    }
    consume(c) {
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
        }
        else if (c === 13) {
            this.column++;
            this.cr = true;
        }
        else
            this.column++;
    }
    /** Hands the token out. */
    finish(kind, error) {
        const t = this.token;
        t.kind = kind;
        t.error = error;
        t.text =
            kind === 6 /* Token.String */ || kind === 7 /* Token.Number */ || kind === 8 /* Token.True */ || kind === 9 /* Token.False */ || kind === 10 /* Token.Null */
                ? this.parts.join('')
                : '';
        t.length = this.tokenLength;
        t.endLine = this.line;
        t.endColumn = this.column;
        this.state = 0 /* State.Between */;
        this.parts = [];
        this.emit(t);
    }
}
exports.JsonTokenizer = JsonTokenizer;
const SIMPLE_ESCAPES = { 34: '"', 92: '\\', 47: '/', 98: '\b', 102: '\f', 110: '\n', 114: '\r', 116: '\t' };
function hexDigit(c) {
    if (c >= 48 && c <= 57)
        return c - 48;
    if (c >= 65 && c <= 70)
        return c - 55;
    if (c >= 97 && c <= 102)
        return c - 87;
    return -1;
}
//# sourceMappingURL=jsonTokenizer.js.map