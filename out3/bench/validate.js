"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Validation time and peak memory on large generated snapshots. Each size runs in its own process
 * so peak memory is that size's alone. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/validate.js [contacts ...]   (default: 200000)
 */
const node_child_process_1 = require("node:child_process");
const node_os_1 = require("node:os");
const engine_1 = require("../src/core/validate/engine");
const accountSnapshot_1 = require("../test/fixtures/accountSnapshot");
const generator_1 = require("../src/emulator/generator");
const store_1 = require("../src/emulator/store");
const mib = (bytes) => `${Math.round(bytes / 1024 / 1024)} MiB`;
async function one(contacts) {
    const t0 = Date.now();
    const store = new store_1.EmulatorStore();
    const { counts } = (0, generator_1.generateAccount)(store, {
        seed: 'bench',
        size: contacts,
        plant: { 'orphan-order': 5, 'duplicate-order': 5, 'total-mismatch': 5 },
    });
    const t1 = Date.now();
    const db = await (0, accountSnapshot_1.snapshotOfAccount)(store);
    const t2 = Date.now();
    const report = (0, engine_1.validateSnapshot)(db, { settings: { now: '2026-11-01T12:00:05.000Z' } });
    const t3 = Date.now();
    const rows = Object.values(db.counts()).reduce((a, b) => a + b, 0);
    console.log(`${contacts.toLocaleString('en-US')} contacts, ${counts.orders.toLocaleString('en-US')} orders, ${rows.toLocaleString('en-US')} snapshot rows`);
    console.log(`  generate ${((t1 - t0) / 1000).toFixed(1)} s, build snapshot ${((t2 - t1) / 1000).toFixed(1)} s, validate ${((t3 - t2) / 1000).toFixed(1)} s (${report.findings.length} findings)`);
    console.log(`  slowest rules: ${[...report.rules]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 4)
        .map((r) => `${r.id} ${(r.ms / 1000).toFixed(1)} s`)
        .join(', ')}`);
    console.log(`  peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`);
}
async function main() {
    const sizes = process.argv
        .slice(2)
        .map(Number)
        .filter((n) => n > 0);
    if (process.env.KEAP_VAULT_BENCH_CHILD)
        return one(sizes[0]);
    console.log(`Node ${process.version}, ${(0, node_os_1.cpus)().length} cores, ${mib((0, node_os_1.totalmem)())}`);
    for (const size of sizes.length ? sizes : [200_000]) {
        const run = (0, node_child_process_1.spawnSync)(process.execPath, ['--max-old-space-size=16384', __filename, String(size)], {
            env: { ...process.env, KEAP_VAULT_BENCH_CHILD: '1' },
            encoding: 'utf8',
        });
        process.stdout.write(run.stdout);
        if (run.status !== 0)
            console.log(`  ${size.toLocaleString('en-US')} contacts: failed (${(run.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit ${run.status}`).slice(0, 200)})`);
    }
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=validate.js.map