import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { captureSnapshot, type CaptureProgress } from '../../../src/core/snapshot/capture';
import { CAPTURED_ENTITIES, SNAPSHOT_ENTITIES, type SnapshotEntity } from '../../../src/core/snapshot/entities';
import { CaptureJournal } from '../../../src/core/snapshot/journal';
import { SnapshotCorruptError } from '../../../src/core/snapshot/errors';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { applyDisaster } from '../../../src/emulator/disasters';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { closeTestAccounts, startTestAccount, type TestAccount } from '../support/emulator';
import { tempDir } from '../support/snapshots';

/** Every record of every table, as sorted (id, json) pairs: equal content regardless of row order. */
function content(db: SnapshotDb): Record<string, string[]> {
  return Object.fromEntries(SNAPSHOT_ENTITIES.map((e) => [e, [...db.rows(e)].map((r) => `${r.id}\u0000${r.json}`).sort()]));
}

async function account(size: number, seed = 21): Promise<TestAccount> {
  const store = new EmulatorStore();
  generateAccount(store, { seed, size });
  return startTestAccount({ store });
}

/** A capture the user cancels once 12 pages are in: the journal holds them, no snapshot is written. */
async function cancelledAfter12Pages(options: Parameters<typeof captureSnapshot>[0]): Promise<void> {
  const controller = new AbortController();
  let pagesSeen = 0;
  await assert.rejects(
    captureSnapshot({
      ...options,
      signal: controller.signal,
      onProgress: (p) => {
        if (!p.done && ++pagesSeen === 12) controller.abort(new Error('cancelled by the user'));
      },
    }),
    /cancelled by the user/,
  );
}

