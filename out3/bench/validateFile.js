"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Peak memory of checking an import file against a snapshot, for JSON arrays, NDJSON and CSV of
 * 10 MB, 100 MB and 1 GB. Each file is checked in its own process, so a peak is the validator's
 * alone. Prints figures and each peak's ratio to the 10 MB one (the goal is flat); asserts nothing.
 *   npm run compile-tests && node out/bench/validateFile.js [MB ...]   (default: 10 100 1000)
 */
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const node_events_1 = require("node:events");
const snapshotDb_1 = require("../src/core/snapshot/snapshotDb");
const validateFile_1 = require("../src/core/validate/files/validateFile");
const snapshots_1 = require("../test/unit/support/snapshots");
const FORMATS = ['json', 'ndjson', 'csv'];
const mib = (bytes) => `${Math.round(bytes / 1024 / 1024)} MiB`;
/** In the child: check one file, print what it cost. */
async function child(snapshot, file) {
    const db = await snapshotDb_1.SnapshotDb.open(snapshot);
    const t0 = Date.now();
    const result = await (0, validateFile_1.validateFileOnDisk)(db, file);
    const out = {
        records: result.records,
        findings: result.findings.length,
        seconds: (Date.now() - t0) / 1000,
        peakRss: process.resourceUsage().maxRSS * 1024,
    };
    db.close();
    console.log(JSON.stringify(out));
}
/** Orders as an import would hold them: every one for a contact and products the snapshot has, ids unique. */
function* orders(contacts, products) {
    for (let i = 0;; i++) {
        yield {
            // Numeric, as Keap's ids are, and far above the snapshot's (no order of the file is one it has).
            id: String(900_000_000 + i),
            contact_id: contacts[i % contacts.length],
            order_title: `Import ${i}: Café order – ${i % 7} items`,
            order_time: '2026-11-01T12:00:00.000Z',
            status: 'PAID',
            order_items: [
                { product_id: products[i % products.length], quantity: 1 + (i % 3), price: { amount: 19.5 } },
                { product_id: products[(i + 1) % products.length], quantity: 1 },
            ],
        };
    }
}
function line(record, format, first) {
    if (format === 'ndjson')
        return `${JSON.stringify(record)}\n`;
    if (format === 'json')
        return `${first ? '[\n' : ',\n'}  ${JSON.stringify(record)}`;
    const cell = JSON.stringify(record.order_items).replace(/"/g, '""');
    return `${first ? 'id,contact_id,order_title,order_time,status,order_items\n' : ''}${record.id},${record.contact_id},"${record.order_title}",${record.order_time},${record.status},"${cell}"\n`;
}
async function writeFile(file, format, bytes, contacts, products) {
    const out = (0, node_fs_1.createWriteStream)(file);
    let written = 0;
    let first = true;
    let buffer = '';
    for (const record of orders(contacts, products)) {
        buffer += line(record, format, first);
        first = false;
        if (buffer.length > 1 << 20 || written + buffer.length >= bytes) {
            written += Buffer.byteLength(buffer);
            if (!out.write(buffer))
                await (0, node_events_1.once)(out, 'drain');
            buffer = '';
            if (written >= bytes)
                break;
        }
    }
    if (format === 'json')
        out.write('\n]\n');
    out.end();
    await (0, node_events_1.once)(out, 'finish');
}
/**
 * Each check runs with its heap capped (`-- --heap=MiB`): peak RSS also counts garbage V8 has not
 * collected yet, which grows with how long a run allocates; a check that completes inside a small
 * fixed heap on every size proves what it keeps is bounded.
 */
const HEAP_MIB = Number(process.argv.find((a) => a.startsWith('--heap='))?.slice('--heap='.length) ?? 0);
const HEAP_CAP = HEAP_MIB ? [`--max-old-space-size=${HEAP_MIB}`] : [];
async function main() {
    if (process.env.KEAP_VAULT_BENCH_CHILD)
        return child(process.argv[2], process.argv[3]);
    const sizes = process.argv
        .slice(2)
        .filter((a) => !a.startsWith('--'))
        .map(Number)
        .filter((n) => n > 0);
    console.log(`Node ${process.version}, ${(0, node_os_1.cpus)().length} cores, ${mib((0, node_os_1.totalmem)())}${HEAP_MIB ? `, each check in a heap capped at ${HEAP_MIB} MiB` : ''}`);
    const dir = (0, snapshots_1.tempDir)('kv-bench-file-');
    try {
        const { file: snapshot } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 'bench-file', size: 300 }, dir);
        const db = await snapshotDb_1.SnapshotDb.open(snapshot);
        const contacts = db.all('SELECT id FROM contacts').map((r) => r.id);
        const products = db.all('SELECT id FROM products').map((r) => r.id);
        db.close();
        console.log(`snapshot: ${contacts.length} contacts, ${products.length} products`);
        console.log('| format | file | records | findings | time | peak RSS | vs 10 MB |');
        console.log('|---|---|---|---|---|---|---|');
        for (const format of FORMATS) {
            let base;
            for (const mb of sizes.length ? sizes : [10, 100, 1000]) {
                const file = node_path_1.default.join(dir, `orders-${mb}mb.${format}`);
                await writeFile(file, format, mb * 1_000_000, contacts, products);
                const size = (await node_fs_1.promises.stat(file)).size;
                const run = (0, node_child_process_1.spawnSync)(process.execPath, [...HEAP_CAP, __filename, snapshot, file], {
                    env: { ...process.env, KEAP_VAULT_BENCH_CHILD: '1' },
                    encoding: 'utf8',
                });
                await node_fs_1.promises.rm(file, { force: true });
                if (run.status !== 0) {
                    console.log(`| ${format} | ${mib(size)} | failed: ${(run.stderr.trim().split('\n').pop() ?? `exit ${run.status}`).slice(0, 160)} |`);
                    continue;
                }
                const r = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
                base ??= r.peakRss;
                console.log(`| ${format} | ${mib(size)} | ${r.records.toLocaleString('en-US')} | ${r.findings} | ${r.seconds.toFixed(1)} s | ${mib(r.peakRss)} | ${(r.peakRss / base).toFixed(2)}× |`);
            }
        }
    }
    finally {
        await node_fs_1.promises.rm(dir, { recursive: true, force: true });
    }
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=validateFile.js.map