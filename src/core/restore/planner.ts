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
import { fingerprintOf, headlineOf, PLAN_FORMAT_VERSION, RESTORE_ORDER, type PlanStep, type RestoreEntity, type RestorePlan } from './plan';
import { parentRefs, PlanContext, settlingFirst, type PlanInput } from './planContext';
import { LiveIndexFeed } from './liveIndexFeed';

export { isWholePlan, PlanError, type PlanInput } from './planContext';

/**
 * For the live read of a whole plan: indexes its records as they arrive (liveIndexFeed.ts); give it
 * to planRestore as `liveFed` with the database that read made.
 */
export function livePlanFeed(): LiveIndexFeed {
  return new LiveIndexFeed(settlingFirst(RESTORABLE_ENTITIES));
}

export function planRestore(input: PlanInput): RestorePlan {
  const ctx = new PlanContext(input, RESTORABLE_ENTITIES);
  const snapMeta = ctx.snap.meta();
  if (snapMeta.account && snapMeta.account !== input.account) {
    ctx.warnings.add(`The snapshot is of account ${snapMeta.account}; restoring into ${input.account}.`);
  }
  for (const entity of RESTORE_ORDER) ctx.planEntity(entity);
  ctx.warnings.add('Transactions are not restored as such: Keap records one for every payment a restore records.');
  const steps = ordered(ctx);
  for (const step of steps) for (const effect of step.sideEffects ?? []) ctx.warnings.add(effect);
  fieldWarnings(ctx, steps);
  dependOnReferencedLive(ctx, steps);
  const identical = Object.fromEntries(RESTORE_ORDER.filter((e) => ctx.countsIdentical(e)).map((e) => [e, ctx.identical.get(e) ?? 0]));
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
    headline: headlineOf(steps, identical),
    identical,
    warnings: [...ctx.warnings],
    steps,
  };
}

/**
 * Says once per entity what a restored record does not get back (Keap sets it), and names any
 * field of the snapshot that Keap Vault does not know how to write, instead of dropping it.
 */
function fieldWarnings(ctx: PlanContext, steps: PlanStep[]): void {
  const created = new Map<RestoreEntity, number>();
  for (const s of steps)
    if (s.action === 'create' && !s.oldId.startsWith('marker:')) created.set(s.entity, (created.get(s.entity) ?? 0) + 1);
  for (const [entity, count] of created) {
    const summary = notRestorableSummary(entity);
    if (summary) ctx.warnings.add(`Restored ${entity} (${count}) get ${summary}.`);
    const unknown = new Set<string>();
    for (const s of steps)
      if (s.entity === entity && s.action === 'create')
        for (const f of ctx.unwritableFields.get(s.id) ?? unknownFields(entity, ctx.snapRecord(entity, s.oldId) ?? {})) unknown.add(f);
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
function dependOnReferencedLive(ctx: PlanContext, steps: PlanStep[]): void {
  for (const step of steps) {
    if (step.action !== 'create' && step.action !== 'update') continue;
    const refs = [...(step.refs ?? []), ...(step.itemPatches ?? []).flatMap((p) => p.refs ?? [])];
    for (const ref of parentRefs(refs)) {
      const target = ctx.resolve(ref.entity, ref.oldId, true);
      if (target.state === 'live') ctx.dependOnLive(ref.entity, target.liveId);
    }
  }
}

/**
 * Steps in dependency order: by entity (RESTORE_ORDER), then as planned. One pass into a list per
 * entity, not a sort: a large plan has hundreds of thousands of steps.
 */
function ordered(ctx: PlanContext): PlanStep[] {
  const byEntity = new Map<RestoreEntity, PlanStep[]>(RESTORE_ORDER.map((e) => [e, []]));
  for (const step of ctx.steps.values()) {
    const list = byEntity.get(step.entity);
    // invariant: every step is of a RestoreEntity, which RESTORE_ORDER lists.
    if (!list) throw new Error(`A step of ${step.entity}, which has no place in the restore order`);
    list.push(step);
  }
  return [...byEntity.values()].flat();
}
