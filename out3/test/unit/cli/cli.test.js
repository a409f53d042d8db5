"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const main_1 = require("../../../src/cli/main");
const cliIo_1 = require("../support/cliIo");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const emulator_1 = require("../support/emulator");
describe('keap-vault CLI', () => {
    const saved = { ...process.env };
    afterEach(() => {
        process.env = { ...saved };
    });
    after(emulator_1.closeTestAccounts);
    it('ping: 0 with a working credential, and shows the quota Keap reports', async () => {
        const { emulator } = await (0, emulator_1.startTestAccount)({ quota: { perSecond: 10, perMinute: 240, perDay: 30_000 } });
        process.env.KEAP_API_URL = emulator.apiBaseUrl;
        process.env.KEAP_API_KEY = emulator.token;
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['ping'], io), 0);
        strict_1.default.match(io.stdout.join('\n'), /Connected to http:\/\/127\.0\.0\.1:\d+\/crm\/rest/);
        strict_1.default.match(io.stdout.join('\n'), /product quota: 239 of 240 per minute left/);
    });
    it('ping: 1 with a wrong token, and the message does not echo it', async () => {
        const { emulator } = await (0, emulator_1.startTestAccount)();
        process.env.KEAP_API_URL = emulator.apiBaseUrl;
        process.env.MY_KEAP = 'definitely-wrong-token-123';
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['--token-env', 'MY_KEAP', 'ping'], io), 1);
        strict_1.default.match(io.stderr.join('\n'), /did not accept the credential/);
        strict_1.default.ok(!io.stderr.join('\n').includes('definitely-wrong-token-123'));
    });
    it('exits 2 on usage errors: unknown command, missing credential, bad number', async () => {
        delete process.env.KEAP_API_KEY;
        strict_1.default.equal(await (0, main_1.runCli)(['frobnicate'], (0, cliIo_1.captureIo)()), 2);
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['ping'], io), 2);
        strict_1.default.match(io.stderr.join('\n'), /set KEAP_API_KEY/);
        process.env.KEAP_API_KEY = 'x';
        strict_1.default.equal(await (0, main_1.runCli)(['orders', '--limit', 'many'], (0, cliIo_1.captureIo)()), 2);
    });
    it('orders --json lists the most recent orders with their invoice ids', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 5, size: 30 });
        const { emulator } = await (0, emulator_1.startTestAccount)({ store });
        process.env.KEAP_API_URL = emulator.apiBaseUrl;
        process.env.KEAP_API_KEY = emulator.token;
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['orders', '--limit', '3', '--json'], io), 0);
        const orders = JSON.parse(io.stdout.join('\n'));
        strict_1.default.equal(orders.length, 3);
        strict_1.default.ok(orders[0].order_time >= orders[1].order_time && orders[1].order_time >= orders[2].order_time);
        const text = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['orders', '--limit', '3'], text), 0);
        strict_1.default.match(text.stdout[0], /^ORDER\s+INVOICE\s+DATE\s+CONTACT/);
    });
    it('disaster deletes contacts with their orders in a running emulator, and refuses non-loopback hosts', async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 5, size: 50 });
        const { emulator } = await (0, emulator_1.startTestAccount)({ store });
        process.env.KEAP_API_URL = emulator.apiBaseUrl;
        process.env.KEAP_API_KEY = emulator.token;
        const contactsBefore = store.contacts.size;
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['disaster', 'delete-contacts', '--count', '5', '--json'], io), 0);
        const report = JSON.parse(io.stdout.join('\n'));
        strict_1.default.equal(report.affected.contacts.length, 5);
        strict_1.default.equal(store.contacts.size, contactsBefore - 5);
        for (const id of report.affected.orders ?? [])
            strict_1.default.equal(store.orders.has(Number(id)), false);
        for (const id of report.affected.contacts)
            strict_1.default.equal(store.ordersOf(Number(id)).length, 0);
        strict_1.default.equal(await (0, main_1.runCli)(['--url', 'https://api.infusionsoft.com/crm/rest', 'disaster', 'delete-contacts', '--count', '1'], (0, cliIo_1.captureIo)()), 2);
        const lost = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['disaster', 'delete-orders', '--count', '2'], lost), 0);
        strict_1.default.match(lost.stdout.join('\n'), /^Lost: (\d+ payments?, )?2 orders$/);
        const changed = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['disaster', 'corrupt-orders', '--count', '3'], changed), 0);
        strict_1.default.equal(changed.stdout.join('\n'), 'Changed: 3 orders', 'records changed in place are not called lost');
    });
    it('demo runs the emulator and lists orders through the client', async function () {
        this.timeout(30_000);
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['demo', '--size', '40', '--orders', '4'], io), 0);
        const text = io.stdout.join('\n');
        strict_1.default.match(text, /Credential accepted/);
        strict_1.default.match(text, /The 4 most recent of \d+ orders/);
    });
});
describe('keap-vault emulator (as a process)', () => {
    it('starts on a free port, prints how to connect, persists its account and stops on SIGTERM', async function () {
        this.timeout(30_000);
        const { spawn } = await Promise.resolve().then(() => __importStar(require('node:child_process')));
        const { mkdtempSync, existsSync, readFileSync } = await Promise.resolve().then(() => __importStar(require('node:fs')));
        const { tmpdir } = await Promise.resolve().then(() => __importStar(require('node:os')));
        const path = await Promise.resolve().then(() => __importStar(require('node:path')));
        const state = path.join(mkdtempSync(path.join(tmpdir(), 'kv-emu-')), 'account.json');
        const cli = path.join(__dirname, '../../../src/cli/main.js');
        const child = spawn(process.execPath, [cli, 'emulator', '--size', '20', '--seed', '9', '--state', state, '--json', '--token', 'tok-123', '--plant', 'orphan-order=2'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        const details = await new Promise((resolve, reject) => {
            child.stdout.on('data', (chunk) => {
                output += chunk.toString();
                try {
                    resolve(JSON.parse(output));
                }
                catch {
                    // not complete yet
                }
            });
            child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
        });
        strict_1.default.equal(details.token, 'tok-123');
        strict_1.default.ok(details.counts.contacts >= 18 && details.counts.orders > 0);
        strict_1.default.deepEqual(details.planted.map((p) => p.kind), ['orphan-order', 'orphan-order']);
        process.env.KEAP_API_URL = details.apiBaseUrl;
        process.env.KEAP_API_KEY = 'tok-123';
        strict_1.default.equal(await (0, main_1.runCli)(['ping'], (0, cliIo_1.captureIo)()), 0);
        strict_1.default.equal(await (0, main_1.runCli)(['disaster', 'delete-contacts', '--count', '2'], (0, cliIo_1.captureIo)()), 0);
        const exited = new Promise((resolve) => child.on('exit', resolve));
        child.kill('SIGTERM');
        strict_1.default.equal(await exited, 0);
        strict_1.default.ok(existsSync(state));
        strict_1.default.equal(JSON.parse(readFileSync(state, 'utf8')).contacts.length, details.counts.contacts - 2, 'the loss was saved with the account');
    });
});
describe('keap-vault CLI wording', () => {
    it('counts read as sentences: "1 page", "2 pages", "1,204 records"', async () => {
        const { counted } = await Promise.resolve().then(() => __importStar(require('../../../src/cli/output')));
        strict_1.default.deepEqual([counted(1, 'page'), counted(2, 'page'), counted(1204, 'record'), counted(0, 'row')], ['1 page', '2 pages', '1,204 records', '0 rows']);
    });
});
describe('keap-vault: system errors as sentences', function () {
    this.timeout(60_000);
    after(emulator_1.closeTestAccounts);
    it('a folder where a file is needed, and a file where a folder is needed: a sentence naming the path, exit 1', async () => {
        const { tempDir } = await Promise.resolve().then(() => __importStar(require('../support/snapshots')));
        const dir = tempDir();
        const info = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['info', dir], info), 1);
        strict_1.default.equal(info.stderr.join('\n'), `keap-vault: ${dir} is a folder; a file is needed here.`);
        const { emulator } = await (0, emulator_1.startTestAccount)();
        process.env.KEAP_API_URL = emulator.apiBaseUrl;
        process.env.KEAP_API_KEY = emulator.token;
        const snapshot = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['--unlimited', 'snapshot', '--dir', '/dev/null'], snapshot), 1);
        strict_1.default.match(snapshot.stderr.join('\n'), /^keap-vault: \/dev\/null(\/\S+)? (already exists and is not a folder|is not a folder: a file stands where a folder is needed)/);
        strict_1.default.doesNotMatch(snapshot.stderr.join('\n'), /E[A-Z]{3,}:/, 'no errno code');
    });
    it('describes errno errors it knows, and leaves others alone', async () => {
        const { describeSystemError } = await Promise.resolve().then(() => __importStar(require('../../../src/core/fs/systemErrors')));
        const errno = (code, syscall, extra = {}) => Object.assign(new Error(code), { code, syscall, ...extra });
        strict_1.default.equal(describeSystemError(errno('ENOENT', 'open', { path: '/x/plan.json' })), 'There is no file or folder /x/plan.json.');
        strict_1.default.equal(describeSystemError(errno('EACCES', 'open', { path: '/root/a' })), 'Keap Vault may not use /root/a: check its permissions.');
        strict_1.default.equal(describeSystemError(errno('ENOSPC', 'write')), 'The disk is full; free some space and run it again.');
        strict_1.default.equal(describeSystemError(errno('EADDRINUSE', 'listen', { address: '127.0.0.1', port: 8720 })), 'Port 8720 on 127.0.0.1 is taken by another program; choose another port.');
        strict_1.default.equal(describeSystemError(new Error('plain')), undefined);
        strict_1.default.equal(describeSystemError(errno('ECONNRESET', 'read')), undefined);
    });
});
describe('keap-vault emulator: a stable port', function () {
    this.timeout(60_000);
    it('listens on its default port when free, on a free one (saying so) when taken, and an explicit taken port is a sentence', async () => {
        const net = await Promise.resolve().then(() => __importStar(require('node:net')));
        const { EMULATOR_PORT } = await Promise.resolve().then(() => __importStar(require('../../../src/cli/commands/emulator')));
        const { spawn } = await Promise.resolve().then(() => __importStar(require('node:child_process')));
        const { CLI, runCliProcess } = await Promise.resolve().then(() => __importStar(require('../support/cliProcess')));
        const blocker = net.createServer();
        const blocked = await new Promise((resolve) => {
            blocker.once('error', () => resolve(false)); // already taken by something else: the fallback is what is tested either way
            blocker.listen(EMULATOR_PORT, '127.0.0.1', () => resolve(true));
        });
        try {
            const child = spawn(process.execPath, [CLI, 'emulator', '--size', '5', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
            let stdout = '';
            let stderr = '';
            child.stderr.on('data', (d) => (stderr += d.toString()));
            const details = await new Promise((resolve, reject) => {
                child.stdout.on('data', (d) => {
                    stdout += d.toString();
                    try {
                        resolve(JSON.parse(stdout));
                    }
                    catch {
                        // not complete yet
                    }
                });
                child.on('exit', (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
            });
            child.kill('SIGTERM');
            strict_1.default.notEqual(new URL(details.apiBaseUrl).port, String(EMULATOR_PORT));
            strict_1.default.match(stderr, new RegExp(`Port ${EMULATOR_PORT} is taken \\(another emulator\\?\\): listening on \\d+ instead`));
            const explicit = await runCliProcess(['emulator', '--size', '5', '--port', String(EMULATOR_PORT)], process.env);
            strict_1.default.equal(explicit.code, 1);
            strict_1.default.equal(explicit.stderr.trim(), `keap-vault: Port ${EMULATOR_PORT} on 127.0.0.1 is taken by another program; choose another port.`);
        }
        finally {
            if (blocked)
                await new Promise((resolve) => blocker.close(resolve));
        }
    });
});
//# sourceMappingURL=cli.test.js.map