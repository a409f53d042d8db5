"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const accountLease_1 = require("../../../src/core/restore/accountLease");
const lock_1 = require("../../../src/core/restore/lock");
const disasters_1 = require("../../../src/emulator/disasters");
const cliProcess_1 = require("../support/cliProcess");
const emulator_1 = require("../support/emulator");
const snapshots_1 = require("../support/snapshots");
const invariants_1 = require("./invariants");
const support_1 = require("./support");
/**
 * The apply lease in Keap: what keeps two machines (each with its own lock directory and ledger)
 * from applying to one account at the same time.
 */
describe('Restore: the apply lease in Keap (one apply per account across machines)', function () {
    this.timeout(120_000);
    after(emulator_1.closeTestAccounts);
    it('a second apply is refused while the lease is held, and can take it once released', async () => {
        const { client, store } = await (0, emulator_1.startTestAccount)();
        const first = await accountLease_1.AccountLease.acquire(client, { planId: 'plan-1' });
        strict_1.default.equal([...store.tags.values()].filter((t) => t.name === accountLease_1.LEASE_TAG_NAME).length, 1, 'the lease is one tag in Keap');
        await strict_1.default.rejects(accountLease_1.AccountLease.acquire(client, { planId: 'plan-2' }), (err) => err instanceof lock_1.ApplyLockedError &&
            !err.stale &&
            /Another apply is running on this account \(process \d+ on .*plan plan-1; its lease in Keap/.test(err.message));
        await first.release();
        strict_1.default.equal([...store.tags.values()].filter((t) => t.name === accountLease_1.LEASE_TAG_NAME).length, 0, 'released: the tag is gone');
        const second = await accountLease_1.AccountLease.acquire(client, { planId: 'plan-2' });
        await second.release();
    });
    it('a lease not renewed in time is taken over, and its old holder stops before its next write', async () => {
        const { client } = await (0, emulator_1.startTestAccount)();
        let now = Date.parse('2026-11-30T10:00:00Z');
        const clock = () => now;
        const dead = await accountLease_1.AccountLease.acquire(client, { ttlMs: 60_000, now: clock });
        now += 30_000;
        await strict_1.default.rejects(accountLease_1.AccountLease.acquire(client, { ttlMs: 60_000, now: clock }), lock_1.ApplyLockedError);
        now += 61_000; // the holder neither renewed nor released (a machine that lost its network)
        const taker = await accountLease_1.AccountLease.acquire(client, { ttlMs: 60_000, now: clock });
        await strict_1.default.rejects(dead.renewIfDue(), accountLease_1.LeaseLostError);
        await taker.renewIfDue(); // renewing its own is fine
        await dead.release(); // does not remove the taker's lease
        await strict_1.default.rejects(accountLease_1.AccountLease.acquire(client, { ttlMs: 60_000, now: clock }), lock_1.ApplyLockedError);
        await taker.release();
    });
    it('another machine (its own lock folder and ledger) is refused while one applies, then links what it restored', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(60, 'lease-machines');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-orders', count: 4, seed: 2 });
        const plan = await (0, support_1.makePlan)(fixture);
        const planFile = node_path_1.default.join(fixture.dir, 'plan.json');
        await node_fs_1.promises.writeFile(planFile, JSON.stringify(plan));
        const otherMachine = {
            ...process.env,
            KEAP_VAULT_STATE_DIR: (0, snapshots_1.tempDir)('kv-machine-b-'),
            KEAP_API_URL: fixture.emulator.apiBaseUrl,
            KEAP_API_KEY: fixture.emulator.token,
        };
        const cli = () => (0, cliProcess_1.runCliProcess)(['--unlimited', 'apply', planFile, '--ledger', node_path_1.default.join(fixture.dir, 'machine-b.kvledger')], otherMachine);
        // This machine holds the lease as an apply running here would.
        const held = await accountLease_1.AccountLease.acquire(fixture.client, { planId: plan.planId });
        const refused = await cli();
        strict_1.default.notEqual(refused.code, 0);
        strict_1.default.match(refused.stderr, /Another apply is running on this account .*lease in Keap/);
        strict_1.default.equal(fixture.store.orders.size, fixture.snapshot.count('orders') - 4, 'nothing written');
        await held.release();
        const applied = await cli();
        strict_1.default.equal(applied.code, 0, applied.stderr);
        strict_1.default.equal(fixture.store.orders.size, fixture.snapshot.count('orders'));
        const state = await (0, invariants_1.readState)(fixture.client);
        strict_1.default.deepEqual((0, invariants_1.markerDuplicates)(state), []);
        state.close();
        strict_1.default.equal([...fixture.store.tags.values()].filter((t) => t.name === accountLease_1.LEASE_TAG_NAME).length, 0, 'no lease left behind');
    });
});
//# sourceMappingURL=lease.test.js.map