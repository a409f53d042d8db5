"use strict";
/** Small numeric helpers shared by the generator stages. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.clamp = clamp;
exports.upperBound = upperBound;
function clamp(value, min, max) {
    return Math.min(max, Math.max(min, value));
}
/** Index of the first element > value in an ascending array. */
function upperBound(sorted, value) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
//# sourceMappingURL=numbers.js.map