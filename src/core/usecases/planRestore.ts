/**
 * Plan a restore: check which account the credential reaches, read that account live, plan against
 * the account's ledger (the ids earlier restores gave), and write the plan file. Nothing is written
 * to Keap. The CLI's `plan` and the extension's Plan Restore / Restore This Order / re-plan all come
 * through here. The steps go from planning to the file without all being in memory at once (a 10%
 * loss of a million contacts is 350k of them): a front end reads back what it shows
 * (planFile.ts: readPlanFile, readPlanSteps).
 */
import * as path from 'node:path';
import type { KeapClient } from '../keap/client';
import { Ledger, ledgerFileFor } from '../restore/ledger';
import { readLiveForRestore } from '../restore/liveRead';
import { DEFAULT_APPLY_RESERVE } from '../restore/applier';
import type { PlanOptions, PlanWithoutSteps } from '../restore/plan';
import { estimateApply } from '../restore/estimate';
import { writePlanFile } from '../restore/planFile';
import { isWholePlan, livePlanFeed, planRestoreSpooled, type SpooledPlan } from '../restore/planner';
import type { LiveIndexFeed } from '../restore/liveIndexFeed';
import type { CaptureProgress } from '../snapshot/capture';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { UseCaseError } from './useCaseError';

/** The snapshot is of one account and the credential reaches another, and nobody said that was meant. */
export class OtherAccountError extends UseCaseError {
  readonly kind = 'other-account';
  constructor(
    readonly snapshotAccount: string,
    readonly liveAccount: string,
  ) {
    super(`This snapshot is of the account ${snapshotAccount}, and the credential reaches ${liveAccount}.`);
  }
}

export interface PlanRestoreInput {
  client: KeapClient;
  snapshot: SnapshotDb;
  snapshotFile: string;
  options: PlanOptions;
  /** Where to write the plan, once it is made (its id and account are known then). */
  planFile: (plan: PlanWithoutSteps) => string;
  /** The account's ledger; by default the one beside the snapshot. */
  ledgerFile?: string;
  /**
   * Asked when the snapshot is of another account than the credential reaches (restoring one account
   * into another is rare and deliberate). Without an answer of yes, planning stops with OtherAccountError.
   */
  confirmOtherAccount?: (snapshotAccount: string, liveAccount: string) => boolean | Promise<boolean>;
  signal?: AbortSignal;
  onLiveProgress?: (progress: CaptureProgress) => void;
  /** The share of Keap's quota the apply will leave to other traffic (the estimate's pace); default 20%. */
  reserve?: number;
}

export interface PlannedRestore {
  /** The plan written, without its steps (the file has them). */
  head: PlanWithoutSteps;
  file: string;
  account: string;
  ledgerFile: string;
}

export async function planRestoreFromSnapshot(input: PlanRestoreInput): Promise<PlannedRestore> {
  const { client, snapshot } = input;
  const account = await client.account();
  const from = snapshot.meta().account;
  if (from !== account && !(await input.confirmOtherAccount?.(from, account))) throw new OtherAccountError(from, account);
  const snapshotFile = path.resolve(input.snapshotFile);
  const ledgerFile = input.ledgerFile ?? ledgerFileFor(path.dirname(snapshotFile), account);
  // A plan of the whole snapshot takes the live records indexed as they arrived; a selection reads them again.
  const liveFed = isWholePlan(input.options) ? livePlanFeed() : undefined;
  const { db: live, readAt } = await readLiveForRestore(client, { signal: input.signal, onProgress: input.onLiveProgress, feed: liveFed });
  const { plan, liveCounts } = await planOnLive(input, live, readAt, account, snapshotFile, ledgerFile, liveFed);
  try {
    const { head } = plan;
    // Estimated at the pace the apply keeps: Keap's limits less the share it leaves to other traffic.
    const reserve = input.reserve ?? DEFAULT_APPLY_RESERVE;
    head.estimate = estimateApply(
      { live: head.live, steps: plan.steps() },
      {
        liveCounts,
        windows: client.transport.throttle.limits,
        pace: client.transport.throttle.pacedLimits(reserve),
        reserve,
        quota: { credential: client.transport.credentialKind, situation: client.transport.throttle.situation },
      },
    );
    const file = input.planFile(head);
    await writePlanFile(file, plan);
    return { head, file, account, ledgerFile };
  } finally {
    plan.close();
  }
}

/** Plans against the live read and the ledger, and closes both: the estimate and the write need neither. */
async function planOnLive(
  input: PlanRestoreInput,
  live: SnapshotDb,
  readAt: string,
  account: string,
  snapshotFile: string,
  ledgerFile: string,
  liveFed: LiveIndexFeed | undefined,
): Promise<{ plan: SpooledPlan; liveCounts: ReturnType<SnapshotDb['counts']> }> {
  let plan: SpooledPlan | undefined;
  try {
    try {
      const ledger = await Ledger.open(ledgerFile);
      try {
        plan = planRestoreSpooled({
          snapshot: input.snapshot,
          live,
          liveReadAt: readAt,
          account,
          apiBaseUrl: input.client.transport.baseUrl,
          snapshotFile,
          liveFed,
          idMap: ledger.newIdLookup(),
          options: input.options,
        });
      } finally {
        ledger.close();
      }
      return { plan, liveCounts: live.counts() };
    } finally {
      live.close();
    }
  } catch (err) {
    // Whatever failed after the plan was made, its spool is not left open.
    plan?.close();
    throw err;
  }
}
