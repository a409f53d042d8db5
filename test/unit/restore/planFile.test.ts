import assert from 'node:assert/strict';
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import type { PlanStep, RestorePlan } from '../../../src/core/restore/plan';
import { PlanFormatError } from '../../../src/core/restore/plan';
import { planTextLines, readPlanFile, readPlanHead, readPlanSteps, writePlanFile } from '../../../src/core/restore/planFile';
import { planRestoreFromSnapshot } from '../../../src/core/usecases/planRestore';
import { PlanError, planRestore } from '../../../src/core/restore/planner';
import { readLiveAccount } from '../../../src/core/restore/liveRead';
import { latestPlan } from '../../../src/core/restore/planFiles';
import { applyDisaster } from '../../../src/emulator/disasters';
import { closeTestAccounts } from '../support/emulator';
import { tempDir } from '../support/snapshots';
import { fieldDifferences, markerDuplicates, readState } from './invariants';
import { accountWithSnapshot, apply, makePlan, type RestoreFixture } from './support';

/**
 * Plan files are written and read a line per live record and per step, so a plan of a large account
 * never has to be one JavaScript string (V8's limit is reached near 250k contacts).
 */
describe('Restore: the plan file, a line per step', function () {
  this.timeout(120_000);
  after(closeTestAccounts);

  let fixture: RestoreFixture;
  let plan: RestorePlan;
  before(async () => {
    fixture = await accountWithSnapshot(60, 'plan-file');
    applyDisaster(fixture.store, { kind: 'delete-contacts', count: 5, seed: 3 });
    applyDisaster(fixture.store, { kind: 'delete-orders', count: 4, seed: 4 });
    // As JSON has it: a file keeps no member whose value is undefined.
    plan = JSON.parse(JSON.stringify(await makePlan(fixture, { subscriptionsStartToday: true }))) as RestorePlan;
    assert.ok(plan.steps.filter((s) => s.action === 'create').length >= 9, 'the plan restores records');
  });

  it('reads back exactly the plan written, and the file is one JSON document of the plan (older releases read it)', async () => {
    const file = path.join(tempDir(), 'p.plan.json');
    await writePlanFile(file, plan);
    assert.deepEqual(await readPlanFile(file), plan);
    const text = await fs.readFile(file, 'utf8');
    assert.deepEqual(JSON.parse(text), plan);
    const lines = text.split('\n');
    assert.equal(lines.length, 1 + plan.live.records.length + 1 + plan.steps.length + 1 + 1, 'a line per live record and per step');
    const created = plan.steps.find((s) => s.action === 'create')!;
    assert.deepEqual(
      lines
        .filter((l) => l.includes('"action":"create"') && l.includes(`"id":"${created.id}"`))
        .map((l) => JSON.parse(l.replace(/,$/, ''))),
      [created],
      'a step is one line (grep finds it)',
    );
    assert.equal(text, [...planTextLines(plan)].join(''), '`plan --json` prints the same text');
    const contactCreate = lines.find((l) => l.startsWith('{"entity":"contacts"') && l.includes('"action":"create"'));
    assert.match(
      contactCreate ?? '',
      /,"sideEffects":\["[^\]]*\]\},$/,
      "a contact's side effects come last, as in plans of earlier releases",
    );
  });

  it('CRM text that looks like the layout (newlines, "]},\\"steps\\":[", U+2028) stays inside its step', async () => {
    const hostile = structuredClone(plan);
    const step = hostile.steps.find((s) => s.action === 'create' && s.entity === 'contacts')!;
    (step.payload as Record<string, unknown>).given_name = 'Ann\n]},"steps":[\n]}\u2028<b>x</b>,';
    const file = path.join(tempDir(), 'hostile.plan.json');
    await writePlanFile(file, hostile);
    assert.deepEqual(await readPlanFile(file), hostile);
  });

  it('a plan with no steps and no live records reads back', async () => {
    const empty = { ...structuredClone(plan), steps: [], live: { ...plan.live, records: [] } };
    const file = path.join(tempDir(), 'empty.plan.json');
    await writePlanFile(file, empty);
    assert.deepEqual(await readPlanFile(file), empty);
  });

  it('plans written before (pretty-printed or on one line) still read', async () => {
    const dir = tempDir();
    for (const [name, text] of [
      ['pretty.plan.json', JSON.stringify(plan, null, 2)],
      ['oneline.plan.json', JSON.stringify(plan)],
    ]) {
      await fs.writeFile(path.join(dir, name), text);
      assert.deepEqual(await readPlanFile(path.join(dir, name)), plan, name);
    }
  });

  it('a damaged line, a cut-short file and a newer major version are refused with where and what to do', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.plan.json');
    await writePlanFile(file, plan);
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    const stepLine = lines.indexOf(']},"steps":[') + 2; // the first step, 1-based
    const damaged = [...lines];
    damaged[stepLine - 1] = damaged[stepLine - 1].replace('"action":', '"action"');
    await fs.writeFile(file, damaged.join('\n'));
    await assert.rejects(
      readPlanFile(file),
      (err: Error) => err instanceof PlanFormatError && err.message.includes(`at line ${stepLine}:`),
    );

    await fs.writeFile(file, lines.slice(0, stepLine + 1).join('\n'));
    await assert.rejects(
      readPlanFile(file),
      (err: Error) => err instanceof PlanFormatError && /ends early, at line \d+.*Plan again/.test(err.message),
    );
    // Read a step at a time (the CLI's print), the same file is refused the same way.
    const stepsOf = async () => {
      for await (const _ of readPlanSteps(file));
    };
    await assert.rejects(stepsOf(), (err: Error) => err instanceof PlanFormatError && /ends early, at line \d+/.test(err.message));
    await fs.writeFile(file, [...lines, 'more'].join('\n'));
    await assert.rejects(stepsOf(), /line \d+ follows the end of the plan/);
    await assert.rejects(readPlanFile(file), /line \d+ follows the end of the plan/);

    await writePlanFile(file, { ...plan, formatVersion: '3.0' });
    await assert.rejects(readPlanFile(file), /format 3\.0; this Keap Vault reads 1\.x and 2\.x/);
  });

  it("the latest plan is chosen from each file's first line, old and new layouts alike", async () => {
    const dir = tempDir();
    await writePlanFile(path.join(dir, 'a.plan.json'), { ...plan, createdAt: '2026-11-28T10:00:00.000Z' });
    await fs.writeFile(path.join(dir, 'b.plan.json'), JSON.stringify({ ...plan, createdAt: '2026-11-27T10:00:00.000Z' }, null, 2));
    await writePlanFile(path.join(dir, 'c.plan.json'), { ...plan, account: 'someone-else', createdAt: '2026-11-29T10:00:00.000Z' });
    const latest = await latestPlan(dir, plan.account);
    assert.equal(latest?.file, path.join(dir, 'a.plan.json'));
    const head = await readPlanHead(path.join(dir, 'a.plan.json'));
    assert.equal(head.planId, plan.planId);
    assert.equal('steps' in head && (head as RestorePlan).steps.length, 0, 'the head carries no steps');
  });

  it('a plan applied from its file restores every lost record once; applied again from the file, it creates nothing', async () => {
    const file = path.join(tempDir(), 'apply.plan.json');
    await writePlanFile(file, plan);
    await appliedTwiceFromFile(fixture, file, plan.steps.filter((s) => s.action === 'create').length);
  });
});

