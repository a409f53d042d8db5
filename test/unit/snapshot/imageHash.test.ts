/**
 * A large snapshot is read into memory shared with a thread that hashes it as it arrives
 * (imageHash.ts): the same bytes and the same verdicts as the inline hash of a small one.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SnapshotCorruptError, SnapshotKeyError } from '../../../src/core/snapshot/errors';
import { imageBuffer, PARALLEL_HASH_BYTES } from '../../../src/core/snapshot/imageHash';
import { orderDetails } from '../../../src/core/snapshot/query';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { readSnapshotFile, writeSnapshotFile } from '../../../src/core/snapshot/snapshotFile';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { snapshotOfAccount } from '../../fixtures/accountSnapshot';
import { tempDir, TEST_META } from '../support/snapshots';

const LARGE = PARALLEL_HASH_BYTES + 3 * 1024 * 1024 + 17;
const KEY = 'a passphrase for the large image';

describe('Hashing a large snapshot on a thread of its own', function () {
  this.timeout(60_000);
  let image: Buffer;
  let dir: string;
  before(() => {
    image = randomBytes(LARGE);
    dir = tempDir();
  });

  it('hashes what is put in shared memory, piece by piece, as the inline hash does', async () => {
    const { bytes, hasher } = imageBuffer(LARGE, LARGE - 100);
    assert.ok(bytes.buffer instanceof SharedArrayBuffer, 'a large image is read into shared memory');
    const piece = 4 * 1024 * 1024 + 3;
    for (let at = 0; at < LARGE; at += piece) {
      image.copy(bytes, at, at, Math.min(at + piece, LARGE));
      hasher.update(at, Math.min(at + piece, LARGE));
    }
    assert.equal(
      await hasher.digest(),
      createHash('sha256')
        .update(image.subarray(0, LARGE - 100))
        .digest('hex'),
    );
    const small = imageBuffer(1024, 1000);
    assert.ok(!(small.bytes.buffer instanceof SharedArrayBuffer), 'a small one is hashed inline');
  });

  for (const key of [undefined, KEY]) {
    const kind = key ? 'encrypted' : 'plain';
    it(`reads a large ${kind} file back byte for byte, and refuses it with one byte changed`, async () => {
      const file = path.join(dir, `${kind}.kvsnap`);
      const sha256 = await writeSnapshotFile(file, image, key);
      const read = await readSnapshotFile(file, key);
      assert.equal(read.sha256, sha256);
      assert.ok(Buffer.from(read.image.buffer, read.image.byteOffset, read.image.length).equals(image));

      const changed = await fs.readFile(file);
      changed[Math.floor(changed.length * 0.7)] ^= 0x01;
      const damaged = path.join(dir, `${kind}-damaged.kvsnap`);
      await fs.writeFile(damaged, changed);
      await assert.rejects(
        readSnapshotFile(damaged, key),
        key ? SnapshotKeyError : (err: Error) => err instanceof SnapshotCorruptError && /checksum mismatch/.test(err.message),
      );
    });
  }

  it('opens a large snapshot from shared memory and answers queries from it', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'large-image', size: 30 });
    const db = await snapshotOfAccount(store);
    const small = path.join(dir, 'small.kvsnap');
    await db.save(small, TEST_META);
    const orderId = db.scalar('SELECT id FROM orders ORDER BY rowid LIMIT 1') as string;
    const expected = orderDetails(db, orderId);
    db.close();
    // SQLite reads as many pages as its header says: zeros after them make the image large and change nothing.
    const { image: smallImage } = await readSnapshotFile(small, undefined);
    const padded = Buffer.alloc(LARGE);
    Buffer.from(smallImage).copy(padded);
    const large = path.join(dir, 'large.kvsnap');
    await writeSnapshotFile(large, padded, KEY);
    const opened = await SnapshotDb.open(large, { key: KEY });
    assert.deepEqual(orderDetails(opened, orderId), expected);
    assert.equal(opened.count('orders'), store.orders.size);
    opened.close();
  });
});
