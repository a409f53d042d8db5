"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * A full capture builds its snapshot on a thread of its own (snapshotWriter.ts): what comes out must
 * be what the same pages stored on the capture's thread would be, and a thread that ends must say
 * so, not leave the capture waiting.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_path_1 = __importDefault(require("node:path"));
const entities_1 = require("../../../src/core/snapshot/entities");
const errors_1 = require("../../../src/core/snapshot/errors");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const snapshotWriter_1 = require("../../../src/core/snapshot/snapshotWriter");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const accountSnapshot_1 = require("../../fixtures/accountSnapshot");
const snapshots_1 = require("../support/snapshots");
/** The database's indexes, by name and definition. */
function indexesOf(db) {
    return db.db
        .exec("SELECT name || ': ' || sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")[0]
        .values.map((row) => String(row[0]));
}
describe("The snapshot writer's thread", () => {
    it('stores pages of every entity, interleaved as a capture sends them, exactly as they would be stored here (encrypted save)', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 'writer-thread', size: 120 });
        const reference = await (0, accountSnapshot_1.snapshotOfAccount)(store);
        const expected = (0, snapshots_1.everyRecord)(reference);
        const pages = entities_1.CAPTURED_ENTITIES.map((entity) => ({ entity, jsons: [...reference.rows(entity)].map((r) => r.json) }));
        const indexes = indexesOf(reference);
        reference.close();
        const writer = new snapshotWriter_1.SnapshotWriter();
        const file = node_path_1.default.join((0, snapshots_1.tempDir)(), 'threaded.kvsnap');
        try {
            // Pages of 37 records, one entity after another in turn, as concurrent list reads arrive.
            for (let start = 0; pages.some((p) => start < p.jsons.length); start += 37) {
                await Promise.all(pages
                    .filter((p) => start < p.jsons.length)
                    .map(async (p) => {
                    const jsons = p.jsons.slice(start, start + 37);
                    await writer.insert(p.entity, jsons.map((j) => JSON.parse(j)), jsons);
                    // An entity read to its end has its indexes built while the others are still coming.
                    if (start + 37 >= p.jsons.length)
                        await writer.entityDone(p.entity);
                }));
            }
            const meta = await writer.save(file, snapshots_1.TEST_META, { key: 'thread-key' });
            strict_1.default.equal(meta.counts.orders, store.orders.size);
            strict_1.default.ok((meta.counts.order_items ?? 0) > store.orders.size, 'child rows are prepared on this thread and stored on the other');
        }
        finally {
            await writer.close();
        }
        const reopened = await snapshotDb_1.SnapshotDb.open(file, { key: 'thread-key' });
        strict_1.default.deepEqual((0, snapshots_1.everyRecord)(reopened), expected);
        strict_1.default.deepEqual(indexesOf(reopened), indexes, 'the same indexes, built early or at the end');
        strict_1.default.ok(indexes.length > 20);
        reopened.close();
    });
    it('a thread that ends settles the page in flight (never leaves the capture waiting) and refuses later ones with a typed error that says nothing read is lost', async () => {
        const writer = new snapshotWriter_1.SnapshotWriter();
        const records = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, given_name: `Ana ${i}` }));
        await writer.insert('contacts', records.slice(0, 1), [JSON.stringify(records[0])]);
        // Large enough that the thread is most likely still storing it when it is ended.
        const inFlight = writer.insert('contacts', records, records.map((r) => JSON.stringify(r)));
        await writer.worker.terminate();
        const isStopped = (err) => {
            strict_1.default.ok(err instanceof errors_1.SnapshotWriterError);
            strict_1.default.match(err.message, /snapshot writer stopped.*every page is in the capture's journal/s);
            return true;
        };
        await inFlight.then(() => undefined, // stored before the end came: also fine
        (err) => isStopped(err));
        await strict_1.default.rejects(writer.insert('contacts', records.slice(0, 1), [JSON.stringify(records[0])]), isStopped);
        await writer.close();
    });
});
//# sourceMappingURL=snapshotWriter.test.js.map