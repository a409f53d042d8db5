/**
 * The index of a file's record ids: what `file/duplicate-id` and `file/unknown-order` read. It must
 * tell every repeated id by the line it was first on, whatever the id looks like, at any count.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileIds } from '../../../src/core/validate/files/fileIds';

describe("Validate files: the index of a file's ids", () => {
  it('finds every repeat among 200,000 ids by the line it was first on, and nothing else', () => {
    const ids = new FileIds();
    for (let i = 1; i <= 200_000; i++) assert.equal(ids.add('orders', String(i * 7919), i), undefined);
    for (let i = 1; i <= 200_000; i += 997) assert.equal(ids.add('orders', String(i * 7919), 300_000 + i), i);
    assert.equal(ids.add('orders', String(7919 * 200_001), 9), undefined, 'a new id is new');
    assert.ok(ids.has('orders', '7919'));
    assert.ok(!ids.has('orders', '7920'));
    assert.ok(!ids.has('contacts', '7919'), 'ids are per entity');
  });

  it('keeps ids that are not plain integers apart: leading zeros, signs, huge numbers and words', () => {
    const ids = new FileIds();
    const odd = ['007', '7', '-7', '+7', '7.0', '9007199254740993', '9007199254740992', 'ORD-7', ''];
    odd.forEach((id, line) => assert.equal(ids.add('orders', id, line + 1), undefined, `${JSON.stringify(id)} is new`));
    odd.forEach((id, line) => assert.equal(ids.add('orders', id, 100), line + 1, `${JSON.stringify(id)} repeats line ${line + 1}`));
  });

  describe('beyond what memory keeps: sorted runs on disk', () => {
    let temp: string;
    beforeEach(() => (temp = mkdtempSync(join(tmpdir(), 'file-ids-test-'))));
    afterEach(() => rmSync(temp, { recursive: true, force: true }));

    it('answers every add and lookup as a plain Map would, across 40 runs of integers and some of other ids, and deletes its files on close', () => {
      const ids = new FileIds({ spillAt: 1000, textSpillAt: 100, tempDir: temp });
      const oracle = new Map<string, number>();
      // A deterministic mix: ids in order, at random, far apart (up to 2^53 - 1), text with quotes, tabs,
      // newlines and non-ASCII, and repeated, so that repeats meet their first line in memory, in an
      // older run, or at a run's block edges.
      let seed = 12345;
      const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
      for (let line = 1; line <= 40_000; line++) {
        const pick = random();
        const id =
          pick < 0.5
            ? String(line * 3)
            : pick < 0.8
              ? String(1 + Math.floor(random() * line * 3))
              : pick < 0.95
                ? String(Number.MAX_SAFE_INTEGER - Math.floor(random() * 5000))
                : `key "${Math.floor(random() * 1500)}"\t\n€-${line % 3}`;
        assert.equal(ids.add('orders', id, line), oracle.get(id), `line ${line}: id ${id}`);
        if (!oracle.has(id)) oracle.set(id, line);
      }
      assert.ok(readdirSync(temp).length === 1 && readdirSync(join(temp, readdirSync(temp)[0])).length >= 20, 'the ids went to disk');
      for (const id of oracle.keys()) assert.ok(ids.has('orders', id), `has ${id}`);
      for (let probe = 1; probe <= 130_000; probe += 7)
        assert.equal(ids.has('orders', String(probe)), oracle.has(String(probe)), `has ${probe}`);
      assert.ok(!ids.has('contacts', '3'), 'ids are per entity');
      ids.close();
      assert.deepEqual(readdirSync(temp), [], 'the temporary files are gone');
    });
  });
});
