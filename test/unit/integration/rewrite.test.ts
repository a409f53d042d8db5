import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeRemap, RemapTable } from '../../../src/core/integration/idMap';
import { IdMapFileError, readIdMapFile } from '../../../src/core/integration/idMapFile';
import {
  applyEdits,
  findStaleIds,
  rewriteBytes,
  rewriteText,
  type Rewrite,
  type RewriteRefusal,
} from '../../../src/core/integration/rewrite';
import { idMapCsv, Ledger, type IdMapEntry } from '../../../src/core/restore/ledger';

const AT = '2026-11-27T10:00:00.000Z';
const entry = (entity: IdMapEntry['entity'], oldId: string, newId: string, planId = 'plan-1'): IdMapEntry => ({
  entity,
  oldId,
  newId,
  planId,
  at: AT,
});
const TABLE = new RemapTable(
  [entry('orders', '1234', '5678'), entry('contacts', '55', '4001'), entry('tags', '12', '9')],
  [{ entity: 'orders', oldId: '1240', planId: 'plan-1', at: AT }],
);

function ok(result: Rewrite | RewriteRefusal): Rewrite {
  assert.ok(!('refused' in result), 'refused' in result ? result.message : '');
  return result;
}

describe('rewriting stale Keap ids', () => {
  it('replaces old ids of the kinds the map holds, in recognised places only', () => {
    const text = [
      'const ORDER_ID = 1234; // order 1234 ships first',
      'const price = 1234;',
      'contact_id: 1234',
      '{"contact": {"id": 55}, "tag_ids": [12, 13]}',
      'https://ab1.infusionsoft.com/Job/manageJob.jsp?view=edit&ID=1234',
    ].join('\n');
    const result = ok(rewriteText(text, TABLE));
    assert.equal(
      result.text,
      [
        'const ORDER_ID = 5678; // order 5678 ships first',
        'const price = 1234;',
        'contact_id: 1234',
        '{"contact": {"id": 4001}, "tag_ids": [9, 13]}',
        'https://ab1.infusionsoft.com/Job/manageJob.jsp?view=edit&ID=5678',
      ].join('\n'),
    );
    assert.deepEqual(
      result.edits.map((e) => `${e.line}:${e.column} ${e.kind} ${e.oldId}->${e.newId}`),
      ['1:18 order 1234->5678', '1:33 order 1234->5678', '4:20 contact 55->4001', '4:37 tag 12->9', '5:61 order 1234->5678'],
    );
  });

  it('changes no byte outside the ids, keeps CRLF line ends and the BOM, and is idempotent', () => {
    const text = '\uFEFForder_id,note\r\n1234,"keep ""this"" 1234"\r\n1240,gone\r\n';
    const bytes = new TextEncoder().encode(text);
    const first = rewriteBytes(bytes, TABLE, 'export.csv');
    assert.ok(first && !('refused' in first));
    const out = Buffer.from(first.bytes);
    assert.deepEqual([...out.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is still there');
    assert.equal(out.toString('utf8'), '\uFEFForder_id,note\r\n5678,"keep ""this"" 1234"\r\n1240,gone\r\n');
    // Byte for byte: everything before and after the one edit is the original.
    const at = Buffer.from(bytes).indexOf('1234');
    assert.deepEqual(out.subarray(0, at), Buffer.from(bytes).subarray(0, at));
    assert.deepEqual(out.subarray(at + 4), Buffer.from(bytes).subarray(at + 4));
    // The unrestored order is found, and left alone.
    assert.deepEqual(
      first.stale.map((s) => describeRemap(s.remap)),
      [
        'Order 1234 was restored as 5678 on 2026-11-27 (restore plan plan-1)',
        'Order 1240 is gone from Keap and was not restored (restore plan plan-1, 2026-11-27)',
      ],
    );
    const second = rewriteBytes(first.bytes, TABLE, 'export.csv');
    assert.ok(second && !('refused' in second));
    assert.equal(second.edits.length, 0);
    assert.deepEqual(Buffer.from(second.bytes), out);
  });

  it('follows an id restored twice to its last id', () => {
    const table = new RemapTable([entry('orders', '17', '250', 'plan-1'), entry('orders', '250', '260', 'plan-2')]);
    const result = ok(rewriteText('order_id: 17\norder_id: 250\n', table));
    assert.equal(result.text, 'order_id: 260\norder_id: 260\n');
    assert.equal(
      describeRemap(table.lookup('order', '17')!),
      'Order 17 was restored as 260 on 2026-11-27 (restore plan plan-2, by way of 250)',
    );
    assert.equal(ok(rewriteText(result.text, table)).edits.length, 0);
  });

  it('refuses JSON that does not parse before or would not parse after, and text that is not UTF-8', () => {
    const broken = rewriteText('{"order_id": 1234,, }', TABLE, 'config.json');
    assert.ok('refused' in broken && broken.refused === 'does-not-parse');
    // JSON with comments (tsconfig-style) parses, and is rewritten.
    assert.equal(
      ok(rewriteText('{\n  // the test order\n  "order_id": 1234\n}\n', TABLE, 'settings.json')).text,
      '{\n  // the test order\n  "order_id": 5678\n}\n',
    );
    const latin1 = Buffer.concat([Buffer.from('order_id: 1234 # caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const refused = rewriteBytes(latin1, TABLE, 'notes.yaml');
    assert.ok(refused && 'refused' in refused && refused.refused === 'not-utf8', JSON.stringify(refused));
    assert.equal(rewriteBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), TABLE, 'x.png'), undefined, 'a binary is not text');
  });

  it('applies edits in any order without disturbing each other', () => {
    const text = 'a=1; order_id=1234; b; contact_id=55';
    const stale = findStaleIds(text, TABLE);
    const edits = stale.map((s) => ({ ...s.occurrence, oldId: s.occurrence.id, newId: s.remap.newId! }));
    assert.equal(applyEdits(text, [...edits].reverse()), 'a=1; order_id=5678; b; contact_id=4001');
  });

  it("reads the id map from the ledger, from idmap's CSV and JSON, and names a file that is neither", async () => {
    const dir = await fs.mkdtemp(path.join(tmpdir(), 'kv-idmap-'));
    const ledgerFile = path.join(dir, 'keap-acct.kvledger');
    const ledger = await Ledger.open(ledgerFile);
    await ledger.done('plan-9', { id: 'orders:1234', entity: 'orders', oldId: '1234' }, '5678');
    await ledger.failed('plan-9', { id: 'orders:1240', entity: 'orders', oldId: '1240' }, 'Keap said no');
    await ledger.checkpoint();
    ledger.close();
    const fromLedger = await readIdMapFile(ledgerFile);
    assert.equal(fromLedger.lookup('order', '1234')?.newId, '5678');
    assert.deepEqual(fromLedger.lookup('order', '1240'), {
      kind: 'order',
      oldId: '1240',
      newId: undefined,
      planId: 'plan-9',
      at: fromLedger.lookup('order', '1240')!.at,
      via: [],
    });

    const csv = path.join(dir, 'idmap.csv');
    await fs.writeFile(csv, idMapCsv([entry('products', '27', '301')]) + 'orders,1240,,plan-9,2026-11-27T10:00:00.000Z\r\n');
    const fromCsv = await readIdMapFile(csv);
    assert.equal(fromCsv.lookup('product', '27')?.newId, '301');
    assert.equal(fromCsv.lookup('order', '1240')?.newId, undefined);
    assert.ok(fromCsv.lookup('order', '1240'));

    const json = path.join(dir, 'idmap.json');
    await fs.writeFile(json, JSON.stringify([entry('tags', '12', '9')]));
    assert.equal((await readIdMapFile(json)).lookup('tag', '12')?.newId, '9');

    const other = path.join(dir, 'other.csv');
    await fs.writeFile(other, 'id,name\n1,x\n');
    await assert.rejects(
      readIdMapFile(other),
      (err: unknown) => err instanceof IdMapFileError && /header entity,old_id,new_id/.test(err.message),
    );
  });
});
