"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * How fast a snapshot exports to NDJSON and CSV, and whether export memory grows with the rows.
 * Builds a snapshot from a generated account at two sizes (contacts/10 and contacts), then runs
 * each export in a fresh child process (peak RSS is per process and never goes down), next to a
 * child that only opens the snapshot. Opening holds the whole database in memory (sql.js) and sets
 * the process peak; what exporting adds is RSS and heap sampled during the export against the
 * figures just before it. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/export.js [contacts=200000]
 */
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = __importDefault(require("node:os"));
const node_path_1 = __importDefault(require("node:path"));
const export_1 = require("../src/core/snapshot/export");
const snapshotDb_1 = require("../src/core/snapshot/snapshotDb");
const accountSnapshot_1 = require("../test/fixtures/accountSnapshot");
const generator_1 = require("../src/emulator/generator");
const store_1 = require("../src/emulator/store");
const MB = 1024 * 1024;
const mb = (bytes) => `${(bytes / MB).toFixed(0)} MB`;
async function buildSnapshot(contacts, file) {
    const store = new store_1.EmulatorStore();
    const t0 = Date.now();
    (0, generator_1.generateAccount)(store, { seed: 'bench-export', size: contacts });
    const db = await (0, accountSnapshot_1.snapshotOfAccount)(store);
    const now = new Date().toISOString();
    const meta = await db.save(file, {
        snapshotId: 'bench',
        account: 'bench',
        apiBaseUrl: 'http://127.0.0.1/crm/rest',
        startedAt: now,
        finishedAt: now,
    });
    db.close();
    const rows = Object.values(meta.counts).reduce((n, c) => n + (c ?? 0), 0);
    console.log(`${contacts} contacts: ${rows} rows in all tables, ${Object.entries(meta.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}; ` + `snapshot ${mb((await node_fs_1.promises.stat(file)).size)}, built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
/** In the child: open the snapshot, then (unless mode is 'open') export it, and report. */
async function child(mode, file, outDir) {
    const db = await snapshotDb_1.SnapshotDb.open(file);
    const gc = globalThis.gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    let heapPeak = heapBefore;
    let rssPeak = rssBefore;
    let rows = 0;
    let bytes = 0;
    const t0 = process.hrtime.bigint();
    if (mode !== 'open') {
        const result = await (0, export_1.exportSnapshot)(db, {
            format: mode,
            outDir,
            // Sampled every few thousand rows: what exporting adds on top of the opened snapshot.
            onProgress: () => {
                const usage = process.memoryUsage();
                heapPeak = Math.max(heapPeak, usage.heapUsed);
                rssPeak = Math.max(rssPeak, usage.rss);
            },
        });
        rows = Object.values(result.counts).reduce((n, c) => n + (c ?? 0), 0);
        bytes = result.files.reduce((n, f) => n + f.bytes, 0);
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    gc?.();
    const report = {
        mode,
        rows,
        bytes,
        seconds,
        heapBefore,
        heapPeak,
        heapAfter: process.memoryUsage().heapUsed,
        rssBefore,
        rssPeak,
        maxRss: process.resourceUsage().maxRSS * 1024,
    };
    db.close();
    process.stdout.write(JSON.stringify(report) + '\n');
}
function runChild(mode, file, outDir) {
    const out = (0, node_child_process_1.execFileSync)(process.execPath, ['--expose-gc', __filename, '--child', mode, file, outDir], {
        encoding: 'utf8',
        maxBuffer: 16 * MB,
    });
    return JSON.parse(out.trim().split('\n').pop());
}
async function measure(contacts, dir) {
    const file = node_path_1.default.join(dir, `bench-${contacts}.kvsnap`);
    await buildSnapshot(contacts, file);
    const open = runChild('open', file, '');
    console.log(`  open only          peak RSS ${mb(open.maxRss)}, RSS once open ${mb(open.rssBefore)}, heap ${mb(open.heapBefore)}`);
    for (const format of ['ndjson', 'csv']) {
        const outDir = node_path_1.default.join(dir, `${format}-${contacts}`);
        const r = runChild(format, file, outDir);
        console.log(`  export ${format.padEnd(6)}      ${r.rows} rows, ${mb(r.bytes)} in ${r.seconds.toFixed(1)} s = ${Math.round(r.rows / r.seconds)} rows/s; ` +
            `RSS ${mb(r.rssBefore)} before, ${mb(r.rssPeak)} at most during export; process peak RSS ${mb(r.maxRss)} (open only: ${mb(open.maxRss)}); ` +
            `heap before ${mb(r.heapBefore)}, peak ${mb(r.heapPeak)}, after ${mb(r.heapAfter)}`);
        (0, node_fs_1.rmSync)(outDir, { recursive: true, force: true });
    }
    (0, node_fs_1.rmSync)(file, { force: true });
}
async function main() {
    if (process.argv[2] === '--child')
        return child(process.argv[3], process.argv[4], process.argv[5]);
    const contacts = Number(process.argv[2] ?? 200_000);
    console.log(`${new Date().toISOString().slice(0, 10)}; Node ${process.version}; ${node_os_1.default.cpus().length} cores, ${mb(node_os_1.default.totalmem())} RAM; ${node_os_1.default.platform()} ${node_os_1.default.release()}`);
    const dir = (0, node_fs_1.mkdtempSync)(node_path_1.default.join(node_os_1.default.tmpdir(), 'kv-bench-export-'));
    try {
        for (const size of [Math.max(100, Math.round(contacts / 10)), contacts])
            await measure(size, dir);
    }
    finally {
        (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    }
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=export.js.map