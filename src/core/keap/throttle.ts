/**
 * Keeps Keap Vault inside Keap's quota instead of bouncing off it. Requests are admitted through
 * rolling windows (Keap's windows roll), counted from admission and moved to when their answer came
 * (the latest Keap can have counted them), plus a cap on requests in flight.
 * Keap's headers correct the picture: their limits replace ours, and quota used by someone else
 * (another script on the same tenant) is booked as if we had spent it. A 429 pauses everyone.
 *
 * Written here rather than taken from a rate-limit library because none reads Keap's quota headers
 * or its pipe-delimited tenant windows, and pacing from the server's own numbers is the point.
 */
import { KeapThrottledError } from './errors';
import type { QuotaWindowReading } from './quotaHeaders';

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface ThrottleOptions {
  /** Local windows to respect before the first answer tells us more. */
  windows: RateWindow[];
  /** Requests in flight at once. */
  maxConcurrent: number;
  /** Extra time added to each window, for clock skew and latency between us and Keap. */
  marginMs?: number;
  /** Longer waits fail with KeapThrottledError instead of blocking (e.g. an exhausted daily quota). */
  maxWaitMs?: number;
}

/** Keap's limits for a personal access token or service account key. */
export const KEAP_PAT_WINDOWS: RateWindow[] = [
  { limit: 10, windowMs: 1000 },
  { limit: 240, windowMs: 60_000 },
  { limit: 30_000, windowMs: 86_400_000 },
];

/** Keap's limits for an OAuth client. */
export const KEAP_OAUTH_WINDOWS: RateWindow[] = [
  { limit: 25, windowMs: 1000 },
  { limit: 1500, windowMs: 60_000 },
  { limit: 150_000, windowMs: 86_400_000 },
];

interface Window extends RateWindow {
  /** Times of requests inside the window (admitted, or answered once the answer came), oldest first. */
  log: number[];
  /** Learned from Keap's headers; such a window follows Keap's numbers. */
  learned?: 'product' | 'tenant';
}

export interface ThrottleStats {
  waits: number;
  waitedMs: number;
  throttled: number;
}

export class RequestThrottle {
  private readonly windows: Window[];
  private inFlight = 0;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly released: Array<() => void> = [];
  readonly stats: ThrottleStats = { waits: 0, waitedMs: 0, throttled: 0 };

  /** The limits in force: ours until Keap's headers named its own, then Keap's (product and tenant). */
  get limits(): RateWindow[] {
    return this.windows.map(({ limit, windowMs }) => ({ limit, windowMs }));
  }

  constructor(
    private readonly options: ThrottleOptions,
    private readonly now = () => Date.now(),
  ) {
    this.windows = options.windows.map((w) => ({ ...w, log: [] }));
  }

  /** Waits for a slot; returns the function that gives it back. Admission is first come, first served. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    const turn = this.queue.then(() => this.waitForSlot(signal));
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /** Books what Keap's headers say about the quota. */
  observe(readings: QuotaWindowReading[]): void {
    const now = this.now();
    for (const r of readings) {
      let window = this.windows.find((w) => w.windowMs === r.windowMs && (w.learned === r.scope || !w.learned));
      if (!window) {
        window = { limit: r.limit, windowMs: r.windowMs, log: [], learned: r.scope };
        this.windows.push(window);
      }
      window.learned = r.scope;
      window.limit = r.limit;
      if (r.expiresAt) {
        // A quota with a stated reset (Keap's daily one) is a fixed window: when it is spent,
        // nothing goes until the reset, however the rolling picture looks.
        if (r.available <= 0 && r.expiresAt > now) this.pausedUntil = Math.max(this.pausedUntil, r.expiresAt);
        continue;
      }
      this.prune(window, now);
      const localAvailable = window.limit - window.log.length;
      // Someone else spends this quota too: book their share so we slow down in time.
      for (let i = Math.max(0, r.available); i < localAvailable; i++) window.log.push(now);
    }
  }

  /** Keap said 429: hold every request for the hinted time, or until the fullest window rolls. */
  throttled(retryAfterMs: number | undefined, attempt: number): number {
    this.stats.throttled++;
    const now = this.now();
    let wait = retryAfterMs;
    if (wait === undefined) {
      // No hint: exponential backoff with jitter, but never shorter than the local windows need.
      const backoff = Math.min(60_000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
      wait = Math.max(backoff, this.windowWait(now));
    }
    this.pausedUntil = Math.max(this.pausedUntil, now + wait);
    return wait;
  }

  private async waitForSlot(signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.now();
      if (this.inFlight >= this.options.maxConcurrent) {
        await new Promise<void>((resolve) => this.released.push(resolve));
        continue;
      }
      const wait = Math.max(this.pausedUntil - now, this.windowWait(now));
      if (wait <= 0) break;
      if (this.options.maxWaitMs !== undefined && wait > this.options.maxWaitMs) {
        const err = new KeapThrottledError(`Keap's quota is used up; requests are allowed again in ${Math.ceil(wait / 1000)} s`, 429);
        err.retryAt = new Date(now + wait);
        throw err;
      }
      this.stats.waits++;
      this.stats.waitedMs += wait;
      await sleep(wait, signal);
    }
    const admitted = this.now();
    for (const w of this.windows) w.log.push(admitted);
    this.inFlight++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight--;
      this.restamp(admitted, this.now());
      this.released.shift()?.();
    };
  }

  /**
   * Keap counts a request when it arrives, which may be well after we admitted it (a busy event
   * loop, a slow connection) and is at the latest when its answer comes back: count it then, so a
   * late request is not taken for an early one and the next burst does not land in its window.
   */
  private restamp(admitted: number, answered: number): void {
    if (answered <= admitted) return;
    for (const w of this.windows) {
      const at = w.log.lastIndexOf(admitted);
      if (at < 0) continue; // already out of the window
      w.log.splice(at, 1);
      let insert = w.log.length;
      while (insert > 0 && w.log[insert - 1] > answered) insert--;
      w.log.splice(insert, 0, answered);
    }
  }

  /** How long until every window has room for one more request. */
  private windowWait(now: number): number {
    const margin = this.options.marginMs ?? 0;
    let wait = 0;
    for (const w of this.windows) {
      this.prune(w, now);
      if (w.log.length < w.limit) continue;
      const freeing = w.log[w.log.length - w.limit];
      wait = Math.max(wait, freeing + w.windowMs + margin - now);
    }
    return wait;
  }

  private prune(w: Window, now: number): void {
    const margin = this.options.marginMs ?? 0;
    let drop = 0;
    while (drop < w.log.length && w.log[drop] + w.windowMs + margin <= now) drop++;
    if (drop) w.log.splice(0, drop);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
