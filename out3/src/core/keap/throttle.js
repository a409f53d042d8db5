"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RequestThrottle = exports.KEAP_OAUTH_WINDOWS = exports.KEAP_PAT_WINDOWS = void 0;
exports.sleep = sleep;
/**
 * Keeps Keap Vault inside Keap's quota instead of bouncing off it. Requests are admitted through
 * rolling windows (Keap's windows roll), counted from admission and moved to when their answer came
 * (the latest Keap can have counted them), plus a cap on requests in flight.
 * Keap's headers correct the picture: their limits replace ours, and quota used by someone else
 * (another script on the same tenant) is booked as if we had spent it. A 429 pauses everyone.
 * A window Keap gives an expiry time for (its daily quota) is a fixed window: what is left of it is
 * counted down from Keap's last reading, and when it is spent nothing is sent until the expiry
 * (no request goes into a 429 that could be foreseen). A reserve share of every window can be left
 * free for other traffic on the account (the integration a restore must not starve).
 *
 * Written here rather than taken from a rate-limit library because none reads Keap's quota headers
 * or its pipe-delimited tenant windows, and pacing from the server's own numbers is the point.
 */
const errors_1 = require("./errors");
/** Keap's limits for a personal access token or service account key. */
exports.KEAP_PAT_WINDOWS = [
    { limit: 10, windowMs: 1000 },
    { limit: 240, windowMs: 60_000 },
    { limit: 30_000, windowMs: 86_400_000 },
];
/** Keap's limits for an OAuth client. */
exports.KEAP_OAUTH_WINDOWS = [
    { limit: 25, windowMs: 1000 },
    { limit: 1500, windowMs: 60_000 },
    { limit: 150_000, windowMs: 86_400_000 },
];
class RequestThrottle {
    options;
    now;
    windows;
    inFlight = 0;
    pausedUntil = 0;
    queue = Promise.resolve();
    released = [];
    policies = [];
    waitListeners = new Set();
    stats = { waits: 0, waitedMs: 0, throttled: 0, othersSeen: 0 };
    /** The limits in force: ours until Keap's headers named its own, then Keap's (product and tenant). */
    get limits() {
        return this.windows.map(({ limit, windowMs }) => ({ limit, windowMs }));
    }
    get situation() {
        const day = this.windows.find((w) => w.fixed && !w.fixed.guessed);
        return {
            fromKeap: this.windows.some((w) => w.learned),
            today: day?.fixed ? { available: Math.max(0, day.fixed.available), resetAt: day.fixed.resetAt } : undefined,
            othersSeen: this.stats.othersSeen,
        };
    }
    /**
     * The pace this throttle keeps with `reserve` left to others: each window holds its limit less the
     * reserve, and lasts its length plus the margin (what an honest estimate of time is computed with).
     */
    pacedLimits(reserve) {
        const margin = this.options.marginMs ?? 0;
        return this.windows.map(({ limit, windowMs }) => ({
            limit: Math.max(1, limit - Math.floor(limit * reserve)),
            windowMs: windowMs + margin,
        }));
    }
    constructor(options, now = () => Date.now()) {
        this.options = options;
        this.now = now;
        this.windows = options.windows.map((w) => ({ ...w, log: [] }));
    }
    /** The share of each window left to other traffic: the latest policy's, else the options'. */
    get reserve() {
        const held = [...this.policies].reverse().find((p) => p.reserve !== undefined);
        return Math.min(0.9, Math.max(0, held?.reserve ?? this.options.reserve ?? 0));
    }
    get maxWaitMs() {
        const held = [...this.policies].reverse().find((p) => p.maxWaitMs !== undefined);
        return held ? held.maxWaitMs : this.options.maxWaitMs;
    }
    /**
     * Applies a policy (a reserve, how long to wait) until the returned function is called: an apply
     * holds the throttle it shares with everything else done on the account for as long as it runs.
     */
    hold(policy) {
        this.policies.push(policy);
        return () => {
            const at = this.policies.indexOf(policy);
            if (at >= 0)
                this.policies.splice(at, 1);
        };
    }
    /** Calls `listener` before every wait for the quota; returns the function that stops it. */
    onWait(listener) {
        this.waitListeners.add(listener);
        return () => this.waitListeners.delete(listener);
    }
    /**
     * How long `requests` more requests would wait for the quota from now (none in flight), if at
     * all: what a caller asks before starting work it wants to finish before a long wait.
     */
    waitFor(requests = 1) {
        const now = this.now();
        const wait = this.longestWait(now, requests);
        return wait.ms > 0 ? wait : undefined;
    }
    /** What is left of the fixed (daily) window until its reset, for our share, when Keap has said. */
    get daily() {
        const w = this.windows.find((x) => x.fixed);
        if (!w?.fixed)
            return undefined;
        this.rollFixed(w, this.now());
        return { available: Math.max(0, w.fixed.available - this.keep(w)), resetAt: w.fixed.resetAt, limit: w.limit };
    }
    /** Waits for a slot; returns the function that gives it back. Admission is first come, first served. */
    acquire(signal) {
        const turn = this.queue.then(() => this.waitForSlot(signal));
        this.queue = turn.then(() => undefined, () => undefined);
        return turn;
    }
    /** Books what Keap's headers say about the quota. */
    observe(readings) {
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
                // A quota with a stated reset (Keap's daily one) is a fixed window: count down what Keap
                // says is left (requests still in flight may not be in its count yet) until the reset.
                const available = r.available - this.inFlight;
                // An answer from before a reset that arrived late says nothing about the new period.
                if (r.expiresAt <= now)
                    continue;
                if (!window.fixed || window.fixed.guessed || r.expiresAt > window.fixed.resetAt)
                    window.fixed = { available, resetAt: r.expiresAt };
                else if (r.expiresAt === window.fixed.resetAt)
                    window.fixed.available = Math.min(window.fixed.available, available);
                continue;
            }
            this.prune(window, now);
            const localAvailable = window.limit - window.log.length;
            // Someone else spends this quota too: book their share so we slow down in time.
            for (let i = Math.max(0, r.available); i < localAvailable; i++) {
                window.log.push(now);
                this.stats.othersSeen++;
            }
        }
    }
    /** Keap said 429: hold every request for the hinted time, or until the fullest window rolls. */
    throttled(retryAfterMs, attempt) {
        this.stats.throttled++;
        const now = this.now();
        let wait = retryAfterMs;
        if (wait === undefined) {
            // No hint: exponential backoff with jitter, but never shorter than the local windows need.
            const backoff = Math.min(60_000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
            wait = Math.max(backoff, this.longestWait(now, 1).ms);
        }
        this.pausedUntil = Math.max(this.pausedUntil, now + wait);
        return wait;
    }
    async waitForSlot(signal) {
        for (;;) {
            signal?.throwIfAborted();
            const now = this.now();
            if (this.inFlight >= this.options.maxConcurrent) {
                await new Promise((resolve) => this.released.push(resolve));
                continue;
            }
            const { ms: wait, until, cause } = this.longestWait(now, 1);
            if (wait <= 0)
                break;
            const maxWaitMs = this.maxWaitMs;
            if (maxWaitMs !== undefined && wait > maxWaitMs) {
                throw new errors_1.KeapQuotaWaitError(`Keap's quota is used up; requests are allowed again in ${Math.ceil(wait / 1000)} s`, new Date(until), cause);
            }
            this.stats.waits++;
            this.stats.waitedMs += wait;
            for (const listener of this.waitListeners)
                listener({ ms: wait, until, cause });
            await sleep(wait, signal);
        }
        const admitted = this.now();
        for (const w of this.windows) {
            if (w.fixed)
                w.fixed.available--;
            else
                w.log.push(admitted);
        }
        this.inFlight++;
        let done = false;
        return () => {
            if (done)
                return;
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
    restamp(admitted, answered) {
        if (answered <= admitted)
            return;
        for (const w of this.windows) {
            if (w.fixed)
                continue;
            const at = w.log.lastIndexOf(admitted);
            if (at < 0)
                continue; // already out of the window
            w.log.splice(at, 1);
            let insert = w.log.length;
            while (insert > 0 && w.log[insert - 1] > answered)
                insert--;
            w.log.splice(insert, 0, answered);
        }
    }
    /** The longest of the waits: a 429's pause, and every window's for `requests` more requests. */
    longestWait(now, requests) {
        let longest = { ms: this.pausedUntil - now, until: this.pausedUntil, cause: 'throttled' };
        const margin = this.options.marginMs ?? 0;
        for (const w of this.windows) {
            let until = 0;
            if (w.fixed) {
                this.rollFixed(w, now);
                // Spent down to the share left to others: nothing until the reset Keap named.
                const need = Math.min(requests, Math.max(1, w.limit - this.keep(w)));
                if (w.fixed.available - need < this.keep(w))
                    until = w.fixed.resetAt + margin;
            }
            else {
                this.prune(w, now);
                const cap = Math.max(1, w.limit - this.keep(w));
                const over = w.log.length + Math.min(requests, cap) - cap;
                if (over > 0)
                    until = w.log[over - 1] + w.windowMs + margin;
            }
            if (until - now > longest.ms)
                longest = { ms: until - now, until, cause: causeOf(w.windowMs) };
        }
        return longest;
    }
    /** Requests of a window left to other traffic. */
    keep(w) {
        return Math.floor(w.limit * this.reserve);
    }
    /** A fixed window whose reset has passed starts again full (Keap's next answer gives the new reset). */
    rollFixed(w, now) {
        const margin = this.options.marginMs ?? 0;
        if (!w.fixed || now < w.fixed.resetAt + margin)
            return;
        let next = w.fixed.resetAt;
        while (next + margin <= now)
            next += w.windowMs;
        w.fixed = { available: w.limit, resetAt: next, guessed: true };
    }
    prune(w, now) {
        const margin = this.options.marginMs ?? 0;
        let drop = 0;
        while (drop < w.log.length && w.log[drop] + w.windowMs + margin <= now)
            drop++;
        if (drop)
            w.log.splice(0, drop);
    }
}
exports.RequestThrottle = RequestThrottle;
function causeOf(windowMs) {
    if (windowMs >= 3_600_000)
        return 'day';
    if (windowMs >= 60_000)
        return 'minute';
    if (windowMs >= 1000)
        return 'second';
    return 'window';
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
//# sourceMappingURL=throttle.js.map