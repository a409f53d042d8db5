import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  SnapshotCorruptError,
  SnapshotFormatError,
  SnapshotKeyError,
  SnapshotNotFoundError,
  SnapshotVersionError,
} from '../../../src/core/snapshot/errors';
import { getRecord, listRecords, orderDetails, searchOrders } from '../../../src/core/snapshot/query';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { TRAILER_BYTES, writeSnapshotFile } from '../../../src/core/snapshot/snapshotFile';
import type { KeapOrder } from '../../../src/core/model';
import { generatedSnapshotFile, tempDir, TEST_META } from '../support/snapshots';

describe('Snapshot store', () => {
  it('saves and reopens a snapshot with its metadata, counts and checksum', async () => {
    const { file, store } = await generatedSnapshotFile({ seed: 1, size: 100 });
    const db = await SnapshotDb.open(file);
    const meta = db.meta();
    assert.equal(meta.format, 'keap-vault-snapshot');
    assert.equal(meta.formatVersion, 2);
    assert.equal(meta.counts.contacts, store.contacts.size);
    assert.equal(meta.counts.orders, store.orders.size);
    assert.equal(
      meta.counts.order_items,
      [...store.orders.values()].reduce((n, o) => n + o.items.length, 0),
    );
    assert.match(meta.checksum, /^[0-9a-f]{64}$/);
    assert.equal(meta.apiBaseUrl, TEST_META.apiBaseUrl);
    db.close();
  });

  it('answers the queries the explorer needs: paged lists, get, an order with its contact, items and payments, search', async () => {
    const { file, store } = await generatedSnapshotFile({ seed: 2, size: 60 });
    const db = await SnapshotDb.open(file);
    const page = listRecords<KeapOrder>(db, 'orders', { orderBy: 'order_time', descending: true, limit: 5, offset: 2 });
    assert.equal(page.length, 5);
    assert.ok(page[0].record.order_time! >= page[4].record.order_time!);
    const paidOrder = [...store.orders.values()].find((o) => store.paymentsOf(o.id).length > 0)!;
    const details = orderDetails(db, String(paidOrder.id))!;
    assert.equal(details.contact?.id, String(paidOrder.contact_id));
    assert.equal(details.items.length, paidOrder.items.length);
    assert.equal(details.items[0].product?.id, String(paidOrder.items[0].product_id));
    assert.deepEqual(
      details.payments.map((p) => p.id),
      store.paymentsOf(paidOrder.id).map((p) => String(p.id)),
    );
    assert.equal(getRecord(db, 'orders', '99999999'), undefined);
    const contact = store.contacts.get(paidOrder.contact_id)!;
    const email = contact.email_addresses[0]?.email;
    if (email) assert.ok(searchOrders(db, email.slice(0, 5)).some((o) => o.id === String(paidOrder.id)));
    assert.deepEqual(searchOrders(db, String(paidOrder.id)).map((o) => o.id)[0], String(paidOrder.id));
    assert.deepEqual(searchOrders(db, "%' OR 1=1 --"), []);
    db.close();
  });

  it('encrypts at rest; without the key or with a wrong one the error is clear', async () => {
    const dir = tempDir();
    const { file } = await generatedSnapshotFile({ seed: 3, size: 20 }, dir, 'correct horse');
    const bytes = await fs.readFile(file);
    assert.ok(!bytes.includes(Buffer.from('SQLite format 3')));
    await assert.rejects(
      SnapshotDb.open(file),
      (err: Error) => err instanceof SnapshotKeyError && /encrypted: supply its key/.test(err.message),
    );
    await assert.rejects(
      SnapshotDb.open(file, { key: 'wrong' }),
      (err: Error) => err instanceof SnapshotKeyError && /key is wrong/.test(err.message),
    );
    const db = await SnapshotDb.open(file, { key: 'correct horse' });
    assert.ok(db.count('contacts') > 0);
    db.close();
    assert.deepEqual(await fs.readFile(file), bytes, 'opening never modifies the file');
  });

  it('rejects missing, foreign, truncated, tampered and future-version files with typed errors and leaves them untouched', async () => {
    const dir = tempDir();
    const { file } = await generatedSnapshotFile({ seed: 4, size: 30 }, dir);
    const good = await fs.readFile(file);
    await assert.rejects(SnapshotDb.open(path.join(dir, 'nope.kvsnap')), SnapshotNotFoundError);

    const foreign = path.join(dir, 'foreign.kvsnap');
    await fs.writeFile(foreign, '{"contacts": []}');
    await assert.rejects(SnapshotDb.open(foreign), SnapshotFormatError);

    const truncated = path.join(dir, 'truncated.kvsnap');
    await fs.writeFile(truncated, good.subarray(0, Math.floor(good.length / 2)));
    await assert.rejects(SnapshotDb.open(truncated), SnapshotCorruptError);

    // Change one indexed value inside the file, as a hand edit would: the hash catches it.
    const tampered = path.join(dir, 'tampered.kvsnap');
    const db = await SnapshotDb.open(file);
    db.db.run('UPDATE orders_rows SET contact_id = contact_id + 1 WHERE rowid = 1');
    const edited = Buffer.from(db.db.export());
    await fs.writeFile(tampered, Buffer.concat([edited, good.subarray(good.length - TRAILER_BYTES)]));
    db.db.run("UPDATE meta SET value = '99' WHERE key = 'formatVersion'");
    const future = path.join(dir, 'future.kvsnap');
    await writeSnapshotFile(future, db.db.export(), undefined); // a future file with a hash that verifies
    db.close();
    await assert.rejects(
      SnapshotDb.open(tampered),
      (err: Error) => err instanceof SnapshotCorruptError && /checksum mismatch/.test(err.message),
    );
    await assert.rejects(SnapshotDb.open(future), (err: Error) => err instanceof SnapshotVersionError && /format 99/.test(err.message));

    const other = path.join(dir, 'other.sqlite');
    const plain = await SnapshotDb.create();
    plain.db.run('DROP TABLE meta');
    await fs.writeFile(other, plain.db.export());
    plain.close();
    await assert.rejects(
      SnapshotDb.open(other),
      (err: Error) => err instanceof SnapshotFormatError && /not a Keap Vault snapshot/.test(err.message),
    );
    assert.deepEqual(await fs.readFile(file), good);
  });

  it('keeps HTML and quotes in names as data', async () => {
    const db = await SnapshotDb.create();
    db.insert('contacts', [
      { id: '1', given_name: "<script>alert('x')</script>", family_name: "O'Brien & Sons", email_addresses: [{ email: 'a@b.test' }] },
    ]);
    assert.equal(getRecord<{ given_name: string }>(db, 'contacts', '1')?.given_name, "<script>alert('x')</script>");
    db.close();
  });
});
