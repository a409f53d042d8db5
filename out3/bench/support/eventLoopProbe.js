"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startEventLoopProbe = startEventLoopProbe;
/**
 * How long the event loop was blocked while some work ran beside it: Node's own delay histogram
 * (perf_hooks.monitorEventLoopDelay, sampling every 10 ms), plus a timer that notes its longest
 * gap, which catches a single long block even between two of the histogram's samples.
 */
const node_perf_hooks_1 = require("node:perf_hooks");
const TICK_MS = 10;
function startEventLoopProbe() {
    const histogram = (0, node_perf_hooks_1.monitorEventLoopDelay)({ resolution: TICK_MS });
    histogram.enable();
    let last = performance.now();
    let longestGap = 0;
    let ticks = 0;
    const timer = setInterval(() => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last - TICK_MS);
        last = now;
        ticks++;
    }, TICK_MS);
    return {
        stop() {
            clearInterval(timer);
            // The gap since the last tick counts too: the work may have ended with a long block.
            longestGap = Math.max(longestGap, performance.now() - last - TICK_MS);
            histogram.disable();
            const ns = 1e6;
            return { maxMs: Math.max(longestGap, histogram.max / ns), p99Ms: histogram.percentile(99) / ns, ticks };
        },
    };
}
//# sourceMappingURL=eventLoopProbe.js.map