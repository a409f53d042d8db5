import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { idMapCsv, Ledger } from '../../../src/core/restore/ledger';
import { captureIo } from '../support/cliIo';

const AT = '2026-11-27T10:00:00.000Z';

/** An integration project with stale ids, decoys, an ignored folder, a binary and a big log. */
async function project(): Promise<{ dir: string; idmap: string }> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), 'kv-remap-'));
  const idmap = path.join(dir, '..', `${path.basename(dir)}-idmap.csv`);
  await fs.writeFile(
    idmap,
    idMapCsv([
      { entity: 'orders', oldId: '1234', newId: '5678', planId: 'plan-a', at: AT },
      { entity: 'tags', oldId: '12', newId: '90', planId: 'plan-a', at: AT },
    ]) + `contacts,55,,plan-a,${AT}\r\n`,
  );
  await fs.mkdir(path.join(dir, 'src'));
  await fs.mkdir(path.join(dir, 'dist'));
  await fs.writeFile(path.join(dir, '.gitignore'), 'dist/\n*.log\n');
  await fs.writeFile(path.join(dir, 'src', 'hook.js'), 'const HOLD_ORDER_ID = 1234;\nconst price = 1234;\nconst VIP_TAG_ID = 12;\n');
  await fs.writeFile(path.join(dir, 'src', 'sync.sh'), '#!/bin/sh\r\nORDER_ID=1234 ./sync\r\nCONTACT_ID=55 ./notify\r\n', { mode: 0o755 });
  await fs.writeFile(path.join(dir, 'config.json'), '{"order_id": 1234,, }');
  await fs.writeFile(path.join(dir, 'dist', 'bundle.js'), 'const ORDER_ID = 1234;');
  await fs.writeFile(path.join(dir, 'sync.log'), 'order_id=1234\n');
  await fs.writeFile(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x6f, 0x72]));
  await fs.writeFile(path.join(dir, 'big.csv'), 'order_id\n' + '1234\n'.repeat(300_000));
  return { dir, idmap };
}

