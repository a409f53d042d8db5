"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const main_1 = require("../../../src/cli/main");
const cliIo_1 = require("../support/cliIo");
const disasters_1 = require("../../../src/emulator/disasters");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const emulator_1 = require("../support/emulator");
const snapshots_1 = require("../support/snapshots");
const handEdits_1 = require("../support/handEdits");
describe('keap-vault plan / apply / idmap', function () {
    this.timeout(120_000);
    const saved = { ...process.env };
    after(async () => {
        process.env = { ...saved };
        await (0, emulator_1.closeTestAccounts)();
    });
    it('names the flags that settle what the plan cannot decide alone (a likely duplicate order, a subscription that started in the past)', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 'cli-hints', size: 60 });
        store.clock = () => new Date('2026-11-26T12:00:00Z');
        const { emulator, client } = await (0, emulator_1.startTestAccount)({ store });
        process.env.KEAP_API_URL = emulator.apiBaseUrl;
        process.env.KEAP_API_KEY = emulator.token;
        const dir = (0, snapshots_1.tempDir)();
        const snapshot = node_path_1.default.join(dir, 'before.kvsnap');
        strict_1.default.equal(await (0, main_1.runCli)(['--unlimited', 'snapshot', '--out', snapshot], (0, cliIo_1.captureIo)()), 0);
        const order = [...store.orders.values()].find((o) => store.paymentsOf(o.id).length === 0 && o.items.length > 0);
        store.removeOrder(order.id);
        // Re-entered by hand: same contact, date, items and total, a new id.
        await (0, handEdits_1.retypeOrder)(client, order);
        // A contact with an active subscription lost, subscription and all (it started before today).
        const subscribed = [...store.subscriptions.values()].find((s) => s.active && s.contact_id !== order.contact_id);
        store.deleteContact(subscribed.contact_id);
        const planned = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['--unlimited', 'plan', snapshot, '--out', node_path_1.default.join(dir, 'plan.json')], planned), 0);
        const text = planned.stdout.join('\n');
        strict_1.default.match(text, new RegExp(`^! orders:${order.id} conflict \\(likely-duplicate\\)`, 'm'));
        strict_1.default.match(text, new RegExp(`^    -> if the live order is this order, plan again with --link orders:${order.id}; if it is a different order, with --create-anyway orders:${order.id}$`, 'm'));
        const pastStart = text.split('\n').findIndex((l) => / \(past-start-date\)/.test(l));
        strict_1.default.ok(pastStart >= 0, 'the lost contacts had subscriptions that started in the past');
        strict_1.default.match(text.split('\n')[pastStart + 1], /^ {4}-> .*plan again with --subscriptions-start-today$/);
        strict_1.default.doesNotMatch(text, /accept "starts today"/, 'no words of the preview on the command line');
        // The receipt lists what the plan left undone with the same ways on.
        const applied = (0, cliIo_1.captureIo)();
        await (0, main_1.runCli)(['--unlimited', 'apply', node_path_1.default.join(dir, 'plan.json')], applied);
        const receipt = applied.stdout.join('\n').split('\n');
        const held = receipt.findIndex((l) => l.startsWith(`  not applied orders:${order.id} (conflict)`));
        strict_1.default.ok(held >= 0, receipt.join('\n'));
        strict_1.default.match(receipt[held + 1], new RegExp(`^ {4}-> .*--link orders:${order.id}; .*--create-anyway orders:${order.id}$`));
        const blocked = receipt.findIndex((l) => / \(blocked\): .*started in the past/.test(l));
        strict_1.default.ok(blocked >= 0, receipt.join('\n'));
        strict_1.default.match(receipt[blocked + 1], /^ {4}-> .*--subscriptions-start-today$/);
    });
    it('plans with a readable summary, applies, and exports the id map', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 'cli-restore', size: 60 });
        store.clock = () => new Date('2026-11-26T12:00:00Z');
        const { emulator } = await (0, emulator_1.startTestAccount)({ store });
        process.env.KEAP_API_URL = emulator.apiBaseUrl;
        process.env.KEAP_API_KEY = emulator.token;
        const dir = (0, snapshots_1.tempDir)();
        const snapshot = node_path_1.default.join(dir, 'before.kvsnap');
        strict_1.default.equal(await (0, main_1.runCli)(['--unlimited', 'snapshot', '--out', snapshot], (0, cliIo_1.captureIo)()), 0);
        const lost = (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', count: 3, seed: 2 });
        const planFile = node_path_1.default.join(dir, 'plan.json');
        const planned = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['--unlimited', 'plan', snapshot, '--out', planFile], planned), 0);
        const text = planned.stdout.join('\n');
        strict_1.default.match(text, /^Plan: \d+ to create, 0 to update, \d+ unchanged, 0 different but not updated, 0 in conflict, \d+ blocked\.$/m);
        for (const id of lost.affected.contacts)
            strict_1.default.match(text, new RegExp(`^\\+ contacts:${id} create \\(missing-in-live\\)`, 'm'));
        strict_1.default.match(text, /^\+ custom_fields:marker:ORDER create \(marker-field-missing\)/m);
        strict_1.default.match(text, /Purchase" automation triggers/);
        strict_1.default.match(text, /^Applying it: about \d+ requests; no quota is known for this connection\.$/m, 'the estimate (--unlimited: no quota)');
        const applied = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['--unlimited', 'apply', planFile], applied), 0);
        strict_1.default.match(applied.stdout.join('\n'), /^Applied plan .*: \d+ created, 0 updated, 0 already in Keap \(linked, nothing sent\), \d+ skipped, 0 found already done after an interruption, 0 held as conflicts, 0 failed/m);
        strict_1.default.match(applied.stdout.join('\n'), /Verification: \d+ records? written re-read: every field a client can set matches the snapshot\./);
        strict_1.default.equal(store.contacts.size, 60);
        const ledgerFile = node_path_1.default.join(dir, 'keap-emulator.keap-vault.local.kvledger');
        const csv = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['idmap', ledgerFile], csv), 0);
        const lines = csv.stdout.join('\n').split(/\r?\n/);
        strict_1.default.equal(lines[0], 'entity,old_id,new_id,plan_id,restored_at');
        for (const id of lost.affected.contacts)
            strict_1.default.ok(lines.some((l) => l.startsWith(`contacts,${id},`)), `contact ${id} in the id map`);
        const json = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['idmap', 'emulator.keap-vault.local', '--dir', dir, '--format', 'json'], json), 0);
        strict_1.default.ok(JSON.parse(json.stdout.join('\n')).length >= lost.affected.contacts.length);
        // Named as the ledger file is (keap-<account>), the account is found too.
        const byFileName = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['idmap', 'keap-emulator.keap-vault.local', '--dir', dir, '--format', 'json'], byFileName), 0);
        strict_1.default.deepEqual(JSON.parse(byFileName.stdout.join('\n')), JSON.parse(json.stdout.join('\n')));
        // A plan made before a change to the account is refused as stale.
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', count: 1, seed: 9 });
        const stalePlan = node_path_1.default.join(dir, 'stale.json');
        strict_1.default.equal(await (0, main_1.runCli)(['--unlimited', 'plan', snapshot, '--out', stalePlan], (0, cliIo_1.captureIo)()), 0);
        const target = JSON.parse(await node_fs_1.promises.readFile(stalePlan, 'utf8')).steps.find((s) => s.entity === 'contacts' && s.action === 'skip');
        store.updateContact(Number(target.liveId), { job_title: 'moved on' });
        const stale = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['--unlimited', 'apply', stalePlan], stale), 1);
        strict_1.default.match(stale.stderr.join('\n'), new RegExp(`contacts ${target.liveId} changed.*Make a new plan`));
    });
    it('refuses a file that is not a plan, and a plan of a newer format', async () => {
        const dir = (0, snapshots_1.tempDir)();
        const notPlan = node_path_1.default.join(dir, 'x.json');
        await node_fs_1.promises.writeFile(notPlan, '{"hello": 1}');
        process.env.KEAP_API_KEY = 'x';
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['apply', notPlan], io), 1);
        strict_1.default.match(io.stderr.join('\n'), /Not a Keap Vault restore plan/);
        const newer = node_path_1.default.join(dir, 'newer.json');
        await node_fs_1.promises.writeFile(newer, JSON.stringify({ formatVersion: '2.0', steps: [] }));
        const io2 = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['apply', newer], io2), 1);
        strict_1.default.match(io2.stderr.join('\n'), /format 2\.0; this Keap Vault reads 1\.x/);
    });
});
//# sourceMappingURL=restoreCli.test.js.map