/**
 * Apply: executes exactly a previewed plan, in order, within Keap's quota.
 *
 * Before writing it takes the account's lock, re-reads live and refuses a stale plan. Every create
 * or update is recorded in the ledger as pending (fsynced) before its request and as done (with
 * Keap's new id) after it. Resuming after a crash looks at pending steps first and finds out from
 * live whether the write happened (by the restore marker, or by what identifies the record) before
 * sending anything; a payment is never sent without first reading the order's payments (orderPayments.ts).
 *
 * The ledger only knows this machine's runs, so before every create the live guard asks Keap
 * itself whether the record exists since the plan was made (another plan, ledger or machine
 * restored it, or someone re-entered it): the step then links to it or stops as a conflict. The
 * receipt counts only what Keap confirmed, and verification re-reads every record written and
 * compares every field a client can set with the snapshot.
 *
 * This file is the loop every step goes through; how one entity is created, updated, found again
 * and verified beyond its fields is in its module (entities/<entity>.ts), reached through the
 * registry (entities/index.ts).
 */
import { counted } from '../counted';
import type { KeapClient } from '../keap/client';
import { KeapError, KeapQuotaWaitError, type QuotaWaitCause } from '../keap/errors';
import { sleep, type QuotaWait } from '../keap/throttle';
import { filter } from '../keap/filter';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { AccountLease } from './accountLease';
import { OrderPayments } from './orderPayments';
import { UNVERIFIED, verifyWrites } from './applyVerification';
import { RESTORABLE_ENTITIES } from './entities';
import type { ApplyContext, ResolvedRequest, WriteResult } from './entities/entity';
import type { CustomFieldRecordType, KeapOrderPayment } from '../model';
import { Ledger } from './ledger';
import { GUARD_MAX_AGE_MS, GUARD_SKEW_MS, LiveGuard, type LiveGuardOptions } from './liveGuard';
import { entitiesHolding, type LiveReadScope } from './liveRead';
import { markerFieldIdsOf } from './liveIndex';
import { ApplyLock } from './lock';
import { MARKER_LABEL, MARKER_RECORD_TYPES, markerValue, type MarkedEntity } from './marker';
import { liveChangesSince, staleCheckEntities, StalePlanError } from './staleness';
import { resolveStepRequest } from './stepRequest';
import { emptyReceipt, type PlanStep, type Receipt, type RestoreEntity, type RestorePlan } from './plan';
import { KeapVaultError } from '../errors';

export type { Receipt } from './plan';

export { StalePlanError } from './staleness';

/**
 * A step this plan cannot carry out: an entity Keap Vault cannot write (a plan edited by hand), or a
 * reference whose record has no live id yet.
 */
export class ApplyStepError extends KeapVaultError<'not-applicable' | 'parent-not-restored'> {
  constructor(
    readonly kind: 'not-applicable' | 'parent-not-restored',
    message: string,
  ) {
    super(message);
  }
}

/** The user cancelled between steps; the ledger is consistent and applying again continues. */
export class ApplyCancelledError extends KeapVaultError<'apply-cancelled'> {
  readonly kind = 'apply-cancelled';
}

/**
 * The apply stopped at a step boundary rather than wait for Keap's quota longer than it was allowed
 * to (`maxWaitMs`): nothing is in flight, the ledger holds every step done, and resuming continues
 * from the next step without sending anything twice.
 */
export class ApplyPausedError extends KeapVaultError<'apply-paused'> {
  readonly kind = 'apply-paused';
  constructor(
    /** When Keap's quota allows requests again (its expiry header for the daily quota). */
    readonly resumeAt: Date,
    /** Create and update steps not done yet. */
    readonly stepsLeft: number,
    readonly waitingFor: QuotaWaitCause = 'day',
  ) {
    super(
      `Paused until ${resumeAt.toISOString().replace('T', ' ').slice(0, 16)} UTC for Keap's ${waitingFor === 'day' ? 'daily quota' : 'quota'}, ${counted(stepsLeft, 'step')} left; the ledger is consistent: resume to continue.`,
    );
  }
}

