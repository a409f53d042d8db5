"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The use cases both front ends call. What they decide (which file a capture resumes, whether the
 * credential reaches the right account, whether an interrupted apply may go on) must hold whichever
 * front end asks, so it is tested here once, against the emulator over HTTP.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const ledger_1 = require("../../../src/core/restore/ledger");
const liveRead_1 = require("../../../src/core/restore/liveRead");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const applyRestore_1 = require("../../../src/core/usecases/applyRestore");
const planRestore_1 = require("../../../src/core/usecases/planRestore");
const takeSnapshot_1 = require("../../../src/core/usecases/takeSnapshot");
const disasters_1 = require("../../../src/emulator/disasters");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const emulator_1 = require("../support/emulator");
const snapshots_1 = require("../support/snapshots");
async function account(size, seed) {
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed, size });
    return (0, emulator_1.startTestAccount)({ store });
}
/** Starts a capture and cancels it after a few pages, leaving its journal in the folder. */
async function interruptedTake(input) {
    const controller = new AbortController();
    let target = '';
    let pages = 0;
    await strict_1.default.rejects((0, takeSnapshot_1.takeSnapshot)({
        ...input,
        signal: controller.signal,
        onTarget: (t) => (target = t.file),
        onProgress: (p) => {
            if (!p.done && ++pages === 2)
                controller.abort(new Error('cancelled'));
        },
    }), /cancelled/);
    return target;
}
/** A copy of a snapshot that says it is of another account. */
async function asOtherAccount(file, account) {
    const db = await snapshotDb_1.SnapshotDb.open(file);
    const other = node_path_1.default.join(node_path_1.default.dirname(file), 'other-account.kvsnap');
    const { format: _f, formatVersion: _v, counts: _c, checksum: _s, toolVersion: _t, ...meta } = db.meta();
    await db.save(other, { ...meta, account });
    db.close();
    return other;
}
describe('Use cases shared by the CLI and the extension', function () {
    this.timeout(120_000);
    after(emulator_1.closeTestAccounts);
    it('take a snapshot: an interrupted incremental is resumed by the next incremental, and an interrupted full capture is left for the next full one', async () => {
        const { client } = await account(300, 71);
        const folder = (0, snapshots_1.tempDir)('kv-usecase-');
        const first = await (0, takeSnapshot_1.takeSnapshot)({ client, folder, anomalyThreshold: 0.2 });
        const base = await snapshotDb_1.SnapshotDb.open(first.file);
        const full = await interruptedTake({ client, folder, anomalyThreshold: 0.2 });
        const incremental = await interruptedTake({ client, folder, since: base, anomalyThreshold: 0.2 });
        strict_1.default.notEqual(incremental, full, 'an incremental does not take over (and throw away) the interrupted full capture');
        const incrementalDone = await (0, takeSnapshot_1.takeSnapshot)({ client, folder, since: base, anomalyThreshold: 0.2 });
        strict_1.default.equal(incrementalDone.file, incremental);
        strict_1.default.equal(incrementalDone.resumed, true);
        const fullDone = await (0, takeSnapshot_1.takeSnapshot)({ client, folder, anomalyThreshold: 0.2 });
        strict_1.default.equal(fullDone.file, full);
        strict_1.default.equal(fullDone.resumed, true);
        strict_1.default.ok(!(0, node_fs_1.existsSync)(`${full}.partial`) && !(0, node_fs_1.existsSync)(`${incremental}.partial`), 'no capture is left half done');
        base.close();
    });
    it('plan: a snapshot of another account is planned only when the caller says so, and then into the account the credential reaches', async () => {
        const { client } = await account(40, 72);
        const folder = (0, snapshots_1.tempDir)('kv-usecase-');
        const taken = await (0, takeSnapshot_1.takeSnapshot)({ client, folder, anomalyThreshold: 0.2 });
        const otherFile = await asOtherAccount(taken.file, 'another-account.example');
        const snapshot = await snapshotDb_1.SnapshotDb.open(otherFile);
        const asked = [];
        const before = client.transport.requestCount;
        await strict_1.default.rejects((0, planRestore_1.planRestoreFromSnapshot)({
            client,
            snapshot,
            snapshotFile: otherFile,
            options: {},
            confirmOtherAccount: (from, to) => (asked.push(`${from} -> ${to}`), false),
        }), (err) => err instanceof planRestore_1.OtherAccountError && /another-account\.example.*emulator\.keap-vault\.local/.test(err.message));
        strict_1.default.deepEqual(asked, ['another-account.example -> emulator.keap-vault.local']);
        strict_1.default.ok(client.transport.requestCount - before <= 1, 'refused before reading the live account');
        const { plan, ledgerFile } = await (0, planRestore_1.planRestoreFromSnapshot)({
            client,
            snapshot,
            snapshotFile: otherFile,
            options: {},
            confirmOtherAccount: () => true,
        });
        strict_1.default.equal(plan.account, 'emulator.keap-vault.local');
        strict_1.default.equal(node_path_1.default.dirname(ledgerFile), folder, "the account's ledger is beside the snapshot");
        snapshot.close();
    });
    it("a restore's live read reads what a restore touches and spares the requests of what it never restores (notes, transactions)", async () => {
        const { client, store } = await account(1500, 74);
        strict_1.default.ok(store.notes.size > 0 && store.payments.size > 0);
        strict_1.default.deepEqual([...liveRead_1.RESTORE_LIVE_ENTITIES].sort(), [
            'campaigns',
            'companies',
            'contacts',
            'custom_fields',
            'orders',
            'payments',
            'products',
            'subscriptions',
            'tags',
        ]);
        let before = client.transport.requestCount;
        const all = await (0, liveRead_1.readLiveAccount)(client);
        const everything = client.transport.requestCount - before;
        before = client.transport.requestCount;
        const forRestore = await (0, liveRead_1.readLiveForRestore)(client);
        const restoreRead = client.transport.requestCount - before;
        const pages = (n) => Math.max(1, Math.ceil(n / 1000));
        strict_1.default.equal(everything - restoreRead, pages(store.notes.size) + pages(store.payments.size), 'notes and transactions are not read');
        for (const entity of liveRead_1.RESTORE_LIVE_ENTITIES)
            strict_1.default.equal(forRestore.db.count(entity), all.db.count(entity), entity);
        strict_1.default.equal(forRestore.db.count('notes'), 0);
        all.db.close();
        forRestore.db.close();
    });
    it('apply: refused without a write when the credential reaches another account, or when an interrupted apply is not asked to resume', async () => {
        const { client, store } = await account(40, 73);
        const folder = (0, snapshots_1.tempDir)('kv-usecase-');
        const taken = await (0, takeSnapshot_1.takeSnapshot)({ client, folder, anomalyThreshold: 0.2 });
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-orders', count: 2, seed: 1 });
        const snapshot = await snapshotDb_1.SnapshotDb.open(taken.file);
        const { plan, ledgerFile } = await (0, planRestore_1.planRestoreFromSnapshot)({ client, snapshot, snapshotFile: taken.file, options: {} });
        const orders = store.orders.size;
        await strict_1.default.rejects((0, applyRestore_1.applyRestorePlan)({ client, plan: { ...plan, account: 'another-account.example' }, ledgerFile, snapshot, resume: false }), applyRestore_1.PlanAccountError);
        strict_1.default.equal(store.orders.size, orders, 'nothing was written');
        const ledger = await ledger_1.Ledger.open(ledgerFile);
        const create = plan.steps.find((s) => s.action === 'create');
        await ledger.pending(plan.planId, create);
        ledger.close();
        await strict_1.default.rejects((0, applyRestore_1.applyRestorePlan)({ client, plan, ledgerFile, snapshot, resume: false }), (err) => err instanceof applyRestore_1.ApplyInterruptedError && err.stepsRecorded === 1);
        strict_1.default.equal(store.orders.size, orders, 'nothing was written');
        const receipt = await (0, applyRestore_1.applyRestorePlan)({ client, plan, ledgerFile, snapshot, resume: true });
        strict_1.default.equal((0, applyRestore_1.receiptProblems)(receipt), 0, JSON.stringify(receipt.failed));
        strict_1.default.equal(store.orders.size, orders + 2, 'resumed: the two lost orders are back, once each');
        snapshot.close();
    });
});
//# sourceMappingURL=usecases.test.js.map