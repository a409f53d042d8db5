"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.startEmulatorProcess = startEmulatorProcess;
/**
 * The emulator in its own process, so a bench's memory and CPU figures are Keap Vault's alone.
 * Run as a child: generates the account, listens on a free loopback port with quotas off (or
 * Keap's personal-access-token quota with `pat`), prints one JSON line with where it listens, and
 * serves until its parent closes its stdin.
 *   node out/bench/support/emulatorProcess.js <contacts> <seed> [unlimited|pat]
 */
const node_child_process_1 = require("node:child_process");
const node_readline_1 = __importDefault(require("node:readline"));
const emulator_1 = require("../../src/emulator");
const generator_1 = require("../../src/emulator/generator");
const store_1 = require("../../src/emulator/store");
async function startEmulatorProcess(contacts, seed, quota = 'unlimited') {
    const child = (0, node_child_process_1.spawn)(process.execPath, ['--max-old-space-size=16384', __filename, String(contacts), seed, quota], {
        stdio: ['pipe', 'pipe', 'inherit'],
    });
    const first = await new Promise((resolve, reject) => {
        const lines = node_readline_1.default.createInterface({ input: child.stdout });
        lines.once('line', resolve);
        child.once('exit', (code) => reject(new Error(`The emulator process ended (exit ${code}) before it listened`)));
    });
    const ready = JSON.parse(first);
    return {
        ...ready,
        stop: () => new Promise((resolve) => {
            child.once('exit', () => resolve());
            child.stdin.end();
        }),
    };
}
async function serve(contacts, seed, quota) {
    const started = Date.now();
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed, size: contacts });
    const generatedIn = (Date.now() - started) / 1000;
    const emulator = await (0, emulator_1.startEmulator)({ store, quota: quota === 'pat' ? emulator_1.KEAP_PAT_QUOTA : emulator_1.UNLIMITED_QUOTA, port: 0 });
    process.stdout.write(JSON.stringify({ apiBaseUrl: emulator.apiBaseUrl, token: emulator.token, generatedIn }) + '\n');
    process.stdin.resume();
    process.stdin.once('end', () => void emulator.close().then(() => process.exit(0)));
}
if (require.main === module) {
    const [contacts, seed, quota] = process.argv.slice(2);
    serve(Number(contacts), seed ?? 'scale', quota ?? 'unlimited').catch((err) => {
        console.error(err);
        process.exit(1);
    });
}
//# sourceMappingURL=emulatorProcess.js.map