/** Share of every quota window an apply leaves free for other traffic on the account, unless told. */
export const DEFAULT_APPLY_RESERVE = 0.2;

/**
 * Requests one step may make besides its writes (the lease's renewal, the guard's look, a payment
 * check, a marker field's model), and two more to keep or release the lease at a pause: what the
 * daily quota must still hold before a step starts, so that a pause falls between steps.
 */
const STEP_BUDGET = 8;
/** A wait this long (or one for the daily quota) is a pause: front ends say so, and it may stop the apply. */
const PAUSE_MS = 5 * 60_000;
/**
 * The longest wait for the quota made in the middle of a step (and at most a fifth of the lease's
 * time, so the lease cannot lapse between a read and the write it proves safe); a longer one stops
 * the step, waits, and runs it again.
 */
const IN_STEP_WAIT_MS = 2 * 60_000;
/** How far ahead in the plan a payment check looks for other orders to read with it. */
const PAYMENT_LOOKAHEAD_STEPS = 500;

export interface ApplyProgress {
  step: PlanStep;
  index: number;
  total: number;
  status: 'done' | 'skipped' | 'failed' | 'reconciled' | 'already-done' | 'linked' | 'conflict';
  newId?: string;
  message?: string;
  /** Create and update steps (those selected) finished, in this run or an earlier one. */
  workDone: number;
  /** Create and update steps (those selected): the work, without the steps that send nothing. */
  workTotal: number;
}

/**
 * The apply waits for Keap's quota: `waiting` for a window that frees itself soon (a minute's),
 * `paused` until the daily quota resets (the lock, the lease and the ledger are kept through it).
 */
export interface ApplyWait {
  kind: 'waiting' | 'paused';
  waitingFor: QuotaWaitCause;
  until: Date;
  ms: number;
  /** Create and update steps not done yet. */
  stepsLeft: number;
  /** The quota ran out in the middle of this step: it runs again from the start after the wait. */
  stepId?: string;
}

export interface ApplyOptions {
  client: KeapClient;
  plan: RestorePlan;
  ledgerFile: string;
  /**
   * Reads the live account fresh: for the stale check, the entities holding the records the plan
   * relies on; for verification, what changed since the apply started (liveRead.ts, readLiveForRestore).
   */
  readLive: (scope: LiveReadScope) => Promise<SnapshotDb>;
  /** The snapshot the plan was made from (for verification). */
  snapshot?: SnapshotDb;
  signal?: AbortSignal;
  onProgress?: (progress: ApplyProgress) => void;
  /** Break a lock left by an apply whose process is gone. */
  breakLock?: boolean;
  /**
   * Only these create/update steps (a selection made in the preview, closed under dependsOn); the
   * others are reported as not applied. Undefined: every step.
   */
  only?: ReadonlySet<string>;
  /** How often the guard looks at Keap again before creates (tests shorten it). */
  guard?: LiveGuardOptions;
  /** Share of every quota window left free for other traffic on the account (default DEFAULT_APPLY_RESERVE). */
  reserve?: number;
  /**
   * Stop at a step boundary with ApplyPausedError rather than wait longer than this for the quota.
   * Undefined: wait as long as Keap's quota says (the daily reset), keeping lock, lease and ledger.
   */
  maxWaitMs?: number;
  /** Every wait for Keap's quota, as it starts. */
  onWait?: (wait: ApplyWait) => void;
  /** Requests a step may make besides its item patches (default STEP_BUDGET; tests lower it so the quota runs out inside steps). */
  stepBudget?: number;
}

type Json = Record<string, unknown>;

