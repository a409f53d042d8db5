/**
 * The planner: snapshot (the desired past state) + the live account read fresh + the ledger of
 * earlier restores -> one action per record, in dependency order. Nothing is written here.
 *
 * Every entity is planned by its module (entities/<entity>.ts, through the registry) on a shared
 * planning context (planContext.ts), which finds a snapshot record in live in this order: the
 * ledger's id map (restored earlier), the restore marker custom field (restored earlier, even if
 * the ledger was lost), the same id (it still exists), a natural key (email, SKU, tag name,
 * company name). Orders have no natural key: a live order of the same contact with the same date,
 * items and total is a likely duplicate, a conflict the user decides on. Never deletes.
 */
import { randomUUID } from 'node:crypto';
import { RESTORABLE_ENTITIES } from './entities';
import { notRestorableSummary, unknownFields } from './fields';
import { MARKER_LABEL } from './payloads';
import {
  fingerprintOf,
  headlineOf,
  PLAN_FORMAT_VERSION,
  RESTORE_ORDER,
  type PlanStep,
  type PlanWithoutSteps,
  type RestoreEntity,
  type RestorePlan,
} from './plan';
import { PlanContext, settlingFirst, type PlanInput } from './planContext';
import { LiveIndexFeed } from './liveIndexFeed';

export { isWholePlan, PlanError, type PlanInput } from './planContext';

/**
 * For the live read of a whole plan: indexes its records as they arrive (liveIndexFeed.ts); give it
 * to planRestore as `liveFed` with the database that read made.
 */
export function livePlanFeed(): LiveIndexFeed {
  return new LiveIndexFeed(settlingFirst(RESTORABLE_ENTITIES));
}

/**
 * A plan made, its steps still in their spool (planSteps.ts): written to a file as they are
 * (planFile.ts) or read into a RestorePlan. Close it once done.
 */
export interface SpooledPlan {
  /** The plan without its steps. */
  head: PlanWithoutSteps;
  /** The steps' JSON texts, a line each, in the plan's order (read from the spool each time). */
  stepLines(): Iterable<string>;
  /** The steps, parsed one at a time. */
  steps(): Iterable<PlanStep>;
  close(): void;
}

/** A whole plan in memory: for small plans, the preview, and tests. */
export function planRestore(input: PlanInput): RestorePlan {
  const spooled = planRestoreSpooled(input);
  try {
    return { ...spooled.head, steps: [...spooled.steps()] };
  } finally {
    spooled.close();
  }
}

/**
 * Plans, keeping no step in memory: a large loss is hundreds of thousands of steps, written to the
 * plan file from their spool. `planRestore` reads them into one RestorePlan.
 */
export function planRestoreSpooled(input: PlanInput): SpooledPlan {
  const ctx = new PlanContext(input, RESTORABLE_ENTITIES);
  try {
    const head = planHead(ctx, input);
    const { steps } = ctx;
    return {
      head,
      stepLines: () => steps.lines(),
      steps: () => steps.steps(),
      close: () => steps.close(),
    };
  } catch (err) {
    ctx.steps.close();
    throw err;
  }
}

function planHead(ctx: PlanContext, input: PlanInput): PlanWithoutSteps {
  const snapMeta = ctx.snap.meta();
  if (snapMeta.account && snapMeta.account !== input.account) {
    ctx.warnings.add(`The snapshot is of account ${snapMeta.account}; restoring into ${input.account}.`);
  }
  for (const entity of RESTORE_ORDER) ctx.planEntity(entity);
  ctx.warnings.add('Transactions are not restored as such: Keap records one for every payment a restore records.');
  for (const effect of ctx.steps.sideEffects()) ctx.warnings.add(effect);
  fieldWarnings(ctx);
  dependOnReferencedLive(ctx);
  const identical = Object.fromEntries(RESTORE_ORDER.filter((e) => ctx.countsIdentical(e)).map((e) => [e, ctx.identical.get(e) ?? 0]));
  const headline = headlineOf(ctx.steps.inOrder(), identical);
  ctx.steps.finish();
  const records = [...ctx.liveDeps.values()]
    .map(({ entity, id }) => ({ entity, id, hash: ctx.live.hash(entity, id)! }))
    .filter((r) => r.hash);
  const read = new Set<RestoreEntity>();
  for (const { entity } of records) read.add(entity);
  for (const entity of [...read]) for (const referenced of ctx.live.referencedFrom(entity)) read.add(referenced);
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    planId: randomUUID(),
    createdAt: new Date().toISOString(),
    account: input.account,
    apiBaseUrl: input.apiBaseUrl,
    snapshot: {
      snapshotId: snapMeta.snapshotId,
      checksum: snapMeta.checksum,
      finishedAt: snapMeta.finishedAt,
      account: snapMeta.account,
      file: input.snapshotFile,
    },
    live: {
      readAt: input.liveReadAt,
      fingerprint: fingerprintOf(records as RestorePlan['live']['records']),
      records: records as RestorePlan['live']['records'],
      hashes: 'restorable-fields',
      entities: RESTORE_ORDER.filter((e) => read.has(e)),
      newest: ctx.live.newestChanges(),
    },
    options: ctx.options,
    markerLabel: MARKER_LABEL,
    headline,
    identical,
    warnings: [...ctx.warnings],
  };
}

/**
 * Says once per entity what a restored record does not get back (Keap sets it), and names any
 * field of the snapshot that Keap Vault does not know how to write, instead of dropping it.
 */
function fieldWarnings(ctx: PlanContext): void {
  const created = new Map<RestoreEntity, number>();
  for (const s of ctx.steps.inOrder())
    if (s.action === 'create' && !s.oldId.startsWith('marker:')) created.set(s.entity, (created.get(s.entity) ?? 0) + 1);
  for (const [entity, count] of created) {
    const summary = notRestorableSummary(entity);
    if (summary) ctx.warnings.add(`Restored ${entity} (${count}) get ${summary}.`);
    // Noted while planning (PlanContext.decide); a create made otherwise is read again here.
    const unknown = new Set(ctx.steps.unwritableOf(entity));
    for (const s of ctx.steps.inOrder())
      if (s.entity === entity && s.action === 'create' && !s.fieldsNoted)
        for (const f of unknownFields(entity, ctx.snapRecord(entity, s.oldId) ?? {})) unknown.add(f);
    if (unknown.size)
      ctx.warnings.add(
        `${entity}: the snapshot has ${unknown.size === 1 ? 'a field' : 'fields'} Keap Vault cannot write, which restored records will lack: ${[...unknown].join(', ')}.`,
      );
  }
}

/**
 * The live records the plan's writes point at are records it relies on: an order to create needs
 * its contact and products still there when it is applied. Identical records are not otherwise
 * relied on (they are counted, not listed), so their references are where they come in.
 */
function dependOnReferencedLive(ctx: PlanContext): void {
  for (const ref of ctx.steps.parentRefs()) {
    const target = ctx.resolve(ref.entity, ref.oldId, true);
    if (target.state === 'live') ctx.dependOnLive(ref.entity, target.liveId);
  }
}
