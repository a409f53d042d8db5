/**
 * How long an apply that is part-way has left, for progress lines: the requests its remaining
 * steps need (at the rate measured so far in this run, else the plan's estimate per step), paced
 * by the quota in force (our share of it, with what Keap's headers left of today's quota), or the
 * time per step measured so far when that is slower. Front ends show it; nothing depends on it.
 */
import { quotaBound } from '../keap/quotaBound';
import type { RateWindow } from '../keap/throttle';

const DAY_MS = 86_400_000;

export interface TimeLeftInput {
  /** Create and update steps not done yet. */
  stepsLeft: number;
  /** Requests per step: measured in this run, else the plan's estimate. */
  requestsPerStep: number;
  /** The limits in force (the throttle's), before the reserve. */
  windows: readonly RateWindow[];
  /** Share of each window left to others. */
  reserve?: number;
  /** What is left of today's quota for us, and when it resets (the throttle's reading of Keap's headers). */
  daily?: { available: number; resetAt: number };
  /** Time per step measured in this run, waits for the daily quota left out. */
  measuredMsPerStep?: number;
  now?: number;
}

export function timeLeftMs(input: TimeLeftInput): number {
  if (input.stepsLeft <= 0) return 0;
  const now = input.now ?? Date.now();
  const requests = Math.ceil(input.stepsLeft * Math.max(1, input.requestsPerStep));
  const share = 1 - Math.min(0.9, Math.max(0, input.reserve ?? 0));
  const windows = input.windows.map((w) => ({ windowMs: w.windowMs, limit: Math.max(1, Math.floor(w.limit * share)) }));
  const withinDay = windows.filter((w) => w.windowMs < DAY_MS);
  const measured = (input.measuredMsPerStep ?? 0) * input.stepsLeft;
  const daily = input.daily;
  if (!daily || requests <= daily.available) {
    const bound = daily ? quotaBound(requests, withinDay).ms : quotaBound(requests, windows).ms;
    return Math.max(bound, measured);
  }
  // Today's quota runs out: what is left of it, the wait for the reset, then whole days from there.
  const today = Math.max(quotaBound(daily.available, withinDay).ms, (measured * daily.available) / requests);
  const afterReset = quotaBound(requests - daily.available, windows).ms;
  const measuredAfter = (measured * (requests - daily.available)) / requests;
  return Math.max(today, daily.resetAt - now) + Math.max(afterReset, measuredAfter);
}
