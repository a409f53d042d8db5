"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const commander_1 = require("commander");
const diff_1 = require("../../../src/cli/commands/diff");
const main_1 = require("../../../src/cli/main");
const output_1 = require("../../../src/cli/output");
const liveRead_1 = require("../../../src/core/restore/liveRead");
const diff_2 = require("../../../src/core/snapshot/diff");
const entities_1 = require("../../../src/core/snapshot/entities");
const ledgerIdMap_1 = require("../../../src/core/snapshot/ledgerIdMap");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const disasters_1 = require("../../../src/emulator/disasters");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const support_1 = require("../restore/support");
const cliIo_1 = require("../support/cliIo");
const emulator_1 = require("../support/emulator");
const snapshots_1 = require("../support/snapshots");
function generated(seed, size = 40) {
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed, size });
    return store;
}
function copyOf(store) {
    const copy = store_1.EmulatorStore.fromState(JSON.parse(JSON.stringify(store.toState())));
    copy.clock = () => new Date('2026-11-02T09:00:00.000Z');
    return copy;
}
const entityOf = (diff, entity) => diff.entities.find((d) => d.entity === entity);
const sorted = (ids) => [...ids].sort(diff_2.compareIdsNaturally);
function assertConsistent(diff) {
    for (const d of diff.entities) {
        strict_1.default.equal(d.before, d.removed.length + d.changedCount + d.unchanged + d.restored.length, `${d.entity}: before`);
        strict_1.default.equal(d.after, d.added.length + d.changedCount + d.unchanged + d.restored.length + d.markerFields.length, `${d.entity}: after`);
    }
}
describe('Snapshot diff', () => {
    const open = [];
    const track = (db) => (open.push(db), db);
    afterEach(() => {
        for (const db of open.splice(0))
            db.close();
    });
    it('finds nothing between identical snapshots, and counts every row as unchanged', async () => {
        const store = generated(11);
        const a = track(await (0, snapshots_1.snapshotFromStore)(store));
        const b = track(await (0, snapshots_1.snapshotFromStore)(store));
        const diff = (0, diff_2.diffSnapshots)(a, b);
        strict_1.default.deepEqual(diff.entities.map((d) => d.entity), entities_1.SNAPSHOT_ENTITIES);
        strict_1.default.deepEqual(diff.totals, { added: 0, removed: 0, changed: 0 });
        for (const d of diff.entities) {
            strict_1.default.equal(d.unchanged, a.count(d.entity), d.entity);
            strict_1.default.equal(d.before, d.after);
        }
        strict_1.default.ok(entityOf(diff, 'order_items').unchanged > 0 && entityOf(diff, 'contact_tags').unchanged > 0);
    });
    it('after delete-contacts: exactly the contacts and what went with them are removed, nothing else differs', async () => {
        const store = generated(12, 60);
        const contacts = [...store.contacts.values()];
        // Pick victims that exercise every cascade: paid orders, a subscription, tags.
        const paid = contacts.find((c) => store.ordersOf(c.id).some((o) => store.paymentsOf(o.id).length > 0));
        const subscribed = contacts.find((c) => [...store.subscriptions.values()].some((s) => s.contact_id === c.id) && c !== paid);
        const tagged = contacts.find((c) => store.tagIdsOf(c.id).length > 0 && c !== paid && c !== subscribed);
        const victims = [paid, subscribed, tagged].map((c) => c.id);
        const expected = {
            contacts: [],
            orders: [],
            order_items: [],
            payments: [],
            transactions: [],
            subscriptions: [],
            contact_tags: [],
        };
        for (const id of victims) {
            expected.contacts.push(String(id));
            for (const tagId of store.tagIdsOf(id))
                expected.contact_tags.push(`${id}:${tagId}`);
            for (const s of store.subscriptions.values())
                if (s.contact_id === id)
                    expected.subscriptions.push(String(s.id));
            for (const o of store.ordersOf(id)) {
                expected.orders.push(String(o.id));
                for (const i of o.items)
                    expected.order_items.push(String(i.id));
                for (const p of store.paymentsOf(o.id)) {
                    expected.payments.push(String(p.id));
                    expected.transactions.push(`${p.id}@${p.pay_time}`);
                }
            }
        }
        const changed = copyOf(store);
        const report = (0, disasters_1.applyDisaster)(changed, { kind: 'delete-contacts', ids: victims.map(String) });
        for (const entity of Object.keys(expected))
            strict_1.default.ok(expected[entity].length > 0, `fixture covers ${entity}`);
        const diff = (0, diff_2.diffSnapshots)(track(await (0, snapshots_1.snapshotFromStore)(store)), track(await (0, snapshots_1.snapshotFromStore)(changed)));
        assertConsistent(diff);
        for (const d of diff.entities) {
            strict_1.default.deepEqual(d.removed, sorted(expected[d.entity] ?? []), `${d.entity} removed`);
            strict_1.default.deepEqual(d.added, [], `${d.entity} added`);
            strict_1.default.equal(d.changedCount, 0, `${d.entity} changed`);
        }
        // The disaster's own account of what it took agrees.
        for (const [entity, ids] of Object.entries(report.affected))
            strict_1.default.deepEqual(entityOf(diff, entity).removed, sorted(ids), entity);
        strict_1.default.equal(diff.totals.removed, Object.values(expected).reduce((n, ids) => n + ids.length, 0));
    });
    it('after corrupt-orders: the changed orders and items with their exact field paths and values', async () => {
        const store = generated(13, 50);
        const changed = copyOf(store);
        const report = (0, disasters_1.applyDisaster)(changed, { kind: 'corrupt-orders', count: 4, seed: 7 });
        const orderIds = report.affected.orders;
        const diff = (0, diff_2.diffSnapshots)(track(await (0, snapshots_1.snapshotFromStore)(store)), track(await (0, snapshots_1.snapshotFromStore)(changed)));
        assertConsistent(diff);
        const orders = entityOf(diff, 'orders');
        strict_1.default.deepEqual(orders.changed.map((r) => r.id), sorted(orderIds));
        strict_1.default.deepEqual([orders.added, orders.removed], [[], []]);
        const expectedItems = [];
        for (const record of orders.changed) {
            const before = store.orders.get(Number(record.id));
            const after = changed.orders.get(Number(record.id));
            const i = after.items.findIndex((item, k) => item.price_cents !== before.items[k].price_cents);
            expectedItems.push(String(after.items[i].id));
            const t0 = store.orderTotals(before);
            const t1 = changed.orderTotals(after);
            const money = (name) => [`${name}.amount`, `${name}.formatted_amount`];
            const expectedPaths = [
                'title',
                ...(t0.status !== t1.status ? ['status'] : []),
                ...money('total'),
                ...money('total_due'),
                'modification_time',
                ...money(`order_items[${i}].price_per_unit`),
                ...(t0.due > 0 !== t1.due > 0 ? ['allow_payment'] : []),
            ];
            strict_1.default.deepEqual(record.changes.map((c) => c.path), expectedPaths, `order ${record.id}`);
            const byPath = new Map(record.changes.map((c) => [c.path, c]));
            strict_1.default.deepEqual(byPath.get('title'), { path: 'title', before: before.title.replace(/ \(corrupted\)$/, ''), after: after.title });
            strict_1.default.deepEqual(byPath.get(`order_items[${i}].price_per_unit.amount`)?.after, 2 * before.items[i].price_cents + 1);
            strict_1.default.deepEqual(byPath.get(`order_items[${i}].price_per_unit.amount`)?.before, before.items[i].price_cents);
            strict_1.default.deepEqual(byPath.get('total.amount'), { path: 'total.amount', before: t0.total, after: t1.total });
        }
        const items = entityOf(diff, 'order_items');
        strict_1.default.deepEqual(items.changed.map((r) => r.id), sorted(expectedItems));
        for (const r of items.changed)
            strict_1.default.deepEqual(r.changes.map((c) => c.path), ['price_per_unit.amount', 'price_per_unit.formatted_amount']);
        strict_1.default.equal(diff.totals.changed, orderIds.length * 2);
        for (const d of diff.entities)
            if (d.entity !== 'orders' && d.entity !== 'order_items')
                strict_1.default.equal(d.changedCount, 0, d.entity);
    });
    it('ignore drops fields at any depth (bare names) or from the root (paths), and a record with only ignored changes is unchanged', async () => {
        const store = generated(14, 40);
        const changed = copyOf(store);
        const report = (0, disasters_1.applyDisaster)(changed, { kind: 'corrupt-orders', count: 3 });
        const a = track(await (0, snapshots_1.snapshotFromStore)(store));
        const b = track(await (0, snapshots_1.snapshotFromStore)(changed));
        const volatile = (0, diff_2.diffSnapshots)(a, b, { ignore: [...diff_2.VOLATILE_FIELDS] });
        strict_1.default.equal(entityOf(volatile, 'orders').changedCount, report.affected.orders.length);
        for (const r of entityOf(volatile, 'orders').changed)
            strict_1.default.ok(!r.changes.some((c) => c.path === 'modification_time'));
        const quiet = (0, diff_2.diffSnapshots)(a, b, {
            ignore: ['modification_time', 'title', 'total', 'total_due', 'status', 'allow_payment', 'order_items[*].price_per_unit'],
        });
        strict_1.default.equal(entityOf(quiet, 'orders').changedCount, 0);
        strict_1.default.equal(entityOf(quiet, 'orders').unchanged, a.count('orders'));
        // A rooted path does not reach into the order_items table, whose records have no `order_items`.
        strict_1.default.equal(entityOf(quiet, 'order_items').changedCount, report.affected.orders.length);
        const amountsOnly = (0, diff_2.diffSnapshots)(a, b, { ignore: ['formatted_amount'], entities: ['order_items'] });
        strict_1.default.deepEqual(amountsOnly.entities.map((d) => d.entity), ['order_items']);
        for (const r of amountsOnly.entities[0].changed)
            strict_1.default.deepEqual(r.changes.map((c) => c.path), ['price_per_unit.amount']);
        strict_1.default.throws(() => (0, diff_2.diffSnapshots)(a, b, { ignore: ['total..amount'] }), /Not a field path/);
    });
    it('maxChangedRecords caps the listed records but not the counts', async () => {
        const store = generated(15, 60);
        const changed = copyOf(store);
        (0, disasters_1.applyDisaster)(changed, { kind: 'corrupt-orders', count: 6 });
        const diff = (0, diff_2.diffSnapshots)(track(await (0, snapshots_1.snapshotFromStore)(store)), track(await (0, snapshots_1.snapshotFromStore)(changed)), { maxChangedRecords: 2 });
        const orders = entityOf(diff, 'orders');
        strict_1.default.equal(orders.changed.length, 2);
        strict_1.default.equal(orders.changedCount, 6);
        strict_1.default.equal(diff.totals.changed, 12);
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
        const b = track(await (0, snapshots_1.snapshotFromStore)(changed));
        const diff = (0, diff_2.diffSnapshots)(track(await (0, snapshots_1.snapshotFromStore)(store)), b);
        const contacts = entityOf(diff, 'contacts');
        strict_1.default.deepEqual(contacts.added, [String(record.id)]);
        strict_1.default.deepEqual(contacts.changed, [
            { id: String(edited.id), changes: [{ path: 'email_addresses[0].email', before: oldEmail, after: 'moved"@example.com' }] },
        ]);
        strict_1.default.equal(JSON.parse(String(b.scalar('SELECT json FROM contacts WHERE id = ?', [String(record.id)]))).given_name, odd);
    });
    it('merges in SQLite order, so ids outside ASCII and duplicate ids are paired correctly', async () => {
        const a = track(await snapshotDb_1.SnapshotDb.create());
        const b = track(await snapshotDb_1.SnapshotDb.create());
        const ids = ['10', '9', 'a', '\uE000', '\u{1F600}', 'é', 'Z'];
        const rows = (db, list) => db.insert('tags', list.map((id, i) => ({ id, n: i })));
        rows(a, [...ids, '9']);
        rows(b, [...ids].reverse());
        const ordered = a.all('SELECT DISTINCT id FROM tags ORDER BY id').map((r) => r.id);
        strict_1.default.deepEqual([...ids].sort(diff_2.compareIds), ordered);
        const d = (0, diff_2.diffSnapshots)(a, b, { entities: ['tags'] }).entities[0];
        strict_1.default.deepEqual(d.added, []);
        strict_1.default.deepEqual(d.removed, ['9'], 'the second row with id 9 has no partner');
        strict_1.default.equal(d.before, 8);
        strict_1.default.equal(d.after, 7);
        strict_1.default.equal(d.changedCount + d.unchanged, 7);
        strict_1.default.deepEqual(['178:2', '10', '32:4', '9', '155@b', '99@a', '32:10'].sort(diff_2.compareIdsNaturally), [
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
        if (savedKey === undefined)
            delete process.env.KEAP_VAULT_SNAPSHOT_KEY;
        else
            process.env.KEAP_VAULT_SNAPSHOT_KEY = savedKey;
    });
    function captureIo() {
        const stdout = [];
        return { stdout, out: (t) => void stdout.push(t), err: () => undefined };
    }
    /** What the command printed; differences end it with FindingsFound (exit 1), after printing. */
    async function run(args, options) {
        const io = captureIo();
        const program = new commander_1.Command().exitOverride();
        (0, diff_1.registerDiffCommand)(program, io, options);
        try {
            await program.parseAsync(['diff', ...args], { from: 'user' });
        }
        catch (err) {
            if (!(err instanceof output_1.FindingsFound))
                throw err;
        }
        return io.stdout.join('\n');
    }
    let fileA = '';
    let fileB = '';
    let after;
    let removedOrders = 0;
    let corrupted = 0;
    let ordersBefore = 0;
    before(async () => {
        const dir = (0, snapshots_1.tempDir)();
        const store = generated(17, 60);
        after = copyOf(store);
        const lost = (0, disasters_1.applyDisaster)(after, { kind: 'delete-contacts', count: 3, seed: 3 });
        const damaged = (0, disasters_1.applyDisaster)(after, { kind: 'corrupt-orders', count: 3, seed: 4 });
        removedOrders = lost.affected.orders?.length ?? 0;
        corrupted = damaged.affected.orders.length;
        ordersBefore = store.orders.size;
        // A name that would recolour the terminal if printed raw.
        [...after.contacts.values()][0].given_name = 'Evil \u001b[2J\u001b[31mName\u202e';
        fileA = node_path_1.default.join(dir, 'a.kvsnap');
        fileB = node_path_1.default.join(dir, 'b.kvsnap');
        for (const [file, s, key] of [
            [fileA, store, undefined],
            [fileB, after, 'secret'],
        ]) {
            const db = await (0, snapshots_1.snapshotFromStore)(s);
            await db.save(file, { ...snapshots_1.TEST_META, snapshotId: node_path_1.default.basename(file) }, { key });
            db.close();
        }
    });
    it('prints a counts line per entity and the changed fields, ignoring volatile fields by default', async () => {
        process.env.KEAP_VAULT_SNAPSHOT_KEY = 'secret';
        const text = await run([fileA, fileB]);
        strict_1.default.match(text, /^A: .*a\.kvsnap \(snapshot a\.kvsnap, taken 2026-11-01T12:00:05\.000Z\)$/m);
        const ordersAfter = ordersBefore - removedOrders;
        strict_1.default.ok(text.includes(`orders: ${ordersBefore.toLocaleString('en-US')} -> ${ordersAfter.toLocaleString('en-US')} (+0 added, -${removedOrders} removed, ${corrupted} changed)`), text);
        strict_1.default.match(text, /^tags: \d+ -> \d+ \(no differences\)$/m);
        strict_1.default.match(text, /^ {4}title: ".*" -> ".* \(corrupted\)"$/m);
        strict_1.default.match(text, /^ {4}order_items\[\d+\]\.price_per_unit\.amount: \d+ -> \d+$/m);
        strict_1.default.ok(!text.includes('modification_time'));
        // eslint-disable-next-line no-control-regex -- asserts that no control character reaches the terminal
        strict_1.default.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(text), 'no control characters reach the terminal');
        strict_1.default.match(text, /given_name: ".*" -> "Evil \\u001b\[2J\\u001b\[31mName"/);
        strict_1.default.match(text, /^Total: \+0 added, -\d+ removed, \d+ changed$/m);
        const all = await run([fileA, fileB, '--all-fields', '--entity', 'orders', '--limit', '1']);
        strict_1.default.match(all, /modification_time: /);
        strict_1.default.ok(!all.includes('contacts:'));
        strict_1.default.match(all, new RegExp(`… and ${corrupted - 1} more changed \\(raise --limit\\)`));
    });
    it('--json prints the SnapshotDiff', async () => {
        process.env.KEAP_VAULT_SNAPSHOT_KEY = 'secret';
        const diff = JSON.parse(await run([fileA, fileB, '--json']));
        strict_1.default.equal(diff.a.snapshotId, 'a.kvsnap');
        strict_1.default.equal(diff.b.snapshotId, 'b.kvsnap');
        const orders = diff.entities.find((d) => d.entity === 'orders');
        strict_1.default.equal(orders.removed.length, removedOrders);
        strict_1.default.equal(orders.changed.length, corrupted);
        strict_1.default.equal(diff.totals.removed, diff.entities.reduce((n, d) => n + d.removed.length, 0));
    });
    it('live: a UsageError without a connection, the captured account with one', async () => {
        await strict_1.default.rejects(run([fileA, 'live']), (err) => err instanceof output_1.UsageError && /live comparison|needs a connection/.test(err.message));
        await strict_1.default.rejects(run(['live', fileA]), output_1.UsageError);
        const text = await run([fileA, 'live', '--entity', 'contacts'], { captureLive: () => (0, snapshots_1.snapshotFromStore)(after) });
        strict_1.default.match(text, /^contacts: \d+ -> \d+ \(\+0 added, -\d+ removed, 1 changed\)$/m);
        strict_1.default.match(text, /^B: live$/m);
    });
    it('rejects unknown entities, bad limits and bad ignore paths as usage errors', async () => {
        await strict_1.default.rejects(run([fileA, fileA, '--entity', 'orders,invoices']), (err) => err instanceof output_1.UsageError && /invoices/.test(err.message));
        await strict_1.default.rejects(run([fileA, fileA, '--limit', 'lots']), output_1.UsageError);
        await strict_1.default.rejects(run([fileA, fileA, '--ignore', 'a..b']), output_1.UsageError);
        strict_1.default.match(await run([fileA, fileA]), /No differences\./);
    });
});
describe('Snapshot diff after a restore (records under new ids)', function () {
    this.timeout(120_000);
    const open = [];
    afterEach(() => {
        for (const db of open.splice(0))
            db.close();
    });
    after(emulator_1.closeTestAccounts);
    /** The live account read now, closed after the test. */
    async function liveOf(fixture) {
        const db = (await (0, liveRead_1.readLiveAccount)(fixture.client)).db;
        open.push(db, fixture.snapshot);
        return db;
    }
    const itemsOf = (db, orderIds) => db
        .all(`SELECT id FROM order_items WHERE order_id IN (${orderIds.map(() => '?').join(', ')})`, orderIds)
        .map((r) => r.id);
    it('after delete-orders and a clean restore: 0 differences, every lost order, item, payment and transaction restored under its new id', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(60, 'diff-restore-orders');
        const lost = (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-orders', count: 5, seed: 3 });
        strict_1.default.ok(lost.affected.payments?.length, 'the fixture loses paid orders too');
        const receipt = await (0, support_1.apply)(fixture, await (0, support_1.makePlan)(fixture));
        strict_1.default.deepEqual(receipt.failed, []);
        const live = await liveOf(fixture);
        const idMap = await (0, ledgerIdMap_1.readIdMap)(fixture.ledgerFile);
        const newId = (entity, oldId) => idMap.find((e) => e.entity === entity && e.oldId === oldId)?.newId;
        const lostItems = itemsOf(fixture.snapshot, lost.affected.orders);
        const lostTransactions = fixture.snapshot
            .all('SELECT id FROM transactions WHERE payment_id IN (' + lost.affected.payments.map(() => '?').join(', ') + ')', lost.affected.payments)
            .map((r) => r.id);
        // By the markers in the restored records alone, and with the ledger's id map: the same answer.
        for (const diff of [(0, diff_2.diffSnapshots)(fixture.snapshot, live), (0, diff_2.diffSnapshots)(fixture.snapshot, live, { idMap })]) {
            assertConsistent(diff);
            strict_1.default.deepEqual(diff.totals, { added: 0, removed: 0, changed: 0 });
            for (const entity of ['orders', 'payments']) {
                const expected = sorted(lost.affected[entity]).map((oldId) => ({ oldId, newId: newId(entity, oldId) }));
                strict_1.default.deepEqual(entityOf(diff, entity).restored, expected, entity);
                strict_1.default.equal(entityOf(diff, entity).restoredCount, expected.length, entity);
            }
            // Derived records follow their parents rather than show as +N/-N.
            strict_1.default.deepEqual(entityOf(diff, 'order_items').restored.map((r) => r.oldId), sorted(lostItems));
            strict_1.default.deepEqual(entityOf(diff, 'transactions').restored.map((r) => r.oldId), sorted(lostTransactions));
            strict_1.default.equal(entityOf(diff, 'custom_fields').markerFields.length, 1, 'the ORDER marker field the restore created');
            strict_1.default.equal(diff.restored, lost.affected.orders.length + lost.affected.payments.length + lostItems.length + lostTransactions.length);
        }
        // Compared by id alone, the restore reads as lost and added.
        const byId = entityOf((0, diff_2.diffSnapshots)(fixture.snapshot, live, { matchRestores: false }), 'orders');
        strict_1.default.deepEqual([byId.removed, byId.added.length, byId.restoredCount], [sorted(lost.affected.orders), lost.affected.orders.length, 0]);
    });
    it('contacts restored with their orders, payments and tags: a restored order pointing at its restored contact is no difference', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(60, 'diff-restore-contacts');
        const lost = (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-contacts', count: 3, seed: 5 });
        strict_1.default.ok(lost.affected.orders?.length, 'the lost contacts had orders');
        const receipt = await (0, support_1.apply)(fixture, await (0, support_1.makePlan)(fixture, { subscriptionsStartToday: true }));
        strict_1.default.deepEqual(receipt.failed, []);
        const live = await liveOf(fixture);
        const diff = (0, diff_2.diffSnapshots)(fixture.snapshot, live, { ignore: [...diff_2.VOLATILE_FIELDS] });
        assertConsistent(diff);
        // Keap deletes a contact's notes with it, and notes are read-only for Keap Vault: compare shows
        // exactly those as removed, and nothing else differs.
        const lostNotes = fixture.snapshot
            .all(`SELECT id FROM notes WHERE contact_id IN (${lost.affected.contacts.map(() => '?').join(', ')}) ORDER BY id`, lost.affected.contacts)
            .map((r) => r.id);
        strict_1.default.deepEqual(sorted(entityOf(diff, 'notes').removed), sorted(lostNotes));
        strict_1.default.deepEqual(diff.totals, { added: 0, removed: lostNotes.length, changed: 0 });
        const contacts = new Map(entityOf(diff, 'contacts').restored.map((r) => [r.oldId, r.newId]));
        strict_1.default.deepEqual([...contacts.keys()], sorted(lost.affected.contacts));
        for (const { oldId, newId } of entityOf(diff, 'orders').restored) {
            const before = JSON.parse(String(fixture.snapshot.scalar('SELECT json FROM orders WHERE id = ?', [oldId])));
            const after = JSON.parse(String(live.scalar('SELECT json FROM orders WHERE id = ?', [newId])));
            strict_1.default.equal(after.contact.id, contacts.get(before.contact.id), `order ${oldId} -> ${newId} points at its contact's restore`);
        }
        strict_1.default.equal(entityOf(diff, 'orders').restoredCount, lost.affected.orders.length);
        strict_1.default.ok(entityOf(diff, 'contact_tags').restoredCount > 0, 'tag assignments follow their contacts');
    });
    it('a restored order whose item was then changed in live is changed (under both ids), not added and removed', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(40, 'diff-restore-changed');
        const lost = (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-orders', count: 3, seed: 2 });
        await (0, support_1.apply)(fixture, await (0, support_1.makePlan)(fixture));
        const idMap = await (0, ledgerIdMap_1.readIdMap)(fixture.ledgerFile);
        const oldId = sorted(lost.affected.orders)[0];
        const newId = idMap.find((e) => e.entity === 'orders' && e.oldId === oldId).newId;
        const order = fixture.store.orders.get(Number(newId));
        const quantity = order.items[0].quantity;
        order.items[0].quantity = quantity + 2;
        const live = await liveOf(fixture);
        const [oldItem] = itemsOf(fixture.snapshot, [oldId]);
        const [newItem] = itemsOf(live, [newId]);
        const diff = (0, diff_2.diffSnapshots)(fixture.snapshot, live, { ignore: [...diff_2.VOLATILE_FIELDS], idMap });
        assertConsistent(diff);
        strict_1.default.deepEqual(diff.totals, { added: 0, removed: 0, changed: 2 });
        const orders = entityOf(diff, 'orders');
        strict_1.default.deepEqual([orders.added, orders.removed], [[], []]);
        strict_1.default.equal(orders.changed.length, 1);
        strict_1.default.deepEqual([orders.changed[0].id, orders.changed[0].newId], [oldId, newId]);
        // The path is the restore projection's (comparable), which names the first item's quantity.
        strict_1.default.ok(orders.changed[0].changes.some((c) => /\[0\]/.test(c.path) && c.before === quantity && c.after === quantity + 2), JSON.stringify(orders.changed[0].changes));
        strict_1.default.equal(orders.restoredCount, lost.affected.orders.length, 'the changed one is still a restored record');
        strict_1.default.equal(orders.restored.length, lost.affected.orders.length - 1);
        const items = entityOf(diff, 'order_items');
        strict_1.default.deepEqual([items.added, items.removed], [[], []]);
        strict_1.default.deepEqual(items.changed, [
            { id: oldItem, newId: newItem, changes: [{ path: 'quantity', before: quantity, after: quantity + 2 }] },
        ]);
    });
});
describe('keap-vault diff: exit codes and restores', function () {
    this.timeout(120_000);
    const saved = { ...process.env };
    after(async () => {
        process.env = { ...saved };
        await (0, emulator_1.closeTestAccounts)();
    });
    async function cli(args) {
        const io = (0, cliIo_1.captureIo)();
        const code = await (0, main_1.runCli)(['--unlimited', ...args], io);
        return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
    }
    it('exits 1 with differences and 0 without; a clean restore reads 0 differences, using the ledger beside the snapshot or --ledger', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 'cli-diff-restore', size: 50 });
        store.clock = () => new Date('2026-11-26T12:00:00Z');
        const { emulator } = await (0, emulator_1.startTestAccount)({ store });
        process.env.KEAP_API_URL = emulator.apiBaseUrl;
        process.env.KEAP_API_KEY = emulator.token;
        const dir = (0, snapshots_1.tempDir)();
        const snapshot = node_path_1.default.join(dir, 'before.kvsnap');
        strict_1.default.equal((await cli(['snapshot', '--out', snapshot])).code, 0);
        const same = await cli(['diff', snapshot, snapshot]);
        strict_1.default.equal(same.code, 0);
        strict_1.default.match(same.out, /^No differences\.$/m);
        const lost = (0, disasters_1.applyDisaster)(store, { kind: 'delete-orders', count: 4, seed: 5 });
        const damaged = await cli(['diff', snapshot, 'live']);
        strict_1.default.equal(damaged.code, 1, damaged.err);
        strict_1.default.match(damaged.out, /^orders: \d+ -> \d+ \(\+0 added, -4 removed, 0 changed\)$/m);
        const planFile = node_path_1.default.join(dir, 'plan.json');
        strict_1.default.equal((await cli(['plan', snapshot, '--out', planFile])).code, 0);
        strict_1.default.equal((await cli(['apply', planFile])).code, 0);
        const ledgerName = (0, node_fs_1.readdirSync)(dir).find((f) => f.endsWith('.kvledger'));
        const idMap = await (0, ledgerIdMap_1.readIdMap)(node_path_1.default.join(dir, ledgerName));
        // One restored order loses its marker (edited in Keap): only the ledger still knows it.
        const [first, ...others] = sorted(lost.affected.orders);
        const firstNewId = idMap.find((e) => e.entity === 'orders' && e.oldId === first).newId;
        store.orders.get(Number(firstNewId)).custom = {};
        const restored = await cli(['diff', snapshot, 'live']);
        strict_1.default.equal(restored.code, 0, restored.out);
        strict_1.default.match(restored.out, /^Restore ledger: .*\.kvledger$/m);
        strict_1.default.match(restored.out, /^orders: (\d+) -> \1 \(no differences; 4 records restored under new ids\)$/m);
        strict_1.default.match(restored.out, /^custom_fields: \d+ -> \d+ \(no differences; 1 restore marker field\)$/m);
        strict_1.default.match(restored.out, /^0 differences \(\d+ records restored under new ids, 1 restore marker field\)$/m);
        const json = await cli(['diff', snapshot, 'live', '--json']);
        strict_1.default.equal(json.code, 0);
        const diff = JSON.parse(json.out);
        strict_1.default.deepEqual(entityOf(diff, 'orders').restored, sorted(lost.affected.orders).map((oldId) => ({ oldId, newId: idMap.find((e) => e.entity === 'orders' && e.oldId === oldId).newId })));
        // The ledger moved elsewhere: markers pair the others, the unmarked one is lost and added (exit 1)…
        const elsewhere = node_path_1.default.join(dir, 'moved');
        (0, node_fs_1.mkdirSync)(elsewhere);
        for (const file of [ledgerName, `${ledgerName}.journal`])
            if ((0, node_fs_1.existsSync)(node_path_1.default.join(dir, file)))
                (0, node_fs_1.renameSync)(node_path_1.default.join(dir, file), node_path_1.default.join(elsewhere, file));
        const markersOnly = await cli(['diff', snapshot, 'live', '--entity', 'orders']);
        strict_1.default.equal(markersOnly.code, 1);
        strict_1.default.match(markersOnly.out, new RegExp(`^orders: \\d+ -> \\d+ \\(\\+1 added, -1 removed, 0 changed; ${others.length} records? restored under new ids\\)$`, 'm'));
        strict_1.default.match(markersOnly.out, new RegExp(`^  removed: ${first}$`, 'm'));
        // …and --ledger names it.
        const named = await cli(['diff', snapshot, 'live', '--entity', 'orders', '--ledger', node_path_1.default.join(elsewhere, ledgerName)]);
        strict_1.default.equal(named.code, 0, named.out);
        strict_1.default.equal((await cli(['diff', snapshot, 'live', '--ledger', node_path_1.default.join(dir, 'none.kvledger')])).code, 2);
    });
});
//# sourceMappingURL=diff.test.js.map