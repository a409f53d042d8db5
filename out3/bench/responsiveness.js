"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * How long the event loop is blocked while a large snapshot is opened and validated (issue 12: the
 * extension host must not freeze for more than ~100 ms at a time). A timer probe ticks every 10 ms
 * beside the work; each late tick is time the loop could not run anything else. Prints, per stage,
 * the seconds, the longest block and the p99 of the probe's delays, each as a ratio to the 100 ms
 * goal, and the largest single synchronous step the stage timed itself. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/responsiveness.js [contacts=100000] [--snapshot=file] [--keep]
 * Without --snapshot, the account is generated in the emulator's own process and captured first
 * (--keep leaves that file behind and prints its path, for the next run's --snapshot=).
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const client_1 = require("../src/core/keap/client");
const capture_1 = require("../src/core/snapshot/capture");
const snapshotDb_1 = require("../src/core/snapshot/snapshotDb");
const engine_1 = require("../src/core/validate/engine");
const eventLoopProbe_1 = require("./support/eventLoopProbe");
const emulatorProcess_1 = require("./support/emulatorProcess");
const GOAL_MS = 100;
async function measured(work) {
    const probe = (0, eventLoopProbe_1.startEventLoopProbe)();
    const t = Date.now();
    const note = await work();
    const seconds = (Date.now() - t) / 1000;
    return { seconds, loop: probe.stop(), note };
}
async function captureAccount(contacts, dir) {
    const emulator = await (0, emulatorProcess_1.startEmulatorProcess)(contacts, 'scale');
    try {
        const file = node_path_1.default.join(dir, `responsiveness-${contacts}.kvsnap`);
        const client = new client_1.KeapClient({
            baseUrl: emulator.apiBaseUrl,
            credential: { kind: 'api-key', key: emulator.token },
            throttle: 'unlimited',
        });
        const t = Date.now();
        await (0, capture_1.captureSnapshot)({ client, out: file });
        console.log(`Captured ${contacts.toLocaleString('en-US')} contacts in ${((Date.now() - t) / 1000).toFixed(1)} s: ${file}`);
        return file;
    }
    finally {
        await emulator.stop();
    }
}
const ms = (n) => `${n.toFixed(0)} ms`;
const ratio = (n) => (n / GOAL_MS).toFixed(2);
function print(stage, r) {
    console.log(`  ${stage.padEnd(9)} ${r.seconds.toFixed(2).padStart(7)} s; longest block ${ms(r.loop.maxMs)} (ratio ${ratio(r.loop.maxMs)}), ` +
        `p99 ${ms(r.loop.p99Ms)} (ratio ${ratio(r.loop.p99Ms)}), ${r.loop.ticks} ticks; ${r.note}`);
}
async function main() {
    const args = process.argv.slice(2);
    const contacts = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
    const given = args.find((a) => a.startsWith('--snapshot='))?.slice('--snapshot='.length);
    const keep = args.includes('--keep');
    console.log(`Responsiveness: Node ${process.version}, ${(0, node_os_1.cpus)().length} cores, ${((0, node_os_1.totalmem)() / 1024 ** 3).toFixed(1)} GiB`);
    const dir = given ? undefined : (0, node_fs_1.mkdtempSync)(node_path_1.default.join((0, node_os_1.tmpdir)(), 'kv-bench-responsive-'));
    const file = given ?? (await captureAccount(contacts, dir));
    try {
        console.log(`Snapshot ${file}: ${((0, node_fs_1.statSync)(file).size / 1024 ** 2).toFixed(0)} MiB; goal: no block over ${GOAL_MS} ms`);
        // The same probe with nothing running: on a shared machine, the scheduler alone delays timers;
        // this is the floor the stages' figures stand on.
        const idle = await measured(async () => {
            await new Promise((resolve) => setTimeout(resolve, 3000));
            return "nothing running beside the probe (the machine's own scheduling delay)";
        });
        print('idle', idle);
        let db;
        let progressReports = 0;
        const open = await measured(async () => {
            db = await snapshotDb_1.SnapshotDb.open(file, { onProgress: () => progressReports++ });
            const [step, longest] = Object.entries(db.openSteps).sort((a, b) => b[1] - a[1])[0];
            const steps = Object.entries(db.openSteps)
                .map(([name, took]) => `${name} ${ms(took)}`)
                .join(', ');
            return `${progressReports} progress reports; longest step that cannot be sliced: ${step}, ${ms(longest)} (${steps})`;
        });
        print('open', open);
        progressReports = 0;
        const validate = await measured(async () => {
            const report = await (0, engine_1.validateSnapshotInSlices)(db, {}, { onProgress: () => progressReports++ });
            const slowest = [...report.rules].sort((a, b) => b.ms - a.ms)[0];
            return `${report.findings.length} findings, ${progressReports} progress reports; slowest rule ${slowest.id} ${ms(slowest.ms)} in all`;
        });
        print('validate', validate);
        db.close();
    }
    finally {
        if (dir && !keep)
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    }
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=responsiveness.js.map