/**
 * Whether a plan is still current: reads again the live records it relies on and compares them with what the plan
 * saw, leaving out the records this plan's own earlier apply wrote (its ledger's steps).
 */
import { readLiveForRestore } from '../../core/restore/liveRead';
import { Ledger } from '../../core/restore/ledger';
import type { RestorePlan } from '../../core/restore/plan';
import { describeChanges, liveChangesSince, staleCheckEntities } from '../../core/restore/staleness';
import type { ConnectionStore } from '../connections/connections';
import type { PlanEntry } from '../restore/planIndex';

/** Why the plan is stale, or undefined when the account has not changed since it was made. */
export async function staleReason(
  connections: ConnectionStore,
  entry: PlanEntry,
  plan: RestorePlan,
  ledgerFile: () => Promise<string>,
): Promise<string | undefined> {
  const client = await connections.client(entry.connectionId);
  const ledger = await Ledger.open(await ledgerFile());
  const started = ledger.stepsOf(plan.planId).map((s) => s.stepId);
  ledger.close();
  // What apply's own stale check reads: the kinds the plan relies on and those their hashes refer to.
  const { db } = await readLiveForRestore(client, { entities: staleCheckEntities(plan) });
  let changed;
  try {
    changed = liveChangesSince(plan, db, started);
  } finally {
    db.close();
  }
  if (!changed.length) return undefined;
  return `The account changed since this plan was made: ${describeChanges(changed)}. Re-plan to see what a restore would do now.`;
}