export async function applyPlan(options: ApplyOptions): Promise<Receipt> {
  // The apply holds the client's throttle for as long as it runs: its reserve for other traffic, and
  // waits as long as the quota needs (or up to maxWaitMs, then a clean stop).
  const throttle = options.client.transport.throttle;
  const unhold = throttle.hold({ reserve: options.reserve ?? DEFAULT_APPLY_RESERVE, maxWaitMs: options.maxWaitMs ?? Infinity });
  let applier: Applier | undefined;
  const unlisten = throttle.onWait((wait) => applier?.waited(wait));
  try {
    // This machine's lock first (every ledger and front end here), then the lease in Keap (every machine).
    const lock = await ApplyLock.acquire(options.plan.account, options.plan.planId, {
      breakStale: options.breakLock,
      by: `apply of plan ${options.plan.planId}`,
    });
    try {
      const lease = await AccountLease.acquire(options.client, { planId: options.plan.planId, breakStale: options.breakLock });
      try {
        const ledger = await Ledger.open(options.ledgerFile);
        try {
          applier = new Applier(options, ledger, lease);
          return await applier.run();
        } finally {
          await ledger.checkpoint();
          ledger.close();
        }
      } finally {
        // Leaving (done, stopped, cancelled during a pause): release the lease if the quota lets us
        // within a minute; an unreleased lease expires on its own.
        const unholdRelease = throttle.hold({ maxWaitMs: 60_000 });
        await lease.release().catch(() => undefined);
        unholdRelease();
      }
    } finally {
      await lock.release();
    }
  } catch (err) {
    // A request would have waited longer than allowed: stopped before sending it.
    if (err instanceof KeapQuotaWaitError)
      throw new ApplyPausedError(err.retryAt, applier?.stepsLeft ?? workSteps(options).length, err.waitingFor);
    throw err;
  } finally {
    unlisten();
    unhold();
  }
}

/** The create and update steps the apply is asked to carry out. */
function workSteps(options: Pick<ApplyOptions, 'plan' | 'only'>): PlanStep[] {
  return options.plan.steps.filter((s) => (s.action === 'create' || s.action === 'update') && (!options.only || options.only.has(s.id)));
}

class Applier implements ApplyContext {
  readonly client: KeapClient;
  /** Each entity's create, update, find and verification specifics. */
  private readonly entities = RESTORABLE_ENTITIES;
  private readonly plan: RestorePlan;
  private readonly byId: Map<string, PlanStep>;
  /** Old id -> live id, for every record the plan found in live or has made. */
  private readonly resolved = new Map<string, string>();
  private readonly failedSteps = new Set<string>();
  /** Steps whose write Keap confirmed in this run or an earlier one (verified at the end). */
  private readonly written = new Set<string>();
  private guard!: LiveGuard;
  private liveMarkerFields = new Map<string, string>();
  private readonly markerFieldNames = new Map<string, string>();
  private readonly receipt: Receipt;
  /** The guard's clock (tests move it): when a look at Keap was taken. */
  private readonly now: () => number;
  private readonly requestsBefore: number;
  private readonly workTotal: number;
  private workDone = 0;
  /** Steps the quota interrupted in this run, to run again. */
  private readonly rerun = new Set<string>();
  /** The step the loop is at (payment checks look ahead from it). */
  private stepIndex = 0;
  private readonly orderPayments: OrderPayments;

  constructor(
    private readonly options: ApplyOptions,
    private readonly ledger: Ledger,
    private readonly lease: AccountLease,
  ) {
    this.client = options.client;
    this.plan = options.plan;
    this.byId = new Map(this.plan.steps.map((s) => [s.id, s]));
    this.requestsBefore = this.client.transport.requestCount;
    this.workTotal = workSteps(options).length;
    this.now = options.guard?.now ?? Date.now;
    this.orderPayments = new OrderPayments(this.client, { maxAgeMs: options.guard?.maxAgeMs ?? GUARD_MAX_AGE_MS, now: this.now });
    this.receipt = emptyReceipt(this.plan.planId, new Date().toISOString());
  }

  /** Create and update steps not finished yet. */
  get stepsLeft(): number {
    return this.workTotal - this.workDone;
  }

  /** A wait the throttle starts inside a request (a minute's, or a daily pause in the middle of a step or a read). */
  waited(wait: QuotaWait): void {
    this.options.onWait?.({
      kind: wait.cause === 'day' || wait.ms >= PAUSE_MS ? 'paused' : 'waiting',
      waitingFor: wait.cause,
      until: new Date(wait.until),
      ms: wait.ms,
      stepsLeft: this.stepsLeft,
    });
  }

