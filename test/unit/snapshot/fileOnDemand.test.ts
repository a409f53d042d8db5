/**
 * A large plain snapshot is read from disk as SQLite needs its pages (fileOnDemand.ts): the same
 * records as a whole read, a fraction of the file for a page of the explorer, the same checksum
 * verdicts (before the open returns, or alongside it), and the file on disk never written.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CancelledError } from '../../../src/core/work/cancelled';
import { SnapshotCorruptError } from '../../../src/core/snapshot/errors';
import { listRecords } from '../../../src/core/snapshot/query';
import { OpenSnapshots } from '../../../src/core/snapshot/openSnapshots';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { placeCipher } from '../../../src/core/snapshot/workingFile';
import { everyRecord, generatedSnapshotFile, tempDir } from '../support/snapshots';

const ON_DEMAND = { onDemandFromBytes: 0 };
const WHOLE = { onDemandFromBytes: Number.POSITIVE_INFINITY };

/** A copy of `file` with one byte changed, 60% of the way in (past the pages a first query reads). */
async function withOneByteChanged(file: string): Promise<string> {
  const changed = Buffer.from(await fs.readFile(file));
  changed[Math.floor(changed.length * 0.6)] ^= 0x01;
  const damaged = path.join(tempDir(), 'changed.kvsnap');
  await fs.writeFile(damaged, changed);
  return damaged;
}

