/**
 * The planning context: what every entity's planning shares. It holds the snapshot, the live
 * account indexed, the user's selection and options, and the steps and resolutions made so far;
 * it resolves a snapshot record to where it stands in live (planning its step on first use,
 * through the entity's module), finds live matches, and makes steps. What is specific to one
 * entity is in entities/<entity>.ts.
 *
 * How a snapshot record is found in live, in this order: the ledger's id map (restored earlier),
 * the restore marker custom field (restored earlier, even if the ledger was lost), the same id (it
 * still exists), a natural key (email, SKU, tag name, company name).
 */
import type { KeapOrderItem } from '../model';
import { getRecord } from '../snapshot/query';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import type { RestorableEntity } from './entities/entity';
import { LiveIndex, projectionHash } from './liveIndex';
import type { LiveIndexFeed } from './liveIndexFeed';
import { comparable, type Payload } from './payloads';
import { RESTORE_ORDER, type PlanOptions, type PlanStep, type ReasonCode, type RestoreEntity } from './plan';
import { diffFields, isRelink, updateOf } from './planUpdate';
import { unknownFields } from './fields';
import { KeapVaultError } from '../errors';
import { counted } from '../counted';
import { KeapIdIndex } from '../collections/keapIdIndex';
import { PlanSteps } from './planSteps';

export interface PlanInput {
  snapshot: SnapshotDb;
  live: SnapshotDb;
  liveReadAt: string;
  account: string;
  apiBaseUrl: string;
  /** The ledger's id map: where an earlier restore put a snapshot record. */
  idMap?: (entity: RestoreEntity, oldId: string) => string | undefined;
  options?: PlanOptions;
  /** The account's today (YYYY-MM-DD), for subscriptions. */
  today?: string;
  /** Where the snapshot file is, recorded in the plan for apply's verification. */
  snapshotFile?: string;
  /** What the live read indexed of `live` as it arrived (planner.ts, livePlanFeed). */
  liveFed?: LiveIndexFeed;
}

/** A plan of the whole snapshot, not of records or entities the user chose. */
export function isWholePlan(options: Pick<PlanOptions, 'records' | 'entities'> = {}): boolean {
  return !options.records?.length && !options.entities?.length;
}

/** The entities whose unchanged records a whole plan counts by their text (PlanContext.identicalByText). */
export function settlingFirst(entities: ReadonlyMap<RestoreEntity, RestorableEntity>): Set<RestoreEntity> {
  return new Set([...entities].filter(([, module]) => module.settlesFirst).map(([entity]) => entity));
}

/** A plan cannot be made as asked (an unknown record or entity in the selection). */
export class PlanError extends KeapVaultError<'plan'> {
  readonly kind = 'plan';
}

export type Json = Record<string, unknown>;

/** Where a snapshot record stands in live after planning. */
export type Resolution = { state: 'live'; liveId: string } | { state: 'step'; stepId: string } | { state: 'missing'; why: string };

/** A live match of a snapshot record, with how it was found. */
export interface LiveMatch {
  liveId: string;
  reason: ReasonCode;
  how: string;
}

export type NewStep = Omit<PlanStep, 'id' | 'dependsOn'> & { dependsOn?: string[] };

export class PlanContext {
  readonly live: LiveIndex;
  readonly snap: SnapshotDb;
  readonly options: PlanOptions;
  /**
   * The steps made so far: their texts spooled, what planning reads of them kept (planSteps.ts).
   * Made last in the constructor, which may refuse the selection: nothing opened is then left open.
   */
  readonly steps: PlanSteps;
  /** Per entity, by snapshot id: one map per entity, so that a look-up builds no `entity:id` key. */
  private readonly resolutions = new Map<RestoreEntity, Map<string, Resolution>>(RESTORE_ORDER.map((e) => [e, new Map()]));
  /**
   * Per entity, the snapshot records counted identical unread (identicalByText), live under their
   * own ids: kept as their ids alone rather than as resolutions, as most records of a large account
   * are these, and a key and an object each would be much of planning's memory and of the garbage
   * collector's work.
   */
  private readonly unread = new Map<RestoreEntity, KeapIdIndex>(RESTORE_ORDER.map((e) => [e, new KeapIdIndex()]));
  readonly liveDeps = new Map<string, { entity: RestoreEntity; id: string }>();
  /** Per entity, the records counted as identical instead of listed (RestorePlan.identical). */
  readonly identical = new Map<RestoreEntity, number>();
  readonly warnings = new Set<string>();
  readonly selected: Set<string> | undefined;
  /** Cents of payments this plan records on each live order (payments must not overpay it). */
  readonly plannedPayments = new Map<string, number>();
  /** Per entity, the snapshot's ids (snapHas). */
  private readonly snapIds = new Map<RestoreEntity, KeapIdIndex>();

