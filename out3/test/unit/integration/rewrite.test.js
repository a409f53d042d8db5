"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const idMap_1 = require("../../../src/core/integration/idMap");
const idMapFile_1 = require("../../../src/core/integration/idMapFile");
const rewrite_1 = require("../../../src/core/integration/rewrite");
const ledger_1 = require("../../../src/core/restore/ledger");
const AT = '2026-11-27T10:00:00.000Z';
const entry = (entity, oldId, newId, planId = 'plan-1') => ({
    entity,
    oldId,
    newId,
    planId,
    at: AT,
});
const TABLE = new idMap_1.RemapTable([entry('orders', '1234', '5678'), entry('contacts', '55', '4001'), entry('tags', '12', '9')], [{ entity: 'orders', oldId: '1240', planId: 'plan-1', at: AT }]);
function ok(result) {
    strict_1.default.ok(!('refused' in result), 'refused' in result ? result.message : '');
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
        const result = ok((0, rewrite_1.rewriteText)(text, TABLE));
        strict_1.default.equal(result.text, [
            'const ORDER_ID = 5678; // order 5678 ships first',
            'const price = 1234;',
            'contact_id: 1234',
            '{"contact": {"id": 4001}, "tag_ids": [9, 13]}',
            'https://ab1.infusionsoft.com/Job/manageJob.jsp?view=edit&ID=5678',
        ].join('\n'));
        strict_1.default.deepEqual(result.edits.map((e) => `${e.line}:${e.column} ${e.kind} ${e.oldId}->${e.newId}`), ['1:18 order 1234->5678', '1:33 order 1234->5678', '4:20 contact 55->4001', '4:37 tag 12->9', '5:61 order 1234->5678']);
    });
    it('changes no byte outside the ids, keeps CRLF line ends and the BOM, and is idempotent', () => {
        const text = '\uFEFForder_id,note\r\n1234,"keep ""this"" 1234"\r\n1240,gone\r\n';
        const bytes = new TextEncoder().encode(text);
        const first = (0, rewrite_1.rewriteBytes)(bytes, TABLE, 'export.csv');
        strict_1.default.ok(first && !('refused' in first));
        const out = Buffer.from(first.bytes);
        strict_1.default.deepEqual([...out.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is still there');
        strict_1.default.equal(out.toString('utf8'), '\uFEFForder_id,note\r\n5678,"keep ""this"" 1234"\r\n1240,gone\r\n');
        // Byte for byte: everything before and after the one edit is the original.
        const at = Buffer.from(bytes).indexOf('1234');
        strict_1.default.deepEqual(out.subarray(0, at), Buffer.from(bytes).subarray(0, at));
        strict_1.default.deepEqual(out.subarray(at + 4), Buffer.from(bytes).subarray(at + 4));
        // The unrestored order is found, and left alone.
        strict_1.default.deepEqual(first.stale.map((s) => (0, idMap_1.describeRemap)(s.remap)), [
            'Order 1234 was restored as 5678 on 2026-11-27 (restore plan plan-1)',
            'Order 1240 is gone from Keap and was not restored (restore plan plan-1, 2026-11-27)',
        ]);
        const second = (0, rewrite_1.rewriteBytes)(first.bytes, TABLE, 'export.csv');
        strict_1.default.ok(second && !('refused' in second));
        strict_1.default.equal(second.edits.length, 0);
        strict_1.default.deepEqual(Buffer.from(second.bytes), out);
    });
    it('follows an id restored twice to its last id', () => {
        const table = new idMap_1.RemapTable([entry('orders', '17', '250', 'plan-1'), entry('orders', '250', '260', 'plan-2')]);
        const result = ok((0, rewrite_1.rewriteText)('order_id: 17\norder_id: 250\n', table));
        strict_1.default.equal(result.text, 'order_id: 260\norder_id: 260\n');
        strict_1.default.equal((0, idMap_1.describeRemap)(table.lookup('order', '17')), 'Order 17 was restored as 260 on 2026-11-27 (restore plan plan-2, by way of 250)');
        strict_1.default.equal(ok((0, rewrite_1.rewriteText)(result.text, table)).edits.length, 0);
    });
    it('refuses JSON that does not parse before or would not parse after, and text that is not UTF-8', () => {
        const broken = (0, rewrite_1.rewriteText)('{"order_id": 1234,, }', TABLE, 'config.json');
        strict_1.default.ok('refused' in broken && broken.refused === 'does-not-parse');
        // JSON with comments (tsconfig-style) parses, and is rewritten.
        strict_1.default.equal(ok((0, rewrite_1.rewriteText)('{\n  // the test order\n  "order_id": 1234\n}\n', TABLE, 'settings.json')).text, '{\n  // the test order\n  "order_id": 5678\n}\n');
        const latin1 = Buffer.concat([Buffer.from('order_id: 1234 # caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
        const refused = (0, rewrite_1.rewriteBytes)(latin1, TABLE, 'notes.yaml');
        strict_1.default.ok(refused && 'refused' in refused && refused.refused === 'not-utf8', JSON.stringify(refused));
        strict_1.default.equal((0, rewrite_1.rewriteBytes)(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), TABLE, 'x.png'), undefined, 'a binary is not text');
    });
    it('applies edits in any order without disturbing each other', () => {
        const text = 'a=1; order_id=1234; b; contact_id=55';
        const stale = (0, rewrite_1.findStaleIds)(text, TABLE);
        const edits = stale.map((s) => ({ ...s.occurrence, oldId: s.occurrence.id, newId: s.remap.newId }));
        strict_1.default.equal((0, rewrite_1.applyEdits)(text, [...edits].reverse()), 'a=1; order_id=5678; b; contact_id=4001');
    });
    it("reads the id map from the ledger, from idmap's CSV and JSON, and names a file that is neither", async () => {
        const dir = await node_fs_1.promises.mkdtemp(node_path_1.default.join((0, node_os_1.tmpdir)(), 'kv-idmap-'));
        const ledgerFile = node_path_1.default.join(dir, 'keap-acct.kvledger');
        const ledger = await ledger_1.Ledger.open(ledgerFile);
        await ledger.done('plan-9', { id: 'orders:1234', entity: 'orders', oldId: '1234' }, '5678');
        await ledger.failed('plan-9', { id: 'orders:1240', entity: 'orders', oldId: '1240' }, 'Keap said no');
        await ledger.checkpoint();
        ledger.close();
        const fromLedger = await (0, idMapFile_1.readIdMapFile)(ledgerFile);
        strict_1.default.equal(fromLedger.lookup('order', '1234')?.newId, '5678');
        strict_1.default.deepEqual(fromLedger.lookup('order', '1240'), {
            kind: 'order',
            oldId: '1240',
            newId: undefined,
            planId: 'plan-9',
            at: fromLedger.lookup('order', '1240').at,
            via: [],
        });
        const csv = node_path_1.default.join(dir, 'idmap.csv');
        await node_fs_1.promises.writeFile(csv, (0, ledger_1.idMapCsv)([entry('products', '27', '301')]) + 'orders,1240,,plan-9,2026-11-27T10:00:00.000Z\r\n');
        const fromCsv = await (0, idMapFile_1.readIdMapFile)(csv);
        strict_1.default.equal(fromCsv.lookup('product', '27')?.newId, '301');
        strict_1.default.equal(fromCsv.lookup('order', '1240')?.newId, undefined);
        strict_1.default.ok(fromCsv.lookup('order', '1240'));
        const json = node_path_1.default.join(dir, 'idmap.json');
        await node_fs_1.promises.writeFile(json, JSON.stringify([entry('tags', '12', '9')]));
        strict_1.default.equal((await (0, idMapFile_1.readIdMapFile)(json)).lookup('tag', '12')?.newId, '9');
        const other = node_path_1.default.join(dir, 'other.csv');
        await node_fs_1.promises.writeFile(other, 'id,name\n1,x\n');
        await strict_1.default.rejects((0, idMapFile_1.readIdMapFile)(other), (err) => err instanceof idMapFile_1.IdMapFileError && /header entity,old_id,new_id/.test(err.message));
    });
});
//# sourceMappingURL=rewrite.test.js.map