describe('A snapshot read from disk as its pages are needed', function () {
  this.timeout(120_000);
  let file: string;
  let fileBytes: number;
  before(async () => {
    ({ file } = await generatedSnapshotFile({ seed: 'on-demand', size: 1500 }));
    fileBytes = (await fs.stat(file)).size;
  });

  const firstPage = (db: SnapshotDb) => listRecords(db, 'orders', { orderBy: 'order_time', descending: true, limit: 100 });

  it('gives back every record a whole read does, and reads a fraction of the file for a page of orders', async () => {
    const whole = await SnapshotDb.open(file, WHOLE);
    const onDemand = await SnapshotDb.open(file, ON_DEMAND);
    try {
      assert.equal(whole.bytesReadOnDemand, undefined, 'the whole read holds the file');
      const page = firstPage(onDemand);
      assert.equal(page.length, 100);
      assert.deepEqual(page, firstPage(whole));
      const read = onDemand.bytesReadOnDemand!;
      assert.ok(read < fileBytes / 4, `${read} of ${fileBytes} bytes read for the first page`);
      assert.deepEqual(everyRecord(onDemand), everyRecord(whole));
      assert.deepEqual(onDemand.meta(), whole.meta());
    } finally {
      whole.close();
      onDemand.close();
    }
  });

  it('refuses a file changed by one byte before it returns, or, verified alongside, says so through verified()', async () => {
    const damaged = await withOneByteChanged(file);
    await assert.rejects(
      SnapshotDb.open(damaged, ON_DEMAND),
      (err: Error) => err instanceof SnapshotCorruptError && /checksum mismatch/.test(err.message),
    );

    const browsing = await SnapshotDb.open(damaged, { ...ON_DEMAND, verify: 'alongside' });
    try {
      await assert.rejects(
        browsing.verified(),
        (err: Error) => err instanceof SnapshotCorruptError && /checksum mismatch/.test(err.message),
      );
    } finally {
      browsing.close();
    }
    const sound = await SnapshotDb.open(file, { ...ON_DEMAND, verify: 'alongside' });
    try {
      await sound.verified();
      assert.equal(firstPage(sound).length, 100);
    } finally {
      sound.close();
    }
  });

  it('refuses a file whose database is cut short, though its checksum line is there', async () => {
    const dir = tempDir();
    const good = await fs.readFile(file);
    const trailer = good.subarray(good.lastIndexOf(Buffer.from('\nKEAPVAULT-SHA256 ')));
    const cut = path.join(dir, 'cut.kvsnap');
    await fs.writeFile(cut, Buffer.concat([good.subarray(0, good.length - trailer.length - 16 * 1024), trailer]));
    await assert.rejects(
      SnapshotDb.open(cut, ON_DEMAND),
      (err: Error) => err instanceof SnapshotCorruptError && /cut short/.test(err.message),
    );
  });

  it('keeps what SQLite writes in memory: the file on disk is not changed, and opens and verifies again', async () => {
    const before = await fs.readFile(file);
    const db = await SnapshotDb.open(file, ON_DEMAND);
    try {
      db.db.run('CREATE TABLE scratch (note TEXT)');
      db.db.run("INSERT INTO scratch VALUES ('written by a test')");
      assert.equal(db.db.exec('SELECT note FROM scratch')[0]?.values[0]?.[0], 'written by a test');
      assert.equal(firstPage(db).length, 100);
    } finally {
      db.close();
    }
    assert.ok((await fs.readFile(file)).equals(before), 'the file is byte for byte what it was');
    const again = await SnapshotDb.open(file, ON_DEMAND);
    again.close();
  });

  it('keeps reading the file it opened when a snapshot is saved again at the same path', async function () {
    if (process.platform === 'win32') this.skip(); // Windows does not let a file open elsewhere be renamed over
    const dir = tempDir();
    const kept = path.join(dir, 'kept.kvsnap');
    await fs.copyFile(file, kept);
    const db = await SnapshotDb.open(kept, ON_DEMAND);
    try {
      const expected = everyRecord(db);
      const { file: other } = await generatedSnapshotFile({ seed: 'on-demand-other', size: 300 }, dir);
      await fs.rename(other, kept);
      assert.deepEqual(everyRecord(db), expected);
    } finally {
      db.close();
    }
  });

  it('stops when its caller gives up while the checksum is read, and leaves nothing open', async () => {
    const controller = new AbortController();
    const opening = SnapshotDb.open(file, { ...ON_DEMAND, signal: controller.signal });
    controller.abort();
    await assert.rejects(opening, CancelledError);
  });

  it("in a window's cache: a short read does not wait for the checksum, long work does, and a damaged file is closed and reported", async () => {
    const damaged = await withOneByteChanged(file);
    const reported: string[] = [];
    const cache = new OpenSnapshots({
      open: (f, control) => SnapshotDb.open(f, { ...ON_DEMAND, verify: 'alongside', ...control }),
      budgetBytes: () => 1024 ** 3,
      onDamaged: (f, err) => reported.push(`${path.basename(f)}: ${(err as Error).message}`),
    });
    try {
      const browsed = await cache.get(damaged);
      assert.equal(firstPage(browsed).length, 100, 'the first page is there before the checksum is read');
      await assert.rejects(
        cache.use(damaged, async () => 'validated'),
        (err: Error) => err instanceof SnapshotCorruptError && /checksum mismatch/.test(err.message),
      );
      assert.equal(reported.length, 1);
      assert.match(reported[0]!, /^changed\.kvsnap: .*checksum mismatch/);
      assert.deepEqual(cache.openFiles, [], 'the damaged snapshot was closed');
      assert.equal(await cache.use(file, async (db) => firstPage(db).length), 100, 'a sound one is used once verified');
      assert.ok(cache.openBytes < fileBytes * 100, 'counted by what it holds');
    } finally {
      cache.closeAll();
    }
  });

  it('lists a snapshot by its metadata without reading its records', async () => {
    const db = await SnapshotDb.open(file, { ...ON_DEMAND, metadataOnly: true });
    try {
      assert.equal(db.meta().snapshotId, 'test-snapshot');
      assert.ok(db.bytesReadOnDemand! < fileBytes / 10, `${db.bytesReadOnDemand} of ${fileBytes} bytes read for the metadata`);
    } finally {
      db.close();
    }
  });
});

describe("A working file's cipher", () => {
  it('encrypts any byte range as the same range of the whole, so pages can be written and read in any order', () => {
    const handle = { key: randomBytes(32), iv: Buffer.alloc(16, 0xff) }; // the counter wraps past its top
    const cipher = placeCipher(handle);
    const plain = randomBytes(100_003);
    const whole = cipher.apply(plain, 0);
    assert.ok(!whole.equals(plain));
    for (const [start, end] of [
      [0, 16],
      [7, 9],
      [16, 4096],
      [33, 50_001],
      [4096 + 5, 100_003],
    ] as const) {
      assert.ok(cipher.apply(plain.subarray(start, end), start).equals(whole.subarray(start, end)), `bytes ${start}-${end}`);
      assert.ok(cipher.apply(whole.subarray(start, end), start).equals(plain.subarray(start, end)), `decrypting ${start}-${end}`);
    }
    assert.ok(
      !placeCipher({ key: randomBytes(32), iv: handle.iv })
        .apply(plain, 0)
        .equals(whole),
      'another key, other bytes',
    );
  });
});
