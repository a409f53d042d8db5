import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { placeCipher, WorkingFile } from '../../../src/core/snapshot/workingFile';
import { TEST_META, tempDir } from '../support/snapshots';

const META = { ...TEST_META, requests: 1 };

function someContacts(count: number, name: string, from = 1): Array<{ id: number; given_name: string; notes: string }> {
  return Array.from({ length: count }, (_, i) => ({ id: from + i, given_name: `${name} ${i}`, notes: randomBytes(200).toString('hex') }));
}

/** The working file's first `bytes` bytes, decrypted, and their SHA-256. */
function decrypted(working: WorkingFile, bytes: number): { plain: Buffer; sha256: string } {
  const raw = Buffer.alloc(bytes);
  readSync(working.handle.fd, raw, 0, bytes, 0);
  const plain = placeCipher(working.handle).apply(raw, 0);
  return { plain, sha256: createHash('sha256').update(plain).digest('hex') };
}

describe("A database built in a working file (a capture's and a live read's)", () => {
  it('has no name in its folder while open (Linux, macOS), and its bytes are not SQLite in clear', async () => {
    const dir = tempDir();
    const working = WorkingFile.create(dir);
    try {
      const db = await SnapshotDb.createIn(working.handle);
      const contacts = someContacts(200, 'Zelda');
      db.insert('contacts', contacts);
      const { bytes } = db.finishInFile(META);
      if (process.platform !== 'win32') assert.deepEqual(readdirSync(dir), [], 'removed from its folder as soon as it was made');
      const raw = Buffer.alloc(bytes);
      readSync(working.handle.fd, raw, 0, bytes, 0);
      assert.notEqual(raw.subarray(0, 15).toString('latin1'), 'SQLite format 3');
      assert.ok(!raw.includes('Zelda 17'), 'a name is not in the file in clear');
      assert.equal(decrypted(working, bytes).plain.subarray(0, 15).toString('latin1'), 'SQLite format 3');
    } finally {
      working.close();
    }
    assert.deepEqual(readdirSync(dir), [], 'nothing left once closed');
  });

  it("removes what a crashed process left in the folder (Windows keeps a working file's name), not what a live one has", () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid; // a process that has exited
    const left = {
      gone: `.keap-vault-working-${gone}-a1b2c3`,
      live: `.keap-vault-working-${process.ppid}-d4e5f6`,
      mine: `.keap-vault-working-${process.pid}-0a0b0c`,
      other: 'customers.kvsnap',
    };
    for (const name of Object.values(left)) writeFileSync(path.join(dir, name), 'encrypted pages');
    const working = WorkingFile.create(dir);
    try {
      assert.deepEqual(readdirSync(dir).sort(), [left.live, left.mine, left.other].sort());
    } finally {
      working.close();
    }
  });

  it('after a rolled-back page, holds exactly what was committed, and reads back whole from the file', async () => {
    const working = WorkingFile.create(tempDir());
    let closed = false;
    const db = await SnapshotDb.createIn(working.handle);
    const kept = someContacts(300, 'Kept');
    db.insert('contacts', kept);
    // A page with one JSON text missing fails inside its transaction, after the others' blocks were
    // written past the file's end (a page cache this small spills them to the file before COMMIT,
    // as a large page does at the real size): the rollback cuts the file short again.
    db.db.run('PRAGMA cache_size = 4');
    const lost = someContacts(3000, 'Lost', 1000);
    assert.throws(() =>
      db.insert(
        'contacts',
        lost,
        lost.slice(1).map((c) => JSON.stringify(c)),
      ),
    );
    db.insert('contacts', someContacts(20, 'After', 2000));
    const { bytes } = db.finishInFile(META);
    const { sha256 } = decrypted(working, bytes);
    const reopened = await SnapshotDb.fromWorkingFile(working.handle, bytes, sha256, 'the working file', () => {
      closed = true;
      working.close();
    });
    try {
      assert.equal(reopened.db.exec('PRAGMA integrity_check')[0].values[0][0], 'ok');
      const names = reopened.all<{ json: string }>('SELECT json FROM contacts ORDER BY rowid').map((r) => JSON.parse(r.json).given_name);
      assert.deepEqual(names, [...kept.map((c) => c.given_name), ...someContacts(20, 'After').map((c) => c.given_name)]);
      assert.equal(reopened.meta().checksum, sha256);
    } finally {
      reopened.close();
    }
    await new Promise(setImmediate); // released once its checksum's reading (none here) has stopped
    assert.ok(closed, 'closing the snapshot closes its working file');
  });
});
