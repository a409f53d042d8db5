"use strict";
/**
 * Where UTF-8 goes wrong, byte by byte, by the Unicode Standard's table of well-formed sequences
 * (Table 3-7): overlong forms, surrogates and values past U+10FFFF are ill-formed too. An
 * ill-formed sequence counts as its "maximal subpart", as TextDecoder and the WHATWG Encoding
 * standard count it, so one replacement character stands for what one problem reports.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.sequenceAt = sequenceAt;
exports.cutCharacterStart = cutCharacterStart;
exports.hexBytes = hexBytes;
/** The range the second byte of a sequence must be in, by its lead byte; undefined for a byte that cannot lead. */
function secondByteRange(lead) {
    if (lead >= 0xc2 && lead <= 0xdf)
        return [0x80, 0xbf];
    if (lead === 0xe0)
        return [0xa0, 0xbf];
    if ((lead >= 0xe1 && lead <= 0xec) || lead === 0xee || lead === 0xef)
        return [0x80, 0xbf];
    if (lead === 0xed)
        return [0x80, 0x9f];
    if (lead === 0xf0)
        return [0x90, 0xbf];
    if (lead >= 0xf1 && lead <= 0xf3)
        return [0x80, 0xbf];
    if (lead === 0xf4)
        return [0x80, 0x8f];
    return undefined;
}
function sequenceLength(lead) {
    return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}
/**
 * At `i`: how many bytes form a valid character (positive), or how many bytes an ill-formed one
 * spans (negative), or 0 when the bytes run out before it can be told (`end` may cut a character).
 */
function sequenceAt(bytes, i, end = bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80)
        return 1;
    const second = secondByteRange(lead);
    if (!second)
        return -1;
    const length = sequenceLength(lead);
    for (let k = 1; k < length; k++) {
        if (i + k >= end)
            return 0;
        const b = bytes[i + k];
        const [lo, hi] = k === 1 ? second : [0x80, 0xbf];
        if (b < lo || b > hi)
            return -k;
    }
    return length;
}
/** Where a character cut off by the end of `bytes` starts (bytes.length when none is): the next chunk completes it. */
function cutCharacterStart(bytes) {
    for (let k = 1; k <= 3 && k <= bytes.length; k++) {
        const i = bytes.length - k;
        if (bytes[i] < 0x80)
            return bytes.length;
        if (bytes[i] >= 0xc0)
            return sequenceAt(bytes, i) === 0 ? i : bytes.length;
    }
    return bytes.length;
}
/** `0xE9 0x20` */
function hexBytes(bytes) {
    return [...bytes].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
}
//# sourceMappingURL=utf8Sequences.js.map