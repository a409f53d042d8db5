/**
 * The least time Keap's quota allows for a number of requests: the physical limit every capture and
 * restore is measured against (the benches print their times as a ratio to it) and what an apply's
 * estimate is made of.
 *
 * Keap's windows roll and nest (10 a second inside 240 a minute inside 30,000 a day). Starting with
 * every window empty, the largest window that `n` overflows decides the whole windows that must pass
 * (k of them lets k × its limit through), and the requests left over are paced by the smaller ones:
 * 50,000 requests at 240/min and 30,000/day take one day plus 20,000 at 240 a minute.
 */
import type { RateWindow } from './throttle';

export interface QuotaBound {
  ms: number;
  /** The largest window the requests overflow: the one that binds, if any does. */
  binding?: RateWindow;
}

export function quotaBound(requests: number, windows: readonly RateWindow[]): QuotaBound {
  // Windows of the same length (Keap's product and tenant limits) bind at the lower limit.
  const byLength = new Map<number, number>();
  for (const w of windows) if (w.limit > 0) byLength.set(w.windowMs, Math.min(w.limit, byLength.get(w.windowMs) ?? Infinity));
  const nested = [...byLength].map(([windowMs, limit]) => ({ windowMs, limit })).sort((a, b) => b.windowMs - a.windowMs);
  const binding = nested.find((w) => requests > w.limit);
  return { ms: nestedMs(requests, nested), binding };
}

function nestedMs(requests: number, windows: RateWindow[]): number {
  const [largest, ...smaller] = windows;
  if (!largest || requests <= 0) return 0;
  if (requests <= largest.limit) return nestedMs(requests, smaller);
  const whole = Math.floor((requests - 1) / largest.limit);
  return whole * largest.windowMs + nestedMs(requests - whole * largest.limit, smaller);
}

/** quotaBound in seconds, for the benches' ratios. */
export function quotaBoundSeconds(requests: number, windows: readonly RateWindow[]): number {
  return quotaBound(requests, windows).ms / 1000;
}
