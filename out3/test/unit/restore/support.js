"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.accountWithSnapshot = accountWithSnapshot;
exports.makePlan = makePlan;
exports.apply = apply;
/** A damaged account, the snapshot from before the damage, and the pieces to plan and apply. */
const node_path_1 = __importDefault(require("node:path"));
const applier_1 = require("../../../src/core/restore/applier");
const ledger_1 = require("../../../src/core/restore/ledger");
const liveRead_1 = require("../../../src/core/restore/liveRead");
const planner_1 = require("../../../src/core/restore/planner");
const capture_1 = require("../../../src/core/snapshot/capture");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const emulator_1 = require("../support/emulator");
const snapshots_1 = require("../support/snapshots");
async function accountWithSnapshot(size, seed, emulatorOptions = {}) {
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed, size });
    store.clock = () => new Date('2026-11-26T12:00:00Z');
    const dir = (0, snapshots_1.tempDir)('kv-restore-');
    // Each fixture is an account of its own (its own apply lock and lease), as Keap names it.
    const name = `emulator-${seed}-${node_path_1.default.basename(dir)}.keap-vault.local`;
    const account = await (0, emulator_1.startTestAccount)({ tenantId: name, ...emulatorOptions, store });
    const snapshotFile = node_path_1.default.join(dir, 'before.kvsnap');
    await (0, capture_1.captureSnapshot)({ client: account.client, out: snapshotFile });
    return {
        ...account,
        account: name,
        dir,
        snapshotFile,
        snapshot: await snapshotDb_1.SnapshotDb.open(snapshotFile),
        ledgerFile: node_path_1.default.join(dir, 'account.kvledger'),
    };
}
async function makePlan(fixture, options = {}) {
    const { db: live, readAt } = await (0, liveRead_1.readLiveAccount)(fixture.client);
    const ledger = await ledger_1.Ledger.open(fixture.ledgerFile);
    try {
        return (0, planner_1.planRestore)({
            snapshot: fixture.snapshot,
            live,
            liveReadAt: readAt,
            account: fixture.account ?? 'emulator.keap-vault.local',
            apiBaseUrl: fixture.client.transport.baseUrl,
            idMap: (entity, oldId) => ledger.newIdOf(entity, oldId),
            options,
            today: '2026-11-26',
        });
    }
    finally {
        ledger.close();
        live.close();
    }
}
function apply(fixture, plan, extra = {}) {
    return (0, applier_1.applyPlan)({
        client: fixture.client,
        plan,
        ledgerFile: fixture.ledgerFile,
        snapshot: fixture.snapshot,
        readLive: async (scope) => (await (0, liveRead_1.readLiveAccount)(fixture.client, scope)).db,
        ...extra,
    });
}
//# sourceMappingURL=support.js.map