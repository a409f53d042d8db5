"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Validation time per rule, wall and CPU, on one snapshot: a file (`--snapshot=FILE`, e.g. one
 * `bench/responsiveness.js --keep` left) or a generated account with every kind of problem planted
 * (`--contacts=N`). `--findings=FILE` writes the findings as JSON, to compare two versions of the
 * rules byte for byte. `--save=FILE` saves the generated account as a snapshot file and validates
 * that file as opened (as a user's would be), for the next run's `--snapshot=`. Each rule runs alone
 * (`only`), so its CPU time is its own. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/validateRules.js --snapshot=FILE | --contacts=20000 [--save=FILE] [--findings=FILE]
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const snapshotDb_1 = require("../src/core/snapshot/snapshotDb");
const rules_1 = require("../src/core/validate/rules");
const engine_1 = require("../src/core/validate/engine");
const generator_1 = require("../src/emulator/generator");
const options_1 = require("../src/emulator/generator/options");
const store_1 = require("../src/emulator/store");
const accountSnapshot_1 = require("../test/fixtures/accountSnapshot");
const option = (name) => process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
async function snapshot() {
    const file = option('snapshot');
    if (file)
        return snapshotDb_1.SnapshotDb.open(file);
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, {
        seed: 'bench',
        size: Number(option('contacts') ?? 20_000),
        plant: Object.fromEntries(options_1.PLANTED_PROBLEM_KINDS.map((k) => [k, 5])),
    });
    const db = await (0, accountSnapshot_1.snapshotOfAccount)(store);
    const save = option('save');
    if (!save)
        return db;
    await db.save(save, {
        snapshotId: 'bench',
        account: 'bench.keap-vault.local',
        apiBaseUrl: 'http://127.0.0.1/crm/rest',
        startedAt: '2026-11-01T12:00:00.000Z',
        finishedAt: '2026-11-01T12:00:05.000Z',
    });
    db.close();
    return snapshotDb_1.SnapshotDb.open(save);
}
const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
};
async function main() {
    const db = await snapshot();
    const rows = Object.values(db.counts()).reduce((a, b) => a + b, 0);
    console.log(`Node ${process.version}, ${(0, node_os_1.cpus)().length} cores, ${Math.round((0, node_os_1.totalmem)() / 1024 ** 3)} GiB, load ${(0, node_os_1.loadavg)()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${rows.toLocaleString('en-US')} rows`);
    const settings = { now: '2026-11-01T12:00:05.000Z' };
    let wall = 0;
    let cpu = 0;
    const findings = [];
    for (const rule of rules_1.ALL_RULES) {
        const [w, c] = [performance.now(), cpuMs()];
        const report = (0, engine_1.validateSnapshot)(db, { only: [rule.id], settings });
        const [dw, dc] = [performance.now() - w, cpuMs() - c];
        wall += dw;
        cpu += dc;
        findings.push(...report.findings);
        console.log(`  ${rule.id.padEnd(30)} wall ${dw.toFixed(0).padStart(6)} ms  cpu ${dc.toFixed(0).padStart(6)} ms  ${report.findings.length} findings`);
    }
    console.log(`  ${'total'.padEnd(30)} wall ${wall.toFixed(0).padStart(6)} ms  cpu ${cpu.toFixed(0).padStart(6)} ms  ${findings.length} findings`);
    const out = option('findings');
    if (out)
        (0, node_fs_1.writeFileSync)(out, JSON.stringify(findings, null, 1));
    db.close();
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=validateRules.js.map