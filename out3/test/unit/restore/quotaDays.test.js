"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Applies that last days, against the emulator's short "days": the apply pauses between steps when
 * Keap's daily quota is spent (never sending into a 429), keeps its lock, lease and ledger through
 * the pause, stops cleanly with maxWaitMs, and a resume after a kill during a pause sends nothing
 * twice. And the reserve: a second client on the account is never refused because of the apply.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const client_1 = require("../../../src/core/keap/client");
const applier_1 = require("../../../src/core/restore/applier");
const ledger_1 = require("../../../src/core/restore/ledger");
const throttle_1 = require("../../../src/core/keap/throttle");
const disasters_1 = require("../../../src/emulator/disasters");
const emulator_1 = require("../support/emulator");
const invariants_1 = require("./invariants");
const support_1 = require("./support");
/** A client that paces itself from Keap's headers alone, as against Keap (the fixture's does not pace). */
function pacedClient(fixture, perSecond) {
    return new client_1.KeapClient({
        baseUrl: fixture.emulator.apiBaseUrl,
        credential: { kind: 'api-key', key: fixture.emulator.token },
        throttle: { windows: perSecond ? [{ limit: perSecond, windowMs: 1000 }] : [], maxConcurrent: 1, marginMs: 30 },
        retryBaseMs: 5,
    });
}
/**
 * Short days with this quota, from the start of a fresh day: the requests that made the snapshot and
 * the plan (without a quota) count neither against the first day nor against its first second (the
 * per-second window rolls over day boundaries: a burst just before one filled the new day's first
 * second, and the integration's first request was refused in about one run in ten).
 */
