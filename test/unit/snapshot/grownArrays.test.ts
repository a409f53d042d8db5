/**
 * The writer thread's full collection when sql.js's file has grown (grownArrays.ts): the arrays
 * left behind are freed, and no experimental warning reaches the user's terminal.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { GrownArrays } from '../../../src/core/snapshot/grownArrays';

/**
 * Runs on a thread of its own, as the writer does: its array buffers are its own. (On the test
 * runner's thread, snapshots earlier tests made keep their reservations, 2 GiB each and counted
 * whole, until V8 frees them, and the quarter-more rule then waits for gigabytes.)
 */
const ON_A_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { GrownArrays } = require(workerData);
(async () => {
  const grown = new GrownArrays();
  const warnings = [];
  process.on('warning', (w) => warnings.push(w.name));
  // As sql.js grows its file: a larger array, the old one copied into it and dropped.
  let file = new Uint8Array(96 * 1024 * 1024).fill(1);
  file = new Uint8Array(file.length + 32 * 1024 * 1024).fill(2);
  const before = process.memoryUsage().arrayBuffers;
  file = undefined;
  await grown.collectIfGrown();
  const after = process.memoryUsage().arrayBuffers;
  await new Promise((resolve) => setImmediate(resolve)); // a warning is emitted on the next tick
  parentPort.postMessage({ freed: before - after, warnings });
})();
`;

describe('Collecting the arrays a growing database leaves behind', () => {
  it('frees arrays no longer referenced once they add up to a quarter more, and prints no warning', async () => {
    const module = path.join(__dirname, '../../../src/core/snapshot/grownArrays.js');
    const worker = new Worker(ON_A_THREAD, { eval: true, workerData: module, stderr: true });
    let stderr = '';
    worker.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const { freed, warnings } = await new Promise<{ freed: number; warnings: string[] }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    assert.ok(freed >= 96 * 1024 * 1024, `${freed / 1048576} MiB freed`);
    assert.deepEqual(warnings, []);
    assert.equal(stderr, '', 'nothing printed on the thread');
  });

  it('does nothing while the arrays have not grown', async () => {
    const grown = new GrownArrays();
    const kept = new Uint8Array(8 * 1024 * 1024).fill(3);
    await grown.collectIfGrown(); // nothing to do, and nothing that fails
    assert.equal(kept[0], 3);
  });
});
