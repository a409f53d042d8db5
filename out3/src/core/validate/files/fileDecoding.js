"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FileDecoding = void 0;
/**
 * A file's bytes to text, a chunk at a time: UTF-8 (a BOM is skipped), or UTF-16 when a byte
 * order mark says so (or, without one, when the first bytes hold a NUL, which text never starts
 * with; that is reported, since import tools will not guess). Bytes that are not UTF-8 become one
 * U+FFFD each ill-formed sequence and are reported with their line, column and byte offset: a
 * Latin-1 `é` would otherwise pass as a silent replacement character.
 */
const node_buffer_1 = require("node:buffer");
const node_util_1 = require("node:util");
const utf8Sequences_1 = require("./utf8Sequences");
const textPosition_1 = require("./textPosition");
class FileDecoding {
    out;
    encoding;
    /** Bytes held back: the first bytes until the encoding is known, or a UTF-8 character cut by a chunk's end. */
    held = new Uint8Array(0);
    /** File offset of the first byte of `held`. */
    byteOffset = 0;
    /** File offset of the text's first byte (after a byte order mark). */
    textStart = 0;
    utf16;
    utf8 = new node_util_1.TextDecoder('utf-8', { ignoreBOM: true });
    position = new textPosition_1.TextPosition();
    constructor(out) {
        this.out = out;
    }
    write(chunk) {
        const bytes = this.held.length ? concat(this.held, chunk) : chunk;
        this.held = new Uint8Array(0);
        if (!this.encoding) {
            if (bytes.length < 3) {
                this.held = bytes.slice();
                return;
            }
            this.start(bytes);
            return;
        }
        this.decode(bytes);
    }
    end() {
        if (!this.encoding)
            this.start(this.held);
        else if (this.utf16) {
            if ((this.byteOffset - this.textStart) % 2)
                this.problem('The file ends in the middle of a UTF-16 character (an odd number of bytes)', this.byteOffset - 1);
            this.emit(this.utf16.decode());
        }
        else if (this.held.length) {
            this.problem(`The file ends in the middle of a UTF-8 character (${(0, utf8Sequences_1.hexBytes)(this.held)} at byte offset ${this.byteOffset}): it was cut short or is not UTF-8`, this.byteOffset);
            this.emit('\uFFFD');
        }
        this.held = new Uint8Array(0);
    }
    start(bytes) {
        const [a, b, c] = bytes;
        let skip = 0;
        if (a === 0xef && b === 0xbb && c === 0xbf) {
            this.encoding = 'utf-8';
            skip = 3;
        }
        else if (a === 0xff && b === 0xfe) {
            this.encoding = 'utf-16le';
            skip = 2;
        }
        else if (a === 0xfe && b === 0xff) {
            this.encoding = 'utf-16be';
            skip = 2;
        }
        else if (bytes.length >= 2 && (a === 0) !== (b === 0)) {
            this.encoding = a === 0 ? 'utf-16be' : 'utf-16le';
            this.problem(`The file looks like UTF-16 (${this.encoding === 'utf-16le' ? 'little' : 'big'}-endian) without a byte order mark; it is read as such, but import tools may not guess it: save it as UTF-8`, 0);
        }
        else
            this.encoding = 'utf-8';
        if (this.encoding !== 'utf-8')
            this.utf16 = new node_util_1.TextDecoder(this.encoding, { ignoreBOM: true });
        this.byteOffset = skip;
        this.textStart = skip;
        this.decode(bytes.subarray(skip));
    }
    decode(bytes) {
        if (this.utf16) {
            // UTF-16 comes in byte pairs; TextDecoder's stream mode keeps a pair or surrogate cut by the chunk's end.
            this.emit(this.utf16.decode(bytes, { stream: true }));
            this.byteOffset += bytes.length;
            return;
        }
        const cut = (0, utf8Sequences_1.cutCharacterStart)(bytes);
        const body = bytes.subarray(0, cut);
        if ((0, node_buffer_1.isUtf8)(body))
            this.emit(this.utf8.decode(body));
        else
            this.decodeWithProblems(body);
        this.byteOffset += cut;
        this.held = bytes.slice(cut);
    }
    /** The slow path, for a chunk that holds bytes that are not UTF-8: each ill-formed sequence is reported and replaced. */
    decodeWithProblems(body) {
        let run = 0;
        let i = 0;
        while (i < body.length) {
            const n = (0, utf8Sequences_1.sequenceAt)(body, i);
            if (n > 0) {
                i += n;
                continue;
            }
            // n is never 0 here: the chunk was cut before a character its end would cut.
            const bad = body.subarray(i, i - n);
            this.emit(this.utf8.decode(body.subarray(run, i)));
            this.problem(`The file is not UTF-8 here: ${bad.length > 1 ? `bytes ${(0, utf8Sequences_1.hexBytes)(bad)}` : `byte ${(0, utf8Sequences_1.hexBytes)(bad)}`} at byte offset ${this.byteOffset + i} ${bad.length > 1 ? 'do' : 'does'} not form a character. Is it saved as Latin-1 or Windows-1252? Save it as UTF-8`, this.byteOffset + i);
            this.emit('\uFFFD');
            i -= n;
            run = i;
        }
        this.emit(this.utf8.decode(body.subarray(run)));
    }
    emit(text) {
        if (!text)
            return;
        this.position.advance(text);
        this.out.text(text);
    }
    problem(message, byteOffset) {
        this.out.problem({ message, at: this.position.point(), byteOffset });
    }
}
exports.FileDecoding = FileDecoding;
function concat(a, b) {
    const out = new Uint8Array(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
}
//# sourceMappingURL=fileDecoding.js.map