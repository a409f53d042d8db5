"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SeededRandom = void 0;
/**
 * A small seeded pseudo-random generator (sfc32, seeded through the cyrb128 string hash) for the
 * emulator's data generator and fault injection. Never use Math.random() where results must be
 * reproducible: the same seed always gives the same sequence, on every platform.
 */
class SeededRandom {
    a;
    b;
    c;
    d;
    /** The seed as text: numbers and strings hash alike, so seed 42 and seed '42' are the same stream. */
    seedKey;
    constructor(seed) {
        this.seedKey = String(seed);
        [this.a, this.b, this.c, this.d] = cyrb128(this.seedKey);
        // Discard the first outputs: sfc32 needs a few rounds to mix a weak seed.
        for (let i = 0; i < 15; i++)
            this.nextUint32();
    }
    /**
     * An independent stream derived from this generator's seed and `label` only (not from how much of
     * this stream has been used), so adding draws to one phase does not shift another.
     */
    fork(label) {
        return new SeededRandom(`${this.seedKey}\u0000${label}`);
    }
    /** A uniformly distributed unsigned 32-bit integer. */
    nextUint32() {
        const t = (((this.a + this.b) | 0) + this.d) | 0;
        this.d = (this.d + 1) | 0;
        this.a = this.b ^ (this.b >>> 9);
        this.b = (this.c + (this.c << 3)) | 0;
        this.c = (this.c << 21) | (this.c >>> 11);
        this.c = (this.c + t) | 0;
        return t >>> 0;
    }
    /** A float in [0, 1) with 32 bits of randomness. */
    next() {
        return this.nextUint32() / 4294967296;
    }
    /** A float in [min, max). */
    float(min, max) {
        return min + this.next() * (max - min);
    }
    /** An integer in [min, max], both inclusive. Ranges wider than 2^32 lose a little evenness. */
    int(min, max) {
        if (!Number.isFinite(min) || !Number.isFinite(max))
            throw new RangeError('int() needs finite bounds');
        const lo = Math.ceil(Math.min(min, max));
        const hi = Math.floor(Math.max(min, max));
        if (hi < lo)
            throw new RangeError(`int(${min}, ${max}) has no integer in range`);
        return lo + Math.floor(this.next() * (hi - lo + 1));
    }
    /** True with probability p (p <= 0 never, p >= 1 always). */
    chance(p) {
        return this.next() < p;
    }
    /** A uniformly chosen element; throws on an empty array. */
    pick(array) {
        if (!array.length)
            throw new RangeError('pick() from an empty array');
        return array[Math.floor(this.next() * array.length)];
    }
    /** An element chosen with probability proportional to its weight (weights >= 0, not all 0). */
    weighted(entries) {
        let total = 0;
        for (const [, w] of entries)
            total += Math.max(0, w);
        if (!(total > 0))
            throw new RangeError('weighted() needs a positive total weight');
        let r = this.next() * total;
        for (const [value, w] of entries) {
            r -= Math.max(0, w);
            if (r < 0)
                return value;
        }
        // Floating-point leftovers: return the last entry with weight.
        for (let i = entries.length - 1; i >= 0; i--)
            if (entries[i][1] > 0)
                return entries[i][0];
        throw new RangeError('unreachable');
    }
    /** Shuffles `array` in place (Fisher–Yates) and returns it. */
    shuffle(array) {
        for (let i = array.length - 1; i > 0; i--) {
            const j = Math.floor(this.next() * (i + 1));
            const tmp = array[i];
            array[i] = array[j];
            array[j] = tmp;
        }
        return array;
    }
    /**
     * `k` distinct elements (by position) in random order, without changing `array`. k is clamped to
     * [0, array.length]. Small samples of big arrays cost O(k), not O(n).
     */
    sample(array, k) {
        const n = array.length;
        const count = Math.max(0, Math.min(Math.floor(k), n));
        if (count * 4 < n) {
            const chosen = new Set();
            const out = [];
            while (out.length < count) {
                const index = Math.floor(this.next() * n);
                if (chosen.has(index))
                    continue;
                chosen.add(index);
                out.push(array[index]);
            }
            return out;
        }
        const copy = array.slice();
        for (let i = 0; i < count; i++) {
            const j = i + Math.floor(this.next() * (n - i));
            const tmp = copy[i];
            copy[i] = copy[j];
            copy[j] = tmp;
        }
        return copy.slice(0, count);
    }
}
exports.SeededRandom = SeededRandom;
/** cyrb128: a fast 128-bit string hash, good enough to seed a PRNG from any text. */
function cyrb128(text) {
    let h1 = 1779033703;
    let h2 = 3144134277;
    let h3 = 1013904242;
    let h4 = 2773480762;
    for (let i = 0; i < text.length; i++) {
        const k = text.charCodeAt(i);
        h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
        h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
        h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
        h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    h1 ^= h2 ^ h3 ^ h4;
    h2 ^= h1;
    h3 ^= h1;
    h4 ^= h1;
    return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
//# sourceMappingURL=random.js.map