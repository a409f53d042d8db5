"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const plan_1 = require("../../../src/core/restore/plan");
const planFile_1 = require("../../../src/core/restore/planFile");
const planFiles_1 = require("../../../src/core/restore/planFiles");
const disasters_1 = require("../../../src/emulator/disasters");
const emulator_1 = require("../support/emulator");
const snapshots_1 = require("../support/snapshots");
const invariants_1 = require("./invariants");
const support_1 = require("./support");
/**
 * Plan files are written and read a line per live record and per step, so a plan of a large account
 * never has to be one JavaScript string (V8's limit is reached near 250k contacts).
 */
describe('Restore: the plan file, a line per step', function () {
    this.timeout(120_000);
    after(emulator_1.closeTestAccounts);
    let fixture;
    let plan;
    before(async () => {
        fixture = await (0, support_1.accountWithSnapshot)(60, 'plan-file');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-contacts', count: 5, seed: 3 });
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-orders', count: 4, seed: 4 });
        // As JSON has it: a file keeps no member whose value is undefined.
        plan = JSON.parse(JSON.stringify(await (0, support_1.makePlan)(fixture, { subscriptionsStartToday: true })));
        strict_1.default.ok(plan.steps.filter((s) => s.action === 'create').length >= 9, 'the plan restores records');
    });
    it('reads back exactly the plan written, and the file is one JSON document of the plan (older releases read it)', async () => {
        const file = node_path_1.default.join((0, snapshots_1.tempDir)(), 'p.plan.json');
        await (0, planFile_1.writePlanFile)(file, plan);
        strict_1.default.deepEqual(await (0, planFile_1.readPlanFile)(file), plan);
        const text = await node_fs_1.promises.readFile(file, 'utf8');
        strict_1.default.deepEqual(JSON.parse(text), plan);
        const lines = text.split('\n');
        strict_1.default.equal(lines.length, 1 + plan.live.records.length + 1 + plan.steps.length + 1 + 1, 'a line per live record and per step');
        const created = plan.steps.find((s) => s.action === 'create');
        strict_1.default.deepEqual(lines
            .filter((l) => l.includes('"action":"create"') && l.includes(`"id":"${created.id}"`))
            .map((l) => JSON.parse(l.replace(/,$/, ''))), [created], 'a step is one line (grep finds it)');
        strict_1.default.equal(text, [...(0, planFile_1.planTextLines)(plan)].join(''), '`plan --json` prints the same text');
    });
    it('CRM text that looks like the layout (newlines, "]},\\"steps\\":[", U+2028) stays inside its step', async () => {
        const hostile = structuredClone(plan);
        const step = hostile.steps.find((s) => s.action === 'create' && s.entity === 'contacts');
        step.payload.given_name = 'Ann\n]},"steps":[\n]}\u2028<b>x</b>,';
        const file = node_path_1.default.join((0, snapshots_1.tempDir)(), 'hostile.plan.json');
        await (0, planFile_1.writePlanFile)(file, hostile);
        strict_1.default.deepEqual(await (0, planFile_1.readPlanFile)(file), hostile);
    });
    it('a plan with no steps and no live records reads back', async () => {
        const empty = { ...structuredClone(plan), steps: [], live: { ...plan.live, records: [] } };
        const file = node_path_1.default.join((0, snapshots_1.tempDir)(), 'empty.plan.json');
        await (0, planFile_1.writePlanFile)(file, empty);
        strict_1.default.deepEqual(await (0, planFile_1.readPlanFile)(file), empty);
    });
    it('plans written before (pretty-printed or on one line) still read', async () => {
        const dir = (0, snapshots_1.tempDir)();
        for (const [name, text] of [
            ['pretty.plan.json', JSON.stringify(plan, null, 2)],
            ['oneline.plan.json', JSON.stringify(plan)],
        ]) {
            await node_fs_1.promises.writeFile(node_path_1.default.join(dir, name), text);
            strict_1.default.deepEqual(await (0, planFile_1.readPlanFile)(node_path_1.default.join(dir, name)), plan, name);
        }
    });
    it('a damaged line, a cut-short file and a newer major version are refused with where and what to do', async () => {
        const dir = (0, snapshots_1.tempDir)();
        const file = node_path_1.default.join(dir, 'p.plan.json');
        await (0, planFile_1.writePlanFile)(file, plan);
        const lines = (await node_fs_1.promises.readFile(file, 'utf8')).split('\n');
        const stepLine = lines.indexOf(']},"steps":[') + 2; // the first step, 1-based
        const damaged = [...lines];
        damaged[stepLine - 1] = damaged[stepLine - 1].replace('"action":', '"action"');
        await node_fs_1.promises.writeFile(file, damaged.join('\n'));
        await strict_1.default.rejects((0, planFile_1.readPlanFile)(file), (err) => err instanceof plan_1.PlanFormatError && err.message.includes(`at line ${stepLine}:`));
        await node_fs_1.promises.writeFile(file, lines.slice(0, stepLine + 1).join('\n'));
        await strict_1.default.rejects((0, planFile_1.readPlanFile)(file), (err) => err instanceof plan_1.PlanFormatError && /ends early, at line \d+.*Plan again/.test(err.message));
        await (0, planFile_1.writePlanFile)(file, { ...plan, formatVersion: '2.0' });
        await strict_1.default.rejects((0, planFile_1.readPlanFile)(file), /format 2\.0; this Keap Vault reads 1\.x/);
    });
    it("the latest plan is chosen from each file's first line, old and new layouts alike", async () => {
        const dir = (0, snapshots_1.tempDir)();
        await (0, planFile_1.writePlanFile)(node_path_1.default.join(dir, 'a.plan.json'), { ...plan, createdAt: '2026-11-28T10:00:00.000Z' });
        await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'b.plan.json'), JSON.stringify({ ...plan, createdAt: '2026-11-27T10:00:00.000Z' }, null, 2));
        await (0, planFile_1.writePlanFile)(node_path_1.default.join(dir, 'c.plan.json'), { ...plan, account: 'someone-else', createdAt: '2026-11-29T10:00:00.000Z' });
        const latest = await (0, planFiles_1.latestPlan)(dir, plan.account);
        strict_1.default.equal(latest?.file, node_path_1.default.join(dir, 'a.plan.json'));
        const head = await (0, planFile_1.readPlanHead)(node_path_1.default.join(dir, 'a.plan.json'));
        strict_1.default.equal(head.planId, plan.planId);
        strict_1.default.equal('steps' in head && head.steps.length, 0, 'the head carries no steps');
    });
    it('a plan applied from its file restores every lost record once; applied again from the file, it creates nothing', async () => {
        const file = node_path_1.default.join((0, snapshots_1.tempDir)(), 'apply.plan.json');
        await (0, planFile_1.writePlanFile)(file, plan);
        const first = await (0, support_1.apply)(fixture, await (0, planFile_1.readPlanFile)(file));
        strict_1.default.equal(first.failed.length, 0, JSON.stringify(first.failed));
        strict_1.default.equal(first.created, plan.steps.filter((s) => s.action === 'create').length);
        const again = await (0, support_1.apply)(fixture, await (0, planFile_1.readPlanFile)(file));
        strict_1.default.equal(again.created, 0, 'nothing created twice');
        const state = await (0, invariants_1.readState)(fixture.client);
        try {
            strict_1.default.deepEqual((0, invariants_1.markerDuplicates)(state), []);
            strict_1.default.deepEqual((0, invariants_1.fieldDifferences)(fixture.snapshot, state, { entities: ['contacts', 'orders', 'payments'] }), []);
        }
        finally {
            state.close();
        }
    });
});
//# sourceMappingURL=planFile.test.js.map