  /**
   * Before a step: if the daily quota (or a long wait) would hold it, pause here, between steps,
   * rather than in the middle of it. With maxWaitMs, a longer wait stops the apply here instead
   * (ApplyPausedError): nothing is in flight and the ledger has every step done so far.
   */
  private async pauseBetweenSteps(step: PlanStep): Promise<void> {
    const throttle = this.client.transport.throttle;
    for (;;) {
      const wait = throttle.waitFor((this.options.stepBudget ?? STEP_BUDGET) + (step.itemPatches?.length ?? 0));
      if (!wait) return;
      const long = wait.cause === 'day' || wait.ms >= PAUSE_MS;
      // Pacing by the shorter windows is request by request: what counts against maxWaitMs is the next request's wait.
      const next = long ? wait : throttle.waitFor(1);
      if (next && this.options.maxWaitMs !== undefined && next.ms > this.options.maxWaitMs)
        throw new ApplyPausedError(new Date(next.until), this.stepsLeft, next.cause);
      // A short wait is the throttle's to make, request by request.
      if (!long) return;
      // Keep the lease through the pause (the budget kept two requests for it).
      await this.lease.holdUntil(wait.until);
      this.options.onWait?.({
        kind: 'paused',
        waitingFor: wait.cause,
        until: new Date(wait.until),
        ms: wait.ms,
        stepsLeft: this.stepsLeft,
      });
      try {
        await sleep(wait.ms, this.options.signal);
      } catch {
        throw new ApplyCancelledError('Apply cancelled during a pause for the quota; the ledger is consistent: resume to continue.');
      }
    }
  }

  /** The quota ran out in the middle of a step: wait for it (or stop, past maxWaitMs) before running the step again. */
  private async pauseInStep(step: PlanStep, err: KeapQuotaWaitError): Promise<void> {
    const ms = Math.max(0, err.retryAt.getTime() - Date.now());
    if (this.options.maxWaitMs !== undefined && ms > this.options.maxWaitMs)
      throw new ApplyPausedError(err.retryAt, this.stepsLeft, err.waitingFor);
    this.options.onWait?.({
      kind: 'paused',
      waitingFor: err.waitingFor ?? 'window',
      until: err.retryAt,
      ms,
      stepsLeft: this.stepsLeft,
      stepId: step.id,
    });
    try {
      await sleep(ms, this.options.signal);
    } catch {
      throw new ApplyCancelledError('Apply cancelled during a pause for the quota; the ledger is consistent: resume to continue.');
    }
  }

  async run(): Promise<Receipt> {
    const started = this.ledger.stepsOf(this.plan.planId);
    const readAt = new Date().toISOString();
    // Only what the plan relies on is read again: what else changed since the plan, the guard sees
    // through Keap's changed-since lists before each create.
    const entities = staleCheckEntities(this.plan);
    const live = entities.length ? await this.options.readLive({ entities }) : undefined;
    try {
      const changed = live
        ? liveChangesSince(
            this.plan,
            live,
            started.map((s) => s.stepId),
          )
        : [];
      if (changed.length) throw new StalePlanError(changed);
      this.guard = new LiveGuard(this.client, this.plan.live, (type) => this.markerFieldId(type), this.options.guard);
      const creates = this.plan.steps.filter((s) => s.action === 'create');
      // The guard reads the live rows itself: no index of every live record (at a million contacts,
      // its texts alone took gigabytes) is built for the marker fields' ids.
      if (live && entities.includes('custom_fields')) this.liveMarkerFields = markerFieldIdsOf(live);
      else await this.readFieldModels(creates);
      const orderContacts = new Set(
        creates
          .filter((s) => s.entity === 'orders')
          .map((s) => this.planLiveIdOf(s.refs?.find((r) => r.path === 'contact_id')))
          .filter((id): id is string => !!id),
      );
      if (live)
        this.guard.seed(
          live,
          readAt,
          creates.map((s) => s.entity).filter((e) => (entities as readonly string[]).includes(e)),
          orderContacts,
        );
    } finally {
      live?.close();
    }
    for (const step of this.plan.steps)
      if (step.liveId && (step.action === 'skip' || step.action === 'update')) this.resolveStep(step, step.liveId);

    const total = this.plan.steps.length;
    // Inside a step, a long wait is not made in the middle of it (the lease could lapse between a
    // read and the write it proves safe): the request gives up, and the step waits and runs again.
    const inStepWaitMs = Math.min(IN_STEP_WAIT_MS, this.lease.ttl / 5);
    const unholdSteps = this.client.transport.throttle.hold({ maxWaitMs: Math.min(this.options.maxWaitMs ?? Infinity, inStepWaitMs) });
    try {
      await this.runSteps(total);
    } finally {
      unholdSteps();
    }
    return this.finish();
  }

