"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Opening a large snapshot (issue 12: the extension host must stay responsive): the read reports
 * bytes going only forward up to the file's size, gives timers their turn, and a cancelled open
 * rejects with CancelledError, leaves nothing open in the cache, and the next read opens the file.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const openSnapshots_1 = require("../../../src/core/snapshot/openSnapshots");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const cancelled_1 = require("../../../src/core/work/cancelled");
const snapshots_1 = require("../support/snapshots");
const KEY = 'open-progress-secret';
describe('Opening a snapshot with progress and cancellation', function () {
    this.timeout(120_000);
    let plain;
    let encrypted;
    before(async () => {
        // About 4.5 MB: more than one 4 MiB piece.
        ({ file: plain } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 'open-progress', size: 3000 }));
        ({ file: encrypted } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 'open-progress', size: 3000 }, undefined, KEY));
    });
    for (const kind of ['plain', 'encrypted']) {
        it(`${kind}: reports bytes read only forward up to the file's size, then loading, while timers keep running`, async () => {
            const file = kind === 'plain' ? plain : encrypted;
            const size = (0, node_fs_1.statSync)(file).size;
            const reports = [];
            let ticks = 0;
            const timer = setInterval(() => ticks++, 1);
            const db = await snapshotDb_1.SnapshotDb.open(file, { key: kind === 'encrypted' ? KEY : undefined, onProgress: (p) => reports.push(p) }).finally(() => clearInterval(timer));
            try {
                strict_1.default.ok(db.count('contacts') > 0);
                const reading = reports.filter((p) => p.step === 'Reading and verifying');
                strict_1.default.ok(reading.length >= Math.ceil(size / (4 * 1024 * 1024)) && reading.length >= 2, `${reading.length} reports for ${size} bytes`);
                for (const [i, p] of reading.entries()) {
                    strict_1.default.equal(p.total, size);
                    if (i)
                        strict_1.default.ok(p.done > reading[i - 1].done, 'only forward');
                }
                strict_1.default.equal(reading.at(-1).done, size - (kind === 'encrypted' ? 16 : 0), 'every byte before the tag was read');
                strict_1.default.equal(reports.at(-1).step, 'Loading');
                strict_1.default.ok(ticks > 0, 'timers ran during the open');
            }
            finally {
                db.close();
            }
        });
    }
    it('cancelled while reading: rejects with CancelledError', async () => {
        const controller = new AbortController();
        const opening = snapshotDb_1.SnapshotDb.open(plain, { signal: controller.signal, onProgress: () => controller.abort() });
        await strict_1.default.rejects(opening, (err) => err instanceof cancelled_1.CancelledError && err.message.includes('was cancelled'));
    });
    it('in the cache: a cancelled open is forgotten and the next read opens the snapshot again', async () => {
        const opened = [];
        const cache = new openSnapshots_1.OpenSnapshots({
            open: async (file, control) => {
                const db = await snapshotDb_1.SnapshotDb.open(file, control);
                opened.push(db);
                return db;
            },
            budgetBytes: () => 1024 ** 3,
        });
        const controller = new AbortController();
        let reports = 0;
        const first = cache.get(plain, { signal: controller.signal, onProgress: () => ++reports === 2 && controller.abort() });
        await strict_1.default.rejects(first, cancelled_1.CancelledError);
        strict_1.default.deepEqual(cache.openFiles, [], 'nothing half open is kept');
        await new Promise((resolve) => setTimeout(resolve, 50));
        strict_1.default.equal(opened.length, 0, 'the open itself stopped');
        const again = await cache.get(plain);
        strict_1.default.ok(again.count('contacts') > 0);
        strict_1.default.deepEqual(cache.openFiles, [plain]);
        cache.closeAll();
    });
    it('in the cache: one caller giving up does not stop the open for another still waiting', async () => {
        const cache = new openSnapshots_1.OpenSnapshots({ open: (file, control) => snapshotDb_1.SnapshotDb.open(file, control), budgetBytes: () => 1024 ** 3 });
        const controller = new AbortController();
        const givingUp = cache.get(plain, { signal: controller.signal });
        const waiting = cache.get(plain, { signal: new AbortController().signal });
        controller.abort();
        await strict_1.default.rejects(givingUp, cancelled_1.CancelledError);
        const db = await waiting;
        strict_1.default.ok(db.count('contacts') > 0);
        strict_1.default.deepEqual(cache.openFiles, [plain]);
        cache.closeAll();
    });
});
//# sourceMappingURL=openProgress.test.js.map