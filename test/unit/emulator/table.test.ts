import assert from 'node:assert/strict';
import { Table } from '../../../src/emulator/table';

/** The emulator's tables page in id order; deletes leave no gap in what a list returns. */
describe('Emulator: a table in id order', () => {
  const ids = (table: Table<{ id: number }>, after?: number) =>
    [...(after === undefined ? table.values() : table.valuesAfter(after))].map((r) => r.id);

  it('lists in id order after deletes, re-inserts and out-of-order inserts, and pages after any id', () => {
    const table = new Table<{ id: number }>();
    for (let id = 1; id <= 10; id++) table.insert({ id });
    for (const id of [2, 3, 5, 9]) assert.equal(table.delete(id), true);
    assert.equal(table.delete(3), false, 'a row deleted twice');
    table.insert({ id: 3 }); // a deleted id back (a state file loaded again)
    table.insert({ id: 12 });
    table.insert({ id: 11 });
    assert.deepEqual(ids(table), [1, 3, 4, 6, 7, 8, 10, 11, 12]);
    assert.deepEqual(ids(table, 4), [6, 7, 8, 10, 11, 12]);
    assert.deepEqual(ids(table, 5), [6, 7, 8, 10, 11, 12], 'after the id of a deleted row');
    assert.equal(table.size, 9);
  });

  it('stays in order when most rows are deleted (the id list is compacted) and rows come back', () => {
    const table = new Table<{ id: number }>();
    for (let id = 1; id <= 1000; id++) table.insert({ id });
    for (let id = 1; id <= 1000; id++) if (id % 10 !== 0) table.delete(id);
    for (let id = 1; id <= 1000; id += 100) table.insert({ id });
    const expected = [...Array(100).keys()]
      .map((i) => (i + 1) * 10)
      .concat([...Array(10).keys()].map((i) => i * 100 + 1))
      .sort((a, b) => a - b);
    assert.deepEqual(ids(table), expected);
    assert.deepEqual(
      ids(table, 500),
      expected.filter((id) => id > 500),
    );
    assert.equal(table.size, 110);
  });
});