  /**
   * The custom field models the creates need (when the stale check did not read them): the marker
   * field's id and name per record type the plan marks, so that the guard recognises records other
   * runs restored and a lost answer is found by its marker; and the labels of fields the plan
   * creates, which the guard checks before each.
   */
  private async readFieldModels(creates: readonly PlanStep[]): Promise<void> {
    const types = new Set<string>();
    for (const step of creates) {
      if (step.entity === 'custom_fields' && step.recordType) types.add(step.recordType);
      else if (step.entity in MARKER_RECORD_TYPES) types.add(MARKER_RECORD_TYPES[step.entity as MarkedEntity]);
    }
    for (const type of types) {
      const readAt = this.now();
      const fields = (await this.client.customFields.model(type as CustomFieldRecordType)).custom_fields;
      const marker = fields.find((f) => f.label === MARKER_LABEL);
      if (marker) this.liveMarkerFields.set(type, marker.id);
      if (marker?.field_name) this.markerFieldNames.set(type, marker.field_name);
      this.guard.seedFieldModel(type, fields, readAt);
    }
  }

  private async runSteps(total: number): Promise<void> {
    for (let index = 0; index < total; index++) {
      if (this.options.signal?.aborted)
        throw new ApplyCancelledError('Apply cancelled between steps; the ledger is consistent: resume to continue.');
      const step = this.plan.steps[index];
      this.stepIndex = index;
      const work = (step.action === 'create' || step.action === 'update') && (!this.options.only || this.options.only.has(step.id));
      const progress = (status: ApplyProgress['status'], extra: Partial<ApplyProgress> = {}) => {
        if (work) this.workDone++;
        this.options.onProgress?.({ step, index, total, status, workDone: this.workDone, workTotal: this.workTotal, ...extra });
      };
      if (step.reason === 'linked-by-choice' && step.liveId && this.ledger.step(this.plan.planId, step.id)?.status !== 'done') {
        // The user said this live record is the snapshot's: the id map records it, so later plans know.
        await this.ledger.done(this.plan.planId, step, step.liveId);
        this.noteDone(step, step.liveId);
      }
      if (step.action !== 'create' && step.action !== 'update') {
        this.receipt.skipped++;
        if (step.action !== 'skip') this.receipt.notApplied.push({ stepId: step.id, action: step.action, reason: step.detail });
        progress('skipped');
        continue;
      }
      if (this.options.only && !this.options.only.has(step.id)) {
        this.receipt.skipped++;
        this.receipt.notApplied.push({ stepId: step.id, action: step.action, reason: 'Not selected in the preview' });
        progress('skipped');
        continue;
      }
      const record = this.ledger.step(this.plan.planId, step.id);
      if (record?.status === 'done' || record?.status === 'linked') {
        this.noteDone(step, record.newId);
        // An order an earlier run of this plan created: its payments can be checked in batches too.
        if (record.status === 'done' && step.action === 'create' && step.entity === 'orders' && record.newId)
          this.orderPayments.noteCreatedOrder(record.newId);
        // A linked record is not this plan's write: verification holds only writes to the snapshot.
        if (record.status === 'done') this.written.add(step.id);
        progress('already-done', { newId: record.newId });
        continue;
      }
      const blockedBy = step.dependsOn.find(
        (d) => this.failedSteps.has(d) || (['create', 'update'].includes(this.byId.get(d)?.action ?? '') && !this.resolved.has(d)),
      );
      if (blockedBy) {
        await this.fail(step, `Not sent: ${blockedBy} did not succeed`);
        progress('failed', { message: `depends on ${blockedBy}` });
        continue;
      }
      try {
        await this.pauseBetweenSteps(step);
        // An update the quota interrupted in this run is sent again (a PATCH is safe to repeat).
        if (record?.status === 'pending' && !(step.action === 'update' && this.rerun.has(step.id))) {
          // The previous run stopped after marking this step and maybe after sending it: look first.
          const found = await this.find(step);
          if (found !== undefined) {
            await this.ledger.done(this.plan.planId, step, found);
            this.noteDone(step, found);
            this.written.add(step.id);
            this.receipt.reconciled++;
            progress('reconciled', { newId: found });
            continue;
          }
        }
        await this.lease.renewIfDue();
        if (step.action === 'create') {
          const verdict = await this.guard.check(step, this.resolveRefs(step).body);
          if (verdict.kind === 'restored' || verdict.kind === 'same') {
            // Keap already has it: the id map records it, nothing is sent.
            await this.ledger.linked(this.plan.planId, step, verdict.liveId);
            this.noteDone(step, verdict.liveId);
            this.guard.noteOwn(step.entity, verdict.liveId);
            this.receipt.linked.push({ stepId: step.id, liveId: verdict.liveId, reason: verdict.how });
            progress('linked', { newId: verdict.liveId, message: verdict.how });
            continue;
          }
          if (verdict.kind === 'twin') {
            const reason = `${verdict.how}. Not created: plan again and choose (--link ${step.id} if it is this order, --create-anyway ${step.id} if not).`;
            this.failedSteps.add(step.id);
            this.receipt.conflicts.push({ stepId: step.id, liveId: verdict.liveId, reason });
            await this.ledger.failed(this.plan.planId, step, reason);
            progress('conflict', { message: reason });
            continue;
          }
        }
        await this.ledger.pending(this.plan.planId, step);
        const { id: newId, sent } = await this.execute(step);
        await this.ledger.done(this.plan.planId, step, newId);
        this.noteDone(step, newId);
        if (newId !== undefined && step.action === 'create') this.guard.noteOwn(step.entity, newId);
        if (newId !== undefined && sent && step.action === 'create' && step.entity === 'orders') this.orderPayments.noteCreatedOrder(newId);
        if (!sent) {
          this.receipt.skipped++;
          this.receipt.notApplied.push({
            stepId: step.id,
            action: step.action,
            reason: this.entities.get(step.entity)?.nothingSent ?? "Nothing Keap's API can change was left to send",
          });
          progress('skipped');
          continue;
        }
        this.written.add(step.id);
        if (step.action === 'create') this.receipt.created++;
        else this.receipt.updated++;
        progress('done', { newId });
      } catch (err) {
        if (err instanceof KeapQuotaWaitError) {
          // Keap's quota ran out in the middle of this step (it needed more than its budget): nothing
          // more is sent for it now. Wait here, then run it again from the start: a step marked
          // pending is looked up in Keap first, as after a crash, and the lease is checked before
          // any write (it may have expired during the wait, and another apply taken the account).
          await this.pauseInStep(step, err);
          this.rerun.add(step.id);
          index--;
          continue;
        }
        if (!(err instanceof KeapError)) throw err;
        await this.fail(step, err.message);
        progress('failed', { message: err.message });
      }
    }
  }

