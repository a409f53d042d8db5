/**
 * Keap's quotas as rolling windows (Apigee counts rolling windows, keap-api.md §3) over one log of
 * accepted requests, with Keap's `x-keap-*` headers on every answer. A rejected request is not
 * counted, as with Apigee's quota policy.
 */
export interface QuotaConfig {
  /** Spike arrest per key, requests per second. Keap: 10 for a personal access token. */
  perSecond?: number;
  /** Keap: 240 per minute for a personal access token / service account key. */
  perMinute?: number;
  /** Keap: 30,000 per day for a personal access token / service account key. */
  perDay?: number;
  /** Per-tenant limits in force since 2026-06-08: 10,000/min and 250,000/day. */
  tenantPerMinute?: number;
  tenantPerDay?: number;
  /**
   * Length of the emulator's "day" in ms (default a real day): the daily quotas reset every
   * `dayMs`, at multiples of it since the epoch (00:00 UTC for a real day), and Keap's expiry header
   * says when. A short day lets tests run an apply across several days in seconds.
   */
  dayMs?: number;
  /** Keap does not document Retry-After on 429; send it only when asked. */
  retryAfter?: boolean;
}

/** Keap's documented limits for a personal access token or service account key ([D1] in keap-api.md). */
export const KEAP_PAT_QUOTA: QuotaConfig = {
  perSecond: 10,
  perMinute: 240,
  perDay: 30_000,
  tenantPerMinute: 10_000,
  tenantPerDay: 250_000,
};

export const UNLIMITED_QUOTA: QuotaConfig = {};

export interface QuotaDecision {
  allowed: boolean;
  /** Which limit refused the request. */
  violation?: 'spike' | 'minute' | 'day' | 'tenant-minute' | 'tenant-day';
  retryAfterSeconds?: number;
  headers: Record<string, string>;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

export class QuotaKeeper {
  private log: number[] = [];
  private head = 0;

  constructor(
    private config: QuotaConfig,
    private readonly tenantId = 'emulator.keap-vault.local',
    private readonly now = () => Date.now(),
  ) {}

  configure(config: QuotaConfig): void {
    this.config = config;
  }

  get settings(): QuotaConfig {
    return { ...this.config };
  }

  /** Decides on one request and counts it when allowed. */
  admit(): QuotaDecision {
    const now = this.now();
    this.prune(now);
    const c = this.config;
    const checks: Array<[QuotaDecision['violation'], number | undefined, number]> = [
      ['spike', c.perSecond, SECOND],
      ['minute', c.perMinute, MINUTE],
      ['day', c.perDay, DAY],
      ['tenant-minute', c.tenantPerMinute, MINUTE],
      ['tenant-day', c.tenantPerDay, DAY],
    ];
    for (const [violation, limit, windowMs] of checks) {
      if (!limit) continue;
      if (this.countSince(this.windowStart(now, windowMs)) >= limit) {
        const freeAt = windowMs === DAY ? this.dayEnd(now) : this.oldestSince(now - windowMs, limit) + windowMs;
        const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now) / SECOND));
        return { allowed: false, violation, retryAfterSeconds, headers: this.headers(now) };
      }
    }
    this.log.push(now);
    return { allowed: true, headers: this.headers(now) };
  }

  /** Largest number of accepted requests seen in any window of `windowMs` (for tests and stats). */
  maxInWindow(windowMs: number): number {
    let best = 0;
    let start = this.head;
    for (let end = this.head; end < this.log.length; end++) {
      while (this.log[end] - this.log[start] >= windowMs) start++;
      best = Math.max(best, end - start + 1);
    }
    return best;
  }

  get accepted(): number {
    return this.log.length - this.head;
  }

  private headers(now: number): Record<string, string> {
    const c = this.config;
    const usedMinute = this.countSince(now - MINUTE);
    const dayStart = this.windowStart(now, DAY);
    const usedDay = this.countSince(dayStart);
    const headers: Record<string, string> = { 'x-keap-tenant-id': this.tenantId };
    if (c.perDay) {
      Object.assign(headers, {
        'x-keap-product-quota-limit': String(c.perDay),
        'x-keap-product-quota-time-unit': 'day',
        'x-keap-product-quota-interval': '1',
        'x-keap-product-quota-used': String(usedDay),
        'x-keap-product-quota-available': String(Math.max(0, c.perDay - usedDay)),
        'x-keap-product-quota-expiry-time': String(this.dayEnd(now)),
      });
    }
    if (c.perMinute) {
      Object.assign(headers, {
        'x-keap-product-throttle-limit': String(c.perMinute),
        'x-keap-product-throttle-time-unit': 'minute',
        'x-keap-product-throttle-interval': '1',
        'x-keap-product-throttle-used': String(usedMinute),
        'x-keap-product-throttle-available': String(Math.max(0, c.perMinute - usedMinute)),
      });
    }
    if (c.perSecond) headers['x-keap-product-spike-limit'] = `${c.perSecond}ps`;
    if (c.tenantPerMinute || c.tenantPerDay) {
      // Since the tenant limit, Keap sends both tenant windows pipe-delimited in one header family.
      const limits = [c.tenantPerMinute ?? 0, c.tenantPerDay ?? 0];
      const used = [usedMinute, usedDay];
      Object.assign(headers, {
        'x-keap-tenant-throttle-limit': limits.join('|'),
        'x-keap-tenant-throttle-time-unit': 'minute|day',
        'x-keap-tenant-throttle-interval': '1|1',
        'x-keap-tenant-throttle-used': used.join('|'),
        'x-keap-tenant-throttle-available': limits.map((l, i) => Math.max(0, l - used[i])).join('|'),
      });
    }
    return headers;
  }

  /** The length of a "day" (a real one unless the config makes it short). */
  private get dayMs(): number {
    return this.config.dayMs && this.config.dayMs > 0 ? Math.min(DAY, this.config.dayMs) : DAY;
  }

  /**
   * Minute windows roll; the daily quota resets at 00:00 UTC (keap-api.md §3), as its expiry header
   * says: requests after the returned time count (a day's window starts 1 ms before its first instant).
   */
  private windowStart(now: number, windowMs: number): number {
    return windowMs === DAY ? Math.floor(now / this.dayMs) * this.dayMs - 1 : now - windowMs;
  }

  /** When the current day's quota resets: the first instant of the next day. */
  private dayEnd(now: number): number {
    return (Math.floor(now / this.dayMs) + 1) * this.dayMs;
  }

  private countSince(since: number): number {
    // The log is sorted: binary search the first entry inside the window.
    let lo = this.head;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.log[mid] <= since) lo = mid + 1;
      else hi = mid;
    }
    return this.log.length - lo;
  }

  /** Time of the request whose expiry frees a slot in a full window. */
  private oldestSince(since: number, limit: number): number {
    const count = this.countSince(since);
    return this.log[this.log.length - count + (count - limit)] ?? this.now();
  }

  private prune(now: number): void {
    while (this.head < this.log.length && this.log[this.head] <= now - DAY) this.head++;
    if (this.head > 100_000 && this.head > this.log.length / 2) {
      this.log = this.log.slice(this.head);
      this.head = 0;
    }
  }
}
