"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const applyProgress_1 = require("../../../src/cli/applyProgress");
const restore_1 = require("../../../src/cli/commands/restore");
const main_1 = require("../../../src/cli/main");
const output_1 = require("../../../src/cli/output");
const throttle_1 = require("../../../src/core/keap/throttle");
const disasters_1 = require("../../../src/emulator/disasters");
const cliIo_1 = require("../support/cliIo");
const emulator_1 = require("../support/emulator");
const invariants_1 = require("../restore/invariants");
const support_1 = require("../restore/support");
describe('keap-vault apply under the daily quota', function () {
    this.timeout(120_000);
    const saved = { ...process.env };
    after(async () => {
        process.env = { ...saved };
        await (0, emulator_1.closeTestAccounts)();
    });
    it('--max-wait stops between steps with exit 75 and names apply --resume, which then completes without sending anything twice', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(40, 'cli-max-wait');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-orders', count: 5, seed: 51 });
        const plan = await (0, support_1.makePlan)(fixture);
        const planFile = node_path_1.default.join(fixture.dir, 'plan.json');
        await node_fs_1.promises.writeFile(planFile, JSON.stringify(plan));
        process.env.KEAP_API_URL = fixture.emulator.apiBaseUrl;
        process.env.KEAP_API_KEY = fixture.emulator.token;
        // Days of 8 s with 30 requests, from the start of a fresh one (the CLI paces itself at 10 a second).
        fixture.emulator.quota.configure({ perDay: 30, dayMs: 8000 });
        await (0, throttle_1.sleep)(8000 - (Date.now() % 8000) + 5);
        const args = ['apply', planFile, '--ledger', fixture.ledgerFile, '--snapshot', fixture.snapshotFile];
        const stopped = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)([...args, '--max-wait', '2s', '--json'], stopped), output_1.EXIT_PAUSED);
        strict_1.default.deepEqual(stopped.stdout, [], 'nothing on stdout with --json');
        const said = stopped.stderr.join('\n');
        strict_1.default.match(said, /stopped between steps: Keap's daily quota allows requests again at \S+ \(in .*, longer than --max-wait 2s\)/);
        strict_1.default.match(said, new RegExp(`\\d+ steps? left, nothing in flight\\. Continue with: keap-vault apply ${planFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} --resume`));
        const resumed = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)([...args, '--resume'], resumed), 0, resumed.stderr.join('\n'));
        strict_1.default.match(resumed.stdout.join('\n'), /^Applied plan .*, 0 failed/m);
        strict_1.default.match(resumed.stderr.join('\n'), /^paused until \S+ UTC for Keap's daily quota \(.*\), \d+ steps? left/m, 'the pause is said');
        strict_1.default.equal(fixture.emulator.stats().throttled, 0, 'no request was sent into a 429');
        const state = await (0, invariants_1.readState)(fixture.client);
        try {
            strict_1.default.deepEqual((0, invariants_1.markerDuplicates)(state), []);
            strict_1.default.deepEqual((0, invariants_1.signatureDuplicates)(fixture.snapshot, state), []);
        }
        finally {
            state.close();
        }
    });
    it('flags: durations and shares', () => {
        strict_1.default.deepEqual(['90s', '10m', '2h', '1d', '45', '250ms'].map((d) => (0, restore_1.durationFlag)(d, '--max-wait')), [90_000, 600_000, 7_200_000, 86_400_000, 45_000, 250]);
        strict_1.default.throws(() => (0, restore_1.durationFlag)('soon', '--max-wait'), /--max-wait takes a duration such as 90s/);
        strict_1.default.deepEqual(['0.2', '20%', '0'].map((s) => (0, restore_1.shareFlag)(s, '--reserve')), [0.2, 0.2, 0]);
        strict_1.default.throws(() => (0, restore_1.shareFlag)('0.95', '--reserve'), /--reserve takes a share from 0 to 0.9/);
    });
    it('the progress line counts only steps that send something, and says the quota wait and the pause', () => {
        const writes = [];
        const io = (0, cliIo_1.captureIo)();
        const transport = {
            requestCount: 0,
            retryCount: 0,
            throttle: { limits: [{ limit: 240, windowMs: 60_000 }], daily: undefined },
        };
        const step = (id, action) => ({ id, action, entity: 'contacts', oldId: id });
        const steps = [step('a', 'skip'), step('b', 'create'), step('c', 'skip'), step('d', 'create')];
        const now = Date.parse('2026-11-30T23:59:00Z');
        const printer = (0, applyProgress_1.applyProgressPrinter)(io, {
            client: { transport },
            plan: { steps },
            reserve: 0.2,
            stream: { isTTY: true, write: (t) => void writes.push(t) },
            now: () => now,
        });
        const progress = (index, status, workDone) => ({
            step: steps[index],
            index,
            total: 4,
            status,
            workDone,
            workTotal: 2,
            newId: '9',
        });
        printer.step(progress(0, 'skipped', 0));
        transport.requestCount = 3;
        printer.step(progress(1, 'done', 1));
        printer.wait({ kind: 'waiting', waitingFor: 'minute', until: new Date(now + 34_000), ms: 34_000, stepsLeft: 1 });
        strict_1.default.ok(writes.at(-1).startsWith('\r\u001b[2K'), 'the line is rewritten in place');
        strict_1.default.match(writes.at(-1), /1\/2 steps · 3 requests · waiting 34 s for Keap's minute quota · about \d+ s left$/);
        printer.wait({ kind: 'paused', waitingFor: 'day', until: new Date('2026-12-01T00:00:00Z'), ms: 60_000, stepsLeft: 73_412 });
        strict_1.default.match(writes.at(-1), /paused until 00:00 UTC for Keap's daily quota \(1 min\), 73,412 steps left/);
        printer.step(progress(3, 'failed', 2));
        strict_1.default.deepEqual(io.stderr, ['[2/2] d failed -> 9'], 'a step worth reading gets its own line, counted in steps that send');
        printer.end();
    });
});
//# sourceMappingURL=applyQuotaCli.test.js.map