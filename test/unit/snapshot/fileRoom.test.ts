import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { withRoomToGrow } from '../../../src/core/snapshot/fileRoom';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { writeSnapshotFile } from '../../../src/core/snapshot/snapshotFile';
import { loadSqlJs } from '../../../src/core/snapshot/sqlite';
import { TEST_META, tempDir } from '../support/snapshots';

const META = { ...TEST_META, requests: 1 };
const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

async function emptyImage(): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.run('PRAGMA page_size = 16384');
  db.run('CREATE TABLE b (rowid INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  const image = db.export();
  db.close();
  return image;
}

/** The image, saved, opens as a snapshot whose contacts are exactly `contacts`, and SQLite finds it whole. */
async function assertReadsBack(image: Uint8Array, contacts: object[]): Promise<void> {
  const file = path.join(tempDir(), 'room.kvsnap');
  await writeSnapshotFile(file, image, undefined);
  const reopened = await SnapshotDb.open(file);
  try {
    assert.deepEqual(
      reopened.all<{ json: string }>('SELECT json FROM contacts ORDER BY rowid').map((r) => JSON.parse(r.json)),
      contacts,
    );
    assert.equal(reopened.db.exec('PRAGMA integrity_check')[0].values[0][0], 'ok');
  } finally {
    reopened.close();
  }
}

/** Contacts with enough text to fill pages. */
function someContacts(count: number, name: string): object[] {
  return Array.from({ length: count }, (_, i) => ({ id: i + 1, given_name: `${name} ${i}`, notes: randomBytes(300).toString('hex') }));
}

describe('Room for a database file to grow in place', () => {
  it('the file is written into the reservation: past its first size, without being copied elsewhere', async () => {
    const SQL = await loadSqlJs();
    const image = await emptyImage();
    const { bytes, room } = withRoomToGrow(image, 8 * 1024 * 1024);
    assert.ok(room);
    const reservation = room; // where MEMFS must keep the file for it to grow in place
    const db = new SQL.Database(bytes);
    const blobs = Array.from({ length: 40 }, () => randomBytes(3000));
    db.run('BEGIN');
    for (const blob of blobs) db.run('INSERT INTO b (data) VALUES (?)', [blob]);
    db.run('COMMIT');
    const pages = Number(db.exec('PRAGMA page_count')[0].values[0][0]);
    assert.ok(pages * 16384 > image.length * 4, 'the file grew well past the image it started from');
    // Every blob SQLite wrote is in the reservation: MEMFS did not move the file to an array of its own.
    const written = Buffer.from(reservation.buffer, reservation.byteOffset, pages * 16384);
    assert.deepEqual(written.subarray(0, 16), SQLITE_MAGIC);
    for (const blob of blobs) assert.ok(written.includes(blob), 'a row written after the open is in the reservation');
    const exported = db.export();
    assert.equal(exported.length, pages * 16384, 'the file is as long as its pages, not as its room');
    db.close();
    const reopened = new SQL.Database(exported);
    assert.equal(reopened.exec('PRAGMA integrity_check')[0].values[0][0], 'ok');
    assert.equal(reopened.exec('SELECT COUNT(*) FROM b')[0].values[0][0], blobs.length);
    reopened.close();
  });

  it('a file outgrowing its room goes on growing, and reads back whole', async () => {
    const SQL = await loadSqlJs();
    const image = await emptyImage();
    const db = new SQL.Database(withRoomToGrow(image, image.length + 16384).bytes);
    const blobs = Array.from({ length: 30 }, () => randomBytes(5000));
    for (const blob of blobs) db.run('INSERT INTO b (data) VALUES (?)', [blob]);
    const exported = Buffer.from(db.export());
    db.close();
    for (const blob of blobs) assert.ok(exported.includes(blob));
    const reopened = new SQL.Database(exported);
    assert.equal(reopened.exec('PRAGMA integrity_check')[0].values[0][0], 'ok');
    reopened.close();
  });

  it('a new snapshot made with room saves, and its records read back equal', async () => {
    const db = await SnapshotDb.create(4 * 1024 * 1024);
    const contacts = someContacts(300, 'Name');
    db.insert('contacts', contacts);
    const { image } = db.finish(META);
    db.close();
    await assertReadsBack(image, contacts);
  });
});
