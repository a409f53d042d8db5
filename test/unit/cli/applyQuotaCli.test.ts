import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { applyProgressPrinter } from '../../../src/cli/applyProgress';
import { durationFlag, shareFlag } from '../../../src/cli/commands/restore';
import { runCli } from '../../../src/cli/main';
import { EXIT_PAUSED } from '../../../src/cli/output';
import type { KeapClient } from '../../../src/core/keap/client';
import { sleep } from '../../../src/core/keap/throttle';
import type { ApplyProgress } from '../../../src/core/restore/applier';
import type { PlanStep, RestorePlan } from '../../../src/core/restore/plan';
import { applyDisaster } from '../../../src/emulator/disasters';
import { captureIo } from '../support/cliIo';
import { closeTestAccounts } from '../support/emulator';
import { markerDuplicates, readState, signatureDuplicates } from '../restore/invariants';
import { accountWithSnapshot, makePlan } from '../restore/support';

describe('keap-vault apply under the daily quota', function () {
  this.timeout(120_000);
  const saved = { ...process.env };
  after(async () => {
    process.env = { ...saved };
    await closeTestAccounts();
  });

  it('--max-wait stops between steps with exit 75 and names apply --resume, which then completes without sending anything twice', async () => {
    const fixture = await accountWithSnapshot(40, 'cli-max-wait');
    applyDisaster(fixture.store, { kind: 'delete-orders', count: 5, seed: 51 });
    const plan = await makePlan(fixture);
    const planFile = path.join(fixture.dir, 'plan.json');
    await fs.writeFile(planFile, JSON.stringify(plan));
    process.env.KEAP_API_URL = fixture.emulator.apiBaseUrl;
    process.env.KEAP_API_KEY = fixture.emulator.token;
    // Days of 8 s with 30 requests, from the start of a fresh one (the CLI paces itself at 10 a second).
    fixture.emulator.quota.configure({ perDay: 30, dayMs: 8000 });
    await sleep(8000 - (Date.now() % 8000) + 5);
    const args = ['apply', planFile, '--ledger', fixture.ledgerFile, '--snapshot', fixture.snapshotFile];

    const stopped = captureIo();
    assert.equal(await runCli([...args, '--max-wait', '2s', '--json'], stopped), EXIT_PAUSED);
    assert.deepEqual(stopped.stdout, [], 'nothing on stdout with --json');
    const said = stopped.stderr.join('\n');
    assert.match(said, /stopped between steps: Keap's daily quota allows requests again at \S+ \(in .*, longer than --max-wait 2s\)/);
    assert.match(
      said,
      new RegExp(
        `\\d+ steps? left, nothing in flight\\. Continue with: keap-vault apply ${planFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} --resume`,
      ),
    );

    const resumed = captureIo();
    assert.equal(await runCli([...args, '--resume'], resumed), 0, resumed.stderr.join('\n'));
    assert.match(resumed.stdout.join('\n'), /^Applied plan .*, 0 failed/m);
    assert.match(resumed.stderr.join('\n'), /^paused until \S+ UTC for Keap's daily quota \(.*\), \d+ steps? left/m, 'the pause is said');
    assert.equal(fixture.emulator.stats().throttled, 0, 'no request was sent into a 429');
    const state = await readState(fixture.client);
    try {
      assert.deepEqual(markerDuplicates(state), []);
      assert.deepEqual(signatureDuplicates(fixture.snapshot, state), []);
    } finally {
      state.close();
    }
  });

  it('flags: durations and shares', () => {
    assert.deepEqual(
      ['90s', '10m', '2h', '1d', '45', '250ms'].map((d) => durationFlag(d, '--max-wait')),
      [90_000, 600_000, 7_200_000, 86_400_000, 45_000, 250],
    );
    assert.throws(() => durationFlag('soon', '--max-wait'), /--max-wait takes a duration such as 90s/);
    assert.deepEqual(
      ['0.2', '20%', '0'].map((s) => shareFlag(s, '--reserve')),
      [0.2, 0.2, 0],
    );
    assert.throws(() => shareFlag('0.95', '--reserve'), /--reserve takes a share from 0 to 0.9/);
  });

  it('the progress line counts only steps that send something, and says the quota wait and the pause', () => {
    const writes: string[] = [];
    const io = captureIo();
    const transport = {
      requestCount: 0,
      retryCount: 0,
      throttle: { limits: [{ limit: 240, windowMs: 60_000 }], daily: undefined },
    };
    const step = (id: string, action: PlanStep['action']) => ({ id, action, entity: 'contacts', oldId: id }) as unknown as PlanStep;
    const steps = [step('a', 'skip'), step('b', 'create'), step('c', 'skip'), step('d', 'create')];
    const now = Date.parse('2026-11-30T23:59:00Z');
    const printer = applyProgressPrinter(io, {
      client: { transport } as unknown as KeapClient,
      plan: { steps } as unknown as RestorePlan,
      reserve: 0.2,
      stream: { isTTY: true, write: (t: string) => void writes.push(t) } as never,
      now: () => now,
    });
    const progress = (index: number, status: ApplyProgress['status'], workDone: number): ApplyProgress => ({
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
    assert.ok(writes.at(-1)!.startsWith('\r\u001b[2K'), 'the line is rewritten in place');
    assert.match(writes.at(-1)!, /1\/2 steps · 3 requests · waiting 34 s for Keap's minute quota · about \d+ s left$/);
    printer.wait({ kind: 'paused', waitingFor: 'day', until: new Date('2026-12-01T00:00:00Z'), ms: 60_000, stepsLeft: 73_412 });
    assert.match(writes.at(-1)!, /paused until 00:00 UTC for Keap's daily quota \(1 min\), 73,412 steps left/);
    printer.step(progress(3, 'failed', 2));
    assert.deepEqual(io.stderr, ['[2/2] d failed -> 9'], 'a step worth reading gets its own line, counted in steps that send');
    printer.end();
  });
});