  constructor(
    readonly input: PlanInput,
    private readonly entities: ReadonlyMap<RestoreEntity, RestorableEntity>,
  ) {
    this.snap = input.snapshot;
    this.options = { updateExisting: false, missingParent: 'create', subscriptionsStartToday: false, ...input.options };
    this.selected = this.selection();
    // Only a plan of the whole snapshot counts identical records unread (identicalByText).
    const sameText = this.selected ? new Set<RestoreEntity>() : settlingFirst(entities);
    this.live = new LiveIndex(input.live, { hashesOnly: true, sameText, fed: input.liveFed });
    this.steps = new PlanSteps();
  }

  // ------------------------------------------------------------------ selection

  /** Keys (`entity:id`) chosen by the user, or undefined for the whole snapshot. */
  private selection(): Set<string> | undefined {
    if (isWholePlan(this.options)) return undefined;
    const { records, entities } = this.options;
    const chosen = new Set<string>();
    for (const key of records ?? []) {
      const [entity, id] = splitKey(key);
      if (!(RESTORE_ORDER as readonly string[]).includes(entity) || !this.snapRecord(entity as RestoreEntity, id)) {
        throw new PlanError(`No ${entity} with id ${id} in the snapshot`);
      }
      chosen.add(key);
      // An order comes with its payments; a contact with its tags.
      for (const along of this.entities.get(entity as RestoreEntity)?.selectedWith?.(this.snap, id) ?? []) chosen.add(along);
    }
    for (const entity of entities ?? []) {
      if (!(RESTORE_ORDER as readonly string[]).includes(entity))
        throw new PlanError(`Cannot restore '${entity}'; restorable: ${RESTORE_ORDER.join(', ')}`);
      const ids =
        this.entities.get(entity)?.selectableIds?.(this.snap) ??
        this.snap.all<{ id: string }>(`SELECT DISTINCT id FROM ${entity}`).map((row) => row.id);
      for (const id of ids) chosen.add(`${entity}:${id}`);
    }
    return chosen;
  }

  isSelected(entity: RestoreEntity, id: string): boolean {
    return !this.selected || this.selected.has(`${entity}:${id}`);
  }

  // ------------------------------------------------------------------ resolution

  /** Plans every selected snapshot record of one entity. */
  planEntity(entity: RestoreEntity): void {
    this.planRecordsOf(entity);
    // Every record of the entity is planned now (a whole plan resolves each in its entity's pass):
    // what only that entity's planning reads of live is given back before the next entity's steps grow.
    if (!this.selected) this.live.plannedWhole(entity);
  }

  private planRecordsOf(entity: RestoreEntity): void {
    const module = this.entities.get(entity);
    if (module?.planAll) return module.planAll(this);
    // One pass in stored order, each record parsed once: a look-up per id costs a query and, in a
    // large snapshot, a block opened at random. A repeated id keeps its first record, as getRecord does.
    const byText = !this.selected && !!module?.settlesFirst;
    for (const row of this.snap.rows(entity))
      if (this.isSelected(entity, row.id) && !this.isResolved(entity, row.id))
        if (!byText || !this.identicalByText(entity, row.id, row.json)) this.resolve(entity, row.id, false, JSON.parse(row.json) as Json);
  }

