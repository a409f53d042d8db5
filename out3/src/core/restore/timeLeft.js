"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.timeLeftMs = timeLeftMs;
/**
 * How long an apply that is part-way has left, for progress lines: the requests its remaining
 * steps need (at the rate measured so far in this run, else the plan's estimate per step), paced
 * by the quota in force (our share of it, with what Keap's headers left of today's quota), or the
 * time per step measured so far when that is slower. Front ends show it; nothing depends on it.
 */
const quotaBound_1 = require("../keap/quotaBound");
const DAY_MS = 86_400_000;
function timeLeftMs(input) {
    if (input.stepsLeft <= 0)
        return 0;
    const now = input.now ?? Date.now();
    const requests = Math.ceil(input.stepsLeft * Math.max(1, input.requestsPerStep));
    const share = 1 - Math.min(0.9, Math.max(0, input.reserve ?? 0));
    const windows = input.windows.map((w) => ({ windowMs: w.windowMs, limit: Math.max(1, Math.floor(w.limit * share)) }));
    const withinDay = windows.filter((w) => w.windowMs < DAY_MS);
    const measured = (input.measuredMsPerStep ?? 0) * input.stepsLeft;
    const daily = input.daily;
    if (!daily || requests <= daily.available) {
        const bound = daily ? (0, quotaBound_1.quotaBound)(requests, withinDay).ms : (0, quotaBound_1.quotaBound)(requests, windows).ms;
        return Math.max(bound, measured);
    }
    // Today's quota runs out: what is left of it, the wait for the reset, then whole days from there.
    const today = Math.max((0, quotaBound_1.quotaBound)(daily.available, withinDay).ms, (measured * daily.available) / requests);
    const afterReset = (0, quotaBound_1.quotaBound)(requests - daily.available, windows).ms;
    const measuredAfter = (measured * (requests - daily.available)) / requests;
    return Math.max(today, daily.resetAt - now) + Math.max(afterReset, measuredAfter);
}
//# sourceMappingURL=timeLeft.js.map