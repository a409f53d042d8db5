import assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/main';
import { captureIo } from '../support/cliIo';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { closeTestAccounts, startTestAccount } from '../support/emulator';

describe('keap-vault CLI', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  after(closeTestAccounts);

  it('ping: 0 with a working credential, and shows the quota Keap reports', async () => {
    const { emulator } = await startTestAccount({ quota: { perSecond: 10, perMinute: 240, perDay: 30_000 } });
    process.env.KEAP_API_URL = emulator.apiBaseUrl;
    process.env.KEAP_API_KEY = emulator.token;
    const io = captureIo();
    assert.equal(await runCli(['ping'], io), 0);
    assert.match(io.stdout.join('\n'), /Connected to http:\/\/127\.0\.0\.1:\d+\/crm\/rest/);
    assert.match(io.stdout.join('\n'), /product quota: 239 of 240 per minute left/);
  });

  it('ping: 1 with a wrong token, and the message does not echo it', async () => {
    const { emulator } = await startTestAccount();
    process.env.KEAP_API_URL = emulator.apiBaseUrl;
    process.env.MY_KEAP = 'definitely-wrong-token-123';
    const io = captureIo();
    assert.equal(await runCli(['--token-env', 'MY_KEAP', 'ping'], io), 1);
    assert.match(io.stderr.join('\n'), /did not accept the credential/);
    assert.ok(!io.stderr.join('\n').includes('definitely-wrong-token-123'));
  });

  it('exits 2 on usage errors: unknown command, missing credential, bad number', async () => {
    delete process.env.KEAP_API_KEY;
    assert.equal(await runCli(['frobnicate'], captureIo()), 2);
    const io = captureIo();
    assert.equal(await runCli(['ping'], io), 2);
    assert.match(io.stderr.join('\n'), /set KEAP_API_KEY/);
    process.env.KEAP_API_KEY = 'x';
    assert.equal(await runCli(['orders', '--limit', 'many'], captureIo()), 2);
  });

  it('orders --json lists the most recent orders with their invoice ids', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 5, size: 30 });
    const { emulator } = await startTestAccount({ store });
    process.env.KEAP_API_URL = emulator.apiBaseUrl;
    process.env.KEAP_API_KEY = emulator.token;
    const io = captureIo();
    assert.equal(await runCli(['orders', '--limit', '3', '--json'], io), 0);
    const orders = JSON.parse(io.stdout.join('\n')) as Array<{ id: string; invoice_id: string; order_time: string }>;
    assert.equal(orders.length, 3);
    assert.ok(orders[0].order_time >= orders[1].order_time && orders[1].order_time >= orders[2].order_time);
    const text = captureIo();
    assert.equal(await runCli(['orders', '--limit', '3'], text), 0);
    assert.match(text.stdout[0], /^ORDER\s+INVOICE\s+DATE\s+CONTACT/);
  });

  it('disaster deletes contacts with their orders in a running emulator, and refuses non-loopback hosts', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 5, size: 50 });
    const { emulator } = await startTestAccount({ store });
    process.env.KEAP_API_URL = emulator.apiBaseUrl;
    process.env.KEAP_API_KEY = emulator.token;
    const contactsBefore = store.contacts.size;
    const io = captureIo();
    assert.equal(await runCli(['disaster', 'delete-contacts', '--count', '5', '--json'], io), 0);
    const report = JSON.parse(io.stdout.join('\n')) as { affected: Record<string, string[]> };
    assert.equal(report.affected.contacts.length, 5);
    assert.equal(store.contacts.size, contactsBefore - 5);
    for (const id of report.affected.orders ?? []) assert.equal(store.orders.has(Number(id)), false);
    for (const id of report.affected.contacts) assert.equal(store.ordersOf(Number(id)).length, 0);
    assert.equal(
      await runCli(['--url', 'https://api.infusionsoft.com/crm/rest', 'disaster', 'delete-contacts', '--count', '1'], captureIo()),
      2,
    );
    const lost = captureIo();
    assert.equal(await runCli(['disaster', 'delete-orders', '--count', '2'], lost), 0);
    assert.match(lost.stdout.join('\n'), /^Lost: (\d+ payments?, )?2 orders$/);
    const changed = captureIo();
    assert.equal(await runCli(['disaster', 'corrupt-orders', '--count', '3'], changed), 0);
    assert.equal(changed.stdout.join('\n'), 'Changed: 3 orders', 'records changed in place are not called lost');
  });

  it('demo runs the emulator and lists orders through the client', async function () {
    this.timeout(30_000);
    const io = captureIo();
    assert.equal(await runCli(['demo', '--size', '40', '--orders', '4'], io), 0);
    const text = io.stdout.join('\n');
    assert.match(text, /Credential accepted/);
    assert.match(text, /The 4 most recent of \d+ orders/);
  });
});