  /**
   * Counts a snapshot record as identical without parsing it, when that is what its module's plan
   * would find (most records of a restore did not change): its JSON text is the live record's under
   * the same id; no earlier restore put it elsewhere (ledger, marker); and every record it
   * references is already planned to stay as it is in live, so its references map to themselves
   * and no reference plans anything. The module's plan settles such a record first (settlesFirst):
   * same id, equal projections, counted identical. Any other record is planned in full.
   */
  private identicalByText(entity: RestoreEntity, oldId: string, text: string): boolean {
    const refs = this.live.sameText(entity, oldId, text);
    if (!refs || this.input.idMap?.(entity, oldId) !== undefined || this.live.byRestoreMarker(entity, oldId)) return false;
    for (let i = 0; i < refs.length; i += 2) {
      if (this.unread.get(refs[i] as RestoreEntity)?.has(refs[i + 1])) continue;
      const resolution = this.resolutions.get(refs[i] as RestoreEntity)?.get(refs[i + 1]);
      if (resolution?.state !== 'live' || resolution.liveId !== refs[i + 1]) return false;
    }
    this.countIdentical(entity, undefined);
    this.unread.get(entity)!.add(oldId);
    return true;
  }

  private isResolved(entity: RestoreEntity, oldId: string): boolean {
    return this.resolutions.get(entity)!.has(oldId) || this.unread.get(entity)!.has(oldId);
  }

  /**
   * Where a snapshot record will be once the plan runs, planning its step on first use. Parents are
   * resolved before children, so a child's references are known when its step is made.
   */
  resolve(entity: RestoreEntity, oldId: string, pulledIn = false, record?: Json): Resolution {
    const resolutions = this.resolutions.get(entity)!;
    const known = resolutions.get(oldId);
    if (known) return known;
    if (this.unread.get(entity)!.has(oldId)) return { state: 'live', liveId: oldId };
    resolutions.set(oldId, { state: 'missing', why: 'in progress' }); // guards reference cycles
    const resolution = this.decide(entity, oldId, pulledIn, record);
    resolutions.set(oldId, resolution);
    return resolution;
  }

  private decide(entity: RestoreEntity, oldId: string, pulledIn: boolean, stored?: Json): Resolution {
    const module = this.entities.get(entity);
    const special = module?.planReference?.(this, oldId);
    if (special) return special;
    const record = stored ?? this.snapRecord(entity, oldId);
    if (!record) {
      const liveId = this.live.has(entity, oldId) ? oldId : undefined;
      if (liveId) return this.useLive(entity, liveId);
      return { state: 'missing', why: `${entity} ${oldId} is in neither the snapshot nor the account` };
    }
    if (!module?.plan) return { state: 'missing', why: `${entity} cannot be restored` };
    const resolution = module.plan(this, record, pulledIn, oldId);
    // The fields Keap Vault cannot write are noted while the record is at hand: reading it again
    // for the plan's warnings would be a look-up at random.
    if (resolution.state === 'step' && resolution.stepId === `${entity}:${oldId}` && this.steps.get(resolution.stepId)?.action === 'create')
      this.steps.noteUnwritable(resolution.stepId, unknownFields(entity, record));
    return resolution;
  }

  /** A live match (ledger, marker, same id, natural key) of a snapshot record. */
  findLive(entity: RestoreEntity, oldId: string, naturalKey?: () => string | undefined): LiveMatch | undefined {
    const fromLedger = this.input.idMap?.(entity, oldId);
    if (fromLedger && this.live.has(entity, fromLedger))
      return { liveId: fromLedger, reason: 'restored-earlier', how: `restored earlier as ${fromLedger}` };
    const marked = this.live.byRestoreMarker(entity, oldId);
    if (marked) return { liveId: marked, reason: 'restored-earlier', how: `restored earlier as ${marked} (marker)` };
    if (this.live.has(entity, oldId)) return { liveId: oldId, reason: 'identical', how: 'same id' };
    const byKey = naturalKey?.();
    if (byKey) return { liveId: byKey, reason: 'matched-by-key', how: `matches live ${entity} ${byKey}` };
    return undefined;
  }

