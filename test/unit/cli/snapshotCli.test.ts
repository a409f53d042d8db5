import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { captureIo } from '../support/cliIo';
import { applyDisaster } from '../../../src/emulator/disasters';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { closeTestAccounts, startTestAccount } from '../support/emulator';
import { tempDir } from '../support/snapshots';

describe('keap-vault snapshot / info', function () {
  this.timeout(60_000);
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  after(closeTestAccounts);

  it('captures into the snapshot folder, warns about a shrinking account on the next capture, and shows info', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 8, size: 120 });
    const { emulator } = await startTestAccount({ store });
    process.env.KEAP_API_URL = emulator.apiBaseUrl;
    process.env.KEAP_API_KEY = emulator.token;
    const dir = tempDir();
    const first = captureIo();
    assert.equal(await runCli(['snapshot', '--dir', dir], first), 0);
    assert.match(first.stdout[0], /^Wrote .*keap-emulator\.keap-vault\.local-\d{8}T\d{6}Z\.kvsnap \(\d+ requests\)/);
    assert.match(first.stdout.join('\n'), /orders\s+\d+/);

    applyDisaster(store, { kind: 'delete-contacts', fraction: 0.4, seed: 1 });
    const second = captureIo();
    assert.equal(await runCli(['snapshot', '--dir', dir], second), 0);
    assert.match(second.stderr.join('\n'), /warning: contacts: 120 -> 72 \(-40%\)/);

    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.kvsnap'))
      .sort();
    assert.equal(files.length, 2);
    const info = captureIo();
    assert.equal(await runCli(['info', path.join(dir, files[1]), '--json'], info), 0);
    const meta = JSON.parse(info.stdout.join('\n'));
    assert.equal(meta.counts.contacts, 72);
    assert.equal(meta.account, 'emulator.keap-vault.local');
    assert.ok(!JSON.stringify(meta).includes(emulator.token), 'no credential in the metadata');
  });

  it('encrypts with --encrypt and the key from the environment; info needs the key', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 9, size: 20 });
    const { emulator } = await startTestAccount({ store });
    process.env.KEAP_API_URL = emulator.apiBaseUrl;
    process.env.KEAP_API_KEY = emulator.token;
    const out = path.join(tempDir(), 'enc.kvsnap');
    assert.equal(await runCli(['snapshot', '--out', out, '--encrypt'], captureIo()), 2, 'no key: usage error');
    process.env.KEAP_VAULT_SNAPSHOT_KEY = 'pass phrase';
    assert.equal(await runCli(['snapshot', '--out', out, '--encrypt'], captureIo()), 0);
    delete process.env.KEAP_VAULT_SNAPSHOT_KEY;
    const io = captureIo();
    assert.equal(await runCli(['info', out], io), 1);
    assert.match(io.stderr.join('\n'), /encrypted: supply its key/);
    assert.ok(existsSync(out));
  });

  it('info on a file that is not a snapshot fails clearly', async () => {
    const io = captureIo();
    assert.equal(await runCli(['info', __filename], io), 1);
    assert.match(io.stderr.join('\n'), /not a Keap Vault snapshot/);
  });
});

describe('keap-vault diff A live', function () {
  this.timeout(60_000);
  const saved = { ...process.env };
  after(() => {
    process.env = { ...saved };
  });

  it('compares a snapshot with the account as it is now', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 12, size: 60 });
    const { emulator } = await startTestAccount({ store });
    process.env.KEAP_API_URL = emulator.apiBaseUrl;
    process.env.KEAP_API_KEY = emulator.token;
    const out = path.join(tempDir(), 'before.kvsnap');
    assert.equal(await runCli(['snapshot', '--out', out], captureIo()), 0);
    const lost = applyDisaster(store, { kind: 'delete-contacts', count: 2, seed: 4 });
    const io = captureIo();
    // Differences exit 1 (for scripts); the JSON is printed all the same.
    assert.equal(await runCli(['diff', out, 'live', '--json'], io), 1);
    const diff = JSON.parse(io.stdout.join('\n'));
    const contacts = diff.entities.find((e: { entity: string }) => e.entity === 'contacts');
    assert.deepEqual([...contacts.removed].sort(), [...lost.affected.contacts].sort());
  });
});
