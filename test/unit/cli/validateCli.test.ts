import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { captureIo } from '../support/cliIo';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { ALL_RULES } from '../../../src/core/validate/rules';
import { generatedSnapshotFile } from '../support/snapshots';

describe('keap-vault validate', function () {
  this.timeout(60_000);

  it('exits 0 on a clean snapshot and 1 when errors are found, with one line per finding', async () => {
    const clean = await generatedSnapshotFile({ seed: 'cli-clean', size: 100 });
    const ok = captureIo();
    assert.equal(await runCli(['validate', clean.file], ok), 0);
    assert.match(ok.stdout.join('\n'), new RegExp(`No problems found\\. Checked ${ALL_RULES.length} rules`));

    const bad = await generatedSnapshotFile({ seed: 'cli-bad', size: 100, plant: { 'orphan-order': 2, 'duplicate-order': 1 } });
    const io = captureIo();
    assert.equal(await runCli(['validate', bad.file], io), 1);
    const orphans = bad.planted.filter((p) => p.kind === 'orphan-order').map((p) => p.ids[0]);
    for (const id of orphans)
      assert.ok(
        io.stdout.some((l) => l.startsWith(`orders/${id}: error order/orphan-contact:`)),
        id,
      );
    assert.match(io.stdout[io.stdout.length - 1], /2 errors, 1 warning, /);

    const onlyWarnings = captureIo();
    assert.equal(await runCli(['validate', bad.file, '--rule', 'order/likely-duplicate'], onlyWarnings), 0, 'warnings alone do not fail');
    assert.equal(await runCli(['validate', bad.file, '--severity', 'order/orphan-contact=warning'], captureIo()), 0);
    assert.equal(await runCli(['validate', bad.file, '--off', 'order/orphan-contact'], captureIo()), 0);
    assert.equal(await runCli(['validate', bad.file, '--rule', 'order/none'], captureIo()), 2);
  });

  it('writes SARIF 2.1.0 that names the rule, its explanation and the record', async () => {
    const bad = await generatedSnapshotFile({ seed: 'cli-sarif', size: 80, plant: { 'total-mismatch': 1 } });
    const io = captureIo();
    assert.equal(await runCli(['validate', bad.file, '--format', 'sarif'], io), 1);
    const sarif = JSON.parse(io.stdout.join('\n'));
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'order/total-mismatch');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].logicalLocations[0].fullyQualifiedName, `orders/${bad.planted[0].ids[0]}`);
    const rule = run.tool.driver.rules[result.ruleIndex];
    assert.equal(rule.id, 'order/total-mismatch');
    assert.match(rule.fullDescription.text, /Keap computes an order's total from its items/);
  });

  it('checks an import file against the snapshot with file:line:col positions', async () => {
    const { file } = await generatedSnapshotFile({ seed: 'cli-file', size: 50 });
    const db = await SnapshotDb.open(file);
    const contactId = String(db.scalar('SELECT id FROM contacts LIMIT 1'));
    const productId = String(db.scalar('SELECT id FROM products LIMIT 1'));
    db.close();
    const input = path.join(path.dirname(file), 'import.json');
    await fs.writeFile(
      input,
      JSON.stringify(
        [
          {
            id: '900001',
            contact_id: contactId,
            order_title: 'ok',
            order_time: '2026-01-01T00:00:00Z',
            order_items: [{ product_id: productId, quantity: 1 }],
          },
          {
            id: '900002',
            contact_id: '424242',
            order_title: 'bad',
            order_time: '2026-01-01T00:00:00Z',
            order_items: [{ product_id: productId, quantity: 1 }],
          },
        ],
        null,
        2,
      ),
    );
    const io = captureIo();
    assert.equal(await runCli(['validate', file, input], io), 1);
    const line = io.stdout.find((l) => l.includes('file/unknown-contact'))!;
    assert.match(line, new RegExp(`^${input.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: error file/unknown-contact:`));
  });

  it('bad input files (nesting no stack holds, Latin-1 bytes) exit 1 with the position of each problem', async () => {
    const { file } = await generatedSnapshotFile({ seed: 'cli-file', size: 50 });
    const deep = path.join(path.dirname(file), 'deep.json');
    await fs.writeFile(deep, '['.repeat(100_000));
    const latin1 = path.join(path.dirname(file), 'contacts.csv');
    await fs.writeFile(latin1, Buffer.concat([Buffer.from('id,given_name\nc1,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const io = captureIo();
    assert.equal(await runCli(['validate', file, deep, latin1], io), 1);
    assert.ok(
      io.stdout.includes(`${deep}:1:2: error file/syntax: Expected a record (a JSON object) but found an array`),
      io.stdout.join('\n'),
    );
    assert.ok(io.stdout.includes(`${deep}:1:100001: error file/syntax: Invalid JSON: a closing bracket (]) was expected`));
    const encoding = io.stdout.find((l) =>
      l.startsWith(`${latin1}:2:7: error file/syntax: The file is not UTF-8 here: byte 0xE9 at byte offset 20`),
    );
    assert.ok(encoding, io.stdout.join('\n'));
  });
});
