/**
 * A full capture builds its snapshot on a thread of its own (snapshotWriter.ts): what comes out must
 * be what the same pages stored on the capture's thread would be, and a thread that ends must say
 * so, not leave the capture waiting.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { CAPTURED_ENTITIES } from '../../../src/core/snapshot/entities';
import { SnapshotWriterError } from '../../../src/core/snapshot/errors';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { SnapshotWriter } from '../../../src/core/snapshot/snapshotWriter';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { snapshotOfAccount } from '../../fixtures/accountSnapshot';
import { everyRecord, tempDir, TEST_META } from '../support/snapshots';

/** The database's indexes, by name and definition. */
function indexesOf(db: SnapshotDb): string[] {
  return db.db
    .exec("SELECT name || ': ' || sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")[0]
    .values.map((row) => String(row[0]));
}

describe("The snapshot writer's thread", () => {
  it('stores pages of every entity, interleaved as a capture sends them, exactly as they would be stored here (encrypted save)', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'writer-thread', size: 120 });
    const reference = await snapshotOfAccount(store);
    const expected = everyRecord(reference);
    const pages = CAPTURED_ENTITIES.map((entity) => ({ entity, jsons: [...reference.rows(entity)].map((r) => r.json) }));
    const indexes = indexesOf(reference);
    reference.close();

    const writer = new SnapshotWriter(undefined, { dir: tempDir() });
    const file = path.join(tempDir(), 'threaded.kvsnap');
    try {
      // Pages of 37 records, one entity after another in turn, as concurrent list reads arrive.
      for (let start = 0; pages.some((p) => start < p.jsons.length); start += 37) {
        await Promise.all(
          pages
            .filter((p) => start < p.jsons.length)
            .map(async (p) => {
              const jsons = p.jsons.slice(start, start + 37);
              await writer.insert(
                p.entity,
                jsons.map((j) => JSON.parse(j) as object),
                jsons,
              );
              // An entity read to its end has its indexes built while the others are still coming.
              if (start + 37 >= p.jsons.length) await writer.entityDone(p.entity);
            }),
        );
      }
      const meta = await writer.save(file, TEST_META, { key: 'thread-key' });
      assert.equal(meta.counts.orders, store.orders.size);
      assert.ok((meta.counts.order_items ?? 0) > store.orders.size, 'child rows are prepared on this thread and stored on the other');
    } finally {
      await writer.close();
    }
    const reopened = await SnapshotDb.open(file, { key: 'thread-key' });
    assert.deepEqual(everyRecord(reopened), expected);
    assert.deepEqual(indexesOf(reopened), indexes, 'the same indexes, built early or at the end');
    assert.ok(indexes.length > 20);
    reopened.close();
  });

  it('a thread that ends settles the page in flight (never leaves the capture waiting) and refuses later ones with a typed error that says nothing read is lost', async () => {
    const writer = new SnapshotWriter(undefined, {
      dir: tempDir(),
      workerFile: path.join(__dirname, '../../fixtures/workers/writerThatStops.js'),
    });
    const record = { id: 1, given_name: 'Ana' };
    await writer.insert('contacts', [record], [JSON.stringify(record)]);
    const isStopped = (err: unknown) => {
      assert.ok(err instanceof SnapshotWriterError);
      assert.match(err.message, /snapshot writer stopped \(exit code 3\).*every page is in the capture's journal/s);
      return true;
    };
    // The thread stops on this page without answering it.
    await assert.rejects(writer.insert('contacts', [record], [JSON.stringify(record)]), isStopped);
    await assert.rejects(writer.insert('contacts', [record], [JSON.stringify(record)]), isStopped);
    await writer.close();
  });

  it('closed with pages still in flight (a cancelled capture), the thread finishes them and leaves on its own instead of being terminated mid-compression', async () => {
    const writer = new SnapshotWriter(undefined, { dir: tempDir() });
    const worker = (writer as unknown as { worker: Worker }).worker;
    const exitCode = new Promise<number>((resolve) => worker.once('exit', resolve));
    const records = Array.from({ length: 3000 }, (_, i) => ({ id: i + 1, given_name: `Ana ${i}` }));
    const pages = [0, 1000, 2000].map((start) => {
      const page = records.slice(start, start + 1000);
      return writer.insert(
        'contacts',
        page,
        page.map((r) => JSON.stringify(r)),
      );
    });
    await writer.close();
    // Asked before the close, each page was stored and answered; nothing is left waiting.
    await Promise.all(pages);
    // 0: the thread's event loop emptied (terminate() ends a thread with 1).
    assert.equal(await exitCode, 0);
    await assert.rejects(writer.insert('contacts', records.slice(0, 1), [JSON.stringify(records[0])]), SnapshotWriterError);
    await writer.close(); // a second close is harmless
  });

  it('closed after it handed its database over (every capture and live read ends so), the thread leaves on its own', async () => {
    for (const finish of ['database', 'save'] as const) {
      const writer = new SnapshotWriter(undefined, { dir: tempDir() });
      const worker = (writer as unknown as { worker: Worker }).worker;
      const exitCode = new Promise<number>((resolve) => worker.once('exit', resolve));
      const record = { id: 1, given_name: 'Ana' };
      await writer.insert('contacts', [record], [JSON.stringify(record)]);
      if (finish === 'database') (await writer.database(TEST_META)).working.close();
      else await writer.save(path.join(tempDir(), 'closed-after.kvsnap'), TEST_META);
      await writer.close();
      // 0: it left when asked. A thread kept alive by its port is terminated after close()'s wait
      // (exit code 1), and every apply's live read waited that long.
      assert.equal(await exitCode, 0, `after ${finish}()`);
    }
  });
});
