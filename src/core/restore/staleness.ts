/**
 * Whether a plan still describes the live account: every live record it depends on must be as it
 * was when the plan was made, in the fields a restore reads and writes (so the payments and tags
 * the plan itself adds, through any ledger, leave it current), except records this plan's own
 * earlier run updated.
 * Used by apply (refuses a stale plan) and by the preview (disables Apply before the user tries).
 */
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { LiveIndex } from './liveIndex';
import type { RestoreEntity, RestorePlan } from './plan';
import { KeapVaultError } from '../errors';
import type { CapturedEntity } from '../entities';
import { entitiesHolding } from './liveRead';

export interface LiveChange {
  entity: string;
  id: string;
  change: 'changed' | 'deleted';
}

export class StalePlanError extends KeapVaultError<'stale-plan'> {
  readonly kind = 'stale-plan';

  constructor(readonly changed: LiveChange[]) {
    super(`The account changed since the plan was made: ${describeChanges(changed)}. Make a new plan.`);
  }
}

export function describeChanges(changed: LiveChange[]): string {
  return `${changed
    .slice(0, 10)
    .map((c) => `${c.entity} ${c.id} ${c.change}`)
    .join(', ')}${changed.length > 10 ? ` and ${changed.length - 10} more` : ''}`;
}

/**
 * What the stale check reads of the account: the entities holding the records the plan relies on
 * and the records their hashes refer to (older plans: those holding its records).
 */
export function staleCheckEntities(plan: Pick<RestorePlan, 'live'>): CapturedEntity[] {
  return entitiesHolding(new Set(plan.live.entities ?? plan.live.records.map((r) => r.entity)));
}

/** The live records the plan depends on that changed or disappeared; empty when the plan is current. */
export function liveChangesSince(plan: RestorePlan, live: SnapshotDb, startedStepIds: Iterable<string> = []): LiveChange[] {
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const touched = new Set<string>();
  for (const stepId of startedStepIds) {
    const step = byId.get(stepId);
    if (!step) continue;
    if (step.liveId) touched.add(`${step.entity}:${step.liveId}`);
    for (const ref of step.refs ?? []) {
      const parent = byId.get(`${ref.entity}:${ref.oldId}`);
      // A parent the plan does not list is live under its own id (an identical record, counted).
      const liveId = parent ? parent.liveId : ref.oldId;
      if (liveId) touched.add(`${ref.entity}:${liveId}`);
    }
  }
  // Hashes of restorable fields are all a current plan's records need: the index keeps those, not
  // each record's JSON text (a plan of an older format hashed the whole text).
  const index = new LiveIndex(live, { hashesOnly: plan.live.hashes === 'restorable-fields' });
  const changed: LiveChange[] = [];
  for (const r of plan.live.records) {
    if (touched.has(`${r.entity}:${r.id}`)) continue;
    const hash = index.hash(r.entity as RestoreEntity, r.id, plan.live.hashes === 'restorable-fields' ? 'restorable-fields' : 'record');
    if (hash === undefined) changed.push({ entity: r.entity, id: r.id, change: 'deleted' });
    else if (hash !== r.hash) changed.push({ entity: r.entity, id: r.id, change: 'changed' });
  }
  return changed;
}
