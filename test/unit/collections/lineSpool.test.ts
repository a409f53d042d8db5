import assert from 'node:assert/strict';
import { closeSync, readdirSync } from 'node:fs';
import { LineSpool } from '../../../src/core/collections/lineSpool';
import { tempDir } from '../support/snapshots';

/*
 * What a large plan's steps wait in on disk while it is made (restore/planSteps.ts). A line lost,
 * repeated or put under another key here is a plan that misses a record or creates it twice.
 */
describe('Line spool (a large plan’s steps on disk)', () => {
  it('gives back each key’s lines in the order written, across many chunks and however the keys interleave', () => {
    const dir = tempDir('kv-spool-');
    // Small chunks: most lines end up in a chunk other than their neighbour's.
    const spool = new LineSpool<string>(dir, 64);
    const written = new Map<string, string[]>([
      ['contacts', []],
      ['orders', []],
      ['payments', []],
    ]);
    const keys = [...written.keys()];
    for (let i = 0; i < 3000; i++) {
      const key = keys[(i * 7) % 3 === 0 ? 0 : i % 2 === 0 ? 1 : 2];
      const line = JSON.stringify({ id: `${key}:${i}`, name: i % 11 === 0 ? 'Zoë ☃ 山田 \u2028 <b>x</b>' : `n${i}` });
      written.get(key)!.push(line);
      spool.append(key, line);
    }
    assert.equal(spool.size, 3000);
    for (const key of keys) assert.deepEqual([...spool.lines(key)], written.get(key), key);
    // Read again, after more lines: the earlier ones are still there, once, and the new ones follow.
    spool.append('orders', '"last"');
    assert.deepEqual([...spool.lines('orders')], [...written.get('orders')!, '"last"']);
    assert.deepEqual([...spool.lines('tags')], [], 'a key never written has no lines');
    spool.close();
  });

  it('keeps a line longer than a chunk, and lines with nothing in them', () => {
    const spool = new LineSpool<number>(tempDir('kv-spool-'), 1024);
    const long = JSON.stringify('ü'.repeat(10_000));
    spool.append(1, '');
    spool.append(1, long);
    spool.append(1, '');
    spool.append(1, '{}');
    assert.deepEqual([...spool.lines(1)], ['', long, '', '{}']);
    spool.close();
  });

  it('refuses to be written or read once closed, rather than read as empty', () => {
    const spool = new LineSpool<string>(tempDir('kv-spool-'));
    spool.append('k', '{}');
    spool.close();
    assert.throws(() => [...spool.lines('k')], /used after it was closed/);
    assert.throws(() => spool.append('k', '{}'), /used after it was closed/);
    spool.close();
  });

  it('a write that fails names the spool’s folder (its file has no name to give)', () => {
    const dir = tempDir('kv-spool-');
    const spool = new LineSpool<string>(dir, 16);
    // The descriptor closed behind its back: the next chunk's write fails as a full disk's would.
    closeSync((spool as unknown as { file: { handle: { fd: number } } }).file.handle.fd);
    assert.throws(
      () => spool.append('k', '{"a":"a line longer than a chunk"}'),
      (err: NodeJS.ErrnoException) => err.code === 'EBADF' && err.path === dir,
    );
  });

  it('leaves no file behind, and none with a name while it is open where the platform allows', () => {
    const dir = tempDir('kv-spool-');
    const spool = new LineSpool<string>(dir, 16);
    for (let i = 0; i < 100; i++) spool.append('k', `{"contact":"Ann ${i}"}`);
    if (process.platform !== 'win32') assert.deepEqual(readdirSync(dir), [], 'removed from its folder as soon as it was open');
    spool.close();
    assert.deepEqual(readdirSync(dir), []);
  });
});
