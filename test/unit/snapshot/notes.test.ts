/**
 * Keap's notes, the entity added as one module (src/core/entities/notes.ts): captured, captured
 * again incrementally, labelled for the explorer, checked for duplicate ids, and absent from
 * snapshots written before notes existed without those snapshots breaking.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { entityModule, EXPLORER_ENTITIES } from '../../../src/core/entities';
import { captureSnapshot } from '../../../src/core/snapshot/capture';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { validateSnapshot } from '../../../src/core/validate/engine';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { recordLabel } from '../../../src/extension/explorer/recordLabels';
import { closeTestAccounts, startTestAccount } from '../support/emulator';
import { tempDir } from '../support/snapshots';

async function account(size: number, seed: number) {
  const store = new EmulatorStore();
  generateAccount(store, { seed, size });
  return startTestAccount({ store });
}

describe("Keap's notes", function () {
  this.timeout(60_000);
  after(closeTestAccounts);

  it('a snapshot holds every note as Keap lists it, indexed by contact', async () => {
    const { client, store } = await account(120, 81);
    assert.ok(store.notes.size > 20, 'the generated account has notes');
    const out = path.join(tempDir(), 'notes.kvsnap');
    await captureSnapshot({ client, out });
    const db = await SnapshotDb.open(out);
    assert.equal(db.count('notes'), store.notes.size);
    assert.equal(db.meta().counts.notes, store.notes.size);
    const note = [...store.notes.values()][0];
    const row = db.all<{ contact_id: string; json: string }>('SELECT contact_id, json FROM notes WHERE id = ?', [String(note.id)])[0];
    assert.equal(row.contact_id, String(note.contact_id));
    assert.equal(JSON.parse(row.json).title, note.title);
    assert.equal(JSON.parse(row.json).text, note.text, 'the text is kept exactly, line breaks and markup included');
    db.close();
  });

  it('an incremental capture picks up a note changed since (since_time filter) and keeps the others', async () => {
    const { client, store } = await account(120, 82);
    const dir = tempDir();
    const first = path.join(dir, 'first.kvsnap');
    await captureSnapshot({ client, out: first });
    const base = await SnapshotDb.open(first);
    const note = [...store.notes.values()][3];
    note.text = 'Called back: <b>wants the invoice</b> re-sent';
    note.update_time = new Date(Date.now() + 60_000).toISOString();
    const second = path.join(dir, 'second.kvsnap');
    await captureSnapshot({ client, out: second, since: { db: base, meta: base.meta() } });
    const db = await SnapshotDb.open(second);
    assert.equal(db.count('notes'), store.notes.size);
    const text = JSON.parse(String(db.scalar('SELECT json FROM notes WHERE id = ?', [String(note.id)]))).text;
    assert.equal(text, note.text);
    base.close();
    db.close();
  });

  it('a snapshot written before notes existed opens, verifies and has an empty notes table', async () => {
    const db = await SnapshotDb.create();
    db.insert('contacts', [{ id: 1, given_name: 'Ada', email_addresses: [{ email: 'ada@example.test', field: 'EMAIL1' }] }]);
    db.db.run('DROP VIEW notes');
    db.db.run('DROP TABLE notes_rows'); // as a file of an earlier version has it
    const file = path.join(tempDir(), 'before-notes.kvsnap');
    const meta = {
      snapshotId: 'before-notes',
      account: 'a.example',
      apiBaseUrl: 'https://api.example',
      startedAt: '2026-11-01T00:00:00Z',
      finishedAt: '2026-11-01T00:01:00Z',
    };
    await db.save(file, meta);
    db.close();
    const opened = await SnapshotDb.open(file); // throws if the checksum did not verify
    assert.equal(opened.count('notes'), 0);
    assert.equal(opened.count('contacts'), 1);
    opened.close();
  });

  it('the explorer lists notes after contacts and labels one by its title, as text', () => {
    assert.ok(EXPLORER_ENTITIES.indexOf('notes') === EXPLORER_ENTITIES.indexOf('contacts') + 1);
    const label = recordLabel('notes', {
      id: '7',
      title: '<img src=x onerror=alert(1)>',
      type: 'Call',
      create_time: '2026-11-02T10:00:00Z',
      contact_id: '3',
    });
    assert.deepEqual(label, { label: '<img src=x onerror=alert(1)>', description: 'Call 2026-11-02 contact 3' });
    assert.equal(recordLabel('notes', { id: '8', text: 'First line\nsecond line' }).label, 'First line');
    assert.equal(entityModule('notes').live !== undefined, true, 'notes can be paged live');
  });

  it('entity/duplicate-id checks notes too', async () => {
    const db = await SnapshotDb.create();
    db.insert('notes', [
      { id: '5', title: 'a', contact_id: '1' },
      { id: '5', title: 'b', contact_id: '2' },
    ]);
    const report = validateSnapshot(db, { only: ['entity/duplicate-id'] });
    assert.deepEqual(
      report.findings.map((f) => `${f.entity}/${f.recordId}`),
      ['notes/5'],
    );
    db.close();
  });
});
