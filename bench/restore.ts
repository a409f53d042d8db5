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
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { KeapClient } from '../src/core/keap/client';
import { applyPlan } from '../src/core/restore/applier';
import { readLiveForRestore, RESTORE_LIVE_ENTITIES } from '../src/core/restore/liveRead';
import { livePlanFeed, planRestore } from '../src/core/restore/planner';
import type { LiveIndexFeed } from '../src/core/restore/liveIndexFeed';
import { captureSnapshot } from '../src/core/snapshot/capture';
import { SnapshotDb } from '../src/core/snapshot/snapshotDb';
import { SNAPSHOT_ENTITIES, type CapturedEntity } from '../src/core/snapshot/entities';
import { KEAP_PAT_QUOTA, startEmulator, UNLIMITED_QUOTA } from '../src/emulator';
import { snapshotOfAccount } from '../test/fixtures/accountSnapshot';
import { applyDisaster } from '../src/emulator/disasters';
import { generateAccount } from '../src/emulator/generator';
import { EmulatorStore } from '../src/emulator/store';
import { quotaBoundSeconds } from '../src/core/keap/quotaBound';
import { KEAP_PAT_WINDOWS } from '../src/core/keap/throttle';
import { estimateApply } from '../src/core/restore/estimate';

/** What a plan's live read reads, custom fields first (liveRead.ts). */
const RESTORE_LIVE_ENTITIES_IN_ORDER = [
  'custom_fields',
  ...RESTORE_LIVE_ENTITIES.filter((e) => e !== 'custom_fields'),
] as const satisfies readonly CapturedEntity[];

/** `count` feeds of the live records, each timed without the parse a live read has done anyway. */
function feedsOf(live: SnapshotDb, count: number): Array<{ liveFed: LiveIndexFeed; fedMs: number }> {
  const pages = RESTORE_LIVE_ENTITIES_IN_ORDER.map((entity) => {
    const rows = [...live.rows(entity)];
    return { entity, items: rows.map((r) => JSON.parse(r.json) as Record<string, unknown>), jsons: rows.map((r) => r.json) };
  });
  return Array.from({ length: count }, () => {
    const started = Date.now();
    const liveFed = livePlanFeed();
    for (const { entity, items, jsons } of pages) {
      for (let at = 0; at < items.length; at += 1000) liveFed.page(entity, items.slice(at, at + 1000), jsons.slice(at, at + 1000));
      liveFed.entityDone(entity);
    }
    return { liveFed, fedMs: Date.now() - started };
  });
}

