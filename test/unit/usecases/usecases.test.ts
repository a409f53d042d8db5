/**
 * The use cases both front ends call. What they decide (which file a capture resumes, whether the
 * credential reaches the right account, whether an interrupted apply may go on) must hold whichever
 * front end asks, so it is tested here once, against the emulator over HTTP.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Ledger } from '../../../src/core/restore/ledger';
import { readPlanFile } from '../../../src/core/restore/planFile';
import { readLiveAccount, readLiveForRestore, RESTORE_LIVE_ENTITIES } from '../../../src/core/restore/liveRead';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { applyRestorePlan, ApplyInterruptedError, PlanAccountError, receiptProblems } from '../../../src/core/usecases/applyRestore';
import { OtherAccountError, planRestoreFromSnapshot } from '../../../src/core/usecases/planRestore';
import { takeSnapshot } from '../../../src/core/usecases/takeSnapshot';
import { applyDisaster } from '../../../src/emulator/disasters';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { closeTestAccounts, startTestAccount } from '../support/emulator';
import { tempDir } from '../support/snapshots';

async function account(size: number, seed: number) {
  const store = new EmulatorStore();
  generateAccount(store, { seed, size });
  return startTestAccount({ store });
}

/** Starts a capture and cancels it after a few pages, leaving its journal in the folder. */
async function interruptedTake(input: Parameters<typeof takeSnapshot>[0]): Promise<string> {
  const controller = new AbortController();
  let target = '';
  let pages = 0;
  await assert.rejects(
    takeSnapshot({
      ...input,
      signal: controller.signal,
      onTarget: (t) => (target = t.file),
      onProgress: (p) => {
        if (!p.done && ++pages === 2) controller.abort(new Error('cancelled'));
      },
    }),
    /cancelled/,
  );
  return target;
}

/** A copy of a snapshot that says it is of another account. */
async function asOtherAccount(file: string, account: string): Promise<string> {
  const db = await SnapshotDb.open(file);
  const other = path.join(path.dirname(file), 'other-account.kvsnap');
  const { format: _f, formatVersion: _v, counts: _c, checksum: _s, toolVersion: _t, ...meta } = db.meta();
  await db.save(other, { ...meta, account });
  db.close();
  return other;
}