  /**
   * The usual plan of a record: its live match (ledger, marker, same id, natural key) if any, else
   * a create once its parents are known, or blocked when a parent cannot be had. `sideEffects`:
   * what Keap does when the record is created.
   */
  planSimple(
    entity: RestoreEntity,
    record: Json,
    pulledIn: boolean,
    naturalKey: () => string | undefined,
    payload: Payload,
    label: string,
    sideEffects?: string[],
  ): Resolution {
    const oldId = String(record.id);
    const { settled, deps } = this.settle(entity, record, pulledIn, label, payload, naturalKey);
    if (settled) return settled;
    return this.addStep(
      {
        entity,
        oldId,
        action: 'create',
        reason: 'missing-in-live',
        detail: `${label} is not in the account: create it (Keap gives it a new id)`,
        label,
        pulledIn,
        payload: payload.body,
        refs: payload.refs,
        dependsOn: this.stepDeps(deps),
      },
      undefined,
      sideEffects && { sideEffects },
    );
  }

  /**
   * A snapshot record that live has: skip when identical; update when asked; and, always, point
   * references that lead to a record gone from the account at its restored counterpart (relink).
   * Anything else that differs is a skip that says what differs and how to include it.
   */
  existing(entity: RestoreEntity, record: Json, found: LiveMatch, pulledIn: boolean, label: string, payload?: Payload): Resolution {
    const oldId = String(record.id);
    const want = comparable(entity, record, (e, id) => this.liveIdOf(e as RestoreEntity, id));
    // Equal projection hashes mean equal projections (the same JSON text), so no field differs: the
    // live record is read and diffed field by field only when it differs, which most do not.
    const identical = projectionHash(want) === this.live.hash(entity, found.liveId);
    if (identical && found.reason === 'identical' && this.countsIdentical(entity)) return this.countIdentical(entity, found.liveId);
    this.dependOnLive(entity, found.liveId);
    const liveRecord = identical ? undefined : this.live.record<Json>(entity, found.liveId)!;
    const changes = liveRecord ? diffFields(want, this.live.projection(entity, liveRecord)) : [];
    const base = { entity, oldId, liveId: found.liveId, label, pulledIn };
    if (!changes.length)
      return this.addStep(
        { ...base, action: 'skip', reason: found.reason, detail: `${label}: in the account (${found.how}), identical` },
        found.liveId,
      );
    const relinks = changes.filter(isRelink);
    const chosen = this.options.updateExisting && entity !== 'tags' ? changes : relinks;
    const update = payload
      ? updateOf(entity, payload, chosen, (liveRecord?.order_items as KeapOrderItem[] | undefined) ?? [], !this.options.updateExisting)
      : undefined;
    const left = changes.filter((c) => !chosen.includes(c) || update?.unsent.includes(c.path));
    if (update && (Object.keys(update.body).length || update.itemPatches.length)) {
      const relinkOnly = !this.options.updateExisting;
      const why = relinkOnly
        ? `points at ${relinks.length === 1 ? 'a record' : 'records'} this plan restores under new ids: relink${left.length ? `; ${left.length === 1 ? '1 other field differs and is' : `${counted(left.length, 'other field')} differ and are`} not updated (--update-existing)` : ''}`
        : `${counted(changes.length, 'field')} different: update${left.length ? ` (${left.map((c) => c.path).join(', ')} cannot be updated through Keap's API)` : ''}`;
      return this.addStep(
        {
          ...base,
          action: 'update',
          reason: relinkOnly ? 'relink' : 'differs',
          detail: `${label}: in the account (${found.how}) ${why}`,
          payload: update.body,
          refs: update.refs,
          changes,
          itemPatches: update.itemPatches.length ? update.itemPatches : undefined,
          dependsOn: this.stepDeps(update.refs.filter((r) => !isMarkerRef(r)).map((r) => this.resolve(r.entity, r.oldId, true))),
        },
        found.liveId,
      );
    }
    const hint = this.options.updateExisting
      ? "; Keap's API cannot change them"
      : '; not updated (plan with --update-existing to update them)';
    return this.addStep(
      {
        ...base,
        action: 'skip',
        reason: 'present-differs',
        detail: `${label}: in the account (${found.how}) but ${changes.length === 1 ? '1 field differs' : `${counted(changes.length, 'field')} differ`}${hint}`,
        changes,
      },
      found.liveId,
    );
  }

  // ------------------------------------------------------------------ steps

  /** Why a step cannot run: a parent neither live nor creatable, or the policy says not to create it. */
  /**
   * What every record's plan starts with: its parents resolved, then its live match (a skip or an
   * update) or, when a parent cannot be had, a blocked step. `settled` is that step; without one
   * the record is to be created, after `deps`.
   */
  settle(
    entity: RestoreEntity,
    record: Json,
    pulledIn: boolean,
    label: string,
    payload: Payload,
    naturalKey?: () => string | undefined,
  ): { settled?: Resolution; deps: Resolution[] } {
    const oldId = String(record.id);
    const refs = parentRefs(payload.refs);
    const deps = refs.map((r) => this.resolve(r.entity, r.oldId, true));
    const found = this.findLive(entity, oldId, naturalKey);
    if (found) return { settled: this.existing(entity, record, found, pulledIn, label, payload), deps };
    const blocked = this.blockedBy(refs, deps);
    if (blocked) return { settled: this.addBlocked(entity, oldId, blocked, label, pulledIn), deps };
    return { deps };
  }

  /** The step of a record that cannot be restored because a parent cannot be had (see blockedBy). */
  addBlocked(
    entity: RestoreEntity,
    oldId: string,
    blocked: { reason: ReasonCode; detail: string },
    label: string,
    pulledIn: boolean,
  ): Resolution {
    return this.addStep({ entity, oldId, action: 'blocked', reason: blocked.reason, detail: blocked.detail, label, pulledIn });
  }

  blockedBy(refs: Array<{ entity: RestoreEntity; oldId: string }>, deps: Resolution[]): { reason: ReasonCode; detail: string } | undefined {
    for (let i = 0; i < deps.length; i++) {
      const dep = deps[i];
      const ref = refs[i];
      if (dep.state === 'missing') {
        if (this.options.missingParent === 'fail')
          throw new PlanError(`${ref.entity} ${ref.oldId} is needed but is in neither the snapshot nor the account`);
        return { reason: 'parent-missing', detail: `Needs ${ref.entity} ${ref.oldId}, which is in neither the snapshot nor the account` };
      }
      if (dep.state === 'step') {
        const step = this.steps.get(dep.stepId)!;
        if (step.action === 'blocked' || step.action === 'conflict')
          return { reason: 'parent-blocked', detail: `Needs ${step.id}, which is ${step.action}: ${step.detail}` };
        if (
          step.action === 'create' &&
          step.pulledIn &&
          this.options.missingParent !== 'create' &&
          this.selected &&
          !this.selected.has(step.id)
        ) {
          if (this.options.missingParent === 'fail') throw new PlanError(`${step.id} is missing in the account and not selected`);
          return { reason: 'parent-missing', detail: `Needs ${step.id}, missing in the account and not selected (missing parents: skip)` };
        }
      }
    }
    return undefined;
  }

  stepDeps(deps: Resolution[]): string[] {
    return [
      ...new Set(
        deps
          .filter((d): d is { state: 'step'; stepId: string } => d.state === 'step' && this.steps.get(d.stepId)?.action !== 'skip')
          .map((d) => d.stepId),
      ),
    ];
  }

  /**
   * Makes a step, whole: nothing changes it once added. `last`: members written after the rest, where
   * plans of earlier releases had them (a contact's side effects), so plan files stay the same text.
   */
  addStep(fields: NewStep, liveId?: string, last?: Pick<PlanStep, 'sideEffects'>): Resolution {
    if (fields.action === 'skip' && fields.reason === 'identical' && this.countsIdentical(fields.entity))
      return this.countIdentical(fields.entity, liveId);
    const id = `${fields.entity}:${fields.oldId}`;
    // Left out when false: plan files have always said `pulledIn` only of steps pulled in.
    const { pulledIn, ...rest } = fields;
    const step: PlanStep = pulledIn
      ? { ...fields, id, dependsOn: fields.dependsOn ?? [] }
      : { ...rest, id, dependsOn: fields.dependsOn ?? [] };
    const writes = step.action === 'create' || step.action === 'update';
    if (writes) {
      // The marker field is needed only by records that will be written: resolved (and created) now.
      const markers = (step.refs ?? []).filter(isMarkerRef).map((r) => this.resolve(r.entity, r.oldId, true));
      step.dependsOn = [...new Set([...step.dependsOn, ...this.stepDeps(markers)])];
    }
    if (last?.sideEffects) step.sideEffects = last.sideEffects;
    this.steps.add(step, writes ? parentRefs([...(step.refs ?? []), ...(step.itemPatches ?? []).flatMap((p) => p.refs ?? [])]) : []);
    if (liveId) return { state: 'live', liveId };
    if (step.action === 'create' || step.action === 'blocked' || step.action === 'conflict') return { state: 'step', stepId: id };
    return { state: 'missing', why: step.detail };
  }

  /**
   * Whether a record of `entity` found identical under its own id is counted, not listed (see
   * RestorePlan.identical): when the plan covers the entity whole. A selection lists what it pulls
   * in, so that its preview names every record its restore touches or leans on.
   */
  countsIdentical(entity: RestoreEntity): boolean {
    return !this.selected || !!this.options.entities?.includes(entity);
  }

  /** An identical record counted: no step, no live record the plan relies on (a step that references it does: planner.ts). */
  private countIdentical(entity: RestoreEntity, liveId: string | undefined): Resolution {
    this.identical.set(entity, (this.identical.get(entity) ?? 0) + 1);
    return liveId ? { state: 'live', liveId } : { state: 'missing', why: `${entity}: identical in the account` };
  }

  /** Whether a resolution is a step this plan cannot run. */
  isBlockedStep(resolution: Resolution): boolean {
    return resolution.state === 'step' && this.steps.get(resolution.stepId)?.action === 'blocked';
  }

  // ------------------------------------------------------------------ live and snapshot records

  useLive(entity: RestoreEntity, liveId: string): Resolution {
    this.dependOnLive(entity, liveId);
    return { state: 'live', liveId };
  }

  /** Records that the plan relies on as they are in live (the stale check looks at them again). */
  dependOnLive(entity: RestoreEntity, id: string): void {
    this.liveDeps.set(`${entity}:${id}`, { entity, id });
  }

  /** The live id a snapshot record maps to, or a placeholder for one being created. */
  liveIdOf(entity: RestoreEntity, oldId: string): string | undefined {
    const r = this.resolve(entity, oldId, true);
    return r.state === 'live' ? r.liveId : r.state === 'step' ? `new:${r.stepId}` : undefined;
  }

  /**
   * Whether the snapshot holds the record, without reading its JSON. A plan of the whole snapshot
   * asks of every payment's order: it reads each entity's ids once, as a query each costs more.
   */
  snapHas(entity: RestoreEntity, id: string): boolean {
    if (entity === 'contact_tags') return false;
    if (this.selected) return this.snap.scalar(`SELECT 1 FROM ${entity} WHERE id = ? LIMIT 1`, [id]) !== undefined;
    let ids = this.snapIds.get(entity);
    if (!ids) {
      ids = new KeapIdIndex();
      for (const row of this.snap.rows(entity, { json: false })) ids.add(row.id);
      this.snapIds.set(entity, ids);
    }
    return ids.has(id);
  }

  snapRecord(entity: RestoreEntity, id: string): Json | undefined {
    return entity === 'contact_tags' ? undefined : getRecord<Json>(this.snap, entity, id);
  }
}

export function isMarkerRef(ref: { entity: string; oldId: string }): boolean {
  return ref.entity === 'custom_fields' && ref.oldId.startsWith('marker:');
}

/** References to the records a step depends on (the marker field is resolved only for writes). */
export function parentRefs<T extends { entity: string; oldId: string }>(refs: T[]): T[] {
  return refs.filter((r) => !isMarkerRef(r));
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  if (at < 1) throw new PlanError(`Select records as entity:id (e.g. orders:1234), got '${key}'`);
  return [key.slice(0, at), key.slice(at + 1)];
}

export function quote(value: unknown): string {
  return JSON.stringify(String(value ?? ''));
}
