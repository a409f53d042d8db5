"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readQuotaHeaders = readQuotaHeaders;
exports.retryAfterMs = retryAfterMs;
const UNIT_MS = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };
function readQuotaHeaders(headers) {
    const get = (name) => {
        const v = headers[name];
        return v === undefined || v === null ? undefined : String(v);
    };
    const readings = [];
    const family = (prefix, scope, defaultUnit) => {
        const limits = split(get(`${prefix}-limit`));
        if (!limits.length)
            return;
        const available = split(get(`${prefix}-available`));
        const units = split(get(`${prefix}-time-unit`));
        const intervals = split(get(`${prefix}-interval`));
        const expiry = Number(get(`${prefix}-expiry-time`));
        limits.forEach((raw, i) => {
            const limit = Number(raw);
            const avail = Number(available[i]);
            const unitMs = UNIT_MS[(units[i] ?? defaultUnit).toLowerCase()] ?? UNIT_MS[defaultUnit];
            const interval = Number(intervals[i] ?? 1) || 1;
            if (!Number.isFinite(limit) || limit <= 0 || !Number.isFinite(avail))
                return;
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
    if (spike)
        readings.push({ scope: 'product', windowMs: 1000, limit: Number(spike[1]), available: Number(spike[1]) });
    return readings;
}
function split(value) {
    return value === undefined || value === '' ? [] : value.split('|').map((s) => s.trim());
}
/** `Retry-After` as milliseconds (seconds or an HTTP date), if present and sane. */
function retryAfterMs(value, now = Date.now()) {
    if (value === undefined || value === null || value === '')
        return undefined;
    const text = String(value);
    const seconds = Number(text);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
//# sourceMappingURL=quotaHeaders.js.map