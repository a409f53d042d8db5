/**
 * Issue 14's "newcomer's path": the command a user installs, where the walkthrough's files go, and
 * how amounts, names and counts read on the command line.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { dataDir, dataPaths } from '../../../src/core/fs/dataDir';
import { formatCents, formatCurrencyValue, formatMajor } from '../../../src/core/money';
import { applyDisaster } from '../../../src/emulator/disasters';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { countedEntity, displayWidth, printTable, shellPath } from '../../../src/cli/output';
import { captureIo } from '../support/cliIo';
import { CLI, runCliProcess } from '../support/cliProcess';
import { closeTestAccounts, startTestAccount } from '../support/emulator';
import { tempDir } from '../support/snapshots';

const ROOT = path.join(__dirname, '../../../..');

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('the keap-vault command (package.json bin)', function () {
  this.timeout(120_000);

  it('npm run build makes the bin an executable node script that prints usage, and prints no [watch] lines', () => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    assert.doesNotMatch(build.stdout + build.stderr, /\[watch\]/, 'a plain build is not a watch');

    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const bin = path.join(ROOT, pkg.bin['keap-vault']);
    assert.ok(existsSync(bin), `${pkg.bin['keap-vault']} is built`);
    assert.ok(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n'), 'starts with the node shebang');
    if (process.platform !== 'win32') {
      assert.ok((statSync(bin).mode & 0o111) !== 0, 'executable, as npm link and npm install -g expect');
      // Run as a shell would run it: through the shebang, not `node FILE`.
      const help = spawnSync(bin, ['--help'], { encoding: 'utf8', cwd: tempDir() });
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, /^Usage: keap-vault \[options\] \[command\]/);
      assert.match(help.stdout, /^ {2}plan \[options\] <snapshot>/m);
    }
  });

  it('npm pack puts the command and what it loads in the package, and nothing of the sources', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const pack = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const files = (JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path).sort();
    assert.ok(files.includes('dist/cli.js') && files.includes('dist/sql-wasm.wasm'), files.join(', '));
    assert.deepEqual(
      files.filter((f) => /^(src|test|out|node_modules)\//.test(f) || f.endsWith('.map')),
      [],
    );
  });
});

describe('the data folder', () => {
  it('is per user and per platform, KEAP_VAULT_DATA_DIR first', () => {
    const home = '/home/ann';
    assert.equal(dataDir({ env: {}, platform: 'linux', home }), '/home/ann/.local/share/keap-vault');
    assert.equal(dataDir({ env: { XDG_DATA_HOME: '/data/ann' }, platform: 'linux', home }), '/data/ann/keap-vault');
    assert.equal(
      dataDir({ env: { XDG_DATA_HOME: 'relative' }, platform: 'linux', home }),
      '/home/ann/.local/share/keap-vault',
      'XDG: relative is ignored',
    );
    assert.equal(dataDir({ env: {}, platform: 'darwin', home: '/Users/ann' }), '/Users/ann/Library/Application Support/keap-vault');
    assert.equal(
      dataDir({ env: { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, platform: 'win32', home: 'C:\\Users\\ann' }),
      'C:\\Users\\ann\\AppData\\Local\\keap-vault',
    );
    assert.equal(
      dataDir({ env: { KEAP_VAULT_DATA_DIR: 'kv', XDG_DATA_HOME: '/data/ann' }, platform: 'linux', home, cwd: '/work' }),
      '/work/kv',
    );
    assert.equal(dataPaths({ env: { KEAP_VAULT_DATA_DIR: '/kv' } }).snapshots, path.join('/kv', 'snapshots'));
  });
});

describe('the walkthrough as a newcomer types it (processes, default folders)', function () {
  this.timeout(120_000);
  after(closeTestAccounts);

  it('writes nothing outside the data folder: snapshot, plan latest, apply latest, diff latest live, idmap', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'newcomer', size: 60 });
    const { emulator } = await startTestAccount({ store });
    const cwd = tempDir('kv-cwd-');
    const home = tempDir('kv-home-');
    const xdg = tempDir('kv-xdg-');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      XDG_DATA_HOME: xdg,
      KEAP_API_URL: emulator.apiBaseUrl,
      KEAP_API_KEY: emulator.token,
    };
    delete env.KEAP_VAULT_DATA_DIR;
    const data = path.join(xdg, 'keap-vault');
    const cli = async (...args: string[]) => {
      const run = await runCliProcess(['--unlimited', ...args], env, cwd);
      assert.ok(run.code === 0 || run.code === 1, `${args.join(' ')}: exit ${run.code}\n${run.stderr}`);
      return run;
    };

    const snapshot = await cli('snapshot');
    assert.equal(snapshot.code, 0, snapshot.stderr);
    const [snapshotFile] = filesUnder(path.join(data, 'snapshots'));
    assert.match(snapshotFile, /^keap-emulator\.keap-vault\.local-\d{8}T\d{6}Z\.kvsnap$/);
    assert.match(snapshot.stdout, new RegExp(`^Wrote ${path.join(data, 'snapshots', snapshotFile).replace(/[.]/g, '\\.')} `));

    // Four paid orders lost, one of them paid $1,000 or more at once.
    const paid = [...store.orders.values()].filter((o) => store.paymentsOf(o.id).length > 0);
    const big = paid.find((o) => store.paymentsOf(o.id).some((p) => p.amount_cents >= 100_000))!;
    const ids = [big, ...paid.filter((o) => o !== big).slice(0, 3)].map((o) => String(o.id));
    assert.equal(applyDisaster(store, { kind: 'delete-orders', ids }).affected.orders.length, 4);
    const plan = await cli('plan', 'latest');
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(
      plan.stderr,
      /^Planning from .*keap-emulator\.keap-vault\.local-\d{8}T\d{6}Z\.kvsnap \(the latest snapshot of emulator\.keap-vault\.local/m,
    );
    const [planFile] = filesUnder(path.join(data, 'plans'));
    assert.match(planFile, /^keap-emulator\.keap-vault\.local-\d{8}T\d{6}Z\.plan\.json$/);
    assert.match(
      plan.stdout,
      new RegExp(`Apply it with: keap-vault apply ${path.join(data, 'plans', planFile).replace(/[.]/g, '\\.')}$`, 'm'),
    );
    // Money as people read it: thousands separated, never `$1507.86`.
    const amounts = [...plan.stdout.matchAll(/Payment \S+ of (\S+) on order/g)].map((m) => m[1]);
    assert.ok(
      amounts.some((a) => a.includes(',')),
      `an amount of $1,000 or more among ${amounts.join(' ')}`,
    );
    for (const amount of amounts) assert.match(amount, /^\$\d{1,3}(,\d{3})*\.\d{2}$/);

    const apply = await cli('apply', 'latest');
    assert.equal(apply.code, 0, apply.stdout + apply.stderr);
    assert.match(apply.stderr, /^Applying .*\.plan\.json \(the latest plan for emulator\.keap-vault\.local/m);
    assert.match(apply.stdout, /Verification: \d+ records? written re-read/);

    const diff = await cli('diff', 'latest', 'live');
    assert.match(diff.stdout, /orders: \d+ -> \d+ \(no differences; \d+ records restored under new ids\)/);
    const idmap = await cli('idmap', 'emulator.keap-vault.local');
    assert.equal(idmap.code, 0, idmap.stderr);
    assert.equal(idmap.stdout.split(/\r?\n/)[0], 'entity,old_id,new_id,plan_id,restored_at');

    assert.deepEqual(filesUnder(cwd), [], 'nothing in the working directory');
    assert.deepEqual(filesUnder(home), [], 'nothing elsewhere in the home folder');
    assert.deepEqual(
      filesUnder(data).map((f) => f.split(path.sep)[0]),
      ['plans', 'snapshots', 'snapshots'],
      'the plan, the snapshot and the ledger',
    );
  });

  it('emulator --state keeps the account in the data folder (HOME/.local/share without XDG_DATA_HOME) and says where', async () => {
    const cwd = tempDir('kv-cwd-');
    const home = tempDir('kv-home-');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
    delete env.XDG_DATA_HOME;
    delete env.KEAP_VAULT_DATA_DIR;
    const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', '--size', '10', '--state'], {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('Press Ctrl+C')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    const account = path.join(home, '.local', 'share', 'keap-vault', 'emulator', 'account.json');
    assert.match(stdout, new RegExp(`^Account kept in ${account.replace(/[.]/g, '\\.')} `, 'm'));
    assert.ok(existsSync(account));
    assert.deepEqual(filesUnder(cwd), []);
  });
});

describe('keap-vault text: money, wide names, counts', () => {
  it('money: one format with the currency and thousands separators', () => {
    assert.equal(formatCents(150786), '$1,507.86');
    assert.equal(formatCents(-500), '-$5.00');
    assert.equal(formatCents(123456789, 'EUR'), '€1,234,567.89');
    assert.equal(formatCents(100, 'not-a-code'), 'not-a-code 1.00');
    assert.equal(formatMajor(1507.86), '$1,507.86');
    assert.equal(formatMajor(0.07), '$0.07');
    assert.equal(formatCurrencyValue({ amount: 250000, currency_code: 'USD', formatted_amount: '$2500.00' }), '$2,500.00');
  });

  it('tables stay aligned with Chinese, Japanese and Korean names, accents typed as two code points, and emoji', () => {
    assert.deepEqual(['山田太郎', 'Ｆｕｌｌ', '김민준', 'Zoe\u0308', 'ok👍', 'O\u2019Brien'].map(displayWidth), [8, 8, 6, 3, 4, 7]);
    const io = captureIo();
    const names = ['山田 太郎', 'Zoë Müller', '김민준', 'Ann'];
    printTable(
      io,
      ['CONTACT', 'TOTAL'],
      names.map((n) => [n, '$1.00']),
    );
    const columns = io.stdout.map((line) => displayWidth(line.slice(0, line.search(/\$|TOTAL/))));
    assert.equal(new Set(columns).size, 1, `the second column starts at one column in every row:\n${io.stdout.join('\n')}`);
  });

  it('counts of Keap records read as sentences: "1 order", "3 companies", "2 tag assignments"', () => {
    assert.deepEqual(
      [countedEntity(1, 'orders'), countedEntity(3, 'companies'), countedEntity(2, 'contact_tags'), countedEntity(1, 'order_items')],
      ['1 order', '3 companies', '2 tag assignments', '1 order item'],
    );
  });

  it('a printed path can be pasted into a shell', () => {
    assert.equal(shellPath('/home/ann/.local/share/keap-vault/plans/p.plan.json'), '/home/ann/.local/share/keap-vault/plans/p.plan.json');
    assert.equal(
      shellPath('/Users/ann/Library/Application Support/keap-vault/p.json'),
      "'/Users/ann/Library/Application Support/keap-vault/p.json'",
    );
    assert.equal(shellPath("/tmp/O'Brien"), "'/tmp/O'\\''Brien'");
  });
});
