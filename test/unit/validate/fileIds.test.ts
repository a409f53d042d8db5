/**
 * The index of a file's record ids: what `file/duplicate-id` and `file/unknown-order` read. It must
 * tell every repeated id by the line it was first on, whatever the id looks like, at any count.
 */
import assert from 'node:assert/strict';
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
});
