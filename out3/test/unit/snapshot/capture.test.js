"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const capture_1 = require("../../../src/core/snapshot/capture");
const entities_1 = require("../../../src/core/snapshot/entities");
const journal_1 = require("../../../src/core/snapshot/journal");
const errors_1 = require("../../../src/core/snapshot/errors");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const disasters_1 = require("../../../src/emulator/disasters");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const emulator_1 = require("../support/emulator");
const snapshots_1 = require("../support/snapshots");
/** Every record of every table, as sorted (id, json) pairs: equal content regardless of row order. */
function content(db) {
    return Object.fromEntries(entities_1.SNAPSHOT_ENTITIES.map((e) => [e, [...db.rows(e)].map((r) => `${r.id}\u0000${r.json}`).sort()]));
}
async function account(size, seed = 21) {
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed, size });
    return (0, emulator_1.startTestAccount)({ store });
}
/** A capture the user cancels once 12 pages are in: the journal holds them, no snapshot is written. */
async function cancelledAfter12Pages(options) {
    const controller = new AbortController();
    let pagesSeen = 0;
    await strict_1.default.rejects((0, capture_1.captureSnapshot)({
        ...options,
        signal: controller.signal,
        onProgress: (p) => {
            if (!p.done && ++pagesSeen === 12)
                controller.abort(new Error('cancelled by the user'));
        },
    }), /cancelled by the user/);
}
describe('Capture: live account -> snapshot', function () {
    this.timeout(60_000);
    after(emulator_1.closeTestAccounts);
    it('reads every entity with ceil(N/1000) requests each (+4 custom-field models), tags with contacts, items with orders', async () => {
        const { client, store } = await account(1500);
        const out = node_path_1.default.join((0, snapshots_1.tempDir)(), 'full.kvsnap');
        const progress = [];
        const result = await (0, capture_1.captureSnapshot)({ client, out, onProgress: (p) => progress.push(p) });
        const db = await snapshotDb_1.SnapshotDb.open(out);
        const counts = db.counts();
        strict_1.default.equal(counts.contacts, store.contacts.size);
        strict_1.default.equal(counts.orders, store.orders.size);
        strict_1.default.equal(counts.order_items, [...store.orders.values()].reduce((n, o) => n + o.items.length, 0));
        strict_1.default.equal(counts.payments, store.payments.size);
        strict_1.default.equal(counts.transactions, store.payments.size);
        strict_1.default.equal(counts.contact_tags, [...store.contactTags.values()].reduce((n, m) => n + m.size, 0));
        strict_1.default.equal(counts.subscription_plans, store.plans.size);
        const pages = (n) => Math.max(1, Math.ceil(n / 1000));
        const expected = pages(store.contacts.size) +
            pages(store.companies.size) +
            pages(store.products.size) +
            pages(store.orders.size) +
            2 * pages(store.payments.size) +
            pages(store.subscriptions.size) +
            pages(store.tags.size) +
            pages(store.campaigns.size) +
            pages(store.notes.size) +
            4;
        strict_1.default.equal(result.requests, expected);
        strict_1.default.equal(result.meta.requests, expected);
        strict_1.default.equal(db.meta().account, 'emulator.keap-vault.local');
        strict_1.default.ok(progress.some((p) => p.entity === 'orders' && p.done && p.records === store.orders.size));
        strict_1.default.ok(!(0, node_fs_1.existsSync)(journal_1.CaptureJournal.dirFor(out)), 'the journal is gone once the snapshot is written');
        db.close();
    });
    it('a cancelled capture resumes where it stopped and ends with the same snapshot, without re-reading finished pages', async () => {
        const { client } = await account(400);
        const dir = (0, snapshots_1.tempDir)();
        const straight = node_path_1.default.join(dir, 'straight.kvsnap');
        const straightResult = await (0, capture_1.captureSnapshot)({ client, out: straight, pageSize: 50 });
        const out = node_path_1.default.join(dir, 'resumed.kvsnap');
        await cancelledAfter12Pages({ client, out, pageSize: 50 });
        strict_1.default.ok(!(0, node_fs_1.existsSync)(out), 'no snapshot file from a cancelled capture');
        const journal = (await journal_1.CaptureJournal.find(journal_1.CaptureJournal.dirFor(out)));
        const readBefore = Object.values(journal.state.tasks).reduce((n, t) => n + t.pages, 0);
        strict_1.default.ok(readBefore >= 12);
        // Simulate a crash after a page was written but before its cursor was recorded.
        await node_fs_1.promises.appendFile(journal.file('contacts'), '{"id":"999999","given_name":"half-written"}\n');
        const resumed = await (0, capture_1.captureSnapshot)({ client, out, pageSize: 50 });
        strict_1.default.equal(resumed.resumed, true);
        strict_1.default.ok(resumed.requests <= straightResult.requests - readBefore + 9, `resumed run made ${resumed.requests} requests`);
        const a = await snapshotDb_1.SnapshotDb.open(straight);
        const b = await snapshotDb_1.SnapshotDb.open(out);
        strict_1.default.deepEqual(content(b), content(a));
        strict_1.default.equal(b.contentChecksum(), a.contentChecksum());
        a.close();
        b.close();
    });
    it("an encrypted capture's journal holds no record in clear, and resumes only with the same key", async () => {
        const { client, store } = await account(400, 44);
        const dir = (0, snapshots_1.tempDir)();
        const straight = node_path_1.default.join(dir, 'straight.kvsnap');
        await (0, capture_1.captureSnapshot)({ client, out: straight, pageSize: 50 });
        const out = node_path_1.default.join(dir, 'secret.kvsnap');
        await cancelledAfter12Pages({ client, out, key: 's3cret', pageSize: 50 });
        const journalDir = journal_1.CaptureJournal.dirFor(out);
        const written = Buffer.concat(await Promise.all((await node_fs_1.promises.readdir(journalDir)).map((f) => node_fs_1.promises.readFile(node_path_1.default.join(journalDir, f)))));
        const emails = [...store.contacts.values()].flatMap((c) => (c.email_addresses ?? []).map((e) => e.email)).slice(0, 50);
        strict_1.default.ok(emails.length > 10);
        for (const email of emails)
            strict_1.default.ok(!written.includes(email), `${email} is not in the journal in clear`);
        strict_1.default.ok(written.length > 20_000, 'pages were journaled');
        await strict_1.default.rejects((0, capture_1.captureSnapshot)({ client, out, key: 'not the key', pageSize: 50 }), /journaled with another encryption key.*--restart/);
        const resumed = await (0, capture_1.captureSnapshot)({ client, out, key: 's3cret', pageSize: 50 });
        strict_1.default.equal(resumed.resumed, true);
        const a = await snapshotDb_1.SnapshotDb.open(straight);
        const b = await snapshotDb_1.SnapshotDb.open(out, { key: 's3cret' });
        strict_1.default.deepEqual(content(b), content(a));
        a.close();
        b.close();
    });
    it('a damaged encrypted journal is refused with a typed error naming its file and the way out (--restart), which then captures whole', async () => {
        const { client, store } = await account(400, 45);
        const out = node_path_1.default.join((0, snapshots_1.tempDir)(), 'damaged.kvsnap');
        await cancelledAfter12Pages({ client, out, key: 's3cret', pageSize: 50 });
        const journal = (await journal_1.CaptureJournal.find(journal_1.CaptureJournal.dirFor(out)));
        const [task] = Object.entries(journal.state.tasks).sort(([, a], [, b]) => b.bytes - a.bytes)[0];
        const file = journal.file(task);
        const bytes = await node_fs_1.promises.readFile(file);
        bytes[Math.floor(bytes.length / 2)] ^= 0x20; // one bit inside a sealed page
        await node_fs_1.promises.writeFile(file, bytes);
        await strict_1.default.rejects((0, capture_1.captureSnapshot)({ client, out, key: 's3cret', pageSize: 50 }), (err) => {
            strict_1.default.ok(err instanceof errors_1.SnapshotCorruptError, String(err));
            strict_1.default.equal(err.file, file);
            strict_1.default.match(err.message, /journal .* is damaged.*--restart/);
            return true;
        });
        strict_1.default.ok(!(0, node_fs_1.existsSync)(out), 'no snapshot is written from a damaged journal');
        const restarted = await (0, capture_1.captureSnapshot)({ client, out, key: 's3cret', pageSize: 50, restart: true });
        strict_1.default.equal(restarted.resumed, false);
        strict_1.default.equal(restarted.meta.counts.contacts, store.contacts.size);
        strict_1.default.equal(restarted.meta.counts.orders, store.orders.size);
    });
    it('incremental capture reads only what changed and, with the deletion check, equals a full capture', async () => {
        const { client, store } = await account(300, 33);
        const dir = (0, snapshots_1.tempDir)();
        const first = node_path_1.default.join(dir, 'first.kvsnap');
        const base = await (0, capture_1.captureSnapshot)({ client, out: first, pageSize: 50 });
        // Life goes on in the account.
        const lost = (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', count: 5, seed: 2 });
        (0, disasters_1.applyDisaster)(store, { kind: 'corrupt-orders', count: 3, seed: 3 });
        const fresh = await client.contacts.create({ given_name: 'New', email_addresses: [{ email: 'new@example.test' }] });
        const baseDb = await snapshotDb_1.SnapshotDb.open(first);
        const quick = await (0, capture_1.captureSnapshot)({
            client,
            out: node_path_1.default.join(dir, 'quick.kvsnap'),
            since: { db: baseDb, meta: baseDb.meta() },
            overlapMs: 0,
            pageSize: 50,
        });
        strict_1.default.ok(quick.requests * 2 < base.requests, `an incremental read costs ${quick.requests} requests, the full one ${base.requests}`);
        const quickDb = await snapshotDb_1.SnapshotDb.open(quick.file);
        strict_1.default.equal(quickDb.meta().incrementalFrom, base.meta.snapshotId);
        strict_1.default.equal(quickDb.meta().deletionsChecked, false);
        strict_1.default.ok(quickDb.scalar('SELECT COUNT(*) FROM contacts WHERE id = ?', [fresh.id]) === 1, 'the new contact is in');
        strict_1.default.equal(quickDb.count('contacts'), baseDb.count('contacts') + 1, 'without the check, deletions are not seen');
        const checked = await (0, capture_1.captureSnapshot)({
            client,
            out: node_path_1.default.join(dir, 'checked.kvsnap'),
            since: { db: baseDb, meta: baseDb.meta() },
            checkDeletions: true,
            overlapMs: 0,
        });
        strict_1.default.equal(checked.deleted?.contacts, lost.affected.contacts.length);
        strict_1.default.equal(checked.deleted?.orders, lost.affected.orders?.length ?? 0);
        const full = await (0, capture_1.captureSnapshot)({ client, out: node_path_1.default.join(dir, 'full.kvsnap') });
        const checkedDb = await snapshotDb_1.SnapshotDb.open(checked.file);
        const fullDb = await snapshotDb_1.SnapshotDb.open(full.file);
        strict_1.default.deepEqual(content(checkedDb), content(fullDb));
        for (const db of [baseDb, quickDb, checkedDb, fullDb])
            db.close();
    });
    it('warns when an entity shrank beyond the threshold since the previous snapshot', async () => {
        const { client, store } = await account(200, 44);
        const dir = (0, snapshots_1.tempDir)();
        const before = await (0, capture_1.captureSnapshot)({ client, out: node_path_1.default.join(dir, 'before.kvsnap') });
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-paid-orders', fraction: 0.5, seed: 1 });
        const after = await (0, capture_1.captureSnapshot)({ client, out: node_path_1.default.join(dir, 'after.kvsnap'), previous: before.meta });
        const orders = after.anomalies.find((a) => a.entity === 'orders');
        strict_1.default.ok(orders, 'orders anomaly reported');
        strict_1.default.match(orders.message, /^orders: \d[\d,]* -> \d[\d,]* \(-\d+%\)$/);
        strict_1.default.ok(!after.anomalies.some((a) => a.entity === 'contacts'));
    });
    it('writes an encrypted snapshot when given a key', async () => {
        const { client } = await account(20, 55);
        const out = node_path_1.default.join((0, snapshots_1.tempDir)(), 'secret.kvsnap');
        await (0, capture_1.captureSnapshot)({ client, out, key: 's3cret' });
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(out), /encrypted/);
        const db = await snapshotDb_1.SnapshotDb.open(out, { key: 's3cret' });
        strict_1.default.ok(db.count('orders') > 0);
        db.close();
    });
    it('counts every captured entity in the metadata', async () => {
        const { client } = await account(30, 66);
        const result = await (0, capture_1.captureSnapshot)({ client, out: node_path_1.default.join((0, snapshots_1.tempDir)(), 'm.kvsnap') });
        for (const entity of [...entities_1.CAPTURED_ENTITIES, 'order_items'])
            strict_1.default.equal(typeof result.meta.counts[entity], 'number', entity);
    });
});
//# sourceMappingURL=capture.test.js.map