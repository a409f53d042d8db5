"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BloomFilter = void 0;
exports.textHashes = textHashes;
/**
 * A Bloom filter over 32-bit hash pairs: "certainly not here" for most ids a run on disk does not
 * hold, so a lookup reads the disk only for ids that are (or, about 1% of the time, seem) there.
 * Small enough not to want a library: 10 bits an id, 7 probes by double hashing.
 */
const BITS_PER_ID = 10;
/** Probes per id: about the best for 10 bits an id (a 1% false positive rate). */
const PROBES = 7;
class BloomFilter {
    bits;
    size;
    constructor(ids) {
        this.size = Math.max(64, Math.ceil((ids * BITS_PER_ID) / 32) * 32);
        this.bits = new Uint32Array(this.size / 32);
    }
    add(h1, h2) {
        for (let i = 0; i < PROBES; i++) {
            const at = ((h1 + Math.imul(i, h2 | 1)) >>> 0) % this.size;
            this.bits[at >>> 5] |= 1 << (at & 31);
        }
    }
    mayHave(h1, h2) {
        for (let i = 0; i < PROBES; i++) {
            const at = ((h1 + Math.imul(i, h2 | 1)) >>> 0) % this.size;
            if ((this.bits[at >>> 5] & (1 << (at & 31))) === 0)
                return false;
        }
        return true;
    }
}
exports.BloomFilter = BloomFilter;
/** Two 32-bit FNV-1a hashes of a text (different offsets), for ids that are not integers. */
function textHashes(text) {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ text.length;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
    }
    return [a >>> 0, (b ^ (b >>> 13)) >>> 0];
}
//# sourceMappingURL=bloomFilter.js.map