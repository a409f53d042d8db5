"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * A whole capture (live -> snapshot file) from the emulator over loopback HTTP, with quotas off and
 * with Keap's personal-access-token quota on: time, requests, records/s, and the ratio to the
 * quota-bound minimum. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/capture.js [contacts=20000]
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const client_1 = require("../src/core/keap/client");
const quotaBound_1 = require("../src/core/keap/quotaBound");
const capture_1 = require("../src/core/snapshot/capture");
const quota_1 = require("./support/quota");
const emulator_1 = require("../src/emulator");
const generator_1 = require("../src/emulator/generator");
const store_1 = require("../src/emulator/store");
async function run(store, quota, label) {
    const emulator = await (0, emulator_1.startEmulator)({ store, quota });
    const dir = (0, node_fs_1.mkdtempSync)(node_path_1.default.join((0, node_os_1.tmpdir)(), 'kv-bench-capture-'));
    try {
        const client = new client_1.KeapClient({
            baseUrl: emulator.apiBaseUrl,
            credential: { kind: 'api-key', key: emulator.token },
            throttle: quota === emulator_1.UNLIMITED_QUOTA ? 'unlimited' : undefined,
        });
        const started = Date.now();
        const result = await (0, capture_1.captureSnapshot)({ client, out: node_path_1.default.join(dir, 'bench.kvsnap') });
        const seconds = (Date.now() - started) / 1000;
        const records = Object.values(result.meta.counts).reduce((a, b) => a + (b ?? 0), 0);
        // Every window Keap has (the minute's too, which binds a large capture), as the other benches count it.
        const minimum = (0, quotaBound_1.quotaBoundSeconds)(result.requests, (0, quota_1.windowsOf)(quota));
        console.log(`${label.padEnd(20)} ${result.requests} requests, ${seconds.toFixed(1)} s, ${Math.round(records / seconds)} rows/s, ` +
            `${((0, node_fs_1.statSync)(result.file).size / 1024 / 1024).toFixed(0)} MiB file, 429s: ${emulator.stats().throttled}` +
            (minimum ? `, quota-bound minimum ${minimum.toFixed(1)} s` : ''));
    }
    finally {
        await emulator.close();
        (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    }
}
async function main() {
    const contacts = Number(process.argv[2] ?? 20_000);
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed: 'bench', size: contacts });
    console.log(`Capture of ${contacts.toLocaleString('en-US')} contacts, ${store.orders.size.toLocaleString('en-US')} orders; Node ${process.version}, ${(0, node_os_1.cpus)().length} cores`);
    await run(store, emulator_1.UNLIMITED_QUOTA, 'quotas off');
    await run(store, emulator_1.KEAP_PAT_QUOTA, "Keap's PAT quota on");
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=capture.js.map