describe('Capture: live account -> snapshot', function () {
  this.timeout(60_000);
  after(closeTestAccounts);

  it('reads every entity with ceil(N/1000) requests each (+4 custom-field models), tags with contacts, items with orders', async () => {
    const { client, store } = await account(1500);
    const out = path.join(tempDir(), 'full.kvsnap');
    const progress: CaptureProgress[] = [];
    const result = await captureSnapshot({ client, out, onProgress: (p) => progress.push(p) });
    const db = await SnapshotDb.open(out);
    const counts = db.counts();
    assert.equal(counts.contacts, store.contacts.size);
    assert.equal(counts.orders, store.orders.size);
    assert.equal(
      counts.order_items,
      [...store.orders.values()].reduce((n, o) => n + o.items.length, 0),
    );
    assert.equal(counts.payments, store.payments.size);
    assert.equal(counts.transactions, store.payments.size);
    assert.equal(
      counts.contact_tags,
      [...store.contactTags.values()].reduce((n, m) => n + m.size, 0),
    );
    assert.equal(counts.subscription_plans, store.plans.size);
    const pages = (n: number) => Math.max(1, Math.ceil(n / 1000));
    const expected =
      pages(store.contacts.size) +
      pages(store.companies.size) +
      pages(store.products.size) +
      pages(store.orders.size) +
      2 * pages(store.payments.size) +
      pages(store.subscriptions.size) +
      pages(store.tags.size) +
      pages(store.campaigns.size) +
      pages(store.notes.size) +
      4;
    assert.equal(result.requests, expected);
    assert.equal(result.meta.requests, expected);
    assert.equal(db.meta().account, 'emulator.keap-vault.local');
    assert.ok(progress.some((p) => p.entity === 'orders' && p.done && p.records === store.orders.size));
    assert.ok(!existsSync(CaptureJournal.dirFor(out)), 'the journal is gone once the snapshot is written');
    db.close();
  });

  it('a cancelled capture resumes where it stopped and ends with the same snapshot, without re-reading finished pages', async () => {
    const { client } = await account(400);
    const dir = tempDir();
    const straight = path.join(dir, 'straight.kvsnap');
    const straightResult = await captureSnapshot({ client, out: straight, pageSize: 50 });

    const out = path.join(dir, 'resumed.kvsnap');
    await cancelledAfter12Pages({ client, out, pageSize: 50 });
    assert.ok(!existsSync(out), 'no snapshot file from a cancelled capture');
    const journal = (await CaptureJournal.find(CaptureJournal.dirFor(out)))!;
    const readBefore = Object.values(journal.state.tasks).reduce((n, t) => n + t.pages, 0);
    assert.ok(readBefore >= 12);

    // Simulate a crash after a page was written but before its cursor was recorded.
    await fs.appendFile(journal.file('contacts'), '{"id":"999999","given_name":"half-written"}\n');

    const resumed = await captureSnapshot({ client, out, pageSize: 50 });
    assert.equal(resumed.resumed, true);
    assert.ok(resumed.requests <= straightResult.requests - readBefore + 9, `resumed run made ${resumed.requests} requests`);
    const a = await SnapshotDb.open(straight);
    const b = await SnapshotDb.open(out);
    assert.deepEqual(content(b), content(a));
    assert.equal(b.contentChecksum(), a.contentChecksum());
    a.close();
    b.close();
  });

  it("an encrypted capture's journal holds no record in clear, and resumes only with the same key", async () => {
    const { client, store } = await account(400, 44);
    const dir = tempDir();
    const straight = path.join(dir, 'straight.kvsnap');
    await captureSnapshot({ client, out: straight, pageSize: 50 });
    const out = path.join(dir, 'secret.kvsnap');
    await cancelledAfter12Pages({ client, out, key: 's3cret', pageSize: 50 });
    const journalDir = CaptureJournal.dirFor(out);
    const written = Buffer.concat(await Promise.all((await fs.readdir(journalDir)).map((f) => fs.readFile(path.join(journalDir, f)))));
    const emails = [...store.contacts.values()].flatMap((c) => (c.email_addresses ?? []).map((e) => e.email)).slice(0, 50);
    assert.ok(emails.length > 10);
    for (const email of emails) assert.ok(!written.includes(email), `${email} is not in the journal in clear`);
    assert.ok(written.length > 20_000, 'pages were journaled');

    await assert.rejects(
      captureSnapshot({ client, out, key: 'not the key', pageSize: 50 }),
      /journaled with another encryption key.*--restart/,
    );
    const resumed = await captureSnapshot({ client, out, key: 's3cret', pageSize: 50 });
    assert.equal(resumed.resumed, true);
    const a = await SnapshotDb.open(straight);
    const b = await SnapshotDb.open(out, { key: 's3cret' });
    assert.deepEqual(content(b), content(a));
    a.close();
    b.close();
  });

  it('a damaged encrypted journal is refused with a typed error naming its file and the way out (--restart), which then captures whole', async () => {
    const { client, store } = await account(400, 45);
    const out = path.join(tempDir(), 'damaged.kvsnap');
    await cancelledAfter12Pages({ client, out, key: 's3cret', pageSize: 50 });
    const journal = (await CaptureJournal.find(CaptureJournal.dirFor(out)))!;
    const [task] = Object.entries(journal.state.tasks).sort(([, a], [, b]) => b.bytes - a.bytes)[0];
    const file = journal.file(task);
    const bytes = await fs.readFile(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x20; // one bit inside a sealed page
    await fs.writeFile(file, bytes);

    await assert.rejects(captureSnapshot({ client, out, key: 's3cret', pageSize: 50 }), (err: unknown) => {
      assert.ok(err instanceof SnapshotCorruptError, String(err));
      assert.equal(err.file, file);
      assert.match(err.message, /journal .* is damaged.*--restart/);
      return true;
    });
    assert.ok(!existsSync(out), 'no snapshot is written from a damaged journal');
    const restarted = await captureSnapshot({ client, out, key: 's3cret', pageSize: 50, restart: true });
    assert.equal(restarted.resumed, false);
    assert.equal(restarted.meta.counts.contacts, store.contacts.size);
    assert.equal(restarted.meta.counts.orders, store.orders.size);
  });

  it('incremental capture reads only what changed and, with the deletion check, equals a full capture', async () => {
    const { client, store } = await account(300, 33);
    const dir = tempDir();
    const first = path.join(dir, 'first.kvsnap');
    const base = await captureSnapshot({ client, out: first, pageSize: 50 });

    // Life goes on in the account.
    const lost = applyDisaster(store, { kind: 'delete-contacts', count: 5, seed: 2 });
    applyDisaster(store, { kind: 'corrupt-orders', count: 3, seed: 3 });
    const fresh = await client.contacts.create({ given_name: 'New', email_addresses: [{ email: 'new@example.test' }] });

    const baseDb = await SnapshotDb.open(first);
    const quick = await captureSnapshot({
      client,
      out: path.join(dir, 'quick.kvsnap'),
      since: { db: baseDb, meta: baseDb.meta() },
      overlapMs: 0,
      pageSize: 50,
    });
    assert.ok(quick.requests * 2 < base.requests, `an incremental read costs ${quick.requests} requests, the full one ${base.requests}`);
    const quickDb = await SnapshotDb.open(quick.file);
    assert.equal(quickDb.meta().incrementalFrom, base.meta.snapshotId);
    assert.equal(quickDb.meta().deletionsChecked, false);
    assert.ok(quickDb.scalar('SELECT COUNT(*) FROM contacts WHERE id = ?', [fresh.id]) === 1, 'the new contact is in');
    assert.equal(quickDb.count('contacts'), baseDb.count('contacts') + 1, 'without the check, deletions are not seen');

    const checked = await captureSnapshot({
      client,
      out: path.join(dir, 'checked.kvsnap'),
      since: { db: baseDb, meta: baseDb.meta() },
      checkDeletions: true,
      overlapMs: 0,
    });
    assert.equal(checked.deleted?.contacts, lost.affected.contacts.length);
    assert.equal(checked.deleted?.orders, lost.affected.orders?.length ?? 0);
    const full = await captureSnapshot({ client, out: path.join(dir, 'full.kvsnap') });
    const checkedDb = await SnapshotDb.open(checked.file);
    const fullDb = await SnapshotDb.open(full.file);
    assert.deepEqual(content(checkedDb), content(fullDb));
    for (const db of [baseDb, quickDb, checkedDb, fullDb]) db.close();
  });

  it('warns when an entity shrank beyond the threshold since the previous snapshot', async () => {
    const { client, store } = await account(200, 44);
    const dir = tempDir();
    const before = await captureSnapshot({ client, out: path.join(dir, 'before.kvsnap') });
    applyDisaster(store, { kind: 'delete-paid-orders', fraction: 0.5, seed: 1 });
    const after = await captureSnapshot({ client, out: path.join(dir, 'after.kvsnap'), previous: before.meta });
    const orders = after.anomalies.find((a) => a.entity === 'orders')!;
    assert.ok(orders, 'orders anomaly reported');
    assert.match(orders.message, /^orders: \d[\d,]* -> \d[\d,]* \(-\d+%\)$/);
    assert.ok(!after.anomalies.some((a) => a.entity === 'contacts'));
  });

  it('writes an encrypted snapshot when given a key', async () => {
    const { client } = await account(20, 55);
    const out = path.join(tempDir(), 'secret.kvsnap');
    await captureSnapshot({ client, out, key: 's3cret' });
    await assert.rejects(SnapshotDb.open(out), /encrypted/);
    const db = await SnapshotDb.open(out, { key: 's3cret' });
    assert.ok(db.count('orders') > 0);
    db.close();
  });

  it('counts every captured entity in the metadata', async () => {
    const { client } = await account(30, 66);
    const result = await captureSnapshot({ client, out: path.join(tempDir(), 'm.kvsnap') });
    for (const entity of [...CAPTURED_ENTITIES, 'order_items'] as SnapshotEntity[])
      assert.equal(typeof result.meta.counts[entity], 'number', entity);
  });
});
