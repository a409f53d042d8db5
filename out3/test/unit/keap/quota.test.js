"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const axios_1 = __importDefault(require("axios"));
const throttle_1 = require("../../../src/core/keap/throttle");
const quotaHeaders_1 = require("../../../src/core/keap/quotaHeaders");
const errors_1 = require("../../../src/core/keap/errors");
const emulator_1 = require("../support/emulator");
describe('Quota', () => {
    after(emulator_1.closeTestAccounts);
    it("the emulator answers a burst beyond the per-second limit with 429 and Keap's headers", async () => {
        const { emulator } = await (0, emulator_1.startTestAccount)({ quota: { perSecond: 10, perMinute: 240, perDay: 30_000 } });
        const answers = await Promise.all(Array.from({ length: 25 }, () => axios_1.default.get(`${emulator.apiBaseUrl}/v2/tags`, {
            headers: { 'X-Keap-API-Key': emulator.token },
            validateStatus: () => true,
            proxy: false,
        })));
        const statuses = answers.map((a) => a.status);
        strict_1.default.equal(statuses.filter((s) => s === 200).length, 10);
        strict_1.default.equal(statuses.filter((s) => s === 429).length, 15);
        const throttled = answers.find((a) => a.status === 429);
        strict_1.default.equal(throttled.data.fault.detail.errorcode, 'policies.ratelimit.SpikeArrestViolation');
        const ok = answers.find((a) => a.status === 200);
        strict_1.default.equal(ok.headers['x-keap-product-throttle-limit'], '240');
        strict_1.default.equal(ok.headers['x-keap-product-quota-limit'], '30000');
        strict_1.default.equal(ok.headers['x-keap-product-spike-limit'], '10ps');
    });
    it('the client under the same load finishes without a 429 and stays under the limit', async function () {
        this.timeout(20_000);
        const { emulator, client } = await (0, emulator_1.startTestAccount)({ quota: { perSecond: 10, perMinute: 240, perDay: 30_000 } }, { throttle: { windows: [{ limit: 10, windowMs: 1000 }], maxConcurrent: 8, marginMs: 50 } });
        const started = Date.now();
        await Promise.all(Array.from({ length: 35 }, () => client.ping()));
        const stats = emulator.stats();
        strict_1.default.equal(stats.throttled, 0, 'no request was refused');
        strict_1.default.equal(stats.accepted, 35);
        strict_1.default.ok(stats.maxPerSecond <= 10, `at most 10 in any second, saw ${stats.maxPerSecond}`);
        strict_1.default.ok(Date.now() - started >= 3000, '35 requests at 10/s need more than 3 s');
    });
    it("the client learns limits it was not told from Keap's headers and recovers from 429s", async function () {
        this.timeout(20_000);
        // The client starts knowing nothing; the emulator allows 5/s.
        const { emulator, client } = await (0, emulator_1.startTestAccount)({ quota: { perSecond: 5, perMinute: 1000 } }, { throttle: { windows: [], maxConcurrent: 4, marginMs: 50 } });
        const results = await Promise.all(Array.from({ length: 20 }, () => client.ping()));
        strict_1.default.equal(results.length, 20);
        strict_1.default.ok(emulator.stats().maxPerSecond <= 5);
    });
    it("the emulator's short day: its daily quota resets every dayMs, and Keap's expiry header says when", async () => {
        const dayMs = 1000;
        const { emulator } = await (0, emulator_1.startTestAccount)({ quota: { perDay: 3, dayMs } });
        const get = () => axios_1.default.get(`${emulator.apiBaseUrl}/v2/tags`, {
            headers: { 'X-Keap-API-Key': emulator.token },
            validateStatus: () => true,
            proxy: false,
        });
        await new Promise((r) => setTimeout(r, dayMs - (Date.now() % dayMs) + 5)); // a fresh day
        const answers = [await get(), await get(), await get(), await get()];
        strict_1.default.deepEqual(answers.map((a) => a.status), [200, 200, 200, 429]);
        const expiry = Number(answers[0].headers['x-keap-product-quota-expiry-time']);
        strict_1.default.equal(expiry % dayMs, 0, 'the day ends on a multiple of its length (00:00 UTC for a real day)');
        strict_1.default.ok(expiry > Date.now() - dayMs && expiry <= Date.now() + dayMs);
        strict_1.default.deepEqual(answers.slice(0, 3).map((a) => a.headers['x-keap-product-quota-available']), ['2', '1', '0']);
        strict_1.default.equal(answers[0].headers['x-keap-product-quota-time-unit'], 'day');
        await new Promise((r) => setTimeout(r, Math.max(0, expiry - Date.now()) + 5));
        strict_1.default.equal((await get()).status, 200, 'a new day, a new quota');
    });
    it('reads pipe-delimited tenant windows', () => {
        const readings = (0, quotaHeaders_1.readQuotaHeaders)({
            'x-keap-tenant-throttle-limit': '10000|250000',
            'x-keap-tenant-throttle-time-unit': 'minute|day',
            'x-keap-tenant-throttle-interval': '1|1',
            'x-keap-tenant-throttle-available': '9990|249000',
            'x-keap-product-throttle-limit': '240',
            'x-keap-product-throttle-available': '200',
            'x-keap-product-throttle-time-unit': 'minute',
        });
        strict_1.default.deepEqual(readings.map((r) => [r.scope, r.windowMs, r.limit, r.available]), [
            ['product', 60_000, 240, 200],
            ['tenant', 60_000, 10_000, 9990],
            ['tenant', 86_400_000, 250_000, 249_000],
        ]);
    });
    describe('RequestThrottle (simulated clock)', () => {
        function clock(start = 1_000_000) {
            const c = { now: start };
            return { c, now: () => c.now };
        }
        it('books quota spent by someone else so that it slows down before Keap refuses', async () => {
            const { c, now } = clock();
            const throttle = new throttle_1.RequestThrottle({ windows: [{ limit: 240, windowMs: 60_000 }], maxConcurrent: 4, maxWaitMs: 0 }, now);
            (await throttle.acquire())();
            // Keap says only 1 of 240 is left this minute: another script spent the rest.
            throttle.observe([{ scope: 'product', windowMs: 60_000, limit: 240, available: 1 }]);
            (await throttle.acquire())();
            await strict_1.default.rejects(throttle.acquire(), /quota is used up; requests are allowed again in 60 s/);
            c.now += 60_001;
            (await throttle.acquire())();
        });
        it('adopts the limit Keap reports and pauses until a daily quota resets', async () => {
            const { c, now } = clock();
            const throttle = new throttle_1.RequestThrottle({ windows: [{ limit: 30_000, windowMs: 86_400_000 }], maxConcurrent: 1, maxWaitMs: 1000 }, now);
            throttle.observe([{ scope: 'product', windowMs: 86_400_000, limit: 150_000, available: 0, expiresAt: c.now + 3_600_000 }]);
            await strict_1.default.rejects(throttle.acquire(), (err) => err.retryAt?.getTime() === c.now + 3_600_000);
        });
        it('holds every request after a 429 for the hinted time', async () => {
            const { c, now } = clock();
            const throttle = new throttle_1.RequestThrottle({ windows: [], maxConcurrent: 2, maxWaitMs: 0 }, now);
            strict_1.default.equal(throttle.throttled(2000, 0), 2000);
            await strict_1.default.rejects(throttle.acquire(), /in 2 s/);
            c.now += 2000;
            (await throttle.acquire())();
        });
        it("counts the daily quota down from Keap's reading and waits for its expiry instead of sending into a 429", async () => {
            const { c, now } = clock();
            const throttle = new throttle_1.RequestThrottle({ windows: [], maxConcurrent: 1, maxWaitMs: 0 }, now);
            const resetAt = c.now + 3_600_000;
            // Keap says 2 are left today: two go, the third would be refused, so it is not sent.
            throttle.observe([{ scope: 'product', windowMs: 86_400_000, limit: 100, available: 2, expiresAt: resetAt }]);
            (await throttle.acquire())();
            (await throttle.acquire())();
            await strict_1.default.rejects(throttle.acquire(), (err) => err instanceof errors_1.KeapQuotaWaitError && err.kind === 'quota-wait' && err.retryAt.getTime() === resetAt && err.waitingFor === 'day');
            strict_1.default.deepEqual(throttle.waitFor(1), { ms: 3_600_000, until: resetAt, cause: 'day' });
            // After the reset the day starts full (a guess until Keap's next answer names the new expiry).
            c.now = resetAt;
            strict_1.default.equal(throttle.waitFor(1), undefined);
            (await throttle.acquire())();
            throttle.observe([{ scope: 'product', windowMs: 86_400_000, limit: 100, available: 0, expiresAt: resetAt + 5000 }]);
            strict_1.default.equal(throttle.waitFor(1)?.until, resetAt + 5000, "the next answer's expiry replaces the guess");
            // A late answer from before the reset says nothing about today.
            throttle.observe([{ scope: 'product', windowMs: 86_400_000, limit: 100, available: 50, expiresAt: resetAt }]);
            strict_1.default.equal(throttle.waitFor(1)?.until, resetAt + 5000);
        });
        it('leaves the reserve share of every window to other traffic, and says how long n requests would wait', async () => {
            const { c, now } = clock();
            const throttle = new throttle_1.RequestThrottle({ windows: [{ limit: 10, windowMs: 1000 }], maxConcurrent: 10, maxWaitMs: 0, reserve: 0.2 }, now);
            for (let i = 0; i < 8; i++)
                (await throttle.acquire())();
            await strict_1.default.rejects(throttle.acquire(), errors_1.KeapQuotaWaitError, '2 of 10 a second are left to others');
            c.now += 1000;
            for (let i = 0; i < 3; i++)
                (await throttle.acquire())();
            strict_1.default.equal(throttle.waitFor(5), undefined);
            strict_1.default.equal(throttle.waitFor(6)?.cause, 'second', 'more than what is left of our share waits');
            // The daily quota too: of 100 left, 20 are others'.
            throttle.observe([{ scope: 'product', windowMs: 86_400_000, limit: 100, available: 25, expiresAt: c.now + 60_000 }]);
            strict_1.default.equal(throttle.daily?.available, 5);
            strict_1.default.equal(throttle.waitFor(5), undefined);
            strict_1.default.equal(throttle.waitFor(6)?.cause, 'day');
        });
        it('a policy held for a while (an apply) replaces the reserve and the longest wait, until released', async () => {
            const { now } = clock();
            const throttle = new throttle_1.RequestThrottle({ windows: [{ limit: 10, windowMs: 1000 }], maxConcurrent: 10, maxWaitMs: 0 }, now);
            const waits = [];
            throttle.onWait((w) => waits.push(w.ms));
            const release = throttle.hold({ reserve: 0.5, maxWaitMs: 0 });
            strict_1.default.equal(throttle.reserve, 0.5);
            for (let i = 0; i < 5; i++)
                (await throttle.acquire())();
            await strict_1.default.rejects(throttle.acquire(), errors_1.KeapQuotaWaitError);
            release();
            strict_1.default.equal(throttle.reserve, 0);
            for (let i = 0; i < 5; i++)
                (await throttle.acquire())();
            strict_1.default.deepEqual(waits, [], 'no wait was made, so none was reported');
        });
        it('counts a request when its answer came, so a late request does not let the next burst into its window', async () => {
            const { c, now } = clock();
            const t0 = c.now;
            const throttle = new throttle_1.RequestThrottle({ windows: [{ limit: 2, windowMs: 1000 }], maxConcurrent: 4, maxWaitMs: 0 }, now);
            const slow = await throttle.acquire();
            (await throttle.acquire())();
            c.now += 400;
            slow(); // its answer came 400 ms after it was admitted: Keap may have counted it that late
            c.now = t0 + 1000;
            (await throttle.acquire())(); // the quick one has left the window
            await strict_1.default.rejects(throttle.acquire(), /in 1 s/, 'the slow one still holds its place until 1400');
            c.now = t0 + 1400;
            (await throttle.acquire())();
        });
        it('never has more requests in flight than allowed', async () => {
            const throttle = new throttle_1.RequestThrottle({ windows: [], maxConcurrent: 2 });
            const a = await throttle.acquire();
            const b = await throttle.acquire();
            let third = false;
            const pending = throttle.acquire().then((release) => {
                third = true;
                return release;
            });
            await new Promise((r) => setTimeout(r, 20));
            strict_1.default.equal(third, false);
            a();
            (await pending)();
            b();
            strict_1.default.equal(third, true);
        });
    });
});
//# sourceMappingURL=quota.test.js.map