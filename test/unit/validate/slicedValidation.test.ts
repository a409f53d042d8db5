/**
 * Validation in slices (issue 12: the extension host must stay responsive): the same findings as
 * before the rules were batched, progress that only goes forward and reaches the end, and a
 * cancellation that stops the run with CancelledError and leaves the snapshot as it was.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { validateSnapshot, validateSnapshotInSlices } from '../../../src/core/validate/engine';
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
        batchRows: 50,
        signal: controller.signal,
        // Stops inside the rule that builds two temporary tables, after some of its batches ran.
        onProgress: (p) => p.done === stopAt && setTimeout(() => controller.abort(), 5),
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
