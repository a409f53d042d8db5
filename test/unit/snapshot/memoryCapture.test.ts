import assert from 'node:assert/strict';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { readLiveAccount, readLiveForRestore } from '../../../src/core/restore/liveRead';
import { captureSnapshot } from '../../../src/core/snapshot/capture';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { closeTestAccounts, startTestAccount, type TestAccount } from '../support/emulator';
import { everyRecord, tempDir } from '../support/snapshots';

async function account(size: number): Promise<TestAccount> {
  const store = new EmulatorStore();
  generateAccount(store, { seed: 34, size });
  return startTestAccount({ store });
}

/**
 * This process's open working files that no longer have a name (Linux: /proc/self/fd), with where
 * they were; not those in `before` (a snapshot an earlier test left open keeps its own).
 */
function workingFilesOpen(before: ReadonlySet<string> = new Set()): Array<{ link: string; was: string }> {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    const link = `/proc/self/fd/${fd}`;
    try {
      const was = readlinkSync(link);
      return /\.keap-vault-working-.* \(deleted\)$/.test(was) && !before.has(was) ? [{ link, was }] : [];
    } catch {
      return [];
    }
  });
}

/** Every file under a folder, recursively (a journal is a folder of files). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

describe('A live read, into memory', function () {
  this.timeout(60_000);
  after(closeTestAccounts);
  const tmpBefore = process.env.TMPDIR;
  afterEach(() => {
    if (tmpBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpBefore;
  });

  it('holds every record a capture to a file holds, with its hash, and leaves nothing readable on disk while it reads', async () => {
    const { client } = await account(600);
    const written = tempDir();
    const file = path.join(written, 'captured.kvsnap');
    const openBefore = new Set(process.platform === 'linux' ? workingFilesOpen().map((w) => w.was) : []);
    const beside = new Set<string>();
    await captureSnapshot({
      client,
      out: file,
      pageSize: 100,
      onProgress: () => workingFilesOpen(openBefore).forEach((w) => beside.add(path.dirname(w.was))),
    });
    // A capture's working file sits beside the snapshot it builds.
    if (process.platform === 'linux') assert.deepEqual([...beside], [written]);
    const onDisk = await SnapshotDb.open(file);

    // The temp folder and this process's state and data folders are where a read would leave
    // pages (a journal) or a snapshot file: watched at every page of the read.
    process.env.TMPDIR = tempDir('kv-live-tmp-');
    const watched = [process.env.TMPDIR, process.env.KEAP_VAULT_STATE_DIR!, process.env.KEAP_VAULT_DATA_DIR!];
    const before = watched.flatMap(filesUnder);
    let pages = 0;
    const requestsBefore = client.transport.requestCount;
    const { db } = await readLiveAccount(client, {
      onProgress: () => {
        pages++;
        assert.deepEqual(watched.flatMap(filesUnder), before, 'a file appeared while the account was read');
      },
    });
    const requests = client.transport.requestCount - requestsBefore;
    assert.ok(pages > 10, `read in ${pages} pages`);
    assert.deepEqual(watched.flatMap(filesUnder), before);
    if (process.platform === 'linux') {
      // The database is in a working file without a name, encrypted: no SQLite header, no email in clear.
      const working = workingFilesOpen(openBefore);
      assert.equal(working.length, 1, 'one working file, already removed from its folder');
      // In the state folder (a disk), not the temporary one, which may be memory.
      assert.equal(path.dirname(working[0]!.was), path.join(process.env.KEAP_VAULT_STATE_DIR!, 'working'));
      const bytes = readFileSync(working[0]!.link);
      assert.ok(bytes.length > 100_000, `${bytes.length} bytes`);
      assert.notEqual(bytes.subarray(0, 15).toString('latin1'), 'SQLite format 3');
      const email = String(db.all<{ email: string }>("SELECT email FROM contacts WHERE email LIKE '%@%' LIMIT 1")[0]?.email);
      assert.ok(onDisk.file && readFileSync(onDisk.file).includes(email), `${email} is in clear in an unencrypted snapshot file`);
      assert.ok(!bytes.includes(email), `${email} is not in the working file`);
    }

    assert.deepEqual(everyRecord(db), everyRecord(onDisk));
    assert.deepEqual(db.counts(), onDisk.counts());
    assert.equal(db.contentChecksum(), onDisk.contentChecksum());
    const meta = db.meta();
    assert.match(meta.checksum, /^[0-9a-f]{64}$/);
    assert.equal(meta.account, client.transport.account);
    assert.equal(meta.requests, requests);
    // Indexed as a saved snapshot is: a look-up by a column reads through its index.
    const plan = db.all<{ detail: string }>('EXPLAIN QUERY PLAN SELECT id FROM orders_rows WHERE contact_id = ?', ['1']);
    assert.match(plan.map((r) => r.detail).join(' '), /USING (COVERING )?INDEX orders_rows_contact_id/);
    db.close();
    onDisk.close();
  });

  it('reads only the entities a restore touches, as before', async () => {
    const { client } = await account(120);
    const { db } = await readLiveForRestore(client, { entities: ['contacts', 'tags'] });
    const counts = db.counts();
    assert.ok(counts.contacts > 0 && counts.tags > 0);
    assert.equal(counts.orders, 0);
    assert.equal(counts.payments, 0);
    db.close();
  });

  it('stops when cancelled, with the reason, and leaves nothing open behind it', async () => {
    const { client } = await account(600);
    const controller = new AbortController();
    let pages = 0;
    await assert.rejects(
      readLiveAccount(client, {
        signal: controller.signal,
        onProgress: (p) => {
          if (!p.done && ++pages === 5) controller.abort(new Error('cancelled by the user'));
        },
      }),
      /cancelled by the user/,
    );
    // The same client reads the whole account afterwards: nothing of the cancelled read is in the way.
    const { db } = await readLiveAccount(client);
    assert.ok(db.count('contacts') > 0);
    db.close();
  });
});
