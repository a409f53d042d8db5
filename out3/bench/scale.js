"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * One large account end to end (issue 12's table): the emulator in its own process, each stage of
 * Keap Vault in its own process too, so every stage's peak RSS is its own. Per stage: seconds,
 * rows/s, peak RSS, and the ratio to its goal or to the limit measured in the same run (the bare
 * list time of the same pages). Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/scale.js [contacts=1000000] [--quota] [--stages=a,b,...] [--heap=MB]
 * --quota also captures under Keap's personal-access-token quota (240/min: ~20 min at 1M contacts).
 * --stages= runs only those (list and capture always run: the others read what capture wrote).
 * --heap= caps each stage's JavaScript heap (default 16384 MB), so that a stage too big for the
 *   machine fails alone instead of pushing everything else on it out of memory.
 */
const axios_1 = __importDefault(require("axios"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const client_1 = require("../src/core/keap/client");
const quotaBound_1 = require("../src/core/keap/quotaBound");
const throttle_1 = require("../src/core/keap/throttle");
const entities_1 = require("../src/core/entities");
const applier_1 = require("../src/core/restore/applier");
const liveRead_1 = require("../src/core/restore/liveRead");
const planner_1 = require("../src/core/restore/planner");
const planFile_1 = require("../src/core/restore/planFile");
const capture_1 = require("../src/core/snapshot/capture");
const diff_1 = require("../src/core/snapshot/diff");
const export_1 = require("../src/core/snapshot/export");
const query_1 = require("../src/core/snapshot/query");
const snapshotDb_1 = require("../src/core/snapshot/snapshotDb");
const engine_1 = require("../src/core/validate/engine");
const emulatorProcess_1 = require("./support/emulatorProcess");
const GiB = 1024 ** 3;
/** This process's main thread's CPU seconds, from /proc (Linux); undefined elsewhere. */
function mainThreadCpu() {
    try {
        const fields = (0, node_fs_1.readFileSync)(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
    }
    catch {
        return undefined;
    }
}
const client = (ctx, quota = false) => new client_1.KeapClient({
    baseUrl: ctx.apiBaseUrl,
    credential: { kind: 'api-key', key: ctx.token },
    throttle: quota ? undefined : 'unlimited',
});
const seconds = (since) => (Date.now() - since) / 1000;
const snapshotFile = (ctx) => node_path_1.default.join(ctx.dir, 'full.kvsnap');
async function timedOpen(file) {
    const t = Date.now();
    const db = await snapshotDb_1.SnapshotDb.open(file);
    return { db, seconds: seconds(t) };
}
/** The stages, each run in a child process of its own. */
const STAGES = {
    /** The limit capture is measured against: the same pages, read and thrown away. */
    async list(ctx) {
        const keap = client(ctx);
        const t = Date.now();
        let rows = 0;
        await Promise.all(entities_1.ENTITY_MODULES.map(async (m) => {
            for await (const page of m.pages(keap, {}))
                rows += page.items.length;
        }));
        return { seconds: seconds(t), rows, requests: keap.transport.requestCount };
    },
    async capture(ctx) {
        const t = Date.now();
        const result = await (0, capture_1.captureSnapshot)({ client: client(ctx), out: snapshotFile(ctx) });
        const rows = Object.values(result.meta.counts).reduce((a, b) => a + (b ?? 0), 0);
        return { seconds: seconds(t), rows, requests: result.requests, fileBytes: (0, node_fs_1.statSync)(result.file).size };
    },
    async captureUnderQuota(ctx) {
        const t = Date.now();
        const result = await (0, capture_1.captureSnapshot)({ client: client(ctx, true), out: node_path_1.default.join(ctx.dir, 'quota.kvsnap') });
        return { seconds: seconds(t), requests: result.requests };
    },
    async info(ctx) {
        const { db, seconds: open } = await timedOpen(snapshotFile(ctx));
        const rows = Object.values(db.meta().counts).reduce((a, b) => a + (b ?? 0), 0);
        db.close();
        return { seconds: open, rows };
    },
    async firstPage(ctx) {
        const { db, seconds: open } = await timedOpen(snapshotFile(ctx));
        const t = Date.now();
        const page = (0, query_1.listRecords)(db, 'orders', { orderBy: 'order_time', descending: true, limit: 100 });
        const query = seconds(t);
        db.close();
        return { seconds: open + query, rows: page.length, parts: { open, query } };
    },
    async goToOrder(ctx) {
        const { db, seconds: open } = await timedOpen(snapshotFile(ctx));
        const id = String(db.scalar('SELECT id FROM orders ORDER BY rowid DESC LIMIT 1'));
        const t = Date.now();
        const details = (0, query_1.orderDetails)(db, id);
        const query = seconds(t);
        db.close();
        return { seconds: open + query, rows: details ? 1 + details.items.length + details.payments.length : 0, parts: { open, query } };
    },
    async validate(ctx) {
        const { db, seconds: open } = await timedOpen(snapshotFile(ctx));
        const t = Date.now();
        const report = (0, engine_1.validateSnapshot)(db);
        const run = seconds(t);
        const rows = db.count('orders');
        db.close();
        return { seconds: run, rows, note: `${report.findings.length} findings`, parts: { open } };
    },
    async export(ctx) {
        const { db, seconds: open } = await timedOpen(snapshotFile(ctx));
        const t = Date.now();
        const result = await (0, export_1.exportSnapshot)(db, { format: 'ndjson', outDir: node_path_1.default.join(ctx.dir, 'export'), overwrite: true });
        const run = seconds(t);
        db.close();
        (0, node_fs_1.rmSync)(node_path_1.default.join(ctx.dir, 'export'), { recursive: true, force: true });
        return { seconds: run, rows: result.files.reduce((n, f) => n + f.rows, 0), parts: { open } };
    },
    /** A small loss restored for real: plan and apply into the large account. */
    async applySmall(ctx) {
        await disaster(ctx, { count: 60, seed: 'small' });
        return restore(ctx, true);
    },
    /** 10% of the contacts lost (with their orders and payments): plan only. */
    async planTenth(ctx) {
        await disaster(ctx, { fraction: 0.1, seed: 'tenth' });
        return restore(ctx, false);
    },
    async diff(ctx) {
        const live = node_path_1.default.join(ctx.dir, 'live.kvsnap');
        const c = Date.now();
        await (0, capture_1.captureSnapshot)({ client: client(ctx), out: live });
        const captureLive = seconds(c);
        const { db: a, seconds: openA } = await timedOpen(snapshotFile(ctx));
        const { db: b, seconds: openB } = await timedOpen(live);
        const t = Date.now();
        const diff = (0, diff_1.diffSnapshots)(a, b);
        const run = seconds(t);
        const rows = a.count('contacts') + a.count('orders');
        a.close();
        b.close();
        return { seconds: run, rows, note: `${JSON.stringify(diff.totals)}`, parts: { captureLive, open: openA + openB } };
    },
};
async function disaster(ctx, request) {
    const url = new URL(ctx.apiBaseUrl);
    await axios_1.default.post(`${url.origin}/__emulator/disasters/delete-contacts`, request, {
        headers: { 'X-Keap-API-Key': ctx.token },
        proxy: false,
    });
}
async function restore(ctx, apply) {
    const keap = client(ctx);
    const { db: snapshot, seconds: open } = await timedOpen(snapshotFile(ctx));
    let t = Date.now();
    const { db: live, readAt } = await (0, liveRead_1.readLiveForRestore)(keap);
    const liveRead = seconds(t);
    t = Date.now();
    const plan = (0, planner_1.planRestore)({
        snapshot,
        live,
        liveReadAt: readAt,
        account: snapshot.meta().account,
        apiBaseUrl: ctx.apiBaseUrl,
        options: { subscriptionsStartToday: true },
    });
    const planning = seconds(t);
    // Written and read back as the CLI's plan and apply do: a large plan is never one string.
    const planFile = node_path_1.default.join(ctx.dir, apply ? 'small.plan.json' : 'tenth.plan.json');
    t = Date.now();
    await (0, planFile_1.writePlanFile)(planFile, plan);
    const write = seconds(t);
    t = Date.now();
    const readBack = await (0, planFile_1.readPlanFile)(planFile);
    const read = seconds(t);
    const planMiB = (0, node_fs_1.statSync)(planFile).size / 2 ** 20;
    const records = plan.steps.length;
    const creates = plan.steps.filter((s) => s.action === 'create').length;
    if (!apply) {
        snapshot.close();
        return {
            seconds: planning,
            rows: records,
            note: `${creates} creates; plan file ${fmt(planMiB)} MiB`,
            parts: { open, liveRead, writePlan: write, readPlan: read },
        };
    }
    const before = keap.transport.requestCount;
    t = Date.now();
    const receipt = await (0, applier_1.applyPlan)({
        client: keap,
        plan: readBack,
        ledgerFile: node_path_1.default.join(ctx.dir, 'bench.kvledger'),
        snapshot,
        readLive: async () => (await (0, liveRead_1.readLiveForRestore)(keap)).db,
    });
    const applying = seconds(t);
    snapshot.close();
    return {
        seconds: applying,
        rows: receipt.created,
        requests: keap.transport.requestCount - before,
        note: `${receipt.created} created, ${receipt.failed.length} failed`,
        parts: { open, liveRead, plan: planning, writePlan: write, readPlan: read },
    };
}
function runStage(stage, ctx, heapMb) {
    const run = (0, node_child_process_1.spawnSync)(process.execPath, [`--max-old-space-size=${heapMb}`, __filename, '--stage', stage, JSON.stringify(ctx)], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
    });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{')) {
        throw new Error(`Stage ${stage} failed (exit ${run.status}): ${(run.stderr.trim().split('\n').slice(-3).join(' ') || line).slice(0, 400)}`);
    }
    return JSON.parse(line);
}
const fmt = (n, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const gib = (bytes) => `${fmt(bytes / GiB, 2)} GiB`;
async function main() {
    const args = process.argv.slice(2);
    if (args[0] === '--stage') {
        const [cpuBefore, threadBefore] = [process.cpuUsage(), mainThreadCpu()];
        const figures = await STAGES[args[1]](JSON.parse(args[2]));
        const cpu = process.cpuUsage(cpuBefore);
        const thread = mainThreadCpu();
        process.stdout.write(JSON.stringify({
            ...figures,
            peakRss: process.resourceUsage().maxRSS * 1024,
            cpu: (cpu.user + cpu.system) / 1e6,
            mainThreadCpu: thread !== undefined && threadBefore !== undefined ? thread - threadBefore : undefined,
        }) + '\n');
        return;
    }
    const contacts = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
    const underQuota = args.includes('--quota');
    const heapMb = Number(args.find((a) => a.startsWith('--heap='))?.slice('--heap='.length) ?? 16384);
    console.log(`Scale: ${contacts.toLocaleString('en-US')} contacts; Node ${process.version}, ${(0, node_os_1.cpus)().length} cores, ${gib((0, node_os_1.totalmem)())}`);
    const emulator = await (0, emulatorProcess_1.startEmulatorProcess)(contacts, 'scale');
    console.log(`Emulator (own process) generated the account in ${fmt(emulator.generatedIn)} s`);
    const ctx = { apiBaseUrl: emulator.apiBaseUrl, token: emulator.token, dir: (0, node_fs_1.mkdtempSync)(node_path_1.default.join((0, node_os_1.tmpdir)(), 'kv-bench-scale-')) };
    const results = {};
    let failed = 0;
    try {
        const order = [
            'list',
            'capture',
            ...(underQuota ? ['captureUnderQuota'] : []),
            'info',
            'firstPage',
            'goToOrder',
            'validate',
            'export',
            'applySmall',
            'planTenth',
            'diff',
        ];
        const only = args
            .find((a) => a.startsWith('--stages='))
            ?.slice('--stages='.length)
            .split(',');
        for (const stage of order.filter((s) => !only || s === 'list' || s === 'capture' || only.includes(s))) {
            try {
                results[stage] = runStage(stage, ctx, heapMb);
            }
            catch (err) {
                console.log(`  ${stage}: ${err.message}`);
                failed++;
                continue;
            }
            const r = results[stage];
            const rate = r.rows ? `, ${fmt(r.rows / r.seconds, 0)} rows/s` : '';
            const parts = r.parts
                ? ` (${Object.entries(r.parts)
                    .map(([k, v]) => `${k} ${fmt(v, 2)} s`)
                    .join(', ')})`
                : '';
            console.log(`  ${stage.padEnd(18)} ${fmt(r.seconds, 2).padStart(8)} s${rate}, peak RSS ${gib(r.peakRss)}${r.requests ? `, ${r.requests} requests` : ''}${parts}${cpuText(r)}${r.note ? `; ${r.note}` : ''}`);
        }
    }
    finally {
        await emulator.stop();
        (0, node_fs_1.rmSync)(ctx.dir, { recursive: true, force: true });
    }
    printRatios(results);
    // CI runs this as a smoke test: every stage must finish (no figure is asserted).
    if (failed)
        process.exitCode = 1;
}
function cpuText(r) {
    if (r.cpu === undefined)
        return '';
    return `, CPU ${fmt(r.cpu, 1)} s${r.mainThreadCpu !== undefined ? ` (main thread ${fmt(r.mainThreadCpu, 1)} s)` : ''}`;
}
/** The issue's goals, each as measured / goal (<= 1 meets it), or measured / limit of the same run. */
function printRatios(r) {
    const lines = [];
    const { list, capture } = r;
    if (capture?.rows) {
        lines.push(`ingest: ${fmt(capture.rows / capture.seconds, 0)} rows/s; goal >= 50,000: ratio ${fmt(50_000 / (capture.rows / capture.seconds), 2)}`);
        if (list)
            lines.push(`capture wall / bare list of the same pages: ${fmt(capture.seconds / list.seconds, 2)} (goal <= 1.30)`);
        // Wall time on a busy machine measures the machine; the main thread's CPU is the capture's own critical path.
        if (list?.mainThreadCpu && capture.mainThreadCpu)
            lines.push(`capture's main-thread CPU / the bare list's: ${fmt(capture.mainThreadCpu / list.mainThreadCpu, 2)}`);
        if (capture.fileBytes)
            lines.push(`file: ${fmt(capture.fileBytes / capture.rows, 0)} bytes per row (goal <= 150: ratio ${fmt(capture.fileBytes / capture.rows / 150, 2)})`);
    }
    const quota = r.captureUnderQuota;
    if (quota?.requests) {
        const minimum = (0, quotaBound_1.quotaBoundSeconds)(quota.requests, throttle_1.KEAP_PAT_WINDOWS);
        lines.push(`capture under PAT quota: ${fmt(quota.seconds)} s vs quota-bound minimum ${fmt(minimum)} s: ratio ${fmt(quota.seconds / minimum, 2)} (goal <= 1.15)`);
    }
    const peak = Math.max(...Object.values(r).map((x) => x.peakRss));
    const worst = Object.entries(r).find(([, x]) => x.peakRss === peak)?.[0];
    lines.push(`peak RSS, every stage: ${gib(peak)} (${worst}); goal <= 2 GB: ratio ${fmt(peak / 2e9, 2)}`);
    if (r.validate)
        lines.push(`validate: ${fmt(r.validate.seconds)} s for ${fmt(r.validate.rows ?? 0, 0)} orders (goal <= 15 s at 1M orders)`);
    if (r.planTenth)
        lines.push(`plan: ${fmt(r.planTenth.seconds)} s for ${fmt(r.planTenth.rows ?? 0, 0)} records: ${fmt((r.planTenth.seconds / (r.planTenth.rows ?? 1)) * 100_000, 2)} s per 100k (goal <= 5)`);
    if (r.firstPage)
        lines.push(`first page of orders: ${fmt(r.firstPage.seconds, 2)} s including the open (goal <= 1 s)`);
    console.log('Against the goals:');
    for (const line of lines)
        console.log(`  ${line}`);
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=scale.js.map