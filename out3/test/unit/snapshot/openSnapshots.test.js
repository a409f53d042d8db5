"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The snapshots a window keeps open: within a memory budget, least recently used first out, never
 * one that work is holding or that was read just now; one left unused long enough is closed anyway.
 * A closed snapshot opens again on the next read.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const openSnapshots_1 = require("../../../src/core/snapshot/openSnapshots");
const MB = 1024 * 1024;
function harness(budgetMb) {
    let now = 0;
    const opened = [];
    const closed = [];
    const sizes = { a: 400 * MB, b: 400 * MB, c: 400 * MB, big: 900 * MB };
    const cache = new openSnapshots_1.OpenSnapshots({
        open: async (file) => {
            opened.push(file);
            return { close: () => closed.push(file) };
        },
        budgetBytes: () => budgetMb * MB,
        sizeOf: async (file) => sizes[file],
        now: () => now,
        graceMs: 30_000,
        idleMs: 600_000,
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    return { cache, opened, closed, settle, advance: (ms) => (now += ms) };
}
describe('Snapshots kept open in a window', () => {
    it('beyond the budget closes the least recently used one, and a read opens it again', async () => {
        const { cache, opened, closed, settle, advance } = harness(1000);
        await cache.get('a');
        advance(60_000);
        await cache.get('b');
        advance(60_000);
        await cache.get('a'); // a is now the more recent
        advance(60_000);
        await cache.get('c');
        await settle();
        strict_1.default.deepEqual(closed, ['b'], 'b was read least recently');
        strict_1.default.deepEqual(cache.openFiles.sort(), ['a', 'c']);
        strict_1.default.ok(cache.openBytes <= 1000 * MB);
        await cache.get('b');
        strict_1.default.deepEqual(opened, ['a', 'b', 'c', 'b'], 'opened again when read again');
    });
    it('never closes a snapshot that work holds or that was read within the grace time, even over budget', async () => {
        const { cache, closed, settle, advance } = harness(500);
        const held = await cache.hold('a');
        advance(60_000);
        await cache.get('b');
        advance(5_000);
        await cache.get('c');
        await settle();
        strict_1.default.deepEqual(closed, [], 'a is held, b was read 5 s ago, c was just opened');
        advance(60_000);
        cache.sweep();
        await settle();
        strict_1.default.deepEqual(closed, ['b', 'c'], 'past the grace time, b then c go (least recently read first); a is still held');
        strict_1.default.deepEqual(cache.openFiles, ['a']);
        held.release();
        advance(60_000);
        cache.sweep();
        await settle();
        strict_1.default.deepEqual(closed, ['b', 'c'], 'released, a alone fits the budget and stays');
    });
    it('work running in `use` keeps its snapshot; one unused for the idle time is closed anyway', async () => {
        const { cache, closed, settle, advance } = harness(10_000);
        let release;
        const running = cache.use('big', () => new Promise((resolve) => (release = resolve)));
        await cache.get('a');
        advance(700_000);
        cache.sweep();
        await settle();
        strict_1.default.deepEqual(closed, ['a'], 'a was unused for more than 10 minutes; big is in use');
        release();
        await running;
        advance(700_000);
        cache.sweep();
        await settle();
        strict_1.default.deepEqual(closed, ['a', 'big']);
    });
    it('a snapshot that fails to open is not kept: the next read tries again', async () => {
        let attempts = 0;
        const cache = new openSnapshots_1.OpenSnapshots({
            open: async () => {
                attempts++;
                throw new Error('wrong key');
            },
            budgetBytes: () => MB,
        });
        await strict_1.default.rejects(cache.get('x'), /wrong key/);
        await new Promise((resolve) => setTimeout(resolve, 0));
        await strict_1.default.rejects(cache.get('x'), /wrong key/);
        strict_1.default.equal(attempts, 2);
        strict_1.default.deepEqual(cache.openFiles, []);
    });
});
//# sourceMappingURL=openSnapshots.test.js.map