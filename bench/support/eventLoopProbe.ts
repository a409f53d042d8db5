/**
 * How long the event loop was blocked while some work ran beside it: Node's own delay histogram
 * (perf_hooks.monitorEventLoopDelay, sampling every 10 ms), plus a timer that notes its longest
 * gap, which catches a single long block even between two of the histogram's samples.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface EventLoopFigures {
  /** The longest the loop was held, in ms (the larger of the two probes). */
  maxMs: number;
  /** 99th percentile of the histogram's delays, in ms. */
  p99Ms: number;
  /** Timer ticks seen: few ticks over a long stage means long blocks. */
  ticks: number;
}

const TICK_MS = 10;

export function startEventLoopProbe(): { stop(): EventLoopFigures } {
  const histogram = monitorEventLoopDelay({ resolution: TICK_MS });
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
