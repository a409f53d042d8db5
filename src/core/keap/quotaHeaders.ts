/**
 * Reads Keap's quota headers (keap-api.md §3): the daily quota (`x-keap-product-quota-*`), the
 * per-minute throttle (`x-keap-product-throttle-*`) and the tenant family (`x-keap-tenant-throttle-*`),
 * which since 2026 carries two windows pipe-delimited (`minute|day`).
 */
export interface QuotaWindowReading {
  scope: 'product' | 'tenant';
  windowMs: number;
  limit: number;
  available: number;
  /** Epoch ms when the window resets, when Keap says (daily quota only). */
  expiresAt?: number;
}

const UNIT_MS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export function readQuotaHeaders(headers: Record<string, unknown>): QuotaWindowReading[] {
  const get = (name: string): string | undefined => {
    const v = headers[name];
    return v === undefined || v === null ? undefined : String(v);
  };
  const readings: QuotaWindowReading[] = [];
  const family = (prefix: string, scope: 'product' | 'tenant', defaultUnit: string) => {
    const limits = split(get(`${prefix}-limit`));
    if (!limits.length) return;
    const available = split(get(`${prefix}-available`));
    const units = split(get(`${prefix}-time-unit`));
    const intervals = split(get(`${prefix}-interval`));
    const expiry = Number(get(`${prefix}-expiry-time`));
    limits.forEach((raw, i) => {
      const limit = Number(raw);
      const avail = Number(available[i]);
      const unitMs = UNIT_MS[(units[i] ?? defaultUnit).toLowerCase()] ?? UNIT_MS[defaultUnit];
      const interval = Number(intervals[i] ?? 1) || 1;
      if (!Number.isFinite(limit) || limit <= 0 || !Number.isFinite(avail)) return;
      readings.push({
        scope,
        windowMs: unitMs * interval,
        limit,
        available: avail,
        expiresAt: Number.isFinite(expiry) && expiry > 0 ? expiry : undefined,
      });
    });
  };
  family('x-keap-product-throttle', 'product', 'minute');
  family('x-keap-product-quota', 'product', 'day');
  family('x-keap-tenant-throttle', 'tenant', 'minute');
  // Spike arrest (`10ps`) comes without a count of what is left; it still tells the per-second limit.
  const spike = /^(\d+)ps$/.exec(get('x-keap-product-spike-limit') ?? '');
  if (spike) readings.push({ scope: 'product', windowMs: 1000, limit: Number(spike[1]), available: Number(spike[1]) });
  return readings;
}

function split(value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : value.split('|').map((s) => s.trim());
}

/** `Retry-After` as milliseconds (seconds or an HTTP date), if present and sane. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
