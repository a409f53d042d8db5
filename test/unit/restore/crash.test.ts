import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Ledger } from '../../../src/core/restore/ledger';
import { applyDisaster } from '../../../src/emulator/disasters';
import { closeTestAccounts } from '../support/emulator';
import type { RestorePlan } from '../../../src/core/restore/plan';
import { markerDuplicates, readState } from './invariants';
import { accountWithSnapshot, makePlan, type RestoreFixture } from './support';

const CLI = path.join(__dirname, '../../../src/cli/main.js');

/**
 * Apply runs in a child process that is killed (SIGKILL) at a step boundary, over and over: before
 * a write reaches Keap, and after Keap did it but before the answer (and so the ledger's "done")
 * arrived. Each run resumes the last. The end state must equal an uninterrupted restore, with no
 * contact, order or payment created twice.
 */
describe('Restore: crash safety', function () {
  this.timeout(600_000);
  after(closeTestAccounts);

  /**
   * Rounds of applies of `planFile`, one child per ledger started together, until one finishes;
   * whichever holds the account's lock is killed at the step boundary the emulator's hang marks.
   */
  async function killAtEveryStep(
    fixture: RestoreFixture,
    planFile: string,
    ledgers: string[],
    writes: number,
  ): Promise<{ kills: number; refused: number }> {
    const env = { ...process.env, KEAP_API_URL: fixture.emulator.apiBaseUrl, KEAP_API_KEY: fixture.emulator.token };
    const runApply = (ledger: string, resume: boolean, hungBefore: number) =>
      new Promise<{ code: number | null; killed: boolean; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [CLI, '--unlimited', 'apply', planFile, '--ledger', ledger, ...(resume ? ['--resume', '--break-lock'] : [])],
          { env, stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const watch = setInterval(() => {
          if (fixture.emulator.stats().hung > hungBefore) child.kill('SIGKILL');
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
        if (result.killed) kills++;
        else if (/Another apply is running on this account|stopped without releasing its lock/.test(result.stderr)) refused++;
        else {
          assert.equal(result.code, 0, result.stderr);
          return { kills, refused };
        }
      }
    }
    assert.fail('the last resume did not finish the plan');
  }

  async function crashFixture(
    seed: string,
    size = 70,
    minWrites = 50,
  ): Promise<{ fixture: RestoreFixture; planFile: string; writes: number; plan: RestorePlan }> {
    const fixture = await accountWithSnapshot(size, seed);
    applyDisaster(fixture.store, { kind: 'delete-contacts', fraction: 0.3, seed: 11 });
    applyDisaster(fixture.store, { kind: 'delete-payments', fraction: 0.1, seed: 12 });
    const plan = await makePlan(fixture);
    const writes = plan.steps.filter((s) => s.action === 'create' || s.action === 'update').length;
    assert.ok(writes >= minWrites, `the plan has ${writes} writes`);
    const planFile = path.join(fixture.dir, 'plan.json');
    await fs.writeFile(planFile, JSON.stringify(plan));
    return { fixture, planFile, writes, plan };
  }

  /** The same end state as an uninterrupted restore: counts equal the snapshot, nothing twice. */
  async function assertRestoredOnce(fixture: RestoreFixture): Promise<void> {
    const store = fixture.store;
    assert.equal(store.contacts.size, fixture.snapshot.count('contacts'));
    assert.equal(store.orders.size, fixture.snapshot.count('orders'));
    assert.equal(store.payments.size, fixture.snapshot.count('payments'));
    const emails = [...store.contacts.values()].map((c) => c.email_addresses[0]?.email).filter(Boolean);
    assert.equal(new Set(emails).size, emails.length, 'no contact twice');
    const state = await readState(fixture.client);
    assert.deepEqual(markerDuplicates(state), []);
    state.close();
  }

  it('survives SIGKILL at every step boundary of a 50+ step plan, without duplicates', async () => {
    const { fixture, planFile, writes, plan } = await crashFixture('crash');
    const { kills } = await killAtEveryStep(fixture, planFile, [fixture.ledgerFile], writes);
    assert.ok(kills >= writes, `killed at ${kills} step boundaries`);
    await assertRestoredOnce(fixture);
    const ledger = await Ledger.open(fixture.ledgerFile);
    const steps = ledger.stepsOf(plan.planId);
    ledger.close();
    assert.equal(steps.filter((s) => s.status === 'done').length, writes);
    assert.equal(steps.filter((s) => s.status !== 'done').length, 0);
  });

  it('two appliers with two ledgers started together, killed at every step boundary: one runs at a time, nothing twice', async () => {
    const { fixture, planFile, writes } = await crashFixture('crash-two', 40, 20);
    const other = path.join(fixture.dir, 'other-folder.kvledger');
    const { kills, refused } = await killAtEveryStep(fixture, planFile, [fixture.ledgerFile, other], writes);
    assert.ok(kills >= writes, `killed at ${kills} step boundaries`);
    assert.ok(refused >= kills / 2, `the other applier was refused by the account lock (${refused} times)`);
    await assertRestoredOnce(fixture);
  });
});