  private async finish(): Promise<Receipt> {
    // One read of what changed since the apply started, of every entity it wrote, serves both ends:
    // the guard's last look (a run elsewhere that raced this one shows as a marker on two live
    // records) and verification (every record written, field by field).
    const writtenSteps = this.plan.steps.filter((s) => this.written.has(s.id) && !UNVERIFIED.has(s.entity));
    const entities = entitiesHolding(new Set(writtenSteps.map((s) => s.entity)));
    const changedSince = new Date(Date.parse(this.receipt.startedAt) - (this.options.guard?.skewMs ?? GUARD_SKEW_MS)).toISOString();
    const live = entities.length ? await this.options.readLive({ entities, changedSince }) : undefined;
    try {
      if (live)
        this.guard.observeRead(
          live,
          writtenSteps.map((s) => s.entity),
        );
      const mine = new Set(this.plan.steps.map((s) => `${s.entity}:${s.oldId}`));
      this.receipt.duplicates = this.guard.duplicates().filter((d) => mine.has(`${d.entity}:${d.oldId}`));
      if (live)
        await verifyWrites({
          plan: this.plan,
          snapshot: this.options.snapshot,
          live,
          readWhole: (entities) => this.options.readLive({ entities }),
          entities: this.entities,
          written: this.written,
          failedSteps: this.failedSteps,
          liveIdOfStep: (stepId) => this.resolved.get(stepId)!,
          mapRef: (entity, oldId) => this.liveIdOf(entity, oldId),
          verification: this.receipt.verification,
        });
    } finally {
      live?.close();
    }
    this.receipt.finishedAt = new Date().toISOString();
    this.receipt.requests = this.client.transport.requestCount - this.requestsBefore;
    return this.receipt;
  }

