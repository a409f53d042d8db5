/**
 * Two machines applying the same plan at the same moment: each trial starts two CLI applies
 * together, each with its own lock folder (as on two machines) and its own ledger, against one
 * emulated account, and counts what Keap ends up holding. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/race.js [trials=10] [contacts=60]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KeapClient } from '../src/core/keap/client';
import { Ledger } from '../src/core/restore/ledger';
import { readLiveAccount } from '../src/core/restore/liveRead';
import { LiveIndex } from '../src/core/restore/liveIndex';
import { MARKER_RECORD_TYPES, paymentNoteMarker, recordMarker } from '../src/core/restore/marker';
import { planRestore } from '../src/core/restore/planner';
import { captureSnapshot } from '../src/core/snapshot/capture';
import { SnapshotDb } from '../src/core/snapshot/snapshotDb';
import { startEmulator, UNLIMITED_QUOTA } from '../src/emulator';
import { applyDisaster } from '../src/emulator/disasters';
import { generateAccount } from '../src/emulator/generator';
import { EmulatorStore } from '../src/emulator/store';
import { runCliProcess } from '../test/unit/support/cliProcess';

async function trial(n: number, contacts: number): Promise<{ created: number; twice: number; outcomes: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), `kv-race-${n}-`));
  const store = new EmulatorStore();
  generateAccount(store, { seed: `race-${n}`, size: contacts });
  const emulator = await startEmulator({ store, quota: UNLIMITED_QUOTA });
  try {
    const client = new KeapClient({
      baseUrl: emulator.apiBaseUrl,
      credential: { kind: 'api-key', key: emulator.token },
      throttle: 'unlimited',
    });
    const snapshotFile = path.join(dir, 'before.kvsnap');
    await captureSnapshot({ client, out: snapshotFile });
    applyDisaster(store, { kind: 'delete-contacts', fraction: 0.2, seed: n });
    const snapshot = await SnapshotDb.open(snapshotFile);
    const { db: live, readAt } = await readLiveAccount(client);
    const ledger = await Ledger.open(path.join(dir, 'plan.kvledger'));
    const plan = planRestore({
      snapshot,
      live,
      liveReadAt: readAt,
      account: `race-${n}`,
      apiBaseUrl: emulator.apiBaseUrl,
      idMap: () => undefined,
    });
    ledger.close();
    live.close();
    const planFile = path.join(dir, 'plan.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const machine = (name: string) => ({
      ...process.env,
      KEAP_VAULT_STATE_DIR: path.join(dir, `state-${name}`),
      KEAP_API_URL: emulator.apiBaseUrl,
      KEAP_API_KEY: emulator.token,
    });
    const runs = await Promise.all(
      ['a', 'b'].map((name) =>
        runCliProcess(['--unlimited', 'apply', planFile, '--ledger', path.join(dir, `${name}.kvledger`)], machine(name)),
      ),
    );
    const outcomes = runs.map((r) =>
      r.code === 0
        ? 'applied'
        : /Another apply is running/.test(r.stderr)
          ? 'refused by the lease'
          : `failed: ${r.stderr.trim().split('\n').pop()}`,
    );
    // What Keap holds: live records per snapshot record, by restore marker.
    const { db: after } = await readLiveAccount(client);
    const index = new LiveIndex(after);
    const seen = new Map<string, number>();
    for (const [entity, type] of Object.entries(MARKER_RECORD_TYPES)) {
      for (const row of after.rows(entity as never)) {
        const old = recordMarker(JSON.parse(row.json) as never, index.markerFieldIds.get(type));
        if (old) seen.set(`${entity}:${old}`, (seen.get(`${entity}:${old}`) ?? 0) + 1);
      }
    }
    for (const row of after.rows('payments')) {
      const old = paymentNoteMarker((JSON.parse(row.json) as { note?: string }).note);
      if (old) seen.set(`payments:${old}`, (seen.get(`payments:${old}`) ?? 0) + 1);
    }
    after.close();
    snapshot.close();
    return { created: seen.size, twice: [...seen.values()].filter((c) => c > 1).length, outcomes };
  } finally {
    await emulator.close();
  }
}

async function main(): Promise<void> {
  const trials = Number(process.argv[2] ?? 10);
  const contacts = Number(process.argv[3] ?? 60);
  console.log(
    `Node ${process.version}; ${trials} trials, two applies of one plan started together from two "machines" (own lock folders and ledgers), ${contacts}-contact account, 20% of contacts lost`,
  );
  let restored = 0;
  let twice = 0;
  const outcomes = new Map<string, number>();
  for (let n = 1; n <= trials; n++) {
    const result = await trial(n, contacts);
    restored += result.created;
    twice += result.twice;
    for (const o of result.outcomes) outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
  }
  console.log(`Records restored: ${restored}; restored more than once: ${twice}`);
  console.log(`Apply outcomes: ${[...outcomes].map(([o, c]) => `${o} ${c}`).join(', ')}`);
}

void main();
