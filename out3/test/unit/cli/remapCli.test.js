"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const main_1 = require("../../../src/cli/main");
const ledger_1 = require("../../../src/core/restore/ledger");
const cliIo_1 = require("../support/cliIo");
const AT = '2026-11-27T10:00:00.000Z';
/** An integration project with stale ids, decoys, an ignored folder, a binary and a big log. */
async function project() {
    const dir = await node_fs_1.promises.mkdtemp(node_path_1.default.join((0, node_os_1.tmpdir)(), 'kv-remap-'));
    const idmap = node_path_1.default.join(dir, '..', `${node_path_1.default.basename(dir)}-idmap.csv`);
    await node_fs_1.promises.writeFile(idmap, (0, ledger_1.idMapCsv)([
        { entity: 'orders', oldId: '1234', newId: '5678', planId: 'plan-a', at: AT },
        { entity: 'tags', oldId: '12', newId: '90', planId: 'plan-a', at: AT },
    ]) + `contacts,55,,plan-a,${AT}\r\n`);
    await node_fs_1.promises.mkdir(node_path_1.default.join(dir, 'src'));
    await node_fs_1.promises.mkdir(node_path_1.default.join(dir, 'dist'));
    await node_fs_1.promises.writeFile(node_path_1.default.join(dir, '.gitignore'), 'dist/\n*.log\n');
    await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'src', 'hook.js'), 'const HOLD_ORDER_ID = 1234;\nconst price = 1234;\nconst VIP_TAG_ID = 12;\n');
    await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'src', 'sync.sh'), '#!/bin/sh\r\nORDER_ID=1234 ./sync\r\nCONTACT_ID=55 ./notify\r\n', { mode: 0o755 });
    await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'config.json'), '{"order_id": 1234,, }');
    await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'dist', 'bundle.js'), 'const ORDER_ID = 1234;');
    await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'sync.log'), 'order_id=1234\n');
    await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x6f, 0x72]));
    await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'big.csv'), 'order_id\n' + '1234\n'.repeat(300_000));
    return { dir, idmap };
}
describe('keap-vault remap', function () {
    this.timeout(60_000);
    it('lists the stale ids with file:line:col, what became of each and why it is an id; exit 1', async () => {
        const { dir, idmap } = await project();
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['remap', '--idmap', idmap, dir], io), 1);
        const out = io.stdout.join('\n');
        const rel = (f) => node_path_1.default.relative(process.cwd(), node_path_1.default.join(dir, f)).split(node_path_1.default.sep).join('/');
        strict_1.default.ok(out.includes(`${rel('src/hook.js')}:1:23: order 1234 -> 5678 (restored 2026-11-27, plan plan-a) [HOLD_ORDER_ID]`), out);
        strict_1.default.ok(out.includes(`${rel('src/hook.js')}:3:20: tag 12 -> 90`), out);
        strict_1.default.ok(out.includes(`${rel('src/sync.sh')}:3:12: contact 55 is gone from Keap and was not restored (plan plan-a)`), out);
        strict_1.default.ok(!out.includes(`${rel('src/hook.js')}:2:`), 'the price on line 2 is no id');
        // Ignored (dist/, *.log), binary and big files are not read.
        strict_1.default.ok(!out.includes('bundle.js') && !out.includes('sync.log:'), out);
        strict_1.default.match(out, /5 stale Keap ids in 3 files \(4 files scanned against 3 remapped ids; 2 files skipped: .*big\.csv \(over 1 MiB\), .*logo\.png \(binary\)\)\. 4 have a new id: rewrite with --write\./);
        strict_1.default.match(out, /config\.json: not rewritten: it is not valid JSON/);
    });
    it('--json gives every occurrence with its old and new id', async () => {
        const { dir, idmap } = await project();
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['remap', '--idmap', idmap, '--json', node_path_1.default.join(dir, 'src')], io), 1);
        const report = JSON.parse(io.stdout.join('\n'));
        strict_1.default.equal(report.found, 4);
        const hook = report.files.find((f) => f.file.endsWith('src/hook.js'));
        strict_1.default.deepEqual(hook.occurrences.map((o) => [
            o.line,
            o.kind,
            o.oldId,
            o.newId,
            o.rule,
        ]), [
            [1, 'order', '1234', '5678', 'key'],
            [3, 'tag', '12', '90', 'key'],
        ]);
        const sh = report.files.find((f) => f.file.endsWith('src/sync.sh'));
        strict_1.default.equal(sh.occurrences[1].newId, null);
        strict_1.default.equal(sh.occurrences[1].restored, false);
    });
    it('--write rewrites in place (permissions and CRLF kept), prints a unified diff, and leaves what it cannot fix', async () => {
        const { dir, idmap } = await project();
        const configBefore = await node_fs_1.promises.readFile(node_path_1.default.join(dir, 'config.json'));
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['remap', '--idmap', idmap, '--write', dir], io), 1, 'the gone contact and the broken JSON are left');
        const out = io.stdout.join('\n');
        const rel = node_path_1.default.relative(process.cwd(), node_path_1.default.join(dir, 'src/hook.js')).split(node_path_1.default.sep).join('/');
        strict_1.default.ok(out.includes([
            `--- a/${rel}`,
            `+++ b/${rel}`,
            '@@ -1,3 +1,3 @@',
            '-const HOLD_ORDER_ID = 1234;',
            '+const HOLD_ORDER_ID = 5678;',
            ' const price = 1234;',
            '-const VIP_TAG_ID = 12;',
            '+const VIP_TAG_ID = 90;',
        ].join('\n')), out);
        strict_1.default.match(out, /Rewrote 3 ids in 2 files; 2 stale ids left \(listed above\)/);
        strict_1.default.equal(await node_fs_1.promises.readFile(node_path_1.default.join(dir, 'src', 'hook.js'), 'utf8'), 'const HOLD_ORDER_ID = 5678;\nconst price = 1234;\nconst VIP_TAG_ID = 90;\n');
        strict_1.default.equal(await node_fs_1.promises.readFile(node_path_1.default.join(dir, 'src', 'sync.sh'), 'utf8'), '#!/bin/sh\r\nORDER_ID=5678 ./sync\r\nCONTACT_ID=55 ./notify\r\n');
        strict_1.default.equal((await node_fs_1.promises.stat(node_path_1.default.join(dir, 'src', 'sync.sh'))).mode & 0o777, 0o755, 'the script is still executable');
        strict_1.default.deepEqual(await node_fs_1.promises.readFile(node_path_1.default.join(dir, 'config.json')), configBefore, 'a file that does not parse is not written');
        strict_1.default.deepEqual((await node_fs_1.promises.readdir(node_path_1.default.join(dir, 'src'))).sort(), ['hook.js', 'sync.sh'], 'no temporary file left behind');
        strict_1.default.equal(await node_fs_1.promises.readFile(node_path_1.default.join(dir, 'dist', 'bundle.js'), 'utf8'), 'const ORDER_ID = 1234;', 'ignored files are not touched');
        // Again: nothing more to rewrite; only what no new id can fix is left.
        const again = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['remap', '--idmap', idmap, '--write', node_path_1.default.join(dir, 'src')], again), 1);
        strict_1.default.match(again.stdout.join('\n'), /Rewrote 0 ids in 0 files; 1 stale id left/);
        await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'src', 'sync.sh'), '#!/bin/sh\nORDER_ID=5678 ./sync\n');
        const clean = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['remap', '--idmap', idmap, node_path_1.default.join(dir, 'src')], clean), 0);
        strict_1.default.match(clean.stdout.join('\n'), /^No stale Keap ids \(2 files scanned against 3 remapped ids\)\.$/);
    });
    it('--no-gitignore scans ignored files too; a missing or foreign id map is a clear error', async () => {
        const { dir, idmap } = await project();
        const io = (0, cliIo_1.captureIo)();
        await (0, main_1.runCli)(['remap', '--idmap', idmap, '--no-gitignore', '--json', dir], io);
        const files = JSON.parse(io.stdout.join('\n')).files.map((f) => node_path_1.default.basename(f.file));
        strict_1.default.ok(files.includes('bundle.js') && files.includes('sync.log'), files.join(', '));
        const missing = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['remap', '--idmap', node_path_1.default.join(dir, 'nope.csv'), dir], missing), 1);
        strict_1.default.match(missing.stderr.join('\n'), /nope\.csv/);
        const foreign = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['remap', '--idmap', node_path_1.default.join(dir, 'big.csv'), dir], foreign), 1);
        strict_1.default.match(foreign.stderr.join('\n'), /does not start with the header entity,old_id,new_id,plan_id,restored_at/);
        strict_1.default.equal(await (0, main_1.runCli)(['remap', dir], (0, cliIo_1.captureIo)()), 2, '--idmap is required');
    });
    it('idmap --include-unrestored adds the records a restore could not bring back, which remap reads', async () => {
        const dir = await node_fs_1.promises.mkdtemp(node_path_1.default.join((0, node_os_1.tmpdir)(), 'kv-idmap-cli-'));
        const ledgerFile = node_path_1.default.join(dir, 'keap-acct.kvledger');
        const ledger = await ledger_1.Ledger.open(ledgerFile);
        await ledger.done('plan-b', { id: 'orders:17', entity: 'orders', oldId: '17' }, '250');
        await ledger.failed('plan-b', { id: 'products:3', entity: 'products', oldId: '3' }, 'Keap refused the SKU');
        await ledger.checkpoint();
        ledger.close();
        const csv = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['idmap', ledgerFile, '--include-unrestored'], csv), 0);
        const lines = csv.stdout.join('\n').split(/\r?\n/);
        strict_1.default.equal(lines[0], 'entity,old_id,new_id,plan_id,restored_at');
        strict_1.default.match(lines[1], /^orders,17,250,plan-b,/);
        strict_1.default.match(lines[2], /^products,3,,plan-b,/);
        const plain = (0, cliIo_1.captureIo)();
        await (0, main_1.runCli)(['idmap', ledgerFile], plain);
        strict_1.default.equal(plain.stdout.join('\n').split(/\r?\n/).length, 2, 'without the flag the export is as before');
        const file = node_path_1.default.join(dir, 'idmap.csv');
        await node_fs_1.promises.writeFile(file, csv.stdout.join('\n'));
        await node_fs_1.promises.writeFile(node_path_1.default.join(dir, 'fixture.yaml'), 'order:\n  id: 17\nproduct_id: 3\n');
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['remap', '--idmap', file, '--json', node_path_1.default.join(dir, 'fixture.yaml')], io), 1);
        const [f] = JSON.parse(io.stdout.join('\n')).files;
        strict_1.default.deepEqual(f.occurrences.map((o) => `${o.kind} ${o.oldId} -> ${o.newId}`), ['order 17 -> 250', 'product 3 -> null']);
        // The ledger itself is an id map too.
        strict_1.default.equal(await (0, main_1.runCli)(['remap', '--idmap', ledgerFile, node_path_1.default.join(dir, 'fixture.yaml')], (0, cliIo_1.captureIo)()), 1);
    });
});
//# sourceMappingURL=remapCli.test.js.map