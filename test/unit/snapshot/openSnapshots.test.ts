/**
 * The snapshots a window keeps open: within a memory budget, least recently used first out, never
 * one that work is holding or that was read just now; one left unused long enough is closed anyway.
 * A closed snapshot opens again on the next read.
 */
import assert from 'node:assert/strict';
import { OpenSnapshots } from '../../../src/core/snapshot/openSnapshots';
import type { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';

const MB = 1024 * 1024;

function harness(budgetMb: number) {
  let now = 0;
  const opened: string[] = [];
  const closed: string[] = [];
  const sizes: Record<string, number> = { a: 400 * MB, b: 400 * MB, c: 400 * MB, big: 900 * MB };
  const cache = new OpenSnapshots({
    open: async (file) => {
      opened.push(file);
      return { close: () => closed.push(file), verified: async () => undefined } as unknown as SnapshotDb;
    },
    budgetBytes: () => budgetMb * MB,
    sizeOf: async (file) => sizes[file],
    now: () => now,
    graceMs: 30_000,
    idleMs: 600_000,
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { cache, opened, closed, settle, advance: (ms: number) => (now += ms) };
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
    assert.deepEqual(closed, ['b'], 'b was read least recently');
    assert.deepEqual(cache.openFiles.sort(), ['a', 'c']);
    assert.ok(cache.openBytes <= 1000 * MB);
    await cache.get('b');
    assert.deepEqual(opened, ['a', 'b', 'c', 'b'], 'opened again when read again');
  });

  it('never closes a snapshot that work holds or that was read within the grace time, even over budget', async () => {
    const { cache, closed, settle, advance } = harness(500);
    const held = await cache.hold('a');
    advance(60_000);
    await cache.get('b');
    advance(5_000);
    await cache.get('c');
    await settle();
    assert.deepEqual(closed, [], 'a is held, b was read 5 s ago, c was just opened');
    advance(60_000);
    cache.sweep();
    await settle();
    assert.deepEqual(closed, ['b', 'c'], 'past the grace time, b then c go (least recently read first); a is still held');
    assert.deepEqual(cache.openFiles, ['a']);
    held.release();
    advance(60_000);
    cache.sweep();
    await settle();
    assert.deepEqual(closed, ['b', 'c'], 'released, a alone fits the budget and stays');
  });

  it('work running in `use` keeps its snapshot; one unused for the idle time is closed anyway', async () => {
    const { cache, closed, settle, advance } = harness(10_000);
    let release!: () => void;
    const running = cache.use('big', () => new Promise<void>((resolve) => (release = resolve)));
    await cache.get('a');
    advance(700_000);
    cache.sweep();
    await settle();
    assert.deepEqual(closed, ['a'], 'a was unused for more than 10 minutes; big is in use');
    release();
    await running;
    advance(700_000);
    cache.sweep();
    await settle();
    assert.deepEqual(closed, ['a', 'big']);
  });

  it('a snapshot that fails to open is not kept: the next read tries again', async () => {
    let attempts = 0;
    const cache = new OpenSnapshots({
      open: async () => {
        attempts++;
        throw new Error('wrong key');
      },
      budgetBytes: () => MB,
    });
    await assert.rejects(cache.get('x'), /wrong key/);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await assert.rejects(cache.get('x'), /wrong key/);
    assert.equal(attempts, 2);
    assert.deepEqual(cache.openFiles, []);
  });
});
