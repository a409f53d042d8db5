"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The estimate before Apply: the requests an apply makes and the least time Keap's quota allows
 * (one function for that minimum, shared with the benches).
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const quotaBound_1 = require("../../../src/core/keap/quotaBound");
const throttle_1 = require("../../../src/core/keap/throttle");
const estimate_1 = require("../../../src/core/restore/estimate");
const applyRestore_1 = require("../../../src/core/usecases/applyRestore");
const planRestore_1 = require("../../../src/core/usecases/planRestore");
const disasters_1 = require("../../../src/emulator/disasters");
const emulator_1 = require("../support/emulator");
const support_1 = require("./support");
const MINUTE = 60_000;
const DAY = 86_400_000;
function planOf(creates) {
    const steps = Array.from({ length: creates }, (_, i) => ({
        id: `contacts:${i}`,
        entity: 'contacts',
        oldId: String(i),
        action: 'create',
        reason: 'missing-in-live',
        detail: '',
        label: `Contact ${i}`,
        dependsOn: [],
    }));
    return { steps };
}
describe('Restore: the estimate before Apply', function () {
    this.timeout(120_000);
    after(emulator_1.closeTestAccounts);
    it('the quota-bound minimum: the largest window overflowed decides, the smaller ones pace what is left', () => {
        strict_1.default.equal((0, quotaBound_1.quotaBound)(10, throttle_1.KEAP_PAT_WINDOWS).ms, 0, 'a burst of 10 goes at once');
        strict_1.default.equal((0, quotaBound_1.quotaBound)(11, throttle_1.KEAP_PAT_WINDOWS).ms, 1000);
        strict_1.default.equal((0, quotaBound_1.quotaBound)(240, throttle_1.KEAP_PAT_WINDOWS).ms, 23_000, '240 requests: 24 seconds of 10, inside the first minute');
        strict_1.default.equal((0, quotaBound_1.quotaBound)(241, throttle_1.KEAP_PAT_WINDOWS).ms, MINUTE);
        strict_1.default.equal((0, quotaBound_1.quotaBound)(50_000, throttle_1.KEAP_PAT_WINDOWS).ms, DAY + (0, quotaBound_1.quotaBound)(20_000, throttle_1.KEAP_PAT_WINDOWS).ms, 'a day, then 20,000 more');
        strict_1.default.equal((0, quotaBound_1.quotaBound)(50_000, throttle_1.KEAP_PAT_WINDOWS).binding?.windowMs, DAY);
        const twoMinuteLimits = [
            { limit: 240, windowMs: MINUTE },
            { limit: 120, windowMs: MINUTE },
        ];
        strict_1.default.equal((0, quotaBound_1.quotaBound)(121, twoMinuteLimits).ms, MINUTE, "Keap's product and tenant limits: the lower binds");
    });
    it('says when the daily limit binds, in days, and otherwise the time at the minute limit', () => {
        const big = (0, estimate_1.estimateApply)(planOf(118_000), { liveCounts: {}, windows: throttle_1.KEAP_PAT_WINDOWS });
        strict_1.default.match(big.summary, /^about 1\d\d,\d{3} requests: \d+ h \d+ min at 240 a minute, then the daily limit of 30,000 binds: about 3 days \d+ h$/);
        strict_1.default.equal(big.bindingWindowMs, DAY);
        const small = (0, estimate_1.estimateApply)(planOf(100), { liveCounts: { contacts: 2500 }, windows: throttle_1.KEAP_PAT_WINDOWS });
        strict_1.default.match(small.summary, /^about 1\d\d requests: \d+ s at Keap's 240 a minute$/);
        strict_1.default.equal((0, estimate_1.estimateApply)(planOf(0), { liveCounts: {}, windows: throttle_1.KEAP_PAT_WINDOWS }).summary, 'nothing to send');
        strict_1.default.equal((0, estimate_1.duration)(8 * 3_600_000 + 12 * MINUTE), '8 h 12 min');
    });
    it("is timed at the pace the apply keeps: Keap's limits less the share left to other traffic, each window with the client's margin", () => {
        const throttle = new throttle_1.RequestThrottle({ windows: throttle_1.KEAP_PAT_WINDOWS, maxConcurrent: 4, marginMs: 100 });
        const whole = (0, estimate_1.estimateApply)(planOf(2000), { liveCounts: {}, windows: throttle_1.KEAP_PAT_WINDOWS });
        const paced = (0, estimate_1.estimateApply)(planOf(2000), { liveCounts: {}, windows: throttle_1.KEAP_PAT_WINDOWS, pace: throttle.pacedLimits(0.2), reserve: 0.2 });
        strict_1.default.equal(paced.parts.writes, whole.parts.writes);
        strict_1.default.ok(paced.requests >= whole.requests, 'a slower apply looks at Keap as often per minute, so a little more');
        // 192 a minute instead of 240, minutes of 60.1 s: a quarter longer and a little more.
        const perRequest = (e) => e.ms / e.requests;
        strict_1.default.ok(perRequest(paced) > perRequest(whole) * 1.25 && perRequest(paced) < perRequest(whole) * 1.27, `${paced.ms} vs ${whole.ms}`);
        strict_1.default.match(paced.summary, /^about 2,\d{3} requests: \d+ min( \d+ s)? at Keap's 240 a minute, leaving 20% of it to other traffic$/);
    });
    it("names the quota it was estimated under: the credential, whether Keap's headers said it, what is left today, other traffic seen", () => {
        const reset = Date.parse('2026-12-01T00:00:00Z');
        const said = (0, estimate_1.estimateApply)(planOf(100), {
            liveCounts: {},
            windows: throttle_1.KEAP_PAT_WINDOWS,
            quota: { credential: 'api-key', situation: { fromKeap: true, today: { available: 29_512, resetAt: reset }, othersSeen: 37 } },
        });
        strict_1.default.equal(said.quota, "Keap's quota for this personal access token or service account key: 10 a second, 240 a minute, 30,000 a day, as Keap's headers said; 29,512 left today, until 00:00 UTC; 37 requests by other traffic seen on the account");
        const unsaid = (0, estimate_1.estimateApply)(planOf(100), {
            liveCounts: {},
            windows: throttle_1.KEAP_PAT_WINDOWS,
            quota: { credential: 'oauth', situation: { fromKeap: false, othersSeen: 0 } },
        });
        strict_1.default.equal(unsaid.quota, "Keap's quota for this OAuth connection: 10 a second, 240 a minute, 30,000 a day (the defaults: Keap has not said yet)");
        strict_1.default.equal((0, estimate_1.estimateApply)(planOf(100), { liveCounts: {}, windows: [] }).quota, undefined, 'no quota, nothing to name');
    });
    it('is close to what the apply then sends', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(60, 'estimate');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-orders', count: 6, seed: 3 });
        const { plan, ledgerFile } = await (0, planRestore_1.planRestoreFromSnapshot)({
            client: fixture.client,
            snapshot: fixture.snapshot,
            snapshotFile: fixture.snapshotFile,
            options: {},
        });
        strict_1.default.ok(plan.estimate, 'the plan carries its estimate');
        const receipt = await (0, applyRestore_1.applyRestorePlan)({ client: fixture.client, plan, ledgerFile, snapshot: fixture.snapshot, resume: false });
        const estimated = plan.estimate.requests;
        strict_1.default.ok(Math.abs(estimated - receipt.requests) <= Math.max(3, receipt.requests * 0.15), `estimated ${estimated} (${JSON.stringify(plan.estimate.parts)}), sent ${receipt.requests}`);
    });
});
//# sourceMappingURL=estimate.test.js.map