describe('Use cases shared by the CLI and the extension', function () {
  this.timeout(120_000);
  after(closeTestAccounts);

  it('take a snapshot: an interrupted incremental is resumed by the next incremental, and an interrupted full capture is left for the next full one', async () => {
    const { client } = await account(300, 71);
    const folder = tempDir('kv-usecase-');
    const first = await takeSnapshot({ client, folder, anomalyThreshold: 0.2 });
    const base = await SnapshotDb.open(first.file);

    const full = await interruptedTake({ client, folder, anomalyThreshold: 0.2 });
    const incremental = await interruptedTake({ client, folder, since: base, anomalyThreshold: 0.2 });
    assert.notEqual(incremental, full, 'an incremental does not take over (and throw away) the interrupted full capture');

    const incrementalDone = await takeSnapshot({ client, folder, since: base, anomalyThreshold: 0.2 });
    assert.equal(incrementalDone.file, incremental);
    assert.equal(incrementalDone.resumed, true);
    const fullDone = await takeSnapshot({ client, folder, anomalyThreshold: 0.2 });
    assert.equal(fullDone.file, full);
    assert.equal(fullDone.resumed, true);
    assert.ok(!existsSync(`${full}.partial`) && !existsSync(`${incremental}.partial`), 'no capture is left half done');
    base.close();
  });

  it('plan: a snapshot of another account is planned only when the caller says so, and then into the account the credential reaches', async () => {
    const { client } = await account(40, 72);
    const folder = tempDir('kv-usecase-');
    const taken = await takeSnapshot({ client, folder, anomalyThreshold: 0.2 });
    const otherFile = await asOtherAccount(taken.file, 'another-account.example');
    const snapshot = await SnapshotDb.open(otherFile);
    const asked: string[] = [];
    const before = client.transport.requestCount;
    await assert.rejects(
      planRestoreFromSnapshot({
        client,
        snapshot,
        snapshotFile: otherFile,
        planFile: () => path.join(folder, 'refused.plan.json'),
        options: {},
        confirmOtherAccount: (from, to) => (asked.push(`${from} -> ${to}`), false),
      }),
      (err: unknown) => err instanceof OtherAccountError && /another-account\.example.*emulator\.keap-vault\.local/.test(err.message),
    );
    assert.deepEqual(asked, ['another-account.example -> emulator.keap-vault.local']);
    assert.ok(client.transport.requestCount - before <= 1, 'refused before reading the live account');
    const { head, file, ledgerFile } = await planRestoreFromSnapshot({
      client,
      snapshot,
      snapshotFile: otherFile,
      planFile: (plan) => path.join(folder, `${plan.account}.plan.json`),
      options: {},
      confirmOtherAccount: () => true,
    });
    assert.equal(head.account, 'emulator.keap-vault.local');
    assert.equal(file, path.join(folder, 'emulator.keap-vault.local.plan.json'), 'written where the caller said');
    assert.equal((await readPlanFile(file)).account, 'emulator.keap-vault.local');
    assert.ok(!existsSync(path.join(folder, 'refused.plan.json')), 'a refused plan writes no file');
    assert.equal(path.dirname(ledgerFile), folder, "the account's ledger is beside the snapshot");
    snapshot.close();
  });

  it("a restore's live read reads what a restore touches and spares the requests of what it never restores (notes, transactions)", async () => {
    const { client, store } = await account(1500, 74);
    assert.ok(store.notes.size > 0 && store.payments.size > 0);
    assert.deepEqual([...RESTORE_LIVE_ENTITIES].sort(), [
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
    const all = await readLiveAccount(client);
    const everything = client.transport.requestCount - before;
    before = client.transport.requestCount;
    const forRestore = await readLiveForRestore(client);
    const restoreRead = client.transport.requestCount - before;
    const pages = (n: number) => Math.max(1, Math.ceil(n / 1000));
    assert.equal(everything - restoreRead, pages(store.notes.size) + pages(store.payments.size), 'notes and transactions are not read');
    for (const entity of RESTORE_LIVE_ENTITIES) assert.equal(forRestore.db.count(entity), all.db.count(entity), entity);
    assert.equal(forRestore.db.count('notes'), 0);
    all.db.close();
    forRestore.db.close();
  });

  it('apply: refused without a write when the credential reaches another account, or when an interrupted apply is not asked to resume', async () => {
    const { client, store } = await account(40, 73);
    const folder = tempDir('kv-usecase-');
    const taken = await takeSnapshot({ client, folder, anomalyThreshold: 0.2 });
    applyDisaster(store, { kind: 'delete-orders', count: 2, seed: 1 });
    const snapshot = await SnapshotDb.open(taken.file);
    const { file, ledgerFile } = await planRestoreFromSnapshot({
      client,
      snapshot,
      snapshotFile: taken.file,
      planFile: () => path.join(folder, 'plan.json'),
      options: {},
    });
    const plan = await readPlanFile(file);
    const orders = store.orders.size;

    await assert.rejects(
      applyRestorePlan({ client, plan: { ...plan, account: 'another-account.example' }, ledgerFile, snapshot, resume: false }),
      PlanAccountError,
    );
    assert.equal(store.orders.size, orders, 'nothing was written');

    const ledger = await Ledger.open(ledgerFile);
    const create = plan.steps.find((s) => s.action === 'create')!;
    await ledger.pending(plan.planId, create);
    ledger.close();
    await assert.rejects(
      applyRestorePlan({ client, plan, ledgerFile, snapshot, resume: false }),
      (err: unknown) => err instanceof ApplyInterruptedError && err.stepsRecorded === 1,
    );
    assert.equal(store.orders.size, orders, 'nothing was written');

    const receipt = await applyRestorePlan({ client, plan, ledgerFile, snapshot, resume: true });
    assert.equal(receiptProblems(receipt), 0, JSON.stringify(receipt.failed));
    assert.equal(store.orders.size, orders + 2, 'resumed: the two lost orders are back, once each');
    snapshot.close();
  });
});
