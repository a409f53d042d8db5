/**
 * Validation in slices (issue 12: the extension host must stay responsive): the same findings as
 * before the rules were batched, progress that only goes forward and reaches the end, and a
 * cancellation that stops the run with CancelledError and leaves the snapshot as it was.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { DEFAULT_SETTINGS, validateSnapshot, validateSnapshotInSlices } from '../../../src/core/validate/engine';
import { BatchSizer } from '../../../src/core/validate/ruleBatches';
import { ALL_RULES } from '../../../src/core/validate/rules';
import { CancelledError } from '../../../src/core/work/cancelled';
import type { WorkProgress } from '../../../src/core/work/progress';
import { PLANTED_PROBLEM_KINDS, type PlantedProblemKind } from '../../../src/emulator/generator';
import { generatedSnapshotFile } from '../support/snapshots';

/** Written by Keap Vault before the rules ran in batches (commit dc4f44a), from this same generated account. */
const BEFORE_BATCHING = path.join(__dirname, '../../../../test/fixtures/validation/planted-findings-before-batching.json');

describe('Validation in slices', function () {
  this.timeout(120_000);
  let db: SnapshotDb;

  before(async () => {
    const plant = Object.fromEntries(PLANTED_PROBLEM_KINDS.map((k) => [k, 4])) as Record<PlantedProblemKind, number>;
    const { file } = await generatedSnapshotFile({ seed: 'batched', size: 3000, plant });
    db = await SnapshotDb.open(file);
  });
  after(() => db.close());

  it('finds exactly what the unbatched rules found, with batches of a few rows, while timers keep running', async () => {
    const before = JSON.parse(readFileSync(BEFORE_BATCHING, 'utf8')) as unknown[];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const sliced = await validateSnapshotInSlices(db, {}, { batchRows: 7 });
      assert.deepEqual(sliced.findings, before);
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks > 0, 'the event loop ran timers while the rules ran');
    assert.deepEqual(validateSnapshot(db).findings, before, 'the one-go validation runs the same batches');
  });

  it('every rule reads its table a batch at a time, except one that only searches an index', () => {
    // One statement over a million contacts or orders held the extension host's event loop for
    // 136-253 ms at a time (bench/responsiveness at 1M); a batch of rows yields between statements.
    const ONE_SEARCH = new Set(['order/future-date']); // an index range of order_time: as long as what it finds
    // Driven by the records a restore marked (none in this account): they read nothing else.
    const MARKED_ONLY = new Set(['order/restore-duplicate', 'entity/restored-twice']);
    const settings = { ...DEFAULT_SETTINGS, now: new Date().toISOString() };
    const unbatched: string[] = [];
    for (const rule of ALL_RULES) {
      if (ONE_SEARCH.has(rule.id)) continue;
      const batches = new BatchSizer(7);
      batches.adjust = () => undefined; // 7 rows every time: untimed, the sizer would double them
      const run = rule.run({ db, settings, batches });
      if (Array.isArray(run)) {
        unbatched.push(`${rule.id} runs in one statement`);
        continue;
      }
      let yields = 0;
      while (!run.next().done) yields++;
      if (!MARKED_ONLY.has(rule.id) && yields <= 10) unbatched.push(`${rule.id} yielded ${yields} times over batches of 7 rows`);
    }
    assert.deepEqual(unbatched, []);
  });

  it('reports rule n of N by name, only forward, and reaches the end', async () => {
    const reports: WorkProgress[] = [];
    await validateSnapshotInSlices(db, {}, { onProgress: (p) => reports.push(p) });
    for (const [i, p] of reports.entries()) {
      assert.equal(p.unit, 'rules');
      assert.equal(p.total, ALL_RULES.length);
      if (i) assert.ok(p.done >= reports[i - 1].done, `report ${i} went back`);
    }
    assert.equal(reports.at(-1)!.done, ALL_RULES.length);
    assert.equal(reports[0].step, `Rule 1 of ${ALL_RULES.length}: ${ALL_RULES[0].title}`);
  });

  it('cancelled midway, rejects with CancelledError, drops its temporary tables, and validates again the same', async () => {
    const controller = new AbortController();
    const stopAt = ALL_RULES.findIndex((r) => r.id === 'order/likely-duplicate');
    const run = validateSnapshotInSlices(
      db,
      {},
      {
        batchRows: 7,
        signal: controller.signal,
        // Stops inside the rule that builds two temporary tables, after some of its batches ran: at
        // the first turn the event loop gets once it started (a slice of 15 ms of batches). A timer
        // could fire only after the rest of the validation had run without a turn.
        onProgress: (p) => p.done === stopAt && setImmediate(() => controller.abort()),
      },
    );
    await assert.rejects(run, (err: unknown) => err instanceof CancelledError && /Validation was cancelled/.test(err.message));
    assert.deepEqual(db.all("SELECT name FROM sqlite_temp_master WHERE type = 'table'"), [], 'no temporary table left');
    const before = JSON.parse(readFileSync(BEFORE_BATCHING, 'utf8')) as unknown[];
    assert.deepEqual((await validateSnapshotInSlices(db)).findings, before);
  });

  it('an already cancelled validation does not start', async () => {
    await assert.rejects(validateSnapshotInSlices(db, {}, { signal: AbortSignal.abort() }), CancelledError);
  });
});
