import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AccountLease, LEASE_TAG_NAME, LeaseLostError } from '../../../src/core/restore/accountLease';
import { ApplyLockedError } from '../../../src/core/restore/lock';
import { applyDisaster } from '../../../src/emulator/disasters';
import { runCliProcess } from '../support/cliProcess';
import { closeTestAccounts, startTestAccount } from '../support/emulator';
import { tempDir } from '../support/snapshots';
import { markerDuplicates, readState } from './invariants';
import { accountWithSnapshot, makePlan } from './support';

/**
 * The apply lease in Keap: what keeps two machines (each with its own lock directory and ledger)
 * from applying to one account at the same time.
 */
describe('Restore: the apply lease in Keap (one apply per account across machines)', function () {
  this.timeout(120_000);
  after(closeTestAccounts);

  it('a second apply is refused while the lease is held, and can take it once released', async () => {
    const { client, store } = await startTestAccount();
    const first = await AccountLease.acquire(client, { planId: 'plan-1' });
    assert.equal([...store.tags.values()].filter((t) => t.name === LEASE_TAG_NAME).length, 1, 'the lease is one tag in Keap');
    await assert.rejects(
      AccountLease.acquire(client, { planId: 'plan-2' }),
      (err: Error) =>
        err instanceof ApplyLockedError &&
        !err.stale &&
        /Another apply is running on this account \(process \d+ on .*plan plan-1; its lease in Keap/.test(err.message),
    );
    await first.release();
    assert.equal([...store.tags.values()].filter((t) => t.name === LEASE_TAG_NAME).length, 0, 'released: the tag is gone');
    const second = await AccountLease.acquire(client, { planId: 'plan-2' });
    await second.release();
  });

  it('a lease not renewed in time is taken over, and its old holder stops before its next write', async () => {
    const { client } = await startTestAccount();
    let now = Date.parse('2026-11-30T10:00:00Z');
    const clock = () => now;
    const dead = await AccountLease.acquire(client, { ttlMs: 60_000, now: clock });
    now += 30_000;
    await assert.rejects(AccountLease.acquire(client, { ttlMs: 60_000, now: clock }), ApplyLockedError);
    now += 61_000; // the holder neither renewed nor released (a machine that lost its network)
    const taker = await AccountLease.acquire(client, { ttlMs: 60_000, now: clock });
    await assert.rejects(dead.renewIfDue(), LeaseLostError);
    await taker.renewIfDue(); // renewing its own is fine
    await dead.release(); // does not remove the taker's lease
    await assert.rejects(AccountLease.acquire(client, { ttlMs: 60_000, now: clock }), ApplyLockedError);
    await taker.release();
  });

  it('another machine (its own lock folder and ledger) is refused while one applies, then links what it restored', async () => {
    const fixture = await accountWithSnapshot(60, 'lease-machines');
    applyDisaster(fixture.store, { kind: 'delete-orders', count: 4, seed: 2 });
    const plan = await makePlan(fixture);
    const planFile = path.join(fixture.dir, 'plan.json');
    await fs.writeFile(planFile, JSON.stringify(plan));
    const otherMachine = {
      ...process.env,
      KEAP_VAULT_STATE_DIR: tempDir('kv-machine-b-'),
      KEAP_API_URL: fixture.emulator.apiBaseUrl,
      KEAP_API_KEY: fixture.emulator.token,
    };
    const cli = () =>
      runCliProcess(['--unlimited', 'apply', planFile, '--ledger', path.join(fixture.dir, 'machine-b.kvledger')], otherMachine);
    // This machine holds the lease as an apply running here would.
    const held = await AccountLease.acquire(fixture.client, { planId: plan.planId });
    const refused = await cli();
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /Another apply is running on this account .*lease in Keap/);
    assert.equal(fixture.store.orders.size, fixture.snapshot.count('orders') - 4, 'nothing written');
    await held.release();
    const applied = await cli();
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal(fixture.store.orders.size, fixture.snapshot.count('orders'));
    const state = await readState(fixture.client);
    assert.deepEqual(markerDuplicates(state), []);
    state.close();
    assert.equal([...fixture.store.tags.values()].filter((t) => t.name === LEASE_TAG_NAME).length, 0, 'no lease left behind');
  });
});
