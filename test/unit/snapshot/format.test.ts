/**
 * Snapshot format 2 (records compressed in blocks, child rows rebuilt from their parents, a hash
 * over the whole file) and format 1 files, which stay readable.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SNAPSHOT_ENTITIES } from '../../../src/core/snapshot/entities';
import { SnapshotCorruptError, SnapshotKeyError } from '../../../src/core/snapshot/errors';
import { getRecord, orderDetails } from '../../../src/core/snapshot/query';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { loadSqlJs } from '../../../src/core/snapshot/sqlite';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { snapshotOfAccount } from '../../fixtures/accountSnapshot';
import { everyRecord, tempDir, TEST_META } from '../support/snapshots';

/** Written by Keap Vault 0.1.0 (format 1) from the generator's seed 'format-1' at size 12. */
const FORMAT_1 = path.join(__dirname, '../../../../test/fixtures/snapshots/format-1.kvsnap');
const FORMAT_1_ENCRYPTED = path.join(__dirname, '../../../../test/fixtures/snapshots/format-1-encrypted.kvsnap');
const FORMAT_1_KEY = 'format-1-fixture-key';

describe('Snapshot format 2', () => {
  it('gives back every record exactly as it was stored, child rows included, through an encrypted save and open', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'format-2', size: 150 });
    const db = await snapshotOfAccount(store);
    const before = everyRecord(db);
    assert.ok(before.get('order_items')!.length > 150, 'orders carry items: child rows are part of the comparison');
    const file = path.join(tempDir(), 'encrypted.kvsnap');
    const saved = await db.save(file, TEST_META, { key: 'k2' });
    db.close();

    const bytes = await fs.readFile(file);
    assert.ok(!bytes.includes(Buffer.from('SQLite format 3')), 'nothing readable without the key');
    await assert.rejects(SnapshotDb.open(file, { key: 'wrong' }), SnapshotKeyError);
    const reopened = await SnapshotDb.open(file, { key: 'k2' });
    assert.equal(reopened.meta().formatVersion, 2);
    assert.equal(reopened.meta().checksum, saved.checksum);
    assert.deepEqual(everyRecord(reopened), before);
    const order = [...store.orders.values()].find((o) => o.items.length > 1)!;
    assert.equal(orderDetails(reopened, String(order.id))!.items.length, order.items.length);
    reopened.close();
    assert.deepEqual(await fs.readFile(file), bytes, 'opening never modifies the file');
  });

  it('is smaller than the JSON it holds, indexes included', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'format-2-size', size: 400 });
    const db = await snapshotOfAccount(store);
    const json = SNAPSHOT_ENTITIES.filter((e) => e !== 'order_items' && e !== 'contact_tags' && e !== 'subscription_plans')
      .flatMap((e) => [...db.rows(e)])
      .reduce((n, r) => n + Buffer.byteLength(r.json), 0);
    const file = path.join(tempDir(), 'small.kvsnap');
    await db.save(file, TEST_META);
    db.close();
    const { size } = await fs.stat(file);
    assert.ok(size < json, `${size} bytes of file for ${json} bytes of JSON`);
  });

  it('refuses a file changed by one byte, cut short, or without its checksum', async () => {
    const dir = tempDir();
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'format-2-damage', size: 40 });
    const db = await snapshotOfAccount(store);
    const file = path.join(dir, 'good.kvsnap');
    await db.save(file, TEST_META);
    db.close();
    const good = await fs.readFile(file);

    const flipped = Buffer.from(good);
    flipped[Math.floor(good.length / 2)] ^= 0x01;
    await fs.writeFile(path.join(dir, 'flipped.kvsnap'), flipped);
    await assert.rejects(
      SnapshotDb.open(path.join(dir, 'flipped.kvsnap')),
      (err: Error) => err instanceof SnapshotCorruptError && /checksum mismatch/.test(err.message),
    );
    await fs.writeFile(path.join(dir, 'cut.kvsnap'), good.subarray(0, good.length - 200));
    await assert.rejects(SnapshotDb.open(path.join(dir, 'cut.kvsnap')), SnapshotCorruptError);
    const imageOnly = good.subarray(0, good.lastIndexOf(Buffer.from('\nKEAPVAULT-SHA256 ')));
    await fs.writeFile(path.join(dir, 'image-only.kvsnap'), imageOnly);
    await assert.rejects(
      SnapshotDb.open(path.join(dir, 'image-only.kvsnap')),
      (err: Error) => err instanceof SnapshotCorruptError && /checksum is missing/.test(err.message),
    );
  });
});

describe('Snapshot format 1 (files written by Keap Vault 0.1)', () => {
  it('opens, verifies and answers queries, plain and encrypted', async () => {
    for (const [file, key] of [
      [FORMAT_1, undefined],
      [FORMAT_1_ENCRYPTED, FORMAT_1_KEY],
    ] as const) {
      const db = await SnapshotDb.open(file, { key });
      const meta = db.meta();
      assert.equal(meta.formatVersion, 1);
      assert.ok(meta.counts.orders! > 0);
      assert.deepEqual(db.counts().orders, meta.counts.orders);
      const order = db.all<{ id: string }>('SELECT id FROM orders ORDER BY rowid LIMIT 1')[0];
      const details = orderDetails(db, order.id)!;
      assert.ok(details.items.length > 0);
      assert.equal(String(getRecord<{ id: unknown }>(db, 'orders', order.id)?.id), order.id);
      db.close();
    }
  });

  it('is still verified: a record changed inside the file is caught', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database(await fs.readFile(FORMAT_1));
    db.run('UPDATE orders SET json = replace(json, \'"status":"\', \'"status":"X\') WHERE rowid = 1');
    const file = path.join(tempDir(), 'changed-v1.kvsnap');
    await fs.writeFile(file, db.export());
    db.close();
    await assert.rejects(
      SnapshotDb.open(file),
      (err: Error) => err instanceof SnapshotCorruptError && /checksum mismatch/.test(err.message),
    );
  });
});
