"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const main_1 = require("../../../src/cli/main");
const cliIo_1 = require("../support/cliIo");
const disasters_1 = require("../../../src/emulator/disasters");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const emulator_1 = require("../support/emulator");
const snapshots_1 = require("../support/snapshots");
describe('keap-vault snapshot / info', function () {
    this.timeout(60_000);
    const saved = { ...process.env };
    afterEach(() => {
        process.env = { ...saved };
    });
    after(emulator_1.closeTestAccounts);
    it('captures into the snapshot folder, warns about a shrinking account on the next capture, and shows info', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 8, size: 120 });
        const { emulator } = await (0, emulator_1.startTestAccount)({ store });
        process.env.KEAP_API_URL = emulator.apiBaseUrl;
        process.env.KEAP_API_KEY = emulator.token;
        const dir = (0, snapshots_1.tempDir)();
        const first = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['snapshot', '--dir', dir], first), 0);
        strict_1.default.match(first.stdout[0], /^Wrote .*keap-emulator\.keap-vault\.local-\d{8}T\d{6}Z\.kvsnap \(\d+ requests\)/);
        strict_1.default.match(first.stdout.join('\n'), /orders\s+\d+/);
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', fraction: 0.4, seed: 1 });
        const second = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['snapshot', '--dir', dir], second), 0);
        strict_1.default.match(second.stderr.join('\n'), /warning: contacts: 120 -> 72 \(-40%\)/);
        const files = (0, node_fs_1.readdirSync)(dir)
            .filter((f) => f.endsWith('.kvsnap'))
            .sort();
        strict_1.default.equal(files.length, 2);
        const info = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['info', node_path_1.default.join(dir, files[1]), '--json'], info), 0);
        const meta = JSON.parse(info.stdout.join('\n'));
        strict_1.default.equal(meta.counts.contacts, 72);
        strict_1.default.equal(meta.account, 'emulator.keap-vault.local');
        strict_1.default.ok(!JSON.stringify(meta).includes(emulator.token), 'no credential in the metadata');
    });
    it('encrypts with --encrypt and the key from the environment; info needs the key', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 9, size: 20 });
        const { emulator } = await (0, emulator_1.startTestAccount)({ store });
        process.env.KEAP_API_URL = emulator.apiBaseUrl;
        process.env.KEAP_API_KEY = emulator.token;
        const out = node_path_1.default.join((0, snapshots_1.tempDir)(), 'enc.kvsnap');
        strict_1.default.equal(await (0, main_1.runCli)(['snapshot', '--out', out, '--encrypt'], (0, cliIo_1.captureIo)()), 2, 'no key: usage error');
        process.env.KEAP_VAULT_SNAPSHOT_KEY = 'pass phrase';
        strict_1.default.equal(await (0, main_1.runCli)(['snapshot', '--out', out, '--encrypt'], (0, cliIo_1.captureIo)()), 0);
        delete process.env.KEAP_VAULT_SNAPSHOT_KEY;
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['info', out], io), 1);
        strict_1.default.match(io.stderr.join('\n'), /encrypted: supply its key/);
        strict_1.default.ok((0, node_fs_1.existsSync)(out));
    });
    it('info on a file that is not a snapshot fails clearly', async () => {
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['info', __filename], io), 1);
        strict_1.default.match(io.stderr.join('\n'), /not a Keap Vault snapshot/);
    });
});
describe('keap-vault diff A live', function () {
    this.timeout(60_000);
    const saved = { ...process.env };
    after(() => {
        process.env = { ...saved };
    });
    it('compares a snapshot with the account as it is now', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 12, size: 60 });
        const { emulator } = await (0, emulator_1.startTestAccount)({ store });
        process.env.KEAP_API_URL = emulator.apiBaseUrl;
        process.env.KEAP_API_KEY = emulator.token;
        const out = node_path_1.default.join((0, snapshots_1.tempDir)(), 'before.kvsnap');
        strict_1.default.equal(await (0, main_1.runCli)(['snapshot', '--out', out], (0, cliIo_1.captureIo)()), 0);
        const lost = (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', count: 2, seed: 4 });
        const io = (0, cliIo_1.captureIo)();
        // Differences exit 1 (for scripts); the JSON is printed all the same.
        strict_1.default.equal(await (0, main_1.runCli)(['diff', out, 'live', '--json'], io), 1);
        const diff = JSON.parse(io.stdout.join('\n'));
        const contacts = diff.entities.find((e) => e.entity === 'contacts');
        strict_1.default.deepEqual([...contacts.removed].sort(), [...lost.affected.contacts].sort());
    });
});
//# sourceMappingURL=snapshotCli.test.js.map