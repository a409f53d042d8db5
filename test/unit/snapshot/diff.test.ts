import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { registerDiffCommand, type DiffCommandOptions } from '../../../src/cli/commands/diff';
import { runCli } from '../../../src/cli/main';
import { FindingsFound, UsageError, type Io } from '../../../src/cli/output';
import { readLiveAccount } from '../../../src/core/restore/liveRead';
import {
  compareIds,
  compareIdsNaturally,
  diffSnapshots,
  VOLATILE_FIELDS,
  type EntityDiff,
  type SnapshotDiff,
} from '../../../src/core/snapshot/diff';
import { SNAPSHOT_ENTITIES, type SnapshotEntity } from '../../../src/core/snapshot/entities';
import { readIdMap } from '../../../src/core/snapshot/ledgerIdMap';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { applyDisaster } from '../../../src/emulator/disasters';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { accountWithSnapshot, apply, makePlan } from '../restore/support';
import { captureIo as captureCliIo } from '../support/cliIo';
import { closeTestAccounts, startTestAccount } from '../support/emulator';
import { snapshotFromStore, tempDir, TEST_META } from '../support/snapshots';

function generated(seed: number, size = 40): EmulatorStore {
  const store = new EmulatorStore();
  generateAccount(store, { seed, size });
  return store;
}

function copyOf(store: EmulatorStore): EmulatorStore {
  const copy = EmulatorStore.fromState(JSON.parse(JSON.stringify(store.toState())));
  copy.clock = () => new Date('2026-11-02T09:00:00.000Z');
  return copy;
}

const entityOf = (diff: SnapshotDiff, entity: SnapshotEntity): EntityDiff => diff.entities.find((d) => d.entity === entity)!;
const sorted = (ids: Iterable<string>) => [...ids].sort(compareIdsNaturally);

function assertConsistent(diff: SnapshotDiff): void {
  for (const d of diff.entities) {
    assert.equal(d.before, d.removed.length + d.changedCount + d.unchanged + d.restored.length, `${d.entity}: before`);
    assert.equal(d.after, d.added.length + d.changedCount + d.unchanged + d.restored.length + d.markerFields.length, `${d.entity}: after`);
  }
}

