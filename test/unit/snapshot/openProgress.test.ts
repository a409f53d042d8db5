/**
 * Opening a large snapshot (issue 12: the extension host must stay responsive): the read reports
 * bytes going only forward up to the file's size, gives timers their turn, and a cancelled open
 * rejects with CancelledError, leaves nothing open in the cache, and the next read opens the file.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { OpenSnapshots } from '../../../src/core/snapshot/openSnapshots';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { CancelledError } from '../../../src/core/work/cancelled';
import type { WorkProgress } from '../../../src/core/work/progress';
import { generatedSnapshotFile } from '../support/snapshots';

const KEY = 'open-progress-secret';

describe('Opening a snapshot with progress and cancellation', function () {
  this.timeout(120_000);
  let plain: string;
  let encrypted: string;

  before(async () => {
    // About 4.5 MB: more than one 4 MiB piece.
    ({ file: plain } = await generatedSnapshotFile({ seed: 'open-progress', size: 3000 }));
    ({ file: encrypted } = await generatedSnapshotFile({ seed: 'open-progress', size: 3000 }, undefined, KEY));
  });

  for (const kind of ['plain', 'encrypted'] as const) {
    it(`${kind}: reports bytes read only forward up to the file's size, then loading, while timers keep running`, async () => {
      const file = kind === 'plain' ? plain : encrypted;
      const size = statSync(file).size;
      const reports: WorkProgress[] = [];
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      const db = await SnapshotDb.open(file, { key: kind === 'encrypted' ? KEY : undefined, onProgress: (p) => reports.push(p) }).finally(
        () => clearInterval(timer),
      );
      try {
        assert.ok(db.count('contacts') > 0);
        const reading = reports.filter((p) => p.step === 'Reading and verifying');
        assert.ok(
          reading.length >= Math.ceil(size / (4 * 1024 * 1024)) && reading.length >= 2,
          `${reading.length} reports for ${size} bytes`,
        );
        for (const [i, p] of reading.entries()) {
          assert.equal(p.total, size);
          if (i) assert.ok(p.done > reading[i - 1].done, 'only forward');
        }
        assert.equal(reading.at(-1)!.done, size - (kind === 'encrypted' ? 16 : 0), 'every byte before the tag was read');
        assert.equal(reports.at(-1)!.step, 'Loading');
        assert.ok(ticks > 0, 'timers ran during the open');
      } finally {
        db.close();
      }
    });
  }

  it('cancelled while reading: rejects with CancelledError', async () => {
    const controller = new AbortController();
    const opening = SnapshotDb.open(plain, { signal: controller.signal, onProgress: () => controller.abort() });
    await assert.rejects(opening, (err: unknown) => err instanceof CancelledError && err.message.includes('was cancelled'));
  });

  it('in the cache: a cancelled open is forgotten and the next read opens the snapshot again', async () => {
    const opened: SnapshotDb[] = [];
    const cache = new OpenSnapshots({
      open: async (file, control) => {
        const db = await SnapshotDb.open(file, control);
        opened.push(db);
        return db;
      },
      budgetBytes: () => 1024 ** 3,
    });
    const controller = new AbortController();
    let reports = 0;
    const first = cache.get(plain, { signal: controller.signal, onProgress: () => ++reports === 2 && controller.abort() });
    await assert.rejects(first, CancelledError);
    assert.deepEqual(cache.openFiles, [], 'nothing half open is kept');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(opened.length, 0, 'the open itself stopped');
    const again = await cache.get(plain);
    assert.ok(again.count('contacts') > 0);
    assert.deepEqual(cache.openFiles, [plain]);
    cache.closeAll();
  });

  it('in the cache: one caller giving up does not stop the open for another still waiting', async () => {
    const cache = new OpenSnapshots({ open: (file, control) => SnapshotDb.open(file, control), budgetBytes: () => 1024 ** 3 });
    const controller = new AbortController();
    const givingUp = cache.get(plain, { signal: controller.signal });
    const waiting = cache.get(plain, { signal: new AbortController().signal });
    controller.abort();
    await assert.rejects(givingUp, CancelledError);
    const db = await waiting;
    assert.ok(db.count('contacts') > 0);
    assert.deepEqual(cache.openFiles, [plain]);
    cache.closeAll();
  });
});
