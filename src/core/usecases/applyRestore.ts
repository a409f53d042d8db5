/**
 * Apply a restore plan: make sure the credential reaches the plan's account, that an interrupted
 * apply is continued only when asked, and apply through the account's ledger. The CLI's `apply` and
 * the preview's Apply both come through here.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { KeapClient } from '../keap/client';
import { applyPlan, ApplyPausedError, type ApplyProgress, type ApplyWait, type Receipt } from '../restore/applier';
import { KeapQuotaWaitError } from '../keap/errors';
import { Ledger, ledgerFileFor } from '../restore/ledger';
import { readLiveForRestore } from '../restore/liveRead';
import type { RestorePlan } from '../restore/plan';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { UseCaseError } from './useCaseError';

/** The credential reaches another account than the one the plan was made for. */
export class PlanAccountError extends UseCaseError {
  readonly kind = 'plan-account';
  constructor(
    readonly planAccount: string,
    readonly reached: string,
  ) {
    super(`This plan is for the account ${planAccount}, and the credential reaches ${reached}.`);
  }
}

/** An earlier apply of this plan stopped part-way, and this run was not asked to continue it. */
export class ApplyInterruptedError extends UseCaseError {
  readonly kind = 'apply-interrupted';
  constructor(readonly stepsRecorded: number) {
    super(`This plan's apply was interrupted (${stepsRecorded} steps recorded).`);
  }
}

/**
 * The account's ledger for a plan: beside the plan's snapshot while that folder exists (where the
 * CLI and the extension both keep it), else in `fallbackFolder`.
 */
export function ledgerFileForPlan(plan: RestorePlan, fallbackFolder: string, snapshotFile = plan.snapshot.file): string {
  const beside = snapshotFile ? path.dirname(snapshotFile) : undefined;
  return ledgerFileFor(beside && existsSync(beside) ? beside : fallbackFolder, plan.account);
}

/** Steps that did not end as the plan meant: what a user must look at after an apply. */
export function receiptProblems(receipt: Receipt): number {
  return receipt.failed.length + receipt.conflicts.length + receipt.duplicates.length + receipt.verification.problems.length;
}

export interface ApplyRestoreInput {
  client: KeapClient;
  plan: RestorePlan;
  ledgerFile: string;
  /** The plan's snapshot, for verification (apply works without it, and says it did not verify). */
  snapshot?: SnapshotDb;
  /** Continue an apply of this plan that was interrupted (its ledger has steps in flight). */
  resume: boolean;
  breakLock?: boolean;
  /** Only these create/update steps (a selection made in the preview); undefined: every step. */
  only?: ReadonlySet<string>;
  signal?: AbortSignal;
  onProgress?: (progress: ApplyProgress) => void;
  /** Share of each quota window left to other traffic on the account (default 0.2). */
  reserve?: number;
  /** Stop cleanly (ApplyPausedError, resumable) rather than wait longer than this for the quota. */
  maxWaitMs?: number;
  /** Waits for Keap's quota (a minute's; a pause until the daily quota resets). */
  onWait?: (wait: ApplyWait) => void;
}

export async function applyRestorePlan(input: ApplyRestoreInput): Promise<Receipt> {
  const { client, plan } = input;
  // Asking which account the credential reaches waits for the quota as the apply would.
  const unhold = client.transport.throttle.hold({ maxWaitMs: input.maxWaitMs ?? Infinity });
  let reached: string;
  try {
    reached = await client.account();
  } catch (err) {
    if (err instanceof KeapQuotaWaitError) throw new ApplyPausedError(err.retryAt, workLeft(plan, input.only), err.waitingFor);
    throw err;
  } finally {
    unhold();
  }
  if (reached !== plan.account) throw new PlanAccountError(plan.account, reached);
  if (!input.resume) {
    const ledger = await Ledger.open(input.ledgerFile);
    let started;
    try {
      started = ledger.stepsOf(plan.planId);
    } finally {
      ledger.close();
    }
    if (started.some((s) => s.status === 'pending')) throw new ApplyInterruptedError(started.length);
  }
  return applyPlan({
    client,
    plan,
    ledgerFile: input.ledgerFile,
    snapshot: input.snapshot,
    only: input.only,
    breakLock: input.breakLock,
    signal: input.signal,
    readLive: async (scope) => (await readLiveForRestore(client, { ...scope, signal: input.signal })).db,
    onProgress: input.onProgress,
    reserve: input.reserve,
    maxWaitMs: input.maxWaitMs,
    onWait: input.onWait,
  });
}

/** Create and update steps (those selected) of a plan: an upper bound of what is left before the ledger is read. */
function workLeft(plan: RestorePlan, only?: ReadonlySet<string>): number {
  return plan.steps.filter((s) => (s.action === 'create' || s.action === 'update') && (!only || only.has(s.id))).length;
}