describe('keap-vault remap', function () {
  this.timeout(60_000);

  it('lists the stale ids with file:line:col, what became of each and why it is an id; exit 1', async () => {
    const { dir, idmap } = await project();
    const io = captureIo();
    assert.equal(await runCli(['remap', '--idmap', idmap, dir], io), 1);
    const out = io.stdout.join('\n');
    const rel = (f: string) => path.relative(process.cwd(), path.join(dir, f)).split(path.sep).join('/');
    assert.ok(out.includes(`${rel('src/hook.js')}:1:23: order 1234 -> 5678 (restored 2026-11-27, plan plan-a) [HOLD_ORDER_ID]`), out);
    assert.ok(out.includes(`${rel('src/hook.js')}:3:20: tag 12 -> 90`), out);
    assert.ok(out.includes(`${rel('src/sync.sh')}:3:12: contact 55 is gone from Keap and was not restored (plan plan-a)`), out);
    assert.ok(!out.includes(`${rel('src/hook.js')}:2:`), 'the price on line 2 is no id');
    // Ignored (dist/, *.log), binary and big files are not read.
    assert.ok(!out.includes('bundle.js') && !out.includes('sync.log:'), out);
    assert.match(
      out,
      /5 stale Keap ids in 3 files \(4 files scanned against 3 remapped ids; 2 files skipped: .*big\.csv \(over 1 MiB\), .*logo\.png \(binary\)\)\. 4 have a new id: rewrite with --write\./,
    );
    assert.match(out, /config\.json: not rewritten: it is not valid JSON/);
  });

  it('--json gives every occurrence with its old and new id', async () => {
    const { dir, idmap } = await project();
    const io = captureIo();
    assert.equal(await runCli(['remap', '--idmap', idmap, '--json', path.join(dir, 'src')], io), 1);
    const report = JSON.parse(io.stdout.join('\n'));
    assert.equal(report.found, 4);
    const hook = report.files.find((f: { file: string }) => f.file.endsWith('src/hook.js'));
    assert.deepEqual(
      hook.occurrences.map((o: { line: number; kind: string; oldId: string; newId: string | null; rule: string }) => [
        o.line,
        o.kind,
        o.oldId,
        o.newId,
        o.rule,
      ]),
      [
        [1, 'order', '1234', '5678', 'key'],
        [3, 'tag', '12', '90', 'key'],
      ],
    );
    const sh = report.files.find((f: { file: string }) => f.file.endsWith('src/sync.sh'));
    assert.equal(sh.occurrences[1].newId, null);
    assert.equal(sh.occurrences[1].restored, false);
  });

  it('--write rewrites in place (permissions and CRLF kept), prints a unified diff, and leaves what it cannot fix', async () => {
    const { dir, idmap } = await project();
    const configBefore = await fs.readFile(path.join(dir, 'config.json'));
    const io = captureIo();
    assert.equal(await runCli(['remap', '--idmap', idmap, '--write', dir], io), 1, 'the gone contact and the broken JSON are left');
    const out = io.stdout.join('\n');
    const rel = path.relative(process.cwd(), path.join(dir, 'src/hook.js')).split(path.sep).join('/');
    assert.ok(
      out.includes(
        [
          `--- a/${rel}`,
          `+++ b/${rel}`,
          '@@ -1,3 +1,3 @@',
          '-const HOLD_ORDER_ID = 1234;',
          '+const HOLD_ORDER_ID = 5678;',
          ' const price = 1234;',
          '-const VIP_TAG_ID = 12;',
          '+const VIP_TAG_ID = 90;',
        ].join('\n'),
      ),
      out,
    );
    assert.match(out, /Rewrote 3 ids in 2 files; 2 stale ids left \(listed above\)/);
    assert.equal(
      await fs.readFile(path.join(dir, 'src', 'hook.js'), 'utf8'),
      'const HOLD_ORDER_ID = 5678;\nconst price = 1234;\nconst VIP_TAG_ID = 90;\n',
    );
    assert.equal(
      await fs.readFile(path.join(dir, 'src', 'sync.sh'), 'utf8'),
      '#!/bin/sh\r\nORDER_ID=5678 ./sync\r\nCONTACT_ID=55 ./notify\r\n',
    );
    assert.equal((await fs.stat(path.join(dir, 'src', 'sync.sh'))).mode & 0o777, 0o755, 'the script is still executable');
    assert.deepEqual(await fs.readFile(path.join(dir, 'config.json')), configBefore, 'a file that does not parse is not written');
    assert.deepEqual((await fs.readdir(path.join(dir, 'src'))).sort(), ['hook.js', 'sync.sh'], 'no temporary file left behind');
    assert.equal(await fs.readFile(path.join(dir, 'dist', 'bundle.js'), 'utf8'), 'const ORDER_ID = 1234;', 'ignored files are not touched');

    // Again: nothing more to rewrite; only what no new id can fix is left.
    const again = captureIo();
    assert.equal(await runCli(['remap', '--idmap', idmap, '--write', path.join(dir, 'src')], again), 1);
    assert.match(again.stdout.join('\n'), /Rewrote 0 ids in 0 files; 1 stale id left/);
    await fs.writeFile(path.join(dir, 'src', 'sync.sh'), '#!/bin/sh\nORDER_ID=5678 ./sync\n');
    const clean = captureIo();
    assert.equal(await runCli(['remap', '--idmap', idmap, path.join(dir, 'src')], clean), 0);
    assert.match(clean.stdout.join('\n'), /^No stale Keap ids \(2 files scanned against 3 remapped ids\)\.$/);
  });

  it('--no-gitignore scans ignored files too; a missing or foreign id map is a clear error', async () => {
    const { dir, idmap } = await project();
    const io = captureIo();
    await runCli(['remap', '--idmap', idmap, '--no-gitignore', '--json', dir], io);
    const files = JSON.parse(io.stdout.join('\n')).files.map((f: { file: string }) => path.basename(f.file));
    assert.ok(files.includes('bundle.js') && files.includes('sync.log'), files.join(', '));

    const missing = captureIo();
    assert.equal(await runCli(['remap', '--idmap', path.join(dir, 'nope.csv'), dir], missing), 1);
    assert.match(missing.stderr.join('\n'), /nope\.csv/);
    const foreign = captureIo();
    assert.equal(await runCli(['remap', '--idmap', path.join(dir, 'big.csv'), dir], foreign), 1);
    assert.match(foreign.stderr.join('\n'), /does not start with the header entity,old_id,new_id,plan_id,restored_at/);
    assert.equal(await runCli(['remap', dir], captureIo()), 2, '--idmap is required');
  });

  it('idmap --include-unrestored adds the records a restore could not bring back, which remap reads', async () => {
    const dir = await fs.mkdtemp(path.join(tmpdir(), 'kv-idmap-cli-'));
    const ledgerFile = path.join(dir, 'keap-acct.kvledger');
    const ledger = await Ledger.open(ledgerFile);
    await ledger.done('plan-b', { id: 'orders:17', entity: 'orders', oldId: '17' }, '250');
    await ledger.failed('plan-b', { id: 'products:3', entity: 'products', oldId: '3' }, 'Keap refused the SKU');
    await ledger.checkpoint();
    ledger.close();
    const csv = captureIo();
    assert.equal(await runCli(['idmap', ledgerFile, '--include-unrestored'], csv), 0);
    const lines = csv.stdout.join('\n').split(/\r?\n/);
    assert.equal(lines[0], 'entity,old_id,new_id,plan_id,restored_at');
    assert.match(lines[1], /^orders,17,250,plan-b,/);
    assert.match(lines[2], /^products,3,,plan-b,/);
    const plain = captureIo();
    await runCli(['idmap', ledgerFile], plain);
    assert.equal(plain.stdout.join('\n').split(/\r?\n/).length, 2, 'without the flag the export is as before');

    const file = path.join(dir, 'idmap.csv');
    await fs.writeFile(file, csv.stdout.join('\n'));
    await fs.writeFile(path.join(dir, 'fixture.yaml'), 'order:\n  id: 17\nproduct_id: 3\n');
    const io = captureIo();
    assert.equal(await runCli(['remap', '--idmap', file, '--json', path.join(dir, 'fixture.yaml')], io), 1);
    const [f] = JSON.parse(io.stdout.join('\n')).files;
    assert.deepEqual(
      f.occurrences.map((o: { kind: string; oldId: string; newId: string | null }) => `${o.kind} ${o.oldId} -> ${o.newId}`),
      ['order 17 -> 250', 'product 3 -> null'],
    );
    // The ledger itself is an id map too.
    assert.equal(await runCli(['remap', '--idmap', ledgerFile, path.join(dir, 'fixture.yaml')], captureIo()), 1);
  });
});