describe('Snapshot diff', () => {
  const open: SnapshotDb[] = [];
  const track = (db: SnapshotDb) => (open.push(db), db);
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  it('finds nothing between identical snapshots, and counts every row as unchanged', async () => {
    const store = generated(11);
    const a = track(await snapshotFromStore(store));
    const b = track(await snapshotFromStore(store));
    const diff = diffSnapshots(a, b);
    assert.deepEqual(
      diff.entities.map((d) => d.entity),
      SNAPSHOT_ENTITIES,
    );
    assert.deepEqual(diff.totals, { added: 0, removed: 0, changed: 0 });
    for (const d of diff.entities) {
      assert.equal(d.unchanged, a.count(d.entity), d.entity);
      assert.equal(d.before, d.after);
    }
    assert.ok(entityOf(diff, 'order_items').unchanged > 0 && entityOf(diff, 'contact_tags').unchanged > 0);
  });

  it('after delete-contacts: exactly the contacts and what went with them are removed, nothing else differs', async () => {
    const store = generated(12, 60);
    const contacts = [...store.contacts.values()];
    // Pick victims that exercise every cascade: paid orders, a subscription, tags.
    const paid = contacts.find((c) => store.ordersOf(c.id).some((o) => store.paymentsOf(o.id).length > 0))!;
    const subscribed = contacts.find((c) => [...store.subscriptions.values()].some((s) => s.contact_id === c.id) && c !== paid)!;
    const tagged = contacts.find((c) => store.tagIdsOf(c.id).length > 0 && c !== paid && c !== subscribed)!;
    const victims = [paid, subscribed, tagged].map((c) => c.id);

    const expected: Partial<Record<SnapshotEntity, string[]>> = {
      contacts: [],
      orders: [],
      order_items: [],
      payments: [],
      transactions: [],
      subscriptions: [],
      contact_tags: [],
    };
    for (const id of victims) {
      expected.contacts!.push(String(id));
      for (const tagId of store.tagIdsOf(id)) expected.contact_tags!.push(`${id}:${tagId}`);
      for (const s of store.subscriptions.values()) if (s.contact_id === id) expected.subscriptions!.push(String(s.id));
      for (const o of store.ordersOf(id)) {
        expected.orders!.push(String(o.id));
        for (const i of o.items) expected.order_items!.push(String(i.id));
        for (const p of store.paymentsOf(o.id)) {
          expected.payments!.push(String(p.id));
          expected.transactions!.push(`${p.id}@${p.pay_time}`);
        }
      }
    }
    const changed = copyOf(store);
    const report = applyDisaster(changed, { kind: 'delete-contacts', ids: victims.map(String) });
    for (const entity of Object.keys(expected) as SnapshotEntity[]) assert.ok(expected[entity]!.length > 0, `fixture covers ${entity}`);

    const diff = diffSnapshots(track(await snapshotFromStore(store)), track(await snapshotFromStore(changed)));
    assertConsistent(diff);
    for (const d of diff.entities) {
      assert.deepEqual(d.removed, sorted(expected[d.entity] ?? []), `${d.entity} removed`);
      assert.deepEqual(d.added, [], `${d.entity} added`);
      assert.equal(d.changedCount, 0, `${d.entity} changed`);
    }
    // The disaster's own account of what it took agrees.
    for (const [entity, ids] of Object.entries(report.affected))
      assert.deepEqual(entityOf(diff, entity as SnapshotEntity).removed, sorted(ids), entity);
    assert.equal(
      diff.totals.removed,
      Object.values(expected).reduce((n, ids) => n + ids.length, 0),
    );
  });

  it('after corrupt-orders: the changed orders and items with their exact field paths and values', async () => {
    const store = generated(13, 50);
    const changed = copyOf(store);
    const report = applyDisaster(changed, { kind: 'corrupt-orders', count: 4, seed: 7 });
    const orderIds = report.affected.orders;
    const diff = diffSnapshots(track(await snapshotFromStore(store)), track(await snapshotFromStore(changed)));
    assertConsistent(diff);

    const orders = entityOf(diff, 'orders');
    assert.deepEqual(
      orders.changed.map((r) => r.id),
      sorted(orderIds),
    );
    assert.deepEqual([orders.added, orders.removed], [[], []]);
    const expectedItems: string[] = [];
    for (const record of orders.changed) {
      const before = store.orders.get(Number(record.id))!;
      const after = changed.orders.get(Number(record.id))!;
      const i = after.items.findIndex((item, k) => item.price_cents !== before.items[k].price_cents);
      expectedItems.push(String(after.items[i].id));
      const t0 = store.orderTotals(before);
      const t1 = changed.orderTotals(after);
      const money = (name: string) => [`${name}.amount`, `${name}.formatted_amount`];
      const expectedPaths = [
        'title',
        ...(t0.status !== t1.status ? ['status'] : []),
        ...money('total'),
        ...money('total_due'),
        'modification_time',
        ...money(`order_items[${i}].price_per_unit`),
        ...(t0.due > 0 !== t1.due > 0 ? ['allow_payment'] : []),
      ];
      assert.deepEqual(
        record.changes.map((c) => c.path),
        expectedPaths,
        `order ${record.id}`,
      );
      const byPath = new Map(record.changes.map((c) => [c.path, c]));
      assert.deepEqual(byPath.get('title'), { path: 'title', before: before.title.replace(/ \(corrupted\)$/, ''), after: after.title });
      assert.deepEqual(byPath.get(`order_items[${i}].price_per_unit.amount`)?.after, 2 * before.items[i].price_cents + 1);
      assert.deepEqual(byPath.get(`order_items[${i}].price_per_unit.amount`)?.before, before.items[i].price_cents);
      assert.deepEqual(byPath.get('total.amount'), { path: 'total.amount', before: t0.total, after: t1.total });
    }
    const items = entityOf(diff, 'order_items');
    assert.deepEqual(
      items.changed.map((r) => r.id),
      sorted(expectedItems),
    );
    for (const r of items.changed)
      assert.deepEqual(
        r.changes.map((c) => c.path),
        ['price_per_unit.amount', 'price_per_unit.formatted_amount'],
      );
    assert.equal(diff.totals.changed, orderIds.length * 2);
    for (const d of diff.entities) if (d.entity !== 'orders' && d.entity !== 'order_items') assert.equal(d.changedCount, 0, d.entity);
  });

  it('ignore drops fields at any depth (bare names) or from the root (paths), and a record with only ignored changes is unchanged', async () => {
    const store = generated(14, 40);
    const changed = copyOf(store);
    const report = applyDisaster(changed, { kind: 'corrupt-orders', count: 3 });
    const a = track(await snapshotFromStore(store));
    const b = track(await snapshotFromStore(changed));

    const volatile = diffSnapshots(a, b, { ignore: [...VOLATILE_FIELDS] });
    assert.equal(entityOf(volatile, 'orders').changedCount, report.affected.orders.length);
    for (const r of entityOf(volatile, 'orders').changed) assert.ok(!r.changes.some((c) => c.path === 'modification_time'));

    const quiet = diffSnapshots(a, b, {
      ignore: ['modification_time', 'title', 'total', 'total_due', 'status', 'allow_payment', 'order_items[*].price_per_unit'],
    });
    assert.equal(entityOf(quiet, 'orders').changedCount, 0);
    assert.equal(entityOf(quiet, 'orders').unchanged, a.count('orders'));
    // A rooted path does not reach into the order_items table, whose records have no `order_items`.
    assert.equal(entityOf(quiet, 'order_items').changedCount, report.affected.orders.length);

    const amountsOnly = diffSnapshots(a, b, { ignore: ['formatted_amount'], entities: ['order_items'] });
    assert.deepEqual(
      amountsOnly.entities.map((d) => d.entity),
      ['order_items'],
    );
    for (const r of amountsOnly.entities[0].changed)
      assert.deepEqual(
        r.changes.map((c) => c.path),
        ['price_per_unit.amount'],
      );
    assert.throws(() => diffSnapshots(a, b, { ignore: ['total..amount'] }), /Not a field path/);
  });

  it('maxChangedRecords caps the listed records but not the counts', async () => {
    const store = generated(15, 60);
    const changed = copyOf(store);
    applyDisaster(changed, { kind: 'corrupt-orders', count: 6 });
    const diff = diffSnapshots(track(await snapshotFromStore(store)), track(await snapshotFromStore(changed)), { maxChangedRecords: 2 });
    const orders = entityOf(diff, 'orders');
    assert.equal(orders.changed.length, 2);
    assert.equal(orders.changedCount, 6);
    assert.equal(diff.totals.changed, 12);
    assertConsistent(diff);
  });

  it('reports added records, and names with HTML, quotes and control characters come through as data', async () => {
    const store = generated(16, 30);
    const changed = copyOf(store);
    const odd = `<img src=x onerror="alert('x')"> "Zoë" O'Brien \u001b[31m`;
    const { record } = changed.createContact({
      given_name: odd,
      family_name: '</script>',
      email_addresses: [{ email: 'new@example.com', field: 'EMAIL1' }],
    });
    const edited = [...changed.contacts.values()][0];
    const oldEmail = edited.email_addresses[0].email;
    edited.email_addresses = [{ ...edited.email_addresses[0], email: 'moved"@example.com' }, ...edited.email_addresses.slice(1)];
    const b = track(await snapshotFromStore(changed));
    const diff = diffSnapshots(track(await snapshotFromStore(store)), b);
    const contacts = entityOf(diff, 'contacts');
    assert.deepEqual(contacts.added, [String(record.id)]);
    assert.deepEqual(contacts.changed, [
      { id: String(edited.id), changes: [{ path: 'email_addresses[0].email', before: oldEmail, after: 'moved"@example.com' }] },
    ]);
    assert.equal(
      (JSON.parse(String(b.scalar('SELECT json FROM contacts WHERE id = ?', [String(record.id)]))) as { given_name: string }).given_name,
      odd,
    );
  });

  it('merges in SQLite order, so ids outside ASCII and duplicate ids are paired correctly', async () => {
    const a = track(await SnapshotDb.create());
    const b = track(await SnapshotDb.create());
    const ids = ['10', '9', 'a', '\uE000', '\u{1F600}', 'é', 'Z'];
    const rows = (db: SnapshotDb, list: string[]) =>
      db.insert(
        'tags',
        list.map((id, i) => ({ id, n: i })),
      );
    rows(a, [...ids, '9']);
    rows(b, [...ids].reverse());
    const ordered = a.all<{ id: string }>('SELECT DISTINCT id FROM tags ORDER BY id').map((r) => r.id);
    assert.deepEqual([...ids].sort(compareIds), ordered);
    const d = diffSnapshots(a, b, { entities: ['tags'] }).entities[0];
    assert.deepEqual(d.added, []);
    assert.deepEqual(d.removed, ['9'], 'the second row with id 9 has no partner');
    assert.equal(d.before, 8);
    assert.equal(d.after, 7);
    assert.equal(d.changedCount + d.unchanged, 7);
    assert.deepEqual(['178:2', '10', '32:4', '9', '155@b', '99@a', '32:10'].sort(compareIdsNaturally), [
      '9',
      '10',
      '32:4',
      '32:10',
      '99@a',
      '155@b',
      '178:2',
    ]);
  });
});

