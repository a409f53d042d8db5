/**
 * Verification after apply: reads the account again and compares every record this plan wrote with
 * the snapshot, field by field through the id map: a created record in every field a client can
 * set, an updated one in the fields the update sent. Every difference is a problem the receipt
 * reports. What an entity checks beyond its fields (an order's paid amount) is in its module.
 *
 * The read is of what changed since the apply started (every record written changed then); a
 * written record that read does not hold (a change time Keap did not move, a clock far off) is
 * looked for in a whole read of its entity before it is called missing.
 */
import type { SnapshotEntity } from '../snapshot/entities';
import { getRecord } from '../snapshot/query';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import type { RestorableEntity } from './entities';
import { comparableRecord, readNameOf } from './fields';
import { LiveIndex } from './liveIndex';
import { entitiesHolding } from './liveRead';
import type { CapturedEntity } from '../entities';
import type { PlanStep, Receipt, RestoreEntity, RestorePlan } from './plan';

type Json = Record<string, unknown>;

export interface VerificationInput {
  plan: RestorePlan;
  /** The snapshot the plan was made from; without it nothing is verified. */
  snapshot: SnapshotDb | undefined;
  /** The account's records of the written entities changed since the apply started. */
  live: SnapshotDb;
  /** Reads these entities whole (for written records `live` does not hold). */
  readWhole: (entities: CapturedEntity[]) => Promise<SnapshotDb>;
  entities: ReadonlyMap<RestoreEntity, RestorableEntity>;
  /** Steps whose write Keap confirmed (in this run or an earlier one). */
  written: ReadonlySet<string>;
  failedSteps: ReadonlySet<string>;
  /** The live id of a written step. */
  liveIdOfStep: (stepId: string) => string;
  /** Snapshot id -> live id of a referenced record, through the id map. */
  mapRef: (entity: RestoreEntity, oldId: string) => string | undefined;
  verification: Receipt['verification'];
}

/**
 * Written, but not read again at the end: a custom field was proven by its create's answer and
 * the model (a label is all it has), a contact's tag by the tag call (the contact is read anyway).
 */
export const UNVERIFIED: ReadonlySet<RestoreEntity> = new Set(['custom_fields', 'contact_tags']);

export async function verifyWrites(input: VerificationInput): Promise<void> {
  const { plan, snapshot, verification } = input;
  const written = plan.steps.filter((s) => input.written.has(s.id) && !UNVERIFIED.has(s.entity));
  if (!snapshot || !written.length) return;
  const problem = (message: string) => verification.problems.push(message);
  const changed = new LiveIndex(input.live);
  const missing = written.filter((s) => !changed.record(s.entity, input.liveIdOfStep(s.id)));
  const whole = missing.length ? await input.readWhole(entitiesHolding(new Set(missing.map((s) => s.entity)))) : undefined;
  try {
    const wholeIndex = whole && new LiveIndex(whole);
    const mapRef = (e: string, id: string) => input.mapRef(e as RestoreEntity, id);
    for (const step of written) {
      const liveId = input.liveIdOfStep(step.id);
      const want = getRecord<Json>(snapshot, step.entity as SnapshotEntity, step.oldId);
      const got = changed.record<Json>(step.entity, liveId) ?? wholeIndex?.record<Json>(step.entity, liveId);
      verification.checked++;
      const name = `${step.entity} ${step.oldId}${liveId !== step.oldId ? ` -> ${liveId}` : ''}`;
      if (!got || !want) {
        problem(`${name}: ${got ? 'not in the snapshot' : 'not found in the account'}`);
        continue;
      }
      const expected = comparableRecord(step.entity, want, mapRef);
      const actual = comparableRecord(step.entity, got, (_e, id) => id);
      for (const key of verifiedKeys(step, expected)) {
        if (key === 'order_items' && step.action === 'update') {
          verifyItemPatches(step, name, expected, got, problem);
          continue;
        }
        if (JSON.stringify(expected[key]) !== JSON.stringify(actual[key])) {
          problem(`${name}: ${key} is ${JSON.stringify(actual[key])}, the snapshot has ${JSON.stringify(expected[key])}`);
        }
      }
      if (step.action === 'create')
        input.entities.get(step.entity)?.verifyCreated?.({ plan, failedSteps: input.failedSteps, problem }, step, name, want, got);
    }
  } finally {
    whole?.close();
  }
}

/** A create is checked in every compared field; an update in those it sent. */
function verifiedKeys(step: PlanStep, expected: Json): string[] {
  if (step.action === 'create') return Object.keys(expected);
  const keys = Object.keys(step.payload ?? {})
    .map((k) => readNameOf(step.entity, k))
    .filter((k): k is string => !!k);
  return step.itemPatches?.length ? [...keys, 'order_items'] : keys;
}

function verifyItemPatches(step: PlanStep, name: string, expected: Json, got: Json, problem: (message: string) => void): void {
  const liveItems = (got.order_items as Json[] | undefined) ?? [];
  const want = (expected.order_items as Json[] | undefined) ?? [];
  for (const patch of step.itemPatches ?? []) {
    const at = liveItems.findIndex((i) => String(i.id) === patch.liveItemId);
    const actual =
      at >= 0 ? (comparableRecord(step.entity, { order_items: [liveItems[at]] }, (_e, id) => id).order_items as Json[])[0] : undefined;
    for (const key of Object.keys(patch.body)) {
      const field = readNameOf('order_items', key) ?? key;
      if (!actual || JSON.stringify(actual[field]) !== JSON.stringify(want[at]?.[field])) {
        problem(
          `${name}: item ${patch.liveItemId} ${field} is ${JSON.stringify(actual?.[field])}, the snapshot has ${JSON.stringify(want[at]?.[field])}`,
        );
      }
    }
  }
}