describe('keap-vault emulator (as a process)', () => {
  it('starts on a free port, prints how to connect, persists its account and stops on SIGTERM', async function () {
    this.timeout(30_000);
    const { spawn } = await import('node:child_process');
    const { mkdtempSync, existsSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const state = path.join(mkdtempSync(path.join(tmpdir(), 'kv-emu-')), 'account.json');
    const cli = path.join(__dirname, '../../../src/cli/main.js');
    const child = spawn(
      process.execPath,
      [cli, 'emulator', '--size', '20', '--seed', '9', '--state', state, '--json', '--token', 'tok-123', '--plant', 'orphan-order=2'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const details = await new Promise<{ apiBaseUrl: string; token: string; counts: Record<string, number> }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        try {
          resolve(JSON.parse(output));
        } catch {
          // not complete yet
        }
      });
      child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    });
    assert.equal(details.token, 'tok-123');
    assert.ok(details.counts.contacts >= 18 && details.counts.orders > 0);
    assert.deepEqual(
      (details as unknown as { planted: Array<{ kind: string }> }).planted.map((p) => p.kind),
      ['orphan-order', 'orphan-order'],
    );
    process.env.KEAP_API_URL = details.apiBaseUrl;
    process.env.KEAP_API_KEY = 'tok-123';
    assert.equal(await runCli(['ping'], captureIo()), 0);
    assert.equal(await runCli(['disaster', 'delete-contacts', '--count', '2'], captureIo()), 0);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.ok(existsSync(state));
    assert.equal(
      JSON.parse(readFileSync(state, 'utf8')).contacts.length,
      details.counts.contacts - 2,
      'the loss was saved with the account',
    );
  });
});

describe('keap-vault CLI wording', () => {
  it('counts read as sentences: "1 page", "2 pages", "1,204 records"', async () => {
    const { counted } = await import('../../../src/cli/output');
    assert.deepEqual(
      [counted(1, 'page'), counted(2, 'page'), counted(1204, 'record'), counted(0, 'row')],
      ['1 page', '2 pages', '1,204 records', '0 rows'],
    );
  });
});

describe('keap-vault: system errors as sentences', function () {
  this.timeout(60_000);
  after(closeTestAccounts);

  it('a folder where a file is needed, and a file where a folder is needed: a sentence naming the path, exit 1', async () => {
    const { tempDir } = await import('../support/snapshots');
    const dir = tempDir();
    const info = captureIo();
    assert.equal(await runCli(['info', dir], info), 1);
    assert.equal(info.stderr.join('\n'), `keap-vault: ${dir} is a folder; a file is needed here.`);

    const { emulator } = await startTestAccount();
    process.env.KEAP_API_URL = emulator.apiBaseUrl;
    process.env.KEAP_API_KEY = emulator.token;
    const snapshot = captureIo();
    assert.equal(await runCli(['--unlimited', 'snapshot', '--dir', '/dev/null'], snapshot), 1);
    assert.match(
      snapshot.stderr.join('\n'),
      /^keap-vault: \/dev\/null(\/\S+)? (already exists and is not a folder|is not a folder: a file stands where a folder is needed)/,
    );
    assert.doesNotMatch(snapshot.stderr.join('\n'), /E[A-Z]{3,}:/, 'no errno code');
  });

  it('describes errno errors it knows, and leaves others alone', async () => {
    const { describeSystemError } = await import('../../../src/core/fs/systemErrors');
    const errno = (code: string, syscall: string, extra: object = {}) => Object.assign(new Error(code), { code, syscall, ...extra });
    assert.equal(describeSystemError(errno('ENOENT', 'open', { path: '/x/plan.json' })), 'There is no file or folder /x/plan.json.');
    assert.equal(
      describeSystemError(errno('EACCES', 'open', { path: '/root/a' })),
      'Keap Vault may not use /root/a: check its permissions.',
    );
    assert.equal(describeSystemError(errno('ENOSPC', 'write')), 'The disk is full; free some space and run it again.');
    assert.equal(
      describeSystemError(errno('EADDRINUSE', 'listen', { address: '127.0.0.1', port: 8720 })),
      'Port 8720 on 127.0.0.1 is taken by another program; choose another port.',
    );
    assert.equal(describeSystemError(new Error('plain')), undefined);
    assert.equal(describeSystemError(errno('ECONNRESET', 'read')), undefined);
  });
});

describe('keap-vault emulator: a stable port', function () {
  this.timeout(60_000);

  it('listens on its default port when free, on a free one (saying so) when taken, and an explicit taken port is a sentence', async () => {
    const net = await import('node:net');
    const { EMULATOR_PORT } = await import('../../../src/cli/commands/emulator');
    const { spawn } = await import('node:child_process');
    const { CLI, runCliProcess } = await import('../support/cliProcess');
    const blocker = net.createServer();
    const blocked = await new Promise<boolean>((resolve) => {
      blocker.once('error', () => resolve(false)); // already taken by something else: the fallback is what is tested either way
      blocker.listen(EMULATOR_PORT, '127.0.0.1', () => resolve(true));
    });
    try {
      const child = spawn(process.execPath, [CLI, 'emulator', '--size', '5', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const details = await new Promise<{ apiBaseUrl: string }>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          try {
            resolve(JSON.parse(stdout));
          } catch {
            // not complete yet
          }
        });
        child.on('exit', (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
      });
      child.kill('SIGTERM');
      assert.notEqual(new URL(details.apiBaseUrl).port, String(EMULATOR_PORT));
      assert.match(stderr, new RegExp(`Port ${EMULATOR_PORT} is taken \\(another emulator\\?\\): listening on \\d+ instead`));

      const explicit = await runCliProcess(['emulator', '--size', '5', '--port', String(EMULATOR_PORT)], process.env);
      assert.equal(explicit.code, 1);
      assert.equal(
        explicit.stderr.trim(),
        `keap-vault: Port ${EMULATOR_PORT} on 127.0.0.1 is taken by another program; choose another port.`,
      );
    } finally {
      if (blocked) await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
