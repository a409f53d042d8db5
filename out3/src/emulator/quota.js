"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.QuotaKeeper = exports.UNLIMITED_QUOTA = exports.KEAP_PAT_QUOTA = void 0;
/** Keap's documented limits for a personal access token or service account key ([D1] in keap-api.md). */
exports.KEAP_PAT_QUOTA = {
    perSecond: 10,
    perMinute: 240,
    perDay: 30_000,
    tenantPerMinute: 10_000,
    tenantPerDay: 250_000,
};
exports.UNLIMITED_QUOTA = {};
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
class QuotaKeeper {
    config;
    tenantId;
    now;
    log = [];
    head = 0;
    constructor(config, tenantId = 'emulator.keap-vault.local', now = () => Date.now()) {
        this.config = config;
        this.tenantId = tenantId;
        this.now = now;
    }
    configure(config) {
        this.config = config;
    }
    get settings() {
        return { ...this.config };
    }
    /** Decides on one request and counts it when allowed. */
    admit() {
        const now = this.now();
        this.prune(now);
        const c = this.config;
        const checks = [
            ['spike', c.perSecond, SECOND],
            ['minute', c.perMinute, MINUTE],
            ['day', c.perDay, DAY],
            ['tenant-minute', c.tenantPerMinute, MINUTE],
            ['tenant-day', c.tenantPerDay, DAY],
        ];
        for (const [violation, limit, windowMs] of checks) {
            if (!limit)
                continue;
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
    maxInWindow(windowMs) {
        let best = 0;
        let start = this.head;
        for (let end = this.head; end < this.log.length; end++) {
            while (this.log[end] - this.log[start] >= windowMs)
                start++;
            best = Math.max(best, end - start + 1);
        }
        return best;
    }
    get accepted() {
        return this.log.length - this.head;
    }
    headers(now) {
        const c = this.config;
        const usedMinute = this.countSince(now - MINUTE);
        const dayStart = this.windowStart(now, DAY);
        const usedDay = this.countSince(dayStart);
        const headers = { 'x-keap-tenant-id': this.tenantId };
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
        if (c.perSecond)
            headers['x-keap-product-spike-limit'] = `${c.perSecond}ps`;
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
    get dayMs() {
        return this.config.dayMs && this.config.dayMs > 0 ? Math.min(DAY, this.config.dayMs) : DAY;
    }
    /**
     * Minute windows roll; the daily quota resets at 00:00 UTC (keap-api.md §3), as its expiry header
     * says: requests after the returned time count (a day's window starts 1 ms before its first instant).
     */
    windowStart(now, windowMs) {
        return windowMs === DAY ? Math.floor(now / this.dayMs) * this.dayMs - 1 : now - windowMs;
    }
    /** When the current day's quota resets: the first instant of the next day. */
    dayEnd(now) {
        return (Math.floor(now / this.dayMs) + 1) * this.dayMs;
    }
    countSince(since) {
        // The log is sorted: binary search the first entry inside the window.
        let lo = this.head;
        let hi = this.log.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.log[mid] <= since)
                lo = mid + 1;
            else
                hi = mid;
        }
        return this.log.length - lo;
    }
    /** Time of the request whose expiry frees a slot in a full window. */
    oldestSince(since, limit) {
        const count = this.countSince(since);
        return this.log[this.log.length - count + (count - limit)] ?? this.now();
    }
    prune(now) {
        while (this.head < this.log.length && this.log[this.head] <= now - DAY)
            this.head++;
        if (this.head > 100_000 && this.head > this.log.length / 2) {
            this.log = this.log.slice(this.head);
            this.head = 0;
        }
    }
}
exports.QuotaKeeper = QuotaKeeper;
//# sourceMappingURL=quota.js.map