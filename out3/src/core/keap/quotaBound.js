"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.quotaBound = quotaBound;
exports.quotaBoundSeconds = quotaBoundSeconds;
function quotaBound(requests, windows) {
    // Windows of the same length (Keap's product and tenant limits) bind at the lower limit.
    const byLength = new Map();
    for (const w of windows)
        if (w.limit > 0)
            byLength.set(w.windowMs, Math.min(w.limit, byLength.get(w.windowMs) ?? Infinity));
    const nested = [...byLength].map(([windowMs, limit]) => ({ windowMs, limit })).sort((a, b) => b.windowMs - a.windowMs);
    const binding = nested.find((w) => requests > w.limit);
    return { ms: nestedMs(requests, nested), binding };
}
function nestedMs(requests, windows) {
    const [largest, ...smaller] = windows;
    if (!largest || requests <= 0)
        return 0;
    if (requests <= largest.limit)
        return nestedMs(requests, smaller);
    const whole = Math.floor((requests - 1) / largest.limit);
    return whole * largest.windowMs + nestedMs(requests - whole * largest.limit, smaller);
}
/** quotaBound in seconds, for the benches' ratios. */
function quotaBoundSeconds(requests, windows) {
    return quotaBound(requests, windows).ms / 1000;
}
//# sourceMappingURL=quotaBound.js.map