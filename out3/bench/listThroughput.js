"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * How fast the client reads a whole account from the emulator over loopback HTTP: records per
 * second and requests, with quotas off and with Keap's personal-access-token quota on. Prints
 * figures; asserts nothing.
 *   npm run bench -- [contacts=20000]
 */
const node_os_1 = require("node:os");
const client_1 = require("../src/core/keap/client");
const emulator_1 = require("../src/emulator");
const generator_1 = require("../src/emulator/generator");
const store_1 = require("../src/emulator/store");
const quotaBound_1 = require("../src/core/keap/quotaBound");
const quota_1 = require("./support/quota");
const RESOURCES = [
    'contacts',
    'companies',
    'products',
    'orders',
    'payments',
    'transactions',
    'subscriptions',
    'tags',
    'campaigns',
];
async function readAll(store, quota, label) {
    const emulator = await (0, emulator_1.startEmulator)({ store, quota });
    const client = new client_1.KeapClient({
        baseUrl: emulator.apiBaseUrl,
        credential: { kind: 'api-key', key: emulator.token },
        throttle: quota === emulator_1.UNLIMITED_QUOTA ? 'unlimited' : undefined,
    });
    try {
        const started = process.hrtime.bigint();
        let records = 0;
        // Resources are read concurrently, as a capture would; the throttle keeps the total in bounds.
        await Promise.all(RESOURCES.map(async (name) => {
            for await (const _ of client[name].list())
                records++;
        }));
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const stats = emulator.stats();
        const minimum = (0, quotaBound_1.quotaBoundSeconds)(stats.accepted, (0, quota_1.windowsOf)(quota));
        console.log(`${label.padEnd(22)} ${String(records).padStart(9)} records  ${String(stats.accepted).padStart(5)} requests  ${seconds.toFixed(2).padStart(7)} s  ${Math.round(records / seconds)
            .toString()
            .padStart(8)} records/s  429s: ${stats.throttled}` +
            (minimum ? `  quota-bound minimum ${minimum.toFixed(1)} s (ratio ${(seconds / minimum).toFixed(2)})` : ''));
    }
    finally {
        await emulator.close();
    }
}
async function main() {
    const contacts = Number(process.argv[2] ?? 20_000);
    const store = new store_1.EmulatorStore();
    const t0 = Date.now();
    const { counts } = (0, generator_1.generateAccount)(store, { seed: 'bench', size: contacts });
    console.log(`Generated ${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')} in ${Date.now() - t0} ms`);
    console.log(`Node ${process.version}, ${(0, node_os_1.cpus)().length} cores`);
    await readAll(store, emulator_1.UNLIMITED_QUOTA, 'quotas off');
    await readAll(store, emulator_1.KEAP_PAT_QUOTA, "Keap's PAT quota on");
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=listThroughput.js.map