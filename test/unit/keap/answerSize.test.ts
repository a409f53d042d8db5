/**
 * A hostile or broken Keap answer must not take the process's memory: one past the limit is cut off
 * as it streams in and refused with an error naming the request, and a big field inside the limit
 * is kept exactly.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { KeapProtocolError } from '../../../src/core/keap/errors';
import { captureSnapshot } from '../../../src/core/snapshot/capture';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { EmulatorStore } from '../../../src/emulator/store';
import { addContacts, closeTestAccounts, collect, startTestAccount } from '../support/emulator';
import { tempDir } from '../support/snapshots';

describe("Keap's answers: size", function () {
  this.timeout(60_000);
  after(closeTestAccounts);

  it('a page larger than the limit is refused after one request, with the request and the limit in the error', async () => {
    const store = new EmulatorStore();
    addContacts(store, 1000);
    const { client } = await startTestAccount({ store }, { maxAnswerBytes: 64 * 1024 });
    await assert.rejects(
      collect(client.contacts.list({ pageSize: 1000 })),
      (err: unknown) =>
        err instanceof KeapProtocolError &&
        /^GET \/v2\/contacts: Keap's answer was larger than 64 KiB, the most Keap Vault reads at once; it was refused part way/.test(
          err.message,
        ),
    );
    assert.equal(client.transport.requestCount, 1, 'not asked again: the same page would come back');
    // Smaller pages fit under the same limit.
    assert.equal((await collect(client.contacts.list({ pageSize: 50 }))).length, 1000);
  });

  it('a 10 MB text field is captured once and reads back exactly as Keap sent it', async () => {
    const store = new EmulatorStore();
    addContacts(store, 20);
    const huge = 'Ünïcode <b>text</b> '.repeat(512 * 1024); // 10 MiB of characters, more as UTF-8
    const { id } = store.createContact({ given_name: huge, email_addresses: [{ email: 'huge@example.test' }] }).record;
    const { client } = await startTestAccount({ store });
    const out = path.join(tempDir(), 'huge-field.kvsnap');
    await captureSnapshot({ client, out });
    const db = await SnapshotDb.open(out);
    try {
      const row = [...db.rows('contacts')].find((r) => r.id === String(id));
      assert.ok(row, 'the contact is in the snapshot');
      assert.equal((JSON.parse(row.json) as { given_name: string }).given_name, huge);
    } finally {
      db.close();
    }
  });
});