describe('keap-vault diff', () => {
  const savedKey = process.env.KEAP_VAULT_SNAPSHOT_KEY;
  afterEach(() => {
    if (savedKey === undefined) delete process.env.KEAP_VAULT_SNAPSHOT_KEY;
    else process.env.KEAP_VAULT_SNAPSHOT_KEY = savedKey;
  });

  function captureIo(): Io & { stdout: string[] } {
    const stdout: string[] = [];
    return { stdout, out: (t) => void stdout.push(t), err: () => undefined };
  }

  /** What the command printed; differences end it with FindingsFound (exit 1), after printing. */
  async function run(args: string[], options?: DiffCommandOptions): Promise<string> {
    const io = captureIo();
    const program = new Command().exitOverride();
    registerDiffCommand(program, io, options);
    try {
      await program.parseAsync(['diff', ...args], { from: 'user' });
    } catch (err) {
      if (!(err instanceof FindingsFound)) throw err;
    }
    return io.stdout.join('\n');
  }

  let fileA = '';
  let fileB = '';
  let after: EmulatorStore;
  let removedOrders = 0;
  let corrupted = 0;
  let ordersBefore = 0;

  before(async () => {
    const dir = tempDir();
    const store = generated(17, 60);
    after = copyOf(store);
    const lost = applyDisaster(after, { kind: 'delete-contacts', count: 3, seed: 3 });
    const damaged = applyDisaster(after, { kind: 'corrupt-orders', count: 3, seed: 4 });
    removedOrders = lost.affected.orders?.length ?? 0;
    corrupted = damaged.affected.orders.length;
    ordersBefore = store.orders.size;
    // A name that would recolour the terminal if printed raw.
    [...after.contacts.values()][0].given_name = 'Evil \u001b[2J\u001b[31mName\u202e';
    fileA = path.join(dir, 'a.kvsnap');
    fileB = path.join(dir, 'b.kvsnap');
    for (const [file, s, key] of [
      [fileA, store, undefined],
      [fileB, after, 'secret'],
    ] as const) {
      const db = await snapshotFromStore(s);
      await db.save(file, { ...TEST_META, snapshotId: path.basename(file) }, { key });
      db.close();
    }
  });

  it('prints a counts line per entity and the changed fields, ignoring volatile fields by default', async () => {
    process.env.KEAP_VAULT_SNAPSHOT_KEY = 'secret';
    const text = await run([fileA, fileB]);
    assert.match(text, /^A: .*a\.kvsnap \(snapshot a\.kvsnap, taken 2026-11-01T12:00:05\.000Z\)$/m);
    const ordersAfter = ordersBefore - removedOrders;
    assert.ok(
      text.includes(
        `orders: ${ordersBefore.toLocaleString('en-US')} -> ${ordersAfter.toLocaleString('en-US')} (+0 added, -${removedOrders} removed, ${corrupted} changed)`,
      ),
      text,
    );
    assert.match(text, /^tags: \d+ -> \d+ \(no differences\)$/m);
    assert.match(text, /^ {4}title: ".*" -> ".* \(corrupted\)"$/m);
    assert.match(text, /^ {4}order_items\[\d+\]\.price_per_unit\.amount: \d+ -> \d+$/m);
    assert.ok(!text.includes('modification_time'));
    // eslint-disable-next-line no-control-regex -- asserts that no control character reaches the terminal
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(text), 'no control characters reach the terminal');
    assert.match(text, /given_name: ".*" -> "Evil \\u001b\[2J\\u001b\[31mName"/);
    assert.match(text, /^Total: \+0 added, -\d+ removed, \d+ changed$/m);

    const all = await run([fileA, fileB, '--all-fields', '--entity', 'orders', '--limit', '1']);
    assert.match(all, /modification_time: /);
    assert.ok(!all.includes('contacts:'));
    assert.match(all, new RegExp(`… and ${corrupted - 1} more changed \\(raise --limit\\)`));
  });

  it('--json prints the SnapshotDiff', async () => {
    process.env.KEAP_VAULT_SNAPSHOT_KEY = 'secret';
    const diff = JSON.parse(await run([fileA, fileB, '--json'])) as SnapshotDiff;
    assert.equal(diff.a.snapshotId, 'a.kvsnap');
    assert.equal(diff.b.snapshotId, 'b.kvsnap');
    const orders = diff.entities.find((d) => d.entity === 'orders')!;
    assert.equal(orders.removed.length, removedOrders);
    assert.equal(orders.changed.length, corrupted);
    assert.equal(
      diff.totals.removed,
      diff.entities.reduce((n, d) => n + d.removed.length, 0),
    );
  });

  it('live: a UsageError without a connection, the captured account with one', async () => {
    await assert.rejects(
      run([fileA, 'live']),
      (err: Error) => err instanceof UsageError && /live comparison|needs a connection/.test(err.message),
    );
    await assert.rejects(run(['live', fileA]), UsageError);
    const text = await run([fileA, 'live', '--entity', 'contacts'], { captureLive: () => snapshotFromStore(after) });
    assert.match(text, /^contacts: \d+ -> \d+ \(\+0 added, -\d+ removed, 1 changed\)$/m);
    assert.match(text, /^B: live$/m);
  });

  it('rejects unknown entities, bad limits and bad ignore paths as usage errors', async () => {
    await assert.rejects(
      run([fileA, fileA, '--entity', 'orders,invoices']),
      (err: Error) => err instanceof UsageError && /invoices/.test(err.message),
    );
    await assert.rejects(run([fileA, fileA, '--limit', 'lots']), UsageError);
    await assert.rejects(run([fileA, fileA, '--ignore', 'a..b']), UsageError);
    assert.match(await run([fileA, fileA]), /No differences\./);
  });
});