async function planning(contacts: number): Promise<void> {
  const store = new EmulatorStore();
  generateAccount(store, { seed: 'bench-plan', size: contacts });
  const snapshot = await snapshotOfAccount(store);
  await snapshot.save(path.join(tmpdir(), `kv-bench-plan-${process.pid}.kvsnap`), {
    snapshotId: 'bench',
    account: 'bench',
    apiBaseUrl: 'http://bench',
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
  });
  applyDisaster(store, { kind: 'delete-contacts', fraction: 0.1, seed: 1 });
  const live = await snapshotOfAccount(store);
  // A live read builds each entity's indexes on its writer thread as the entity comes in (the
  // snapshot's were built before it was saved): not part of planning.
  for (const entity of SNAPSHOT_ENTITIES) live.indexEntity(entity);
  const records = ['contacts', 'companies', 'products', 'orders', 'payments', 'subscriptions', 'tags', 'campaigns'].reduce(
    (n, e) => n + snapshot.count(e as never),
    0,
  );
  // The live read indexes its records for planning as its pages arrive (liveIndexFeed.ts), pages it
  // has parsed anyway. Here the pages are parsed before the clock starts, one feed is made per plan
  // and timed apart (what indexing adds to the live read, which against Keap waits for its quota
  // most of the time), and the parsed pages are let go before planning, as a live read's are.
  const feeds = feedsOf(live, 3);
  // Three plans, the median reported: on a machine shared with other work one run can be off by a
  // second either way. CPU time too: wall time says more about the load than the planner.
  const runs: Array<{ ms: number; cpu: number; fedMs: number; plan: ReturnType<typeof planRestore> }> = [];
  for (const { liveFed, fedMs } of feeds) {
    const started = Date.now();
    const cpuBefore = process.cpuUsage();
    const plan = planRestore({
      liveFed,
      snapshot,
      live,
      liveReadAt: new Date().toISOString(),
      account: 'bench',
      apiBaseUrl: 'http://bench',
      options: { subscriptionsStartToday: true },
    });
    const cpu = process.cpuUsage(cpuBefore);
    runs.push({ ms: Date.now() - started, cpu: (cpu.user + cpu.system) / 1000, fedMs, plan });
  }
  const median = [...runs].sort((a, b) => a.ms - b.ms)[1];
  const { plan } = median;
  const creates = plan.steps.filter((s) => s.action === 'create').length;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `Planning: ${records.toLocaleString('en-US')} snapshot records (${contacts.toLocaleString('en-US')} contacts, 10% lost): ${seconds(median.ms)} median of ${runs.map((r) => seconds(r.ms)).join(', ')} (CPU ${seconds(median.cpu)}), ${seconds((median.ms * 100_000) / records)} per 100k records (plus ${seconds(median.fedMs)} indexing in the live read as pages arrive); ${plan.steps.length.toLocaleString('en-US')} steps, ${creates.toLocaleString('en-US')} creates, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
  );
}

async function applying(contacts: number, fraction = 0.1, quota = true): Promise<void> {
  const store = new EmulatorStore();
  generateAccount(store, { seed: 'bench-apply', size: contacts });
  const emulator = await startEmulator({ store, quota: quota ? KEAP_PAT_QUOTA : UNLIMITED_QUOTA });
  const dir = mkdtempSync(path.join(tmpdir(), 'kv-bench-apply-'));
  try {
    const client = new KeapClient({
      baseUrl: emulator.apiBaseUrl,
      credential: { kind: 'api-key', key: emulator.token },
      throttle: quota ? undefined : 'unlimited',
    });
    const snapshotFile = path.join(dir, 'before.kvsnap');
    await captureSnapshot({ client, out: snapshotFile });
    applyDisaster(store, { kind: 'delete-contacts', fraction, seed: 2 });
    const snapshot = await SnapshotDb.open(snapshotFile);
    const { db: live, readAt } = await readLiveForRestore(client);
    const plan = planRestore({ snapshot, live, liveReadAt: readAt, account: 'bench', apiBaseUrl: emulator.apiBaseUrl });
    // The pace this apply keeps: the whole quota (reserve 0, as below), the client's safety margin on each window.
    const estimate = estimateApply(plan, {
      liveCounts: live.counts(),
      windows: KEAP_PAT_WINDOWS,
      pace: client.transport.throttle.pacedLimits(0),
    });
    const before = client.transport.requestCount;
    const started = Date.now();
    // Requests per restored record per entity: the apply is sequential, so the requests between one
    // step's report and the next are that step's. The live reads (stale check, verification) are
    // counted apart; the lease is what is left.
    const perEntity = new Map<string, { records: number; requests: number }>();
    let liveReads = 0;
    let last = before;
    const receipt = await applyPlan({
      client,
      plan,
      ledgerFile: path.join(dir, 'bench.kvledger'),
      snapshot,
      // The whole quota, as the quota-bound minimum assumes (an apply leaves 20% to others by default).
      reserve: 0,
      readLive: async (scope) => {
        const at = client.transport.requestCount;
        const db = (await readLiveForRestore(client, scope)).db;
        liveReads += client.transport.requestCount - at;
        last = client.transport.requestCount;
        return db;
      },
      onProgress: (p) => {
        const now = client.transport.requestCount;
        const entity = perEntity.get(p.step.entity) ?? { records: 0, requests: 0 };
        entity.requests += now - last;
        if (p.status === 'done' || p.status === 'reconciled') entity.records++;
        perEntity.set(p.step.entity, entity);
        last = now;
      },
    });
    const seconds = (Date.now() - started) / 1000;
    const requests = client.transport.requestCount - before;
    const writes = receipt.created + receipt.updated;
    if (!quota) {
      const timed = estimate.parts.guard + estimate.parts.lease;
      console.log(
        `Apply at scale (${contacts.toLocaleString('en-US')} contacts, ${Math.round(fraction * 100 * 10) / 10}% lost, quotas off): ${receipt.created.toLocaleString('en-US')} created, ` +
          `${requests.toLocaleString('en-US')} requests (${(requests / Math.max(1, receipt.created)).toFixed(3)} per created record); adding the estimate's guard looks and lease requests of a PAT-paced apply (${timed}, an upper bound: the run sent some of them): ` +
          `${((requests + timed) / Math.max(1, receipt.created)).toFixed(3)} per created record; estimated before Apply: ${estimate.summary}; requests sent + timed / estimated ${((requests + timed) / estimate.requests).toFixed(2)}; ${seconds.toFixed(0)} s with quotas off; failed: ${receipt.failed.length}`,
      );
      return;
    }
    const minimum = quotaBoundSeconds(requests, KEAP_PAT_WINDOWS);
    console.log(
      `Apply under Keap's PAT quota (10/s, 240/min): ${writes} writes (${receipt.created} created), ${requests} requests ` +
        `(${(requests / Math.max(1, receipt.created)).toFixed(2)} per created record, reads for the stale check and verification included), ${seconds.toFixed(1)} s; ` +
        `quota-bound minimum ${minimum.toFixed(1)} s, ratio ${(seconds / minimum).toFixed(2)}; 429s: ${emulator.stats().throttled}; failed: ${receipt.failed.length}`,
    );
    const stepRequests = [...perEntity.values()].reduce((n, e) => n + e.requests, 0);
    console.log(
      `Requests per restored record, by entity (reserve 0): ${[...perEntity]
        .filter(([, e]) => e.records || e.requests)
        .map(
          ([entity, e]) => `${entity} ${e.records} records, ${e.requests} requests (${(e.requests / Math.max(1, e.records)).toFixed(2)})`,
        )
        .join('; ')}; live reads (stale check, verification) ${liveReads}; the lease ${requests - stepRequests - liveReads}`,
    );
    console.log(
      `Estimate before Apply: ${estimate.summary} (${JSON.stringify(estimate.parts)}); ` +
        `requests sent / estimated ${(requests / estimate.requests).toFixed(2)}, seconds taken / estimated ${(seconds / (estimate.ms / 1000)).toFixed(2)}`,
    );
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${cpus().length} cores`);
  await planning(Number(process.argv[2] ?? 25_000));
  // 0 apply contacts: planning alone.
  const applyContacts = Number(process.argv[3] ?? 300);
  if (applyContacts > 0) await applying(applyContacts);
  if (process.argv[4]) {
    const [contacts, fraction] = process.argv[4].split(':').map(Number);
    await applying(contacts, fraction, false);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