async function shortDays(fixture, quota) {
    fixture.emulator.quota.configure(quota);
    await (0, throttle_1.sleep)(1_100);
    await (0, throttle_1.sleep)(quota.dayMs - (Date.now() % quota.dayMs) + 5);
}
/** Every create and update step of the plan is done in the ledger, and Keap holds each record once and as the snapshot has it. */
async function assertAppliedOnce(fixture, plan) {
    const ledger = await ledger_1.Ledger.open(fixture.ledgerFile);
    const recorded = new Map(ledger.stepsOf(plan.planId).map((s) => [s.stepId, s.status]));
    ledger.close();
    const work = plan.steps.filter((s) => s.action === 'create' || s.action === 'update');
    strict_1.default.deepEqual(work.filter((s) => !['done', 'linked'].includes(recorded.get(s.id) ?? '')).map((s) => `${s.id}: ${recorded.get(s.id)}`), [], 'every step of the plan is done');
    const state = await (0, invariants_1.readState)(fixture.client);
    try {
        strict_1.default.deepEqual((0, invariants_1.markerDuplicates)(state), [], 'no snapshot record restored twice (markers)');
        strict_1.default.deepEqual((0, invariants_1.signatureDuplicates)(fixture.snapshot, state), [], 'no order twice (same contact, items, total, date)');
        strict_1.default.deepEqual((0, invariants_1.fieldDifferences)(fixture.snapshot, state, { entities: ['contacts', 'orders', 'payments'] }), []);
    }
    finally {
        state.close();
    }
}
describe('Restore across days of Keap quota', function () {
    this.timeout(180_000);
    after(emulator_1.closeTestAccounts);
    it('three short days, the daily quota hit twice, killed during a pause and resumed: everything applied once, no 429', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(50, 'quota-days');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-orders', count: 6, seed: 11 });
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-contacts', count: 3, seed: 12 });
        const plan = await (0, support_1.makePlan)(fixture);
        const work = plan.steps.filter((s) => s.action === 'create' || s.action === 'update').length;
        strict_1.default.ok(work >= 15, `enough steps to span days (${work})`);
        // A day of 1.5 s with 45 requests in it: the apply needs several.
        await shortDays(fixture, { perDay: 30, dayMs: 1500 });
        const client = pacedClient(fixture);
        const waits = [];
        const controller = new AbortController();
        await strict_1.default.rejects((0, support_1.apply)({ ...fixture, client }, plan, {
            signal: controller.signal,
            onWait: (w) => {
                waits.push(w);
                // Killed during the second pause.
                if (waits.filter((x) => x.kind === 'paused').length === 2)
                    controller.abort();
            },
        }), (err) => err instanceof applier_1.ApplyCancelledError || err.name === 'AbortError');
        const paused = waits.filter((w) => w.kind === 'paused');
        strict_1.default.ok(paused.length >= 2, `paused twice for the daily quota (${waits.map((w) => w.kind).join(', ')})`);
        strict_1.default.ok(paused.every((w) => w.waitingFor === 'day' && w.stepsLeft > 0 && w.stepsLeft <= work), 'each pause says it waits for the daily quota, with the steps left');
        strict_1.default.ok(paused[1].stepsLeft < paused[0].stepsLeft, 'work got done between the pauses');
        // Resumed (a new process would do the same: the lock went with the killed apply).
        const resumed = [];
        const receipt = await (0, support_1.apply)({ ...fixture, client: pacedClient(fixture) }, plan, { onWait: (w) => resumed.push(w) });
        strict_1.default.deepEqual([receipt.failed, receipt.conflicts, receipt.duplicates, receipt.verification.problems], [[], [], [], []]);
        strict_1.default.ok(resumed.some((w) => w.kind === 'paused'), 'the resumed apply paused for the daily quota again');
        strict_1.default.equal(fixture.emulator.stats().throttled, 0, 'no request was sent into a 429');
        await assertAppliedOnce(fixture, plan);
    });
    it('the quota running out inside a step: the step waits and runs again from the start, and nothing is sent twice', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(50, 'quota-in-step');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-paid-orders', count: 6, seed: 13 });
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-payments', count: 4, seed: 14 });
        const plan = await (0, support_1.makePlan)(fixture);
        strict_1.default.ok((plan.headline.payments?.create ?? 0) >= 4, 'payments to record');
        await shortDays(fixture, { perDay: 12, dayMs: 1000 });
        const waits = [];
        // A budget of one request: steps start with too little of the day left, and run out inside. A
        // lease of 2 s makes a wait of more than 0.4 s too long to make inside a step.
        process.env.KEAP_VAULT_LEASE_TTL_MS = '2000';
        let receipt;
        try {
            receipt = await (0, support_1.apply)({ ...fixture, client: pacedClient(fixture) }, plan, {
                stepBudget: 1,
                reserve: 0,
                onWait: (w) => waits.push(w),
            });
        }
        finally {
            delete process.env.KEAP_VAULT_LEASE_TTL_MS;
        }
        const inStep = waits.filter((w) => w.stepId);
        strict_1.default.ok(inStep.length >= 1, `the quota ran out inside a step (${waits.length} waits)`);
        strict_1.default.deepEqual([receipt.failed, receipt.conflicts, receipt.duplicates, receipt.verification.problems], [[], [], [], []]);
        strict_1.default.equal(fixture.emulator.stats().throttled, 0, 'no request was sent into a 429');
        await assertAppliedOnce(fixture, plan);
    });
    it('maxWaitMs: stops between steps with the time to resume; resuming sends nothing twice', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(40, 'quota-maxwait');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-orders', count: 5, seed: 21 });
        const plan = await (0, support_1.makePlan)(fixture);
        // The first day holds the stale check's read and some steps, not all.
        await shortDays(fixture, { perDay: 28, dayMs: 2000 });
        let stopped;
        try {
            await (0, support_1.apply)({ ...fixture, client: pacedClient(fixture) }, plan, { maxWaitMs: 100 });
        }
        catch (err) {
            if (!(err instanceof applier_1.ApplyPausedError))
                throw err;
            stopped = err;
        }
        strict_1.default.ok(stopped, 'the apply stopped for the daily quota');
        strict_1.default.equal(stopped.kind, 'apply-paused');
        strict_1.default.equal(stopped.waitingFor, 'day');
        strict_1.default.ok(stopped.stepsLeft > 0);
        strict_1.default.match(stopped.message, /^Paused until .* UTC for Keap's daily quota, \d+ steps? left; the ledger is consistent: resume to continue\.$/);
        const ledger = await ledger_1.Ledger.open(fixture.ledgerFile);
        const recorded = ledger.stepsOf(plan.planId);
        ledger.close();
        strict_1.default.deepEqual(recorded.filter((s) => s.status === 'pending'), [], 'stopped between steps: nothing in flight');
        const work = plan.steps.filter((s) => s.action === 'create' || s.action === 'update').length;
        strict_1.default.ok(recorded.length > 0 && recorded.length < work, `stopped part-way (${recorded.length} of ${work} steps done)`);
        strict_1.default.equal(stopped.stepsLeft, work - recorded.length, 'the steps left are those the ledger has not done');
        const receipt = await (0, support_1.apply)({ ...fixture, client: pacedClient(fixture) }, plan);
        strict_1.default.deepEqual([receipt.failed, receipt.conflicts, receipt.duplicates, receipt.verification.problems], [[], [], [], []]);
        strict_1.default.equal(fixture.emulator.stats().throttled, 0, 'no request was sent into a 429');
        await assertAppliedOnce(fixture, plan);
    });
    it("the reserve: a second client using the account during the apply is never refused because of the apply's traffic", async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(40, 'quota-reserve');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-orders', count: 5, seed: 31 });
        const plan = await (0, support_1.makePlan)(fixture);
        // 10 a second, 60 a (1.5 s) day; the apply leaves 30% of each to others, the integration uses at most 2 a second.
        await shortDays(fixture, { perSecond: 10, perDay: 60, dayMs: 1500 });
        const integration = pacedClient(fixture);
        let applying = true;
        let integrationRequests = 0;
        const other = (async () => {
            // Two requests a second at most, one at a time.
            while (applying) {
                await integration.ping();
                integrationRequests++;
                await (0, throttle_1.sleep)(500);
            }
        })();
        try {
            const receipt = await (0, support_1.apply)({ ...fixture, client: pacedClient(fixture, 10) }, plan, { reserve: 0.3 });
            strict_1.default.deepEqual([receipt.failed, receipt.verification.problems], [[], []]);
        }
        finally {
            applying = false;
            await other;
        }
        strict_1.default.ok(integrationRequests > 5, `the integration kept working (${integrationRequests} requests)`);
        const log = fixture.emulator.requests();
        const refused = log.findIndex((e) => e.status === 429);
        strict_1.default.equal(integration.transport.throttle.stats.throttled, 0, `the integration was never refused; before the first 429: ${log
            .slice(Math.max(0, refused - 12), refused + 1)
            .map((e) => `${e.at.slice(17)} ${e.method} ${e.path} ${e.status}`)
            .join(', ')}`);
        strict_1.default.equal(fixture.emulator.stats().throttled, 0, 'nobody was refused');
        await assertAppliedOnce(fixture, plan);
    });
});
//# sourceMappingURL=quotaDays.test.js.map