import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Ledger } from '../../../src/core/restore/ledger';
import { applyDisaster } from '../../../src/emulator/disasters';
import { closeTestAccounts } from '../support/emulator';
import { accountWithSnapshot, makePlan } from './support';

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

  it('survives SIGKILL at every step boundary of a 50+ step plan, without duplicates', async () => {
    const fixture = await accountWithSnapshot(70, 'crash');
    applyDisaster(fixture.store, { kind: 'delete-contacts', fraction: 0.3, seed: 11 });
    applyDisaster(fixture.store, { kind: 'delete-payments', fraction: 0.1, seed: 12 });
    const plan = await makePlan(fixture);
    const writes = plan.steps.filter((s) => s.action === 'create' || s.action === 'update').length;
    assert.ok(writes >= 50, `the plan has ${writes} writes`);
    const planFile = path.join(fixture.dir, 'plan.json');
    await fs.writeFile(planFile, JSON.stringify(plan));

    const env = { ...process.env, KEAP_API_URL: fixture.emulator.apiBaseUrl, KEAP_API_KEY: fixture.emulator.token };
    const runApply = (resume: boolean) => new Promise<{ code: number | null; killed: boolean; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, '--unlimited', 'apply', planFile, '--ledger', fixture.ledgerFile, ...(resume ? ['--resume', '--break-lock'] : [])], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const hungBefore = fixture.emulator.stats().hung;
      const watch = setInterval(() => {
        if (fixture.emulator.stats().hung > hungBefore) child.kill('SIGKILL');
      }, 5);
      child.on('exit', (code, signal) => {
        clearInterval(watch);
        resolve({ code, killed: signal === 'SIGKILL', stderr });
      });
    });

    let kills = 0;
    let finished = false;
    for (let round = 0; round < writes * 3 && !finished; round++) {
      fixture.emulator.hangNext({ when: round % 2 === 0 ? 'after' : 'before' });
      const result = await runApply(round > 0);
      if (result.killed) kills++;
      else {
        assert.equal(result.code, 0, result.stderr);
        finished = true;
      }
    }
    assert.ok(finished, 'the last resume finished the plan');
    assert.ok(kills >= writes, `killed at ${kills} step boundaries`);

    // The same end state as an uninterrupted restore: counts equal the snapshot, nothing twice.
    const store = fixture.store;
    assert.equal(store.contacts.size, fixture.snapshot.count('contacts'));
    assert.equal(store.orders.size, fixture.snapshot.count('orders'));
    assert.equal(store.payments.size, fixture.snapshot.count('payments'));
    const emails = [...store.contacts.values()].map((c) => c.email_addresses[0]?.email).filter(Boolean);
    assert.equal(new Set(emails).size, emails.length, 'no contact twice');
    const ledger = await Ledger.open(fixture.ledgerFile);
    const steps = ledger.stepsOf(plan.planId);
    ledger.close();
    assert.equal(steps.filter((s) => s.status === 'done').length, writes);
    assert.equal(steps.filter((s) => s.status !== 'done').length, 0);
  });
});
