import assert from 'node:assert/strict';
import path from 'node:path';
import { Command } from 'commander';
import { registerDiffCommand, type DiffCommandOptions } from '../../../src/cli/commands/diff';
import { UsageError, type Io } from '../../../src/cli/output';
import { compareIds, compareIdsNaturally, diffSnapshots, VOLATILE_FIELDS, type EntityDiff, type SnapshotDiff } from '../../../src/core/snapshot/diff';
import { SNAPSHOT_ENTITIES, type SnapshotEntity } from '../../../src/core/snapshot/entities';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { applyDisaster } from '../../../src/emulator/disasters';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
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
    assert.equal(d.before, d.removed.length + d.changedCount + d.unchanged, `${d.entity}: before`);
    assert.equal(d.after, d.added.length + d.changedCount + d.unchanged, `${d.entity}: after`);
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
    assert.deepEqual(diff.entities.map((d) => d.entity), SNAPSHOT_ENTITIES);
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

    const expected: Partial<Record<SnapshotEntity, string[]>> = { contacts: [], orders: [], order_items: [], payments: [], transactions: [], subscriptions: [], contact_tags: [] };
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
    for (const [entity, ids] of Object.entries(report.affected)) assert.deepEqual(entityOf(diff, entity as SnapshotEntity).removed, sorted(ids), entity);
    assert.equal(diff.totals.removed, Object.values(expected).reduce((n, ids) => n + ids.length, 0));
  });

  it('after corrupt-orders: the changed orders and items with their exact field paths and values', async () => {
    const store = generated(13, 50);
    const changed = copyOf(store);
    const report = applyDisaster(changed, { kind: 'corrupt-orders', count: 4, seed: 7 });
    const orderIds = report.affected.orders;
    const diff = diffSnapshots(track(await snapshotFromStore(store)), track(await snapshotFromStore(changed)));
    assertConsistent(diff);

    const orders = entityOf(diff, 'orders');
    assert.deepEqual(orders.changed.map((r) => r.id), sorted(orderIds));
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
        'title', ...(t0.status !== t1.status ? ['status'] : []), ...money('total'), ...money('total_due'),
        'modification_time', ...money(`order_items[${i}].price_per_unit`), ...(t0.due > 0 !== t1.due > 0 ? ['allow_payment'] : []),
      ];
      assert.deepEqual(record.changes.map((c) => c.path), expectedPaths, `order ${record.id}`);
      const byPath = new Map(record.changes.map((c) => [c.path, c]));
      assert.deepEqual(byPath.get('title'), { path: 'title', before: before.title.replace(/ \(corrupted\)$/, ''), after: after.title });
      assert.deepEqual(byPath.get(`order_items[${i}].price_per_unit.amount`)?.after, 2 * before.items[i].price_cents + 1);
      assert.deepEqual(byPath.get(`order_items[${i}].price_per_unit.amount`)?.before, before.items[i].price_cents);
      assert.deepEqual(byPath.get('total.amount'), { path: 'total.amount', before: t0.total, after: t1.total });
    }
    const items = entityOf(diff, 'order_items');
    assert.deepEqual(items.changed.map((r) => r.id), sorted(expectedItems));
    for (const r of items.changed) assert.deepEqual(r.changes.map((c) => c.path), ['price_per_unit.amount', 'price_per_unit.formatted_amount']);
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

    const quiet = diffSnapshots(a, b, { ignore: ['modification_time', 'title', 'total', 'total_due', 'status', 'allow_payment', 'order_items[*].price_per_unit'] });
    assert.equal(entityOf(quiet, 'orders').changedCount, 0);
    assert.equal(entityOf(quiet, 'orders').unchanged, a.count('orders'));
    // A rooted path does not reach into the order_items table, whose records have no `order_items`.
    assert.equal(entityOf(quiet, 'order_items').changedCount, report.affected.orders.length);

    const amountsOnly = diffSnapshots(a, b, { ignore: ['formatted_amount'], entities: ['order_items'] });
    assert.deepEqual(amountsOnly.entities.map((d) => d.entity), ['order_items']);
    for (const r of amountsOnly.entities[0].changed) assert.deepEqual(r.changes.map((c) => c.path), ['price_per_unit.amount']);
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
    const { record } = changed.createContact({ given_name: odd, family_name: '</script>', email_addresses: [{ email: 'new@example.com', field: 'EMAIL1' }] });
    const edited = [...changed.contacts.values()][0];
    const oldEmail = edited.email_addresses[0].email;
    edited.email_addresses = [{ ...edited.email_addresses[0], email: 'moved"@example.com' }, ...edited.email_addresses.slice(1)];
    const b = track(await snapshotFromStore(changed));
    const diff = diffSnapshots(track(await snapshotFromStore(store)), b);
    const contacts = entityOf(diff, 'contacts');
    assert.deepEqual(contacts.added, [String(record.id)]);
    assert.deepEqual(contacts.changed, [{ id: String(edited.id), changes: [{ path: 'email_addresses[0].email', before: oldEmail, after: 'moved"@example.com' }] }]);
    assert.equal((JSON.parse(String(b.scalar('SELECT json FROM contacts WHERE id = ?', [String(record.id)]))) as { given_name: string }).given_name, odd);
  });

  it('merges in SQLite order, so ids outside ASCII and duplicate ids are paired correctly', async () => {
    const a = track(await SnapshotDb.create());
    const b = track(await SnapshotDb.create());
    const ids = ['10', '9', 'a', '\uE000', '\u{1F600}', 'é', 'Z'];
    const rows = (db: SnapshotDb, list: string[]) => list.forEach((id, i) => db.db.run('INSERT INTO tags (id, json) VALUES (?, ?)', [id, JSON.stringify({ n: i })]));
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
    assert.deepEqual(['178:2', '10', '32:4', '9', '155@b', '99@a', '32:10'].sort(compareIdsNaturally), ['9', '10', '32:4', '32:10', '99@a', '155@b', '178:2']);
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

  async function run(args: string[], options?: DiffCommandOptions): Promise<string> {
    const io = captureIo();
    const program = new Command().exitOverride();
    registerDiffCommand(program, io, options);
    await program.parseAsync(['diff', ...args], { from: 'user' });
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
    for (const [file, s, key] of [[fileA, store, undefined], [fileB, after, 'secret']] as const) {
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
    assert.ok(text.includes(`orders: ${ordersBefore.toLocaleString('en-US')} -> ${ordersAfter.toLocaleString('en-US')} (+0 added, -${removedOrders} removed, ${corrupted} changed)`), text);
    assert.match(text, /^tags: \d+ -> \d+ \(no differences\)$/m);
    assert.match(text, /^ {4}title: ".*" -> ".* \(corrupted\)"$/m);
    assert.match(text, /^ {4}order_items\[\d+\]\.price_per_unit\.amount: \d+ -> \d+$/m);
    assert.ok(!text.includes('modification_time'));
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
    assert.equal(diff.totals.removed, diff.entities.reduce((n, d) => n + d.removed.length, 0));
  });

  it('live: a UsageError without a connection, the captured account with one', async () => {
    await assert.rejects(run([fileA, 'live']), (err: Error) => err instanceof UsageError && /live comparison|needs a connection/.test(err.message));
    await assert.rejects(run(['live', fileA]), UsageError);
    const text = await run([fileA, 'live', '--entity', 'contacts'], { captureLive: () => snapshotFromStore(after) });
    assert.match(text, /^contacts: \d+ -> \d+ \(\+0 added, -\d+ removed, 1 changed\)$/m);
    assert.match(text, /^B: live$/m);
  });

  it('rejects unknown entities, bad limits and bad ignore paths as usage errors', async () => {
    await assert.rejects(run([fileA, fileA, '--entity', 'orders,invoices']), (err: Error) => err instanceof UsageError && /invoices/.test(err.message));
    await assert.rejects(run([fileA, fileA, '--limit', 'lots']), UsageError);
    await assert.rejects(run([fileA, fileA, '--ignore', 'a..b']), UsageError);
    assert.match(await run([fileA, fileA]), /No differences\./);
  });
});
