"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const errors_1 = require("../../../src/core/snapshot/errors");
const query_1 = require("../../../src/core/snapshot/query");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const snapshotFile_1 = require("../../../src/core/snapshot/snapshotFile");
const snapshots_1 = require("../support/snapshots");
describe('Snapshot store', () => {
    it('saves and reopens a snapshot with its metadata, counts and checksum', async () => {
        const { file, store } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 1, size: 100 });
        const db = await snapshotDb_1.SnapshotDb.open(file);
        const meta = db.meta();
        strict_1.default.equal(meta.format, 'keap-vault-snapshot');
        strict_1.default.equal(meta.formatVersion, 2);
        strict_1.default.equal(meta.counts.contacts, store.contacts.size);
        strict_1.default.equal(meta.counts.orders, store.orders.size);
        strict_1.default.equal(meta.counts.order_items, [...store.orders.values()].reduce((n, o) => n + o.items.length, 0));
        strict_1.default.match(meta.checksum, /^[0-9a-f]{64}$/);
        strict_1.default.equal(meta.apiBaseUrl, snapshots_1.TEST_META.apiBaseUrl);
        db.close();
    });
    it('answers the queries the explorer needs: paged lists, get, an order with its contact, items and payments, search', async () => {
        const { file, store } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 2, size: 60 });
        const db = await snapshotDb_1.SnapshotDb.open(file);
        const page = (0, query_1.listRecords)(db, 'orders', { orderBy: 'order_time', descending: true, limit: 5, offset: 2 });
        strict_1.default.equal(page.length, 5);
        strict_1.default.ok(page[0].record.order_time >= page[4].record.order_time);
        const paidOrder = [...store.orders.values()].find((o) => store.paymentsOf(o.id).length > 0);
        const details = (0, query_1.orderDetails)(db, String(paidOrder.id));
        strict_1.default.equal(details.contact?.id, String(paidOrder.contact_id));
        strict_1.default.equal(details.items.length, paidOrder.items.length);
        strict_1.default.equal(details.items[0].product?.id, String(paidOrder.items[0].product_id));
        strict_1.default.deepEqual(details.payments.map((p) => p.id), store.paymentsOf(paidOrder.id).map((p) => String(p.id)));
        strict_1.default.equal((0, query_1.getRecord)(db, 'orders', '99999999'), undefined);
        const contact = store.contacts.get(paidOrder.contact_id);
        const email = contact.email_addresses[0]?.email;
        if (email)
            strict_1.default.ok((0, query_1.searchOrders)(db, email.slice(0, 5)).some((o) => o.id === String(paidOrder.id)));
        strict_1.default.deepEqual((0, query_1.searchOrders)(db, String(paidOrder.id)).map((o) => o.id)[0], String(paidOrder.id));
        strict_1.default.deepEqual((0, query_1.searchOrders)(db, "%' OR 1=1 --"), []);
        db.close();
    });
    it('encrypts at rest; without the key or with a wrong one the error is clear', async () => {
        const dir = (0, snapshots_1.tempDir)();
        const { file } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 3, size: 20 }, dir, 'correct horse');
        const bytes = await node_fs_1.promises.readFile(file);
        strict_1.default.ok(!bytes.includes(Buffer.from('SQLite format 3')));
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(file), (err) => err instanceof errors_1.SnapshotKeyError && /encrypted: supply its key/.test(err.message));
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(file, { key: 'wrong' }), (err) => err instanceof errors_1.SnapshotKeyError && /key is wrong/.test(err.message));
        const db = await snapshotDb_1.SnapshotDb.open(file, { key: 'correct horse' });
        strict_1.default.ok(db.count('contacts') > 0);
        db.close();
        strict_1.default.deepEqual(await node_fs_1.promises.readFile(file), bytes, 'opening never modifies the file');
    });
    it('rejects missing, foreign, truncated, tampered and future-version files with typed errors and leaves them untouched', async () => {
        const dir = (0, snapshots_1.tempDir)();
        const { file } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 4, size: 30 }, dir);
        const good = await node_fs_1.promises.readFile(file);
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(node_path_1.default.join(dir, 'nope.kvsnap')), errors_1.SnapshotNotFoundError);
        const foreign = node_path_1.default.join(dir, 'foreign.kvsnap');
        await node_fs_1.promises.writeFile(foreign, '{"contacts": []}');
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(foreign), errors_1.SnapshotFormatError);
        const truncated = node_path_1.default.join(dir, 'truncated.kvsnap');
        await node_fs_1.promises.writeFile(truncated, good.subarray(0, Math.floor(good.length / 2)));
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(truncated), errors_1.SnapshotCorruptError);
        // Change one indexed value inside the file, as a hand edit would: the hash catches it.
        const tampered = node_path_1.default.join(dir, 'tampered.kvsnap');
        const db = await snapshotDb_1.SnapshotDb.open(file);
        db.db.run('UPDATE orders_rows SET contact_id = contact_id + 1 WHERE rowid = 1');
        const edited = Buffer.from(db.db.export());
        await node_fs_1.promises.writeFile(tampered, Buffer.concat([edited, good.subarray(good.length - snapshotFile_1.TRAILER_BYTES)]));
        db.db.run("UPDATE meta SET value = '99' WHERE key = 'formatVersion'");
        const future = node_path_1.default.join(dir, 'future.kvsnap');
        await (0, snapshotFile_1.writeSnapshotFile)(future, db.db.export(), undefined); // a future file with a hash that verifies
        db.close();
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(tampered), (err) => err instanceof errors_1.SnapshotCorruptError && /checksum mismatch/.test(err.message));
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(future), (err) => err instanceof errors_1.SnapshotVersionError && /format 99/.test(err.message));
        const other = node_path_1.default.join(dir, 'other.sqlite');
        const plain = await snapshotDb_1.SnapshotDb.create();
        plain.db.run('DROP TABLE meta');
        await node_fs_1.promises.writeFile(other, plain.db.export());
        plain.close();
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(other), (err) => err instanceof errors_1.SnapshotFormatError && /not a Keap Vault snapshot/.test(err.message));
        strict_1.default.deepEqual(await node_fs_1.promises.readFile(file), good);
    });
    it('keeps HTML and quotes in names as data', async () => {
        const db = await snapshotDb_1.SnapshotDb.create();
        db.insert('contacts', [
            { id: '1', given_name: "<script>alert('x')</script>", family_name: "O'Brien & Sons", email_addresses: [{ email: 'a@b.test' }] },
        ]);
        strict_1.default.equal((0, query_1.getRecord)(db, 'contacts', '1')?.given_name, "<script>alert('x')</script>");
        db.close();
    });
});
//# sourceMappingURL=snapshotDb.test.js.map