describe('Snapshot diff after a restore (records under new ids)', function () {
  this.timeout(120_000);
  const open: SnapshotDb[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });
  after(closeTestAccounts);

  /** The live account read now, closed after the test. */
  async function liveOf(fixture: Awaited<ReturnType<typeof accountWithSnapshot>>): Promise<SnapshotDb> {
    const db = (await readLiveAccount(fixture.client)).db;
    open.push(db, fixture.snapshot);
    return db;
  }

  const itemsOf = (db: SnapshotDb, orderIds: string[]) =>
    db
      .all<{ id: string }>(`SELECT id FROM order_items WHERE order_id IN (${orderIds.map(() => '?').join(', ')})`, orderIds)
      .map((r) => r.id);

  it('after delete-orders and a clean restore: 0 differences, every lost order, item, payment and transaction restored under its new id', async () => {
    const fixture = await accountWithSnapshot(60, 'diff-restore-orders');
    const lost = applyDisaster(fixture.store, { kind: 'delete-orders', count: 5, seed: 3 });
    assert.ok(lost.affected.payments?.length, 'the fixture loses paid orders too');
    const receipt = await apply(fixture, await makePlan(fixture));
    assert.deepEqual(receipt.failed, []);
    const live = await liveOf(fixture);
    const idMap = await readIdMap(fixture.ledgerFile);
    const newId = (entity: string, oldId: string) => idMap.find((e) => e.entity === entity && e.oldId === oldId)?.newId;
    const lostItems = itemsOf(fixture.snapshot, lost.affected.orders);
    const lostTransactions = fixture.snapshot
      .all<{ id: string }>(
        'SELECT id FROM transactions WHERE payment_id IN (' + lost.affected.payments.map(() => '?').join(', ') + ')',
        lost.affected.payments,
      )
      .map((r) => r.id);

    // By the markers in the restored records alone, and with the ledger's id map: the same answer.
    for (const diff of [diffSnapshots(fixture.snapshot, live), diffSnapshots(fixture.snapshot, live, { idMap })]) {
      assertConsistent(diff);
      assert.deepEqual(diff.totals, { added: 0, removed: 0, changed: 0 });
      for (const entity of ['orders', 'payments'] as const) {
        const expected = sorted(lost.affected[entity]).map((oldId) => ({ oldId, newId: newId(entity, oldId) }));
        assert.deepEqual(entityOf(diff, entity).restored, expected, entity);
        assert.equal(entityOf(diff, entity).restoredCount, expected.length, entity);
      }
      // Derived records follow their parents rather than show as +N/-N.
      assert.deepEqual(
        entityOf(diff, 'order_items').restored.map((r) => r.oldId),
        sorted(lostItems),
      );
      assert.deepEqual(
        entityOf(diff, 'transactions').restored.map((r) => r.oldId),
        sorted(lostTransactions),
      );
      assert.equal(entityOf(diff, 'custom_fields').markerFields.length, 1, 'the ORDER marker field the restore created');
      assert.equal(diff.restored, lost.affected.orders.length + lost.affected.payments.length + lostItems.length + lostTransactions.length);
    }
    // Compared by id alone, the restore reads as lost and added.
    const byId = entityOf(diffSnapshots(fixture.snapshot, live, { matchRestores: false }), 'orders');
    assert.deepEqual([byId.removed, byId.added.length, byId.restoredCount], [sorted(lost.affected.orders), lost.affected.orders.length, 0]);
  });

  it('contacts restored with their orders, payments and tags: a restored order pointing at its restored contact is no difference', async () => {
    const fixture = await accountWithSnapshot(60, 'diff-restore-contacts');
    const lost = applyDisaster(fixture.store, { kind: 'delete-contacts', count: 3, seed: 5 });
    assert.ok(lost.affected.orders?.length, 'the lost contacts had orders');
    const receipt = await apply(fixture, await makePlan(fixture, { subscriptionsStartToday: true }));
    assert.deepEqual(receipt.failed, []);
    const live = await liveOf(fixture);

    const diff = diffSnapshots(fixture.snapshot, live, { ignore: [...VOLATILE_FIELDS] });
    assertConsistent(diff);
    // Keap deletes a contact's notes with it, and notes are read-only for Keap Vault: compare shows
    // exactly those as removed, and nothing else differs.
    const lostNotes = fixture.snapshot
      .all<{ id: string }>(
        `SELECT id FROM notes WHERE contact_id IN (${lost.affected.contacts!.map(() => '?').join(', ')}) ORDER BY id`,
        lost.affected.contacts,
      )
      .map((r) => r.id);
    assert.deepEqual(sorted(entityOf(diff, 'notes').removed), sorted(lostNotes));
    assert.deepEqual(diff.totals, { added: 0, removed: lostNotes.length, changed: 0 });
    const contacts = new Map(entityOf(diff, 'contacts').restored.map((r) => [r.oldId, r.newId]));
    assert.deepEqual([...contacts.keys()], sorted(lost.affected.contacts));
    for (const { oldId, newId } of entityOf(diff, 'orders').restored) {
      const before = JSON.parse(String(fixture.snapshot.scalar('SELECT json FROM orders WHERE id = ?', [oldId]))) as {
        contact: { id: string };
      };
      const after = JSON.parse(String(live.scalar('SELECT json FROM orders WHERE id = ?', [newId]))) as { contact: { id: string } };
      assert.equal(after.contact.id, contacts.get(before.contact.id), `order ${oldId} -> ${newId} points at its contact's restore`);
    }
    assert.equal(entityOf(diff, 'orders').restoredCount, lost.affected.orders.length);
    assert.ok(entityOf(diff, 'contact_tags').restoredCount > 0, 'tag assignments follow their contacts');
  });

  it('a restored order whose item was then changed in live is changed (under both ids), not added and removed', async () => {
    const fixture = await accountWithSnapshot(40, 'diff-restore-changed');
    const lost = applyDisaster(fixture.store, { kind: 'delete-orders', count: 3, seed: 2 });
    await apply(fixture, await makePlan(fixture));
    const idMap = await readIdMap(fixture.ledgerFile);
    const oldId = sorted(lost.affected.orders)[0];
    const newId = idMap.find((e) => e.entity === 'orders' && e.oldId === oldId)!.newId;
    const order = fixture.store.orders.get(Number(newId))!;
    const quantity = order.items[0].quantity;
    order.items[0].quantity = quantity + 2;
    const live = await liveOf(fixture);
    const [oldItem] = itemsOf(fixture.snapshot, [oldId]);
    const [newItem] = itemsOf(live, [newId]);

    const diff = diffSnapshots(fixture.snapshot, live, { ignore: [...VOLATILE_FIELDS], idMap });
    assertConsistent(diff);
    assert.deepEqual(diff.totals, { added: 0, removed: 0, changed: 2 });
    const orders = entityOf(diff, 'orders');
    assert.deepEqual([orders.added, orders.removed], [[], []]);
    assert.equal(orders.changed.length, 1);
    assert.deepEqual([orders.changed[0].id, orders.changed[0].newId], [oldId, newId]);
    // The path is the restore projection's (comparable), which names the first item's quantity.
    assert.ok(
      orders.changed[0].changes.some((c) => /\[0\]/.test(c.path) && c.before === quantity && c.after === quantity + 2),
      JSON.stringify(orders.changed[0].changes),
    );
    assert.equal(orders.restoredCount, lost.affected.orders.length, 'the changed one is still a restored record');
    assert.equal(orders.restored.length, lost.affected.orders.length - 1);
    const items = entityOf(diff, 'order_items');
    assert.deepEqual([items.added, items.removed], [[], []]);
    assert.deepEqual(items.changed, [
      { id: oldItem, newId: newItem, changes: [{ path: 'quantity', before: quantity, after: quantity + 2 }] },
    ]);
  });
});

