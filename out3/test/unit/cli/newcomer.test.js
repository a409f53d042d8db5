"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Issue 14's "newcomer's path": the command a user installs, where the walkthrough's files go, and
 * how amounts, names and counts read on the command line.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const dataDir_1 = require("../../../src/core/fs/dataDir");
const money_1 = require("../../../src/core/money");
const disasters_1 = require("../../../src/emulator/disasters");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const output_1 = require("../../../src/cli/output");
const cliIo_1 = require("../support/cliIo");
const cliProcess_1 = require("../support/cliProcess");
const emulator_1 = require("../support/emulator");
const snapshots_1 = require("../support/snapshots");
const ROOT = node_path_1.default.join(__dirname, '../../../..');
/** Every file under a folder, relative to it. */
function filesUnder(dir) {
    if (!(0, node_fs_1.existsSync)(dir))
        return [];
    return (0, node_fs_1.readdirSync)(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => node_path_1.default.relative(dir, node_path_1.default.join(e.parentPath, e.name)))
        .sort();
}
describe('the keap-vault command (package.json bin)', function () {
    this.timeout(120_000);
    it('npm run build makes the bin an executable node script that prints usage, and prints no [watch] lines', () => {
        const build = (0, node_child_process_1.spawnSync)(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
        strict_1.default.equal(build.status, 0, build.stderr);
        strict_1.default.doesNotMatch(build.stdout + build.stderr, /\[watch\]/, 'a plain build is not a watch');
        const pkg = JSON.parse((0, node_fs_1.readFileSync)(node_path_1.default.join(ROOT, 'package.json'), 'utf8'));
        const bin = node_path_1.default.join(ROOT, pkg.bin['keap-vault']);
        strict_1.default.ok((0, node_fs_1.existsSync)(bin), `${pkg.bin['keap-vault']} is built`);
        strict_1.default.ok((0, node_fs_1.readFileSync)(bin, 'utf8').startsWith('#!/usr/bin/env node\n'), 'starts with the node shebang');
        if (process.platform !== 'win32') {
            strict_1.default.ok(((0, node_fs_1.statSync)(bin).mode & 0o111) !== 0, 'executable, as npm link and npm install -g expect');
            // Run as a shell would run it: through the shebang, not `node FILE`.
            const help = (0, node_child_process_1.spawnSync)(bin, ['--help'], { encoding: 'utf8', cwd: (0, snapshots_1.tempDir)() });
            strict_1.default.equal(help.status, 0, help.stderr);
            strict_1.default.match(help.stdout, /^Usage: keap-vault \[options\] \[command\]/);
            strict_1.default.match(help.stdout, /^ {2}plan \[options\] <snapshot>/m);
        }
    });
    it('npm pack puts the command and what it loads in the package, and nothing of the sources', () => {
        const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
        const pack = (0, node_child_process_1.spawnSync)(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
        strict_1.default.equal(pack.status, 0, pack.stderr);
        const files = JSON.parse(pack.stdout)[0].files.map((f) => f.path).sort();
        strict_1.default.ok(files.includes('dist/cli.js') && files.includes('dist/sql-wasm.wasm'), files.join(', '));
        strict_1.default.deepEqual(files.filter((f) => /^(src|test|out|node_modules)\//.test(f) || f.endsWith('.map')), []);
    });
});
describe('the data folder', () => {
    it('is per user and per platform, KEAP_VAULT_DATA_DIR first', () => {
        const home = '/home/ann';
        strict_1.default.equal((0, dataDir_1.dataDir)({ env: {}, platform: 'linux', home }), '/home/ann/.local/share/keap-vault');
        strict_1.default.equal((0, dataDir_1.dataDir)({ env: { XDG_DATA_HOME: '/data/ann' }, platform: 'linux', home }), '/data/ann/keap-vault');
        strict_1.default.equal((0, dataDir_1.dataDir)({ env: { XDG_DATA_HOME: 'relative' }, platform: 'linux', home }), '/home/ann/.local/share/keap-vault', 'XDG: relative is ignored');
        strict_1.default.equal((0, dataDir_1.dataDir)({ env: {}, platform: 'darwin', home: '/Users/ann' }), '/Users/ann/Library/Application Support/keap-vault');
        strict_1.default.equal((0, dataDir_1.dataDir)({ env: { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, platform: 'win32', home: 'C:\\Users\\ann' }), 'C:\\Users\\ann\\AppData\\Local\\keap-vault');
        strict_1.default.equal((0, dataDir_1.dataDir)({ env: { KEAP_VAULT_DATA_DIR: 'kv', XDG_DATA_HOME: '/data/ann' }, platform: 'linux', home, cwd: '/work' }), '/work/kv');
        strict_1.default.equal((0, dataDir_1.dataPaths)({ env: { KEAP_VAULT_DATA_DIR: '/kv' } }).snapshots, node_path_1.default.join('/kv', 'snapshots'));
    });
});
describe('the walkthrough as a newcomer types it (processes, default folders)', function () {
    this.timeout(120_000);
    after(emulator_1.closeTestAccounts);
    it('writes nothing outside the data folder: snapshot, plan latest, apply latest, diff latest live, idmap', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 'newcomer', size: 60 });
        const { emulator } = await (0, emulator_1.startTestAccount)({ store });
        const cwd = (0, snapshots_1.tempDir)('kv-cwd-');
        const home = (0, snapshots_1.tempDir)('kv-home-');
        const xdg = (0, snapshots_1.tempDir)('kv-xdg-');
        const env = {
            ...process.env,
            HOME: home,
            XDG_DATA_HOME: xdg,
            KEAP_API_URL: emulator.apiBaseUrl,
            KEAP_API_KEY: emulator.token,
        };
        delete env.KEAP_VAULT_DATA_DIR;
        const data = node_path_1.default.join(xdg, 'keap-vault');
        const cli = async (...args) => {
            const run = await (0, cliProcess_1.runCliProcess)(['--unlimited', ...args], env, cwd);
            strict_1.default.ok(run.code === 0 || run.code === 1, `${args.join(' ')}: exit ${run.code}\n${run.stderr}`);
            return run;
        };
        const snapshot = await cli('snapshot');
        strict_1.default.equal(snapshot.code, 0, snapshot.stderr);
        const [snapshotFile] = filesUnder(node_path_1.default.join(data, 'snapshots'));
        strict_1.default.match(snapshotFile, /^keap-emulator\.keap-vault\.local-\d{8}T\d{6}Z\.kvsnap$/);
        strict_1.default.match(snapshot.stdout, new RegExp(`^Wrote ${node_path_1.default.join(data, 'snapshots', snapshotFile).replace(/[.]/g, '\\.')} `));
        // Four paid orders lost, one of them paid $1,000 or more at once.
        const paid = [...store.orders.values()].filter((o) => store.paymentsOf(o.id).length > 0);
        const big = paid.find((o) => store.paymentsOf(o.id).some((p) => p.amount_cents >= 100_000));
        const ids = [big, ...paid.filter((o) => o !== big).slice(0, 3)].map((o) => String(o.id));
        strict_1.default.equal((0, disasters_1.applyDisaster)(store, { kind: 'delete-orders', ids }).affected.orders.length, 4);
        const plan = await cli('plan', 'latest');
        strict_1.default.equal(plan.code, 0, plan.stderr);
        strict_1.default.match(plan.stderr, /^Planning from .*keap-emulator\.keap-vault\.local-\d{8}T\d{6}Z\.kvsnap \(the latest snapshot of emulator\.keap-vault\.local/m);
        const [planFile] = filesUnder(node_path_1.default.join(data, 'plans'));
        strict_1.default.match(planFile, /^keap-emulator\.keap-vault\.local-\d{8}T\d{6}Z\.plan\.json$/);
        strict_1.default.match(plan.stdout, new RegExp(`Apply it with: keap-vault apply ${node_path_1.default.join(data, 'plans', planFile).replace(/[.]/g, '\\.')}$`, 'm'));
        // Money as people read it: thousands separated, never `$1507.86`.
        const amounts = [...plan.stdout.matchAll(/Payment \S+ of (\S+) on order/g)].map((m) => m[1]);
        strict_1.default.ok(amounts.some((a) => a.includes(',')), `an amount of $1,000 or more among ${amounts.join(' ')}`);
        for (const amount of amounts)
            strict_1.default.match(amount, /^\$\d{1,3}(,\d{3})*\.\d{2}$/);
        const apply = await cli('apply', 'latest');
        strict_1.default.equal(apply.code, 0, apply.stdout + apply.stderr);
        strict_1.default.match(apply.stderr, /^Applying .*\.plan\.json \(the latest plan for emulator\.keap-vault\.local/m);
        strict_1.default.match(apply.stdout, /Verification: \d+ records? written re-read/);
        const diff = await cli('diff', 'latest', 'live');
        strict_1.default.match(diff.stdout, /orders: \d+ -> \d+ \(no differences; \d+ records restored under new ids\)/);
        const idmap = await cli('idmap', 'emulator.keap-vault.local');
        strict_1.default.equal(idmap.code, 0, idmap.stderr);
        strict_1.default.equal(idmap.stdout.split(/\r?\n/)[0], 'entity,old_id,new_id,plan_id,restored_at');
        strict_1.default.deepEqual(filesUnder(cwd), [], 'nothing in the working directory');
        strict_1.default.deepEqual(filesUnder(home), [], 'nothing elsewhere in the home folder');
        strict_1.default.deepEqual(filesUnder(data).map((f) => f.split(node_path_1.default.sep)[0]), ['plans', 'snapshots', 'snapshots'], 'the plan, the snapshot and the ledger');
    });
    it('emulator --state keeps the account in the data folder (HOME/.local/share without XDG_DATA_HOME) and says where', async () => {
        const cwd = (0, snapshots_1.tempDir)('kv-cwd-');
        const home = (0, snapshots_1.tempDir)('kv-home-');
        const env = { ...process.env, HOME: home };
        delete env.XDG_DATA_HOME;
        delete env.KEAP_VAULT_DATA_DIR;
        const child = (0, node_child_process_1.spawn)(process.execPath, [cliProcess_1.CLI, 'emulator', '--port', '0', '--size', '10', '--state'], {
            env,
            cwd,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        await new Promise((resolve, reject) => {
            child.stdout.on('data', (d) => {
                stdout += d.toString();
                if (stdout.includes('Press Ctrl+C'))
                    resolve();
            });
            child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
        });
        const exited = new Promise((resolve) => child.on('exit', resolve));
        child.kill('SIGTERM');
        await exited;
        const account = node_path_1.default.join(home, '.local', 'share', 'keap-vault', 'emulator', 'account.json');
        strict_1.default.match(stdout, new RegExp(`^Account kept in ${account.replace(/[.]/g, '\\.')} `, 'm'));
        strict_1.default.ok((0, node_fs_1.existsSync)(account));
        strict_1.default.deepEqual(filesUnder(cwd), []);
    });
});
describe('keap-vault text: money, wide names, counts', () => {
    it('money: one format with the currency and thousands separators', () => {
        strict_1.default.equal((0, money_1.formatCents)(150786), '$1,507.86');
        strict_1.default.equal((0, money_1.formatCents)(-500), '-$5.00');
        strict_1.default.equal((0, money_1.formatCents)(123456789, 'EUR'), '€1,234,567.89');
        strict_1.default.equal((0, money_1.formatCents)(100, 'not-a-code'), 'not-a-code 1.00');
        strict_1.default.equal((0, money_1.formatMajor)(1507.86), '$1,507.86');
        strict_1.default.equal((0, money_1.formatMajor)(0.07), '$0.07');
        strict_1.default.equal((0, money_1.formatCurrencyValue)({ amount: 250000, currency_code: 'USD', formatted_amount: '$2500.00' }), '$2,500.00');
    });
    it('tables stay aligned with Chinese, Japanese and Korean names, accents typed as two code points, and emoji', () => {
        strict_1.default.deepEqual(['山田太郎', 'Ｆｕｌｌ', '김민준', 'Zoe\u0308', 'ok👍', 'O\u2019Brien'].map(output_1.displayWidth), [8, 8, 6, 3, 4, 7]);
        const io = (0, cliIo_1.captureIo)();
        const names = ['山田 太郎', 'Zoë Müller', '김민준', 'Ann'];
        (0, output_1.printTable)(io, ['CONTACT', 'TOTAL'], names.map((n) => [n, '$1.00']));
        const columns = io.stdout.map((line) => (0, output_1.displayWidth)(line.slice(0, line.search(/\$|TOTAL/))));
        strict_1.default.equal(new Set(columns).size, 1, `the second column starts at one column in every row:\n${io.stdout.join('\n')}`);
    });
    it('counts of Keap records read as sentences: "1 order", "3 companies", "2 tag assignments"', () => {
        strict_1.default.deepEqual([(0, output_1.countedEntity)(1, 'orders'), (0, output_1.countedEntity)(3, 'companies'), (0, output_1.countedEntity)(2, 'contact_tags'), (0, output_1.countedEntity)(1, 'order_items')], ['1 order', '3 companies', '2 tag assignments', '1 order item']);
    });
    it('a printed path can be pasted into a shell', () => {
        strict_1.default.equal((0, output_1.shellPath)('/home/ann/.local/share/keap-vault/plans/p.plan.json'), '/home/ann/.local/share/keap-vault/plans/p.plan.json');
        strict_1.default.equal((0, output_1.shellPath)('/Users/ann/Library/Application Support/keap-vault/p.json'), "'/Users/ann/Library/Application Support/keap-vault/p.json'");
        strict_1.default.equal((0, output_1.shellPath)("/tmp/O'Brien"), "'/tmp/O'\\''Brien'");
    });
});
//# sourceMappingURL=newcomer.test.js.map