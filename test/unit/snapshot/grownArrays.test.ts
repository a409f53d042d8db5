/**
 * The writer thread's full collection when sql.js's file has grown (grownArrays.ts): the arrays
 * left behind are freed, and no experimental warning reaches the user's terminal.
 */
import assert from 'node:assert/strict';
import { measureMemory } from 'node:vm';
import { GrownArrays } from '../../../src/core/snapshot/grownArrays';

describe('Collecting the arrays a growing database leaves behind', () => {
  it('frees arrays no longer referenced once they add up to a quarter more, and prints no warning', async () => {
    // Earlier tests leave snapshots' reservations (fileRoom.ts, 2 GiB each, counted whole) for V8 to
    // free when it will: start from a collected heap, as a writer's new thread does.
    const emitWarning = process.emitWarning;
    process.emitWarning = () => undefined;
    await measureMemory({ mode: 'summary', execution: 'eager' })
      .catch(() => undefined)
      .finally(() => (process.emitWarning = emitWarning));
    const grown = new GrownArrays();
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      // As sql.js grows its file: a larger array, the old one copied into it and dropped.
      let file: Uint8Array | undefined = new Uint8Array(96 * 1024 * 1024).fill(1);
      file = new Uint8Array(file.length + 32 * 1024 * 1024).fill(2);
      const before = process.memoryUsage().arrayBuffers;
      file = undefined;
      await grown.collectIfGrown();
      const after = process.memoryUsage().arrayBuffers;
      assert.ok(before - after >= 96 * 1024 * 1024, `${(before - after) / 1048576} MiB freed`);
      assert.equal(file, undefined);
      await new Promise((resolve) => setImmediate(resolve)); // a warning is emitted on the next tick
      assert.deepEqual(
        warnings.map((w) => w.name),
        [],
      );
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('does nothing while the arrays have not grown', async () => {
    const grown = new GrownArrays();
    const kept = new Uint8Array(8 * 1024 * 1024).fill(3);
    await grown.collectIfGrown(); // nothing to do, and nothing that fails
    assert.equal(kept[0], 3);
  });
});
