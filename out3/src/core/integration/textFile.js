"use strict";
/**
 * A file's bytes as text for id scanning, or undefined for a binary. Rewriting needs the exact
 * bytes back after the edit, so only UTF-8 that decodes without loss is rewritable (its BOM is kept
 * as U+FEFF at offset 0 and written back); UTF-16 (with a BOM) and other encodings are scanned, not
 * rewritten.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeTextFile = decodeTextFile;
exports.encodeText = encodeText;
/** A NUL in the first 8 KiB is a binary file (what git and grep decide by). */
const SNIFF_BYTES = 8192;
function decodeTextFile(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return { text: new TextDecoder('utf-16le').decode(bytes), rewritable: false, encoding: 'utf-16le' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return { text: new TextDecoder('utf-16be').decode(bytes), rewritable: false, encoding: 'utf-16be' };
    if (bytes.subarray(0, SNIFF_BYTES).includes(0))
        return undefined;
    try {
        return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), rewritable: true, encoding: 'utf-8' };
    }
    catch {
        // Latin-1 and the like: scanned with U+FFFD in place of the odd bytes, never written back.
        return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), rewritable: false, encoding: 'not utf-8' };
    }
}
function encodeText(text) {
    return new TextEncoder().encode(text);
}
//# sourceMappingURL=textFile.js.map