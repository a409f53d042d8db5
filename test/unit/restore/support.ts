/** A damaged account, the snapshot from before the damage, and the pieces to plan and apply. */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { KeapClient } from '../../../src/core/keap/client';
import { applyPlan, type ApplyOptions, type Receipt } from '../../../src/core/restore/applier';
import { Ledger } from '../../../src/core/restore/ledger';
import { readLiveAccount } from '../../../src/core/restore/liveRead';
import type { PlanOptions, RestorePlan } from '../../../src/core/restore/plan';
import { isWholePlan, livePlanFeed, planRestore, type PlanInput } from '../../../src/core/restore/planner';
import { captureSnapshot } from '../../../src/core/snapshot/capture';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import type { EmulatorOptions } from '../../../src/emulator';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { startTestAccount, type TestAccount } from '../support/emulator';
import { tempDir } from '../support/snapshots';

export interface RestoreFixture extends TestAccount {
  /** The account's name in plans, so each fixture has its own apply lock. */
  account: string;
  dir: string;
  snapshotFile: string;
  snapshot: SnapshotDb;
  ledgerFile: string;
}

export async function accountWithSnapshot(
  size: number,
  seed: string | number,
  emulatorOptions: EmulatorOptions = {},
): Promise<RestoreFixture> {
  const store = new EmulatorStore();
  generateAccount(store, { seed, size });
  store.clock = () => new Date('2026-11-26T12:00:00Z');
  const dir = tempDir('kv-restore-');
  // Each fixture is an account of its own (its own apply lock and lease), as Keap names it.
  const name = `emulator-${seed}-${path.basename(dir)}.keap-vault.local`;
  const account = await startTestAccount({ tenantId: name, ...emulatorOptions, store });
  const snapshotFile = path.join(dir, 'before.kvsnap');
  await captureSnapshot({ client: account.client, out: snapshotFile });
  return {
    ...account,
    account: name,
    dir,
    snapshotFile,
    snapshot: await SnapshotDb.open(snapshotFile),
    ledgerFile: path.join(dir, 'account.kvledger'),
  };
}

export async function makePlan(
  fixture: { client: KeapClient; snapshot: SnapshotDb; ledgerFile: string; account?: string },
  options: PlanOptions = {},
): Promise<RestorePlan> {
  // A whole plan takes the live records indexed as the live read received them, as the CLI and the
  // extension do (planRestore.ts); every such plan here is also made from the live read's database
  // alone, and the two must be the same plan.
  const liveFed = isWholePlan(options) ? livePlanFeed() : undefined;
  const { db: live, readAt } = await readLiveAccount(fixture.client, { feed: liveFed });
  const ledger = await Ledger.open(fixture.ledgerFile);
  try {
    const input: PlanInput = {
      snapshot: fixture.snapshot,
      live,
      liveReadAt: readAt,
      account: fixture.account ?? 'emulator.keap-vault.local',
      apiBaseUrl: fixture.client.transport.baseUrl,
      idMap: ledger.newIdLookup(),
      options,
      today: '2026-11-26',
    };
    const plan = planRestore({ ...input, liveFed });
    if (liveFed) {
      assert.ok(
        liveFed.indexed.has('contacts') && liveFed.indexed.has('orders'),
        'the live read indexed contacts and orders as they arrived',
      );
      const sameIds = { planId: plan.planId, createdAt: plan.createdAt };
      assert.deepEqual(plan, { ...planRestore(input), ...sameIds }, 'indexed as it arrived, the live read plans as its database does');
    }
    return plan;
  } finally {
    ledger.close();
    live.close();
  }
}

export function apply(
  fixture: { client: KeapClient; snapshot: SnapshotDb; ledgerFile: string },
  plan: RestorePlan,
  extra: Partial<ApplyOptions> = {},
): Promise<Receipt> {
  return applyPlan({
    client: fixture.client,
    plan,
    ledgerFile: fixture.ledgerFile,
    snapshot: fixture.snapshot,
    readLive: async (scope) => (await readLiveAccount(fixture.client, scope)).db,
    ...extra,
  });
}