  // ------------------------------------------------------------------ one step

  /** Sends a step; `sent` is false when it turned out to have nothing to send. */
  private async execute(step: PlanStep): Promise<WriteResult> {
    const request = this.resolveRefs(step);
    if (step.action === 'update') return this.update(step, request.body);
    const create = this.entities.get(step.entity)?.create;
    if (!create) throw new ApplyStepError('not-applicable', `Cannot apply ${step.entity} steps (${step.liveId ?? step.oldId})`);
    return create(this, step, request);
  }

  /** A PATCH of the fields that differ and, for orders, of their items (update_mask names each). */
  private async update(step: PlanStep, body: Json): Promise<WriteResult> {
    const c = this.client;
    const id = step.liveId!;
    let sent = false;
    if (Object.keys(body).length) {
      const resource = this.entities.get(step.entity)?.updatable?.(c);
      if (!resource) throw new ApplyStepError('not-applicable', `Cannot update ${step.entity}`);
      await resource.update(id, body as never);
      sent = true;
    }
    // Items are patched one by one (an order's), each naming its fields in update_mask.
    if (step.itemPatches?.length) {
      const patchItems = this.entities.get(step.entity)?.patchItems;
      if (!patchItems) throw new ApplyStepError('not-applicable', `Cannot patch items of ${step.entity}`);
      await patchItems(this, step, id);
      sent = true;
    }
    return { id, sent };
  }

  /** `entity:liveId` -> the steps standing for that live record (kept beside `resolved` by resolveStep). */
  private readonly claims = new Map<string, Set<string>>();

  async paymentsBeforeCreate(liveOrderId: string): Promise<KeapOrderPayment[]> {
    return this.orderPayments.before(liveOrderId, () => this.upcomingPaymentOrders());
  }

  /** The live orders of the payments the plan sends next (a batch of payment checks reads them together). */
  private *upcomingPaymentOrders(): Generator<string> {
    const end = Math.min(this.plan.steps.length, this.stepIndex + 1 + PAYMENT_LOOKAHEAD_STEPS);
    for (let i = this.stepIndex + 1; i < end; i++) {
      const step = this.plan.steps[i];
      if (step.entity !== 'payments' || step.action !== 'create') continue;
      const order = step.refs?.find((r) => r.entity === 'orders');
      const liveId = order && this.liveIdOf('orders', order.oldId);
      if (liveId !== undefined) yield liveId;
    }
  }

  isClaimed(entity: RestoreEntity, liveId: string, exceptStepId: string): boolean {
    for (const stepId of this.claims.get(`${entity}:${liveId}`) ?? []) if (stepId !== exceptStepId) return true;
    return false;
  }