describe('keap-vault diff: exit codes and restores', function () {
  this.timeout(120_000);
  const saved = { ...process.env };
  after(async () => {
    process.env = { ...saved };
    await closeTestAccounts();
  });

  async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = captureCliIo();
    const code = await runCli(['--unlimited', ...args], io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  }

  it('exits 1 with differences and 0 without; a clean restore reads 0 differences, using the ledger beside the snapshot or --ledger', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'cli-diff-restore', size: 50 });
    store.clock = () => new Date('2026-11-26T12:00:00Z');
    const { emulator } = await startTestAccount({ store });
    process.env.KEAP_API_URL = emulator.apiBaseUrl;
    process.env.KEAP_API_KEY = emulator.token;
    const dir = tempDir();
    const snapshot = path.join(dir, 'before.kvsnap');
    assert.equal((await cli(['snapshot', '--out', snapshot])).code, 0);
    const same = await cli(['diff', snapshot, snapshot]);
    assert.equal(same.code, 0);
    assert.match(same.out, /^No differences\.$/m);

    const lost = applyDisaster(store, { kind: 'delete-orders', count: 4, seed: 5 });
    const damaged = await cli(['diff', snapshot, 'live']);
    assert.equal(damaged.code, 1, damaged.err);
    assert.match(damaged.out, /^orders: \d+ -> \d+ \(\+0 added, -4 removed, 0 changed\)$/m);

    const planFile = path.join(dir, 'plan.json');
    assert.equal((await cli(['plan', snapshot, '--out', planFile])).code, 0);
    assert.equal((await cli(['apply', planFile])).code, 0);
    const ledgerName = readdirSync(dir).find((f) => f.endsWith('.kvledger'))!;
    const idMap = await readIdMap(path.join(dir, ledgerName));
    // One restored order loses its marker (edited in Keap): only the ledger still knows it.
    const [first, ...others] = sorted(lost.affected.orders);
    const firstNewId = idMap.find((e) => e.entity === 'orders' && e.oldId === first)!.newId;
    store.orders.get(Number(firstNewId))!.custom = {};

    const restored = await cli(['diff', snapshot, 'live']);
    assert.equal(restored.code, 0, restored.out);
    assert.match(restored.out, /^Restore ledger: .*\.kvledger$/m);
    assert.match(restored.out, /^orders: (\d+) -> \1 \(no differences; 4 records restored under new ids\)$/m);
    assert.match(restored.out, /^custom_fields: \d+ -> \d+ \(no differences; 1 restore marker field\)$/m);
    assert.match(restored.out, /^0 differences \(\d+ records restored under new ids, 1 restore marker field\)$/m);
    const json = await cli(['diff', snapshot, 'live', '--json']);
    assert.equal(json.code, 0);
    const diff = JSON.parse(json.out) as SnapshotDiff;
    assert.deepEqual(
      entityOf(diff, 'orders').restored,
      sorted(lost.affected.orders).map((oldId) => ({ oldId, newId: idMap.find((e) => e.entity === 'orders' && e.oldId === oldId)!.newId })),
    );

    // The ledger moved elsewhere: markers pair the others, the unmarked one is lost and added (exit 1)…
    const elsewhere = path.join(dir, 'moved');
    mkdirSync(elsewhere);
    for (const file of [ledgerName, `${ledgerName}.journal`])
      if (existsSync(path.join(dir, file))) renameSync(path.join(dir, file), path.join(elsewhere, file));
    const markersOnly = await cli(['diff', snapshot, 'live', '--entity', 'orders']);
    assert.equal(markersOnly.code, 1);
    assert.match(
      markersOnly.out,
      new RegExp(`^orders: \\d+ -> \\d+ \\(\\+1 added, -1 removed, 0 changed; ${others.length} records? restored under new ids\\)$`, 'm'),
    );
    assert.match(markersOnly.out, new RegExp(`^  removed: ${first}$`, 'm'));
    // …and --ledger names it.
    const named = await cli(['diff', snapshot, 'live', '--entity', 'orders', '--ledger', path.join(elsewhere, ledgerName)]);
    assert.equal(named.code, 0, named.out);
    assert.equal((await cli(['diff', snapshot, 'live', '--ledger', path.join(dir, 'none.kvledger')])).code, 2);
  });
});
