"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Snapshot format 2 (records compressed in blocks, child rows rebuilt from their parents, a hash
 * over the whole file) and format 1 files, which stay readable.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const entities_1 = require("../../../src/core/snapshot/entities");
const errors_1 = require("../../../src/core/snapshot/errors");
const query_1 = require("../../../src/core/snapshot/query");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const sqlite_1 = require("../../../src/core/snapshot/sqlite");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const accountSnapshot_1 = require("../../fixtures/accountSnapshot");
const snapshots_1 = require("../support/snapshots");
/** Written by Keap Vault 0.1.0 (format 1) from the generator's seed 'format-1' at size 12. */
const FORMAT_1 = node_path_1.default.join(__dirname, '../../../../test/fixtures/snapshots/format-1.kvsnap');
const FORMAT_1_ENCRYPTED = node_path_1.default.join(__dirname, '../../../../test/fixtures/snapshots/format-1-encrypted.kvsnap');
const FORMAT_1_KEY = 'format-1-fixture-key';
describe('Snapshot format 2', () => {
    it('gives back every record exactly as it was stored, child rows included, through an encrypted save and open', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 'format-2', size: 150 });
        const db = await (0, accountSnapshot_1.snapshotOfAccount)(store);
        const before = (0, snapshots_1.everyRecord)(db);
        strict_1.default.ok(before.get('order_items').length > 150, 'orders carry items: child rows are part of the comparison');
        const file = node_path_1.default.join((0, snapshots_1.tempDir)(), 'encrypted.kvsnap');
        const saved = await db.save(file, snapshots_1.TEST_META, { key: 'k2' });
        db.close();
        const bytes = await node_fs_1.promises.readFile(file);
        strict_1.default.ok(!bytes.includes(Buffer.from('SQLite format 3')), 'nothing readable without the key');
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(file, { key: 'wrong' }), errors_1.SnapshotKeyError);
        const reopened = await snapshotDb_1.SnapshotDb.open(file, { key: 'k2' });
        strict_1.default.equal(reopened.meta().formatVersion, 2);
        strict_1.default.equal(reopened.meta().checksum, saved.checksum);
        strict_1.default.deepEqual((0, snapshots_1.everyRecord)(reopened), before);
        const order = [...store.orders.values()].find((o) => o.items.length > 1);
        strict_1.default.equal((0, query_1.orderDetails)(reopened, String(order.id)).items.length, order.items.length);
        reopened.close();
        strict_1.default.deepEqual(await node_fs_1.promises.readFile(file), bytes, 'opening never modifies the file');
    });
    it('is smaller than the JSON it holds, indexes included', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 'format-2-size', size: 400 });
        const db = await (0, accountSnapshot_1.snapshotOfAccount)(store);
        const json = entities_1.SNAPSHOT_ENTITIES.filter((e) => e !== 'order_items' && e !== 'contact_tags' && e !== 'subscription_plans')
            .flatMap((e) => [...db.rows(e)])
            .reduce((n, r) => n + Buffer.byteLength(r.json), 0);
        const file = node_path_1.default.join((0, snapshots_1.tempDir)(), 'small.kvsnap');
        await db.save(file, snapshots_1.TEST_META);
        db.close();
        const { size } = await node_fs_1.promises.stat(file);
        strict_1.default.ok(size < json, `${size} bytes of file for ${json} bytes of JSON`);
    });
    it('refuses a file changed by one byte, cut short, or without its checksum', async () => {
        const dir = (0, snapshots_1.tempDir)();
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 'format-2-damage', size: 40 });
        const db = await (0, accountSnapshot_1.snapshotOfAccount)(store);
        const file = node_path_1.default.join(dir, 'good.kvsnap');
        await db.save(file, snapshots_1.TEST_META);
        db.close();
        const good = await node_fs_1.promises.readFile(file);
        const flipped = Buffer.from(good);
        flipped[Math.floor(good.length / 2)] ^= 0x01;
        await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'flipped.kvsnap'), flipped);
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(node_path_1.default.join(dir, 'flipped.kvsnap')), (err) => err instanceof errors_1.SnapshotCorruptError && /checksum mismatch/.test(err.message));
        await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'cut.kvsnap'), good.subarray(0, good.length - 200));
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(node_path_1.default.join(dir, 'cut.kvsnap')), errors_1.SnapshotCorruptError);
        const imageOnly = good.subarray(0, good.lastIndexOf(Buffer.from('\nKEAPVAULT-SHA256 ')));
        await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'image-only.kvsnap'), imageOnly);
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(node_path_1.default.join(dir, 'image-only.kvsnap')), (err) => err instanceof errors_1.SnapshotCorruptError && /checksum is missing/.test(err.message));
    });
});
describe('Snapshot format 1 (files written by Keap Vault 0.1)', () => {
    it('opens, verifies and answers queries, plain and encrypted', async () => {
        for (const [file, key] of [
            [FORMAT_1, undefined],
            [FORMAT_1_ENCRYPTED, FORMAT_1_KEY],
        ]) {
            const db = await snapshotDb_1.SnapshotDb.open(file, { key });
            const meta = db.meta();
            strict_1.default.equal(meta.formatVersion, 1);
            strict_1.default.ok(meta.counts.orders > 0);
            strict_1.default.deepEqual(db.counts().orders, meta.counts.orders);
            const order = db.all('SELECT id FROM orders ORDER BY rowid LIMIT 1')[0];
            const details = (0, query_1.orderDetails)(db, order.id);
            strict_1.default.ok(details.items.length > 0);
            strict_1.default.equal(String((0, query_1.getRecord)(db, 'orders', order.id)?.id), order.id);
            db.close();
        }
    });
    it('is still verified: a record changed inside the file is caught', async () => {
        const SQL = await (0, sqlite_1.loadSqlJs)();
        const db = new SQL.Database(await node_fs_1.promises.readFile(FORMAT_1));
        db.run('UPDATE orders SET json = replace(json, \'"status":"\', \'"status":"X\') WHERE rowid = 1');
        const file = node_path_1.default.join((0, snapshots_1.tempDir)(), 'changed-v1.kvsnap');
        await node_fs_1.promises.writeFile(file, db.export());
        db.close();
        await strict_1.default.rejects(snapshotDb_1.SnapshotDb.open(file), (err) => err instanceof errors_1.SnapshotCorruptError && /checksum mismatch/.test(err.message));
    });
});
//# sourceMappingURL=format.test.js.map