  /** Records the live id a step stands for, in `resolved` and in the index `isClaimed` reads. */
  private resolveStep(step: PlanStep, liveId: string): void {
    const before = this.resolved.get(step.id);
    if (before !== undefined) this.claims.get(`${step.entity}:${before}`)?.delete(step.id);
    this.resolved.set(step.id, liveId);
    const key = `${step.entity}:${liveId}`;
    const steps = this.claims.get(key) ?? new Set<string>();
    steps.add(step.id);
    this.claims.set(key, steps);
  }

  notePaymentRecorded(liveOrderId: string, payment: KeapOrderPayment): void {
    this.orderPayments.noteRecorded(liveOrderId, payment);
  }

  /**
   * What a create may already have made in live: by the restore marker where Keap can filter by
   * it, else by what identifies the record. Undefined means proven absent.
   */

  async find(step: PlanStep): Promise<string | undefined> {
    const request = this.resolveRefs(step);
    // An update's record exists whether or not the PATCH arrived: finding it proves nothing. Updates
    // are PATCHes of fields and of existing items, safe to send again, so a pending one is re-sent.
    if (step.action === 'update') return undefined;
    return this.entities.get(step.entity)?.find?.(this, step, request);
  }

  async byMarker(recordType: string, step: PlanStep, list: (f: string) => AsyncIterable<{ id: string }>): Promise<string | undefined> {
    let fieldName = this.markerFieldNames.get(recordType);
    if (!fieldName) {
      const model = await this.client.customFields.model(recordType as 'CONTACT');
      fieldName = model.custom_fields.find((f) => f.label === MARKER_LABEL)?.field_name;
      if (!fieldName) return undefined;
      this.markerFieldNames.set(recordType, fieldName);
    }
    for await (const r of list(filter(fieldName, '==', markerValue(step.oldId)))) return r.id;
    return undefined;
  }

  noteMarkerFieldName(recordType: string, fieldName: string): void {
    this.markerFieldNames.set(recordType, fieldName);
  }

  /** The step's body with snapshot ids replaced by live ones; `@name` refs become URL parameters. */
  private resolveRefs(step: PlanStep): ResolvedRequest {
    return resolveStepRequest(step, (ref) => this.requireLiveId(step, ref));
  }

  requireLiveId(step: PlanStep, ref: { entity: RestoreEntity; oldId: string }): string {
    const liveId = this.liveIdOf(ref.entity, ref.oldId);
    if (liveId === undefined)
      throw new ApplyStepError('parent-not-restored', `${step.id}: ${ref.entity} ${ref.oldId} has no id in the account yet`);
    return liveId;
  }

  /** The live id the plan knew for a reference (a record live when the plan was made). */
  private planLiveIdOf(ref: { entity: RestoreEntity; oldId: string } | undefined): string | undefined {
    if (!ref) return undefined;
    const step = this.byId.get(`${ref.entity}:${ref.oldId}`);
    return step ? step.liveId : ref.oldId;
  }

  /** The live id of the restore marker field of a record type (made by this plan, or found live). */
  private markerFieldId(recordType: string): string | undefined {
    return this.resolved.get(`custom_fields:marker:${recordType}`) ?? this.liveMarkerFields.get(recordType);
  }

  private liveIdOf(entity: RestoreEntity, oldId: string): string | undefined {
    const key = `${entity}:${oldId}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const step = this.byId.get(key);
    if (!step) return oldId; // not part of the plan: the live record under its own id
    return undefined;
  }

  private noteDone(step: PlanStep, newId: string | undefined): void {
    this.resolveStep(step, newId ?? step.liveId ?? step.oldId);
    if (
      newId &&
      newId !== step.oldId &&
      (step.action === 'create' || step.reason === 'linked-by-choice') &&
      step.entity !== 'contact_tags'
    ) {
      this.receipt.idMap.push({ entity: step.entity, oldId: step.oldId, newId });
    }
  }

  private async fail(step: PlanStep, message: string): Promise<void> {
    this.failedSteps.add(step.id);
    this.receipt.failed.push({ stepId: step.id, message });
    await this.ledger.failed(this.plan.planId, step, message);
  }
}
