import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { HashedIdMap } from '../../../src/core/collections/hashedIdMap';
import { IdGroups } from '../../../src/core/collections/idGroups';
import { KeapIdIndex } from '../../../src/core/collections/keapIdIndex';
import { TextArena } from '../../../src/core/collections/textArena';

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/*
 * What a plan's live index keeps of a large account, in typed arrays instead of Maps. A mistake
 * here is a plan that does not find a live record (and creates it again) or finds the wrong one.
 */
describe('Compact id collections (the live index of a large account)', () => {
  it('numbers every id once, telling apart ids that look alike as numbers', () => {
    const index = new KeapIdIndex();
    const ids = ['7', '007', '0', '70', 'abc', '', '123456789012345', '1234567890123456', '9007199254740993', '-7', '7.0'];
    const numbers = ids.map((id) => index.add(id));
    assert.deepEqual(numbers, [...ids.keys()], 'each id gets the next number');
    assert.equal(index.size, ids.length);
    for (const [i, id] of ids.entries()) assert.equal(index.indexOf(id), i, id);
    assert.equal(index.add('007'), 1, 'an id added again keeps its number');
    assert.equal(index.size, ids.length);
    for (const absent of ['8', '0007', '9007199254740992', '1234567890123457', 'ABC']) assert.equal(index.has(absent), false, absent);
  });

  it('finds each of 200,000 ids after the tables grew many times, and no id it was not given', () => {
    const index = new KeapIdIndex();
    for (let i = 0; i < 200_000; i++) index.add(String(1 + i * 3));
    for (let i = 0; i < 200_000; i++) assert.equal(index.indexOf(String(1 + i * 3)), i);
    for (let i = 0; i < 1000; i++) assert.equal(index.has(String(2 + i * 3)), false);
  });

  it('gives back the hash and tail it was given, keeps the first value of an id, and refuses a value without a hash', () => {
    const map = new HashedIdMap();
    const values = new Map<string, string>();
    for (let i = 1; i <= 5000; i++) {
      const tail = i % 3 === 0 ? '' : JSON.stringify(['contacts', String(i), 'tags', 'Ünïcødé ☃ <b>x</b>']);
      values.set(String(i), hashOf(String(i)) + tail);
    }
    values.set('not-a-number', hashOf('x') + '["products","9"]');
    for (const [id, value] of values) map.setIfAbsent(id, value);
    map.setIfAbsent('5', hashOf('a later record with the same id'));
    map.setIfAbsent('not-a-number', hashOf('the last id added, repeated at once'));
    assert.equal(map.size, values.size);
    for (const [id, value] of values) assert.equal(map.get(id), value, id);
    assert.equal(map.get('5001'), undefined);
    assert.equal(map.has('5001'), false);
    assert.throws(() => map.setIfAbsent('6000', 'ABCDEF'), /32 lowercase hex digits/);
    assert.equal(map.has('6000'), false, 'a refused value adds no id');
  });

  it('keeps each group in the order added, however groups interleave', () => {
    const groups = new IdGroups();
    const expected = new Map<string, string[]>();
    for (let i = 0; i < 30_000; i++) {
      const id = String(1 + (i % 997));
      const text = JSON.stringify([String(i), i % 5 ? null : 'note with “quotes” and ☃', i / 100]);
      groups.add(id, text);
      expected.set(id, [...(expected.get(id) ?? []), text]);
    }
    assert.equal(groups.size, 997);
    for (const [id, texts] of expected) assert.deepEqual(groups.get(id), texts, id);
    assert.deepEqual(groups.get('999999'), []);
  });

  it('takes more after giving back its spare room, even when it was empty (a typed array drops writes past its end)', () => {
    const groups = new IdGroups();
    groups.trim();
    groups.add('1', 'a');
    groups.trim();
    for (let i = 2; i < 3000; i++) groups.add(String(i), `t${i}`);
    groups.add('1', 'b');
    assert.deepEqual(groups.get('1'), ['a', 'b']);
    assert.deepEqual(groups.get('2999'), ['t2999']);
    const map = new HashedIdMap();
    map.trim();
    map.setIfAbsent('1', hashOf('1') + 'tail');
    map.trim();
    for (let i = 2; i < 3000; i++) map.setIfAbsent(String(i), hashOf(String(i)));
    assert.equal(map.get('1'), hashOf('1') + 'tail');
    assert.equal(map.get('2999'), hashOf('2999'));
    const index = new KeapIdIndex();
    index.trim();
    for (let i = 1; i < 3000; i++) index.add(i % 2 ? String(i) : `x${i}`);
    index.trim();
    assert.equal(index.add('5000'), 2999);
    for (let i = 1; i < 3000; i++) assert.equal(index.indexOf(i % 2 ? String(i) : `x${i}`), i - 1);
  });

  it('holds a text longer than a chunk, and texts on both sides of a chunk boundary, whole', () => {
    const arena = new TextArena();
    const filler = 'x'.repeat(1000);
    const places: Array<{ text: string; at: number; length: number }> = [];
    const add = (text: string) => places.push({ text, ...arena.add(text) });
    add(''); // an empty text first, before any chunk exists
    for (let i = 0; i < 4200; i++) add(`${i}:${filler}`); // past the first 4 MiB chunk
    add('é'.repeat(3 * 2 ** 21)); // 6 MiB of UTF-8: more than a chunk
    add('after the long one');
    for (const { text, at, length } of places) assert.equal(arena.text(at, length), text);
  });
});