describe('Restore: a plan made through the use case goes from its spool to the file, step by step', function () {
  this.timeout(300_000);
  after(closeTestAccounts);

  it('is the plan made in memory, every step once; applied from its file, each lost record comes back once', async () => {
    // A loss large enough that the orders' and contacts' steps fill several spool chunks each.
    const fixture = await accountWithSnapshot(700, 'plan-spool');
    applyDisaster(fixture.store, { kind: 'delete-contacts', fraction: 0.4, seed: 8 });
    const inMemory = await makePlan(fixture);
    const { head, file } = await planRestoreFromSnapshot({
      client: fixture.client,
      snapshot: fixture.snapshot,
      snapshotFile: fixture.snapshotFile,
      ledgerFile: fixture.ledgerFile,
      planFile: (plan) => path.join(fixture.dir, `${plan.planId}.plan.json`),
      options: {},
    });
    const fromFile = await readPlanFile(file);
    const creates = fromFile.steps.filter((s) => s.action === 'create');
    assert.ok(creates.filter((s) => s.entity === 'orders').length >= 200, 'hundreds of orders to restore');
    assert.equal(new Set(fromFile.steps.map((s) => s.id)).size, fromFile.steps.length, 'no step twice');
    assert.deepEqual(fromFile.steps, JSON.parse(JSON.stringify(inMemory.steps)), 'the same steps, in the same order');
    assert.deepEqual(fromFile.headline, inMemory.headline);
    // As JSON has it: a file keeps no member whose value is undefined.
    assert.deepEqual(JSON.parse(JSON.stringify({ ...head, steps: fromFile.steps })), fromFile, 'the head returned is the file’s');
    const streamed: PlanStep[] = [];
    for await (const step of readPlanSteps(file)) streamed.push(step);
    assert.deepEqual(streamed, fromFile.steps, 'read one at a time, the same steps');

    await appliedTwiceFromFile(fixture, file, creates.length);
  });
});

describe('Restore: a plan that cannot be made leaves nothing open', function () {
  this.timeout(120_000);
  after(closeTestAccounts);

  it('a selection of a record the snapshot lacks is refused, and no spool stays open', async function () {
    if (process.platform !== 'linux') this.skip(); // open descriptors are counted in /proc
    const fixture = await accountWithSnapshot(20, 'plan-refused');
    const { db: live, readAt } = await readLiveAccount(fixture.client);
    try {
      const openFiles = () => readdirSync('/proc/self/fd').length;
      const before = openFiles();
      for (let i = 0; i < 5; i++)
        assert.throws(
          () =>
            planRestore({
              snapshot: fixture.snapshot,
              live,
              liveReadAt: readAt,
              account: fixture.account,
              apiBaseUrl: fixture.client.transport.baseUrl,
              options: { records: ['contacts:no-such-contact'] },
            }),
          PlanError,
        );
      assert.equal(openFiles(), before, 'no descriptor left open by the refused plans');
    } finally {
      live.close();
    }
  });
});

/**
 * Applies the plan in `file` twice, each time read from the file: the first apply creates every
 * record the plan creates, the second nothing; no record is in the account twice and every
 * restored field matches the snapshot.
 */
async function appliedTwiceFromFile(fixture: RestoreFixture, file: string, creates: number): Promise<void> {
  const first = await apply(fixture, await readPlanFile(file));
  assert.deepEqual(first.failed, []);
  assert.equal(first.created, creates);
  const again = await apply(fixture, await readPlanFile(file));
  assert.equal(again.created, 0, 'nothing created twice');
  const state = await readState(fixture.client);
  try {
    assert.deepEqual(markerDuplicates(state), []);
    assert.deepEqual(fieldDifferences(fixture.snapshot, state, { entities: ['contacts', 'orders', 'payments'] }), []);
  } finally {
    state.close();
  }
}
