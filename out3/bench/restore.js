"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Restore figures: planning time on a large account (live read excluded), and a whole apply
 * against the emulator under Keap's personal-access-token quota, compared with the quota-bound
 * minimum (requests / allowed rate). Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/restore.js [plan-contacts=25000] [apply-contacts=300, 0: none] [big-contacts:lost-fraction]
 * The third argument (e.g. 100000:0.027, about 10k records restored into a 100k-contact account) runs
 * one more apply with quotas off, to count its requests in minutes instead of the days Keap's quota
 * would take: its guard looks and lease renewals, which grow with wall time, are added from the
 * estimate at the PAT pace (they are a few hundred requests across days).
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const client_1 = require("../src/core/keap/client");
const applier_1 = require("../src/core/restore/applier");
const liveRead_1 = require("../src/core/restore/liveRead");
const planner_1 = require("../src/core/restore/planner");
const capture_1 = require("../src/core/snapshot/capture");
const snapshotDb_1 = require("../src/core/snapshot/snapshotDb");
const emulator_1 = require("../src/emulator");
const accountSnapshot_1 = require("../test/fixtures/accountSnapshot");
const disasters_1 = require("../src/emulator/disasters");
const generator_1 = require("../src/emulator/generator");
const store_1 = require("../src/emulator/store");
const quotaBound_1 = require("../src/core/keap/quotaBound");
const throttle_1 = require("../src/core/keap/throttle");
const estimate_1 = require("../src/core/restore/estimate");
async function planning(contacts) {
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed: 'bench-plan', size: contacts });
    const snapshot = await (0, accountSnapshot_1.snapshotOfAccount)(store);
    await snapshot.save(node_path_1.default.join((0, node_os_1.tmpdir)(), `kv-bench-plan-${process.pid}.kvsnap`), {
        snapshotId: 'bench',
        account: 'bench',
        apiBaseUrl: 'http://bench',
        startedAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
    });
    (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', fraction: 0.1, seed: 1 });
    const live = await (0, accountSnapshot_1.snapshotOfAccount)(store);
    const records = ['contacts', 'companies', 'products', 'orders', 'payments', 'subscriptions', 'tags', 'campaigns'].reduce((n, e) => n + snapshot.count(e), 0);
    const started = Date.now();
    // CPU time too: on a machine shared with other work, wall time says more about the load than the planner.
    const cpuBefore = process.cpuUsage();
    const plan = (0, planner_1.planRestore)({
        snapshot,
        live,
        liveReadAt: new Date().toISOString(),
        account: 'bench',
        apiBaseUrl: 'http://bench',
        options: { subscriptionsStartToday: true },
    });
    const ms = Date.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const creates = plan.steps.filter((s) => s.action === 'create').length;
    console.log(`Planning: ${records.toLocaleString('en-US')} snapshot records (${contacts.toLocaleString('en-US')} contacts, 10% lost): ${(ms / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), ${plan.steps.length.toLocaleString('en-US')} steps, ${creates.toLocaleString('en-US')} creates, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
}
async function applying(contacts, fraction = 0.1, quota = true) {
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed: 'bench-apply', size: contacts });
    const emulator = await (0, emulator_1.startEmulator)({ store, quota: quota ? emulator_1.KEAP_PAT_QUOTA : emulator_1.UNLIMITED_QUOTA });
    const dir = (0, node_fs_1.mkdtempSync)(node_path_1.default.join((0, node_os_1.tmpdir)(), 'kv-bench-apply-'));
    try {
        const client = new client_1.KeapClient({
            baseUrl: emulator.apiBaseUrl,
            credential: { kind: 'api-key', key: emulator.token },
            throttle: quota ? undefined : 'unlimited',
        });
        const snapshotFile = node_path_1.default.join(dir, 'before.kvsnap');
        await (0, capture_1.captureSnapshot)({ client, out: snapshotFile });
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', fraction, seed: 2 });
        const snapshot = await snapshotDb_1.SnapshotDb.open(snapshotFile);
        const { db: live, readAt } = await (0, liveRead_1.readLiveForRestore)(client);
        const plan = (0, planner_1.planRestore)({ snapshot, live, liveReadAt: readAt, account: 'bench', apiBaseUrl: emulator.apiBaseUrl });
        // The pace this apply keeps: the whole quota (reserve 0, as below), the client's safety margin on each window.
        const estimate = (0, estimate_1.estimateApply)(plan, {
            liveCounts: live.counts(),
            windows: throttle_1.KEAP_PAT_WINDOWS,
            pace: client.transport.throttle.pacedLimits(0),
        });
        const before = client.transport.requestCount;
        const started = Date.now();
        // Requests per restored record per entity: the apply is sequential, so the requests between one
        // step's report and the next are that step's. The live reads (stale check, verification) are
        // counted apart; the lease is what is left.
        const perEntity = new Map();
        let liveReads = 0;
        let last = before;
        const receipt = await (0, applier_1.applyPlan)({
            client,
            plan,
            ledgerFile: node_path_1.default.join(dir, 'bench.kvledger'),
            snapshot,
            // The whole quota, as the quota-bound minimum assumes (an apply leaves 20% to others by default).
            reserve: 0,
            readLive: async (scope) => {
                const at = client.transport.requestCount;
                const db = (await (0, liveRead_1.readLiveForRestore)(client, scope)).db;
                liveReads += client.transport.requestCount - at;
                last = client.transport.requestCount;
                return db;
            },
            onProgress: (p) => {
                const now = client.transport.requestCount;
                const entity = perEntity.get(p.step.entity) ?? { records: 0, requests: 0 };
                entity.requests += now - last;
                if (p.status === 'done' || p.status === 'reconciled')
                    entity.records++;
                perEntity.set(p.step.entity, entity);
                last = now;
            },
        });
        const seconds = (Date.now() - started) / 1000;
        const requests = client.transport.requestCount - before;
        const writes = receipt.created + receipt.updated;
        if (!quota) {
            const timed = estimate.parts.guard + estimate.parts.lease;
            console.log(`Apply at scale (${contacts.toLocaleString('en-US')} contacts, ${Math.round(fraction * 100 * 10) / 10}% lost, quotas off): ${receipt.created.toLocaleString('en-US')} created, ` +
                `${requests.toLocaleString('en-US')} requests (${(requests / Math.max(1, receipt.created)).toFixed(3)} per created record); adding the estimate's guard looks and lease requests of a PAT-paced apply (${timed}, an upper bound: the run sent some of them): ` +
                `${((requests + timed) / Math.max(1, receipt.created)).toFixed(3)} per created record; estimated before Apply: ${estimate.summary}; requests sent + timed / estimated ${((requests + timed) / estimate.requests).toFixed(2)}; ${seconds.toFixed(0)} s with quotas off; failed: ${receipt.failed.length}`);
            return;
        }
        const minimum = (0, quotaBound_1.quotaBoundSeconds)(requests, throttle_1.KEAP_PAT_WINDOWS);
        console.log(`Apply under Keap's PAT quota (10/s, 240/min): ${writes} writes (${receipt.created} created), ${requests} requests ` +
            `(${(requests / Math.max(1, receipt.created)).toFixed(2)} per created record, reads for the stale check and verification included), ${seconds.toFixed(1)} s; ` +
            `quota-bound minimum ${minimum.toFixed(1)} s, ratio ${(seconds / minimum).toFixed(2)}; 429s: ${emulator.stats().throttled}; failed: ${receipt.failed.length}`);
        const stepRequests = [...perEntity.values()].reduce((n, e) => n + e.requests, 0);
        console.log(`Requests per restored record, by entity (reserve 0): ${[...perEntity]
            .filter(([, e]) => e.records || e.requests)
            .map(([entity, e]) => `${entity} ${e.records} records, ${e.requests} requests (${(e.requests / Math.max(1, e.records)).toFixed(2)})`)
            .join('; ')}; live reads (stale check, verification) ${liveReads}; the lease ${requests - stepRequests - liveReads}`);
        console.log(`Estimate before Apply: ${estimate.summary} (${JSON.stringify(estimate.parts)}); ` +
            `requests sent / estimated ${(requests / estimate.requests).toFixed(2)}, seconds taken / estimated ${(seconds / (estimate.ms / 1000)).toFixed(2)}`);
    }
    finally {
        await emulator.close();
        (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    }
}
async function main() {
    console.log(`Node ${process.version}, ${(0, node_os_1.cpus)().length} cores`);
    await planning(Number(process.argv[2] ?? 25_000));
    // 0 apply contacts: planning alone.
    const applyContacts = Number(process.argv[3] ?? 300);
    if (applyContacts > 0)
        await applying(applyContacts);
    if (process.argv[4]) {
        const [contacts, fraction] = process.argv[4].split(':').map(Number);
        await applying(contacts, fraction, false);
    }
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=restore.js.map