"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const ledger_1 = require("../../../src/core/restore/ledger");
const disasters_1 = require("../../../src/emulator/disasters");
const emulator_1 = require("../support/emulator");
const invariants_1 = require("./invariants");
const support_1 = require("./support");
const CLI = node_path_1.default.join(__dirname, '../../../src/cli/main.js');
/**
 * Apply runs in a child process that is killed (SIGKILL) at a step boundary, over and over: before
 * a write reaches Keap, and after Keap did it but before the answer (and so the ledger's "done")
 * arrived. Each run resumes the last. The end state must equal an uninterrupted restore, with no
 * contact, order or payment created twice.
 */
describe('Restore: crash safety', function () {
    this.timeout(600_000);
    after(emulator_1.closeTestAccounts);
    /**
     * Rounds of applies of `planFile`, one child per ledger started together, until one finishes;
     * whichever holds the account's lock is killed at the step boundary the emulator's hang marks.
     */
    async function killAtEveryStep(fixture, planFile, ledgers, writes) {
        const env = { ...process.env, KEAP_API_URL: fixture.emulator.apiBaseUrl, KEAP_API_KEY: fixture.emulator.token };
        const runApply = (ledger, resume, hungBefore) => new Promise((resolve) => {
            const child = (0, node_child_process_1.spawn)(process.execPath, [CLI, '--unlimited', 'apply', planFile, '--ledger', ledger, ...(resume ? ['--resume', '--break-lock'] : [])], { env, stdio: ['ignore', 'ignore', 'pipe'] });
            let stderr = '';
            child.stderr.on('data', (d) => (stderr += d.toString()));
            const watch = setInterval(() => {
                if (fixture.emulator.stats().hung > hungBefore)
                    child.kill('SIGKILL');
            }, 5);
            child.on('exit', (code, signal) => {
                clearInterval(watch);
                resolve({ code, killed: signal === 'SIGKILL', stderr });
            });
        });
        let kills = 0;
        let refused = 0;
        for (let round = 0; round < writes * 3; round++) {
            // Killed at plan steps; the apply lease's own requests (tags by id, creating the lease tag) don't count.
            fixture.emulator.hangNext({ when: round % 2 === 0 ? 'after' : 'before', except: '^(POST /v2/tags|(PATCH|DELETE) /v2/tags/\\d+)$' });
            const hungBefore = fixture.emulator.stats().hung;
            const results = await Promise.all(ledgers.map((ledger) => runApply(ledger, round > 0, hungBefore)));
            for (const result of results) {
                if (result.killed)
                    kills++;
                else if (/Another apply is running on this account|stopped without releasing its lock/.test(result.stderr))
                    refused++;
                else {
                    strict_1.default.equal(result.code, 0, result.stderr);
                    return { kills, refused };
                }
            }
        }
        strict_1.default.fail('the last resume did not finish the plan');
    }
    async function crashFixture(seed, size = 70, minWrites = 50) {
        const fixture = await (0, support_1.accountWithSnapshot)(size, seed);
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-contacts', fraction: 0.3, seed: 11 });
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-payments', fraction: 0.1, seed: 12 });
        const plan = await (0, support_1.makePlan)(fixture);
        const writes = plan.steps.filter((s) => s.action === 'create' || s.action === 'update').length;
        strict_1.default.ok(writes >= minWrites, `the plan has ${writes} writes`);
        const planFile = node_path_1.default.join(fixture.dir, 'plan.json');
        await node_fs_1.promises.writeFile(planFile, JSON.stringify(plan));
        return { fixture, planFile, writes, plan };
    }
    /** The same end state as an uninterrupted restore: counts equal the snapshot, nothing twice. */
    async function assertRestoredOnce(fixture) {
        const store = fixture.store;
        strict_1.default.equal(store.contacts.size, fixture.snapshot.count('contacts'));
        strict_1.default.equal(store.orders.size, fixture.snapshot.count('orders'));
        strict_1.default.equal(store.payments.size, fixture.snapshot.count('payments'));
        const emails = [...store.contacts.values()].map((c) => c.email_addresses[0]?.email).filter(Boolean);
        strict_1.default.equal(new Set(emails).size, emails.length, 'no contact twice');
        const state = await (0, invariants_1.readState)(fixture.client);
        strict_1.default.deepEqual((0, invariants_1.markerDuplicates)(state), []);
        state.close();
    }
    it('survives SIGKILL at every step boundary of a 50+ step plan, without duplicates', async () => {
        const { fixture, planFile, writes, plan } = await crashFixture('crash');
        const { kills } = await killAtEveryStep(fixture, planFile, [fixture.ledgerFile], writes);
        strict_1.default.ok(kills >= writes, `killed at ${kills} step boundaries`);
        await assertRestoredOnce(fixture);
        const ledger = await ledger_1.Ledger.open(fixture.ledgerFile);
        const steps = ledger.stepsOf(plan.planId);
        ledger.close();
        strict_1.default.equal(steps.filter((s) => s.status === 'done').length, writes);
        strict_1.default.equal(steps.filter((s) => s.status !== 'done').length, 0);
    });
    it('two appliers with two ledgers started together, killed at every step boundary: one runs at a time, nothing twice', async () => {
        const { fixture, planFile, writes } = await crashFixture('crash-two', 40, 20);
        const other = node_path_1.default.join(fixture.dir, 'other-folder.kvledger');
        const { kills, refused } = await killAtEveryStep(fixture, planFile, [fixture.ledgerFile, other], writes);
        strict_1.default.ok(kills >= writes, `killed at ${kills} step boundaries`);
        strict_1.default.ok(refused >= kills / 2, `the other applier was refused by the account lock (${refused} times)`);
        await assertRestoredOnce(fixture);
    });
});
//# sourceMappingURL=crash.test.js.map