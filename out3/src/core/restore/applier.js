"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_APPLY_RESERVE = exports.ApplyPausedError = exports.ApplyCancelledError = exports.ApplyStepError = exports.StalePlanError = void 0;
exports.applyPlan = applyPlan;
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
const counted_1 = require("../counted");
const errors_1 = require("../keap/errors");
const throttle_1 = require("../keap/throttle");
const filter_1 = require("../keap/filter");
const accountLease_1 = require("./accountLease");
const orderPayments_1 = require("./orderPayments");
const applyVerification_1 = require("./applyVerification");
const entities_1 = require("./entities");
const ledger_1 = require("./ledger");
const liveGuard_1 = require("./liveGuard");
const liveRead_1 = require("./liveRead");
const liveIndex_1 = require("./liveIndex");
const lock_1 = require("./lock");
const marker_1 = require("./marker");
const staleness_1 = require("./staleness");
const stepRequest_1 = require("./stepRequest");
const plan_1 = require("./plan");
const errors_2 = require("../errors");
var staleness_2 = require("./staleness");
Object.defineProperty(exports, "StalePlanError", { enumerable: true, get: function () { return staleness_2.StalePlanError; } });
/**
 * A step this plan cannot carry out: an entity Keap Vault cannot write (a plan edited by hand), or a
 * reference whose record has no live id yet.
 */
class ApplyStepError extends errors_2.KeapVaultError {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
exports.ApplyStepError = ApplyStepError;
/** The user cancelled between steps; the ledger is consistent and applying again continues. */
class ApplyCancelledError extends errors_2.KeapVaultError {
    kind = 'apply-cancelled';
}
exports.ApplyCancelledError = ApplyCancelledError;
/**
 * The apply stopped at a step boundary rather than wait for Keap's quota longer than it was allowed
 * to (`maxWaitMs`): nothing is in flight, the ledger holds every step done, and resuming continues
 * from the next step without sending anything twice.
 */
class ApplyPausedError extends errors_2.KeapVaultError {
    resumeAt;
    stepsLeft;
    waitingFor;
    kind = 'apply-paused';
    constructor(
    /** When Keap's quota allows requests again (its expiry header for the daily quota). */
    resumeAt, 
    /** Create and update steps not done yet. */
    stepsLeft, waitingFor = 'day') {
        super(`Paused until ${resumeAt.toISOString().replace('T', ' ').slice(0, 16)} UTC for Keap's ${waitingFor === 'day' ? 'daily quota' : 'quota'}, ${(0, counted_1.counted)(stepsLeft, 'step')} left; the ledger is consistent: resume to continue.`);
        this.resumeAt = resumeAt;
        this.stepsLeft = stepsLeft;
        this.waitingFor = waitingFor;
    }
}
exports.ApplyPausedError = ApplyPausedError;
/** Share of every quota window an apply leaves free for other traffic on the account, unless told. */
exports.DEFAULT_APPLY_RESERVE = 0.2;
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
async function applyPlan(options) {
    // The apply holds the client's throttle for as long as it runs: its reserve for other traffic, and
    // waits as long as the quota needs (or up to maxWaitMs, then a clean stop).
    const throttle = options.client.transport.throttle;
    const unhold = throttle.hold({ reserve: options.reserve ?? exports.DEFAULT_APPLY_RESERVE, maxWaitMs: options.maxWaitMs ?? Infinity });
    let applier;
    const unlisten = throttle.onWait((wait) => applier?.waited(wait));
    try {
        // This machine's lock first (every ledger and front end here), then the lease in Keap (every machine).
        const lock = await lock_1.ApplyLock.acquire(options.plan.account, options.plan.planId, {
            breakStale: options.breakLock,
            by: `apply of plan ${options.plan.planId}`,
        });
        try {
            const lease = await accountLease_1.AccountLease.acquire(options.client, { planId: options.plan.planId, breakStale: options.breakLock });
            try {
                const ledger = await ledger_1.Ledger.open(options.ledgerFile);
                try {
                    applier = new Applier(options, ledger, lease);
                    return await applier.run();
                }
                finally {
                    await ledger.checkpoint();
                    ledger.close();
                }
            }
            finally {
                // Leaving (done, stopped, cancelled during a pause): release the lease if the quota lets us
                // within a minute; an unreleased lease expires on its own.
                const unholdRelease = throttle.hold({ maxWaitMs: 60_000 });
                await lease.release().catch(() => undefined);
                unholdRelease();
            }
        }
        finally {
            await lock.release();
        }
    }
    catch (err) {
        // A request would have waited longer than allowed: stopped before sending it.
        if (err instanceof errors_1.KeapQuotaWaitError)
            throw new ApplyPausedError(err.retryAt, applier?.stepsLeft ?? workSteps(options).length, err.waitingFor);
        throw err;
    }
    finally {
        unlisten();
        unhold();
    }
}
/** The create and update steps the apply is asked to carry out. */
function workSteps(options) {
    return options.plan.steps.filter((s) => (s.action === 'create' || s.action === 'update') && (!options.only || options.only.has(s.id)));
}
class Applier {
    options;
    ledger;
    lease;
    client;
    /** Each entity's create, update, find and verification specifics. */
    entities = entities_1.RESTORABLE_ENTITIES;
    plan;
    byId;
    /** Old id -> live id, for every record the plan found in live or has made. */
    resolved = new Map();
    failedSteps = new Set();
    /** Steps whose write Keap confirmed in this run or an earlier one (verified at the end). */
    written = new Set();
    guard;
    liveMarkerFields = new Map();
    markerFieldNames = new Map();
    receipt;
    /** The guard's clock (tests move it): when a look at Keap was taken. */
    now;
    requestsBefore;
    workTotal;
    workDone = 0;
    /** Steps the quota interrupted in this run, to run again. */
    rerun = new Set();
    /** The step the loop is at (payment checks look ahead from it). */
    stepIndex = 0;
    orderPayments;
    constructor(options, ledger, lease) {
        this.options = options;
        this.ledger = ledger;
        this.lease = lease;
        this.client = options.client;
        this.plan = options.plan;
        this.byId = new Map(this.plan.steps.map((s) => [s.id, s]));
        this.requestsBefore = this.client.transport.requestCount;
        this.workTotal = workSteps(options).length;
        this.now = options.guard?.now ?? Date.now;
        this.orderPayments = new orderPayments_1.OrderPayments(this.client, { maxAgeMs: options.guard?.maxAgeMs ?? liveGuard_1.GUARD_MAX_AGE_MS, now: this.now });
        this.receipt = (0, plan_1.emptyReceipt)(this.plan.planId, new Date().toISOString());
    }
    /** Create and update steps not finished yet. */
    get stepsLeft() {
        return this.workTotal - this.workDone;
    }
    /** A wait the throttle starts inside a request (a minute's, or a daily pause in the middle of a step or a read). */
    waited(wait) {
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
    async pauseBetweenSteps(step) {
        const throttle = this.client.transport.throttle;
        for (;;) {
            const wait = throttle.waitFor((this.options.stepBudget ?? STEP_BUDGET) + (step.itemPatches?.length ?? 0));
            if (!wait)
                return;
            const long = wait.cause === 'day' || wait.ms >= PAUSE_MS;
            // Pacing by the shorter windows is request by request: what counts against maxWaitMs is the next request's wait.
            const next = long ? wait : throttle.waitFor(1);
            if (next && this.options.maxWaitMs !== undefined && next.ms > this.options.maxWaitMs)
                throw new ApplyPausedError(new Date(next.until), this.stepsLeft, next.cause);
            // A short wait is the throttle's to make, request by request.
            if (!long)
                return;
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
                await (0, throttle_1.sleep)(wait.ms, this.options.signal);
            }
            catch {
                throw new ApplyCancelledError('Apply cancelled during a pause for the quota; the ledger is consistent: resume to continue.');
            }
        }
    }
    /** The quota ran out in the middle of a step: wait for it (or stop, past maxWaitMs) before running the step again. */
    async pauseInStep(step, err) {
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
            await (0, throttle_1.sleep)(ms, this.options.signal);
        }
        catch {
            throw new ApplyCancelledError('Apply cancelled during a pause for the quota; the ledger is consistent: resume to continue.');
        }
    }
    async run() {
        const started = this.ledger.stepsOf(this.plan.planId);
        const readAt = new Date().toISOString();
        // Only what the plan relies on is read again: what else changed since the plan, the guard sees
        // through Keap's changed-since lists before each create.
        const entities = (0, liveRead_1.entitiesHolding)(new Set(this.plan.live.records.map((r) => r.entity)));
        const live = entities.length ? await this.options.readLive({ entities }) : undefined;
        try {
            const changed = live
                ? (0, staleness_1.liveChangesSince)(this.plan, live, started.map((s) => s.stepId))
                : [];
            if (changed.length)
                throw new staleness_1.StalePlanError(changed);
            const index = live && new liveIndex_1.LiveIndex(live);
            this.guard = new liveGuard_1.LiveGuard(this.client, this.plan.live.readAt, (type) => this.markerFieldId(type), this.options.guard);
            const creates = this.plan.steps.filter((s) => s.action === 'create');
            if (index && entities.includes('custom_fields'))
                this.liveMarkerFields = index.markerFieldIds;
            else
                await this.readFieldModels(creates);
            const orderContacts = new Set(creates
                .filter((s) => s.entity === 'orders')
                .map((s) => this.planLiveIdOf(s.refs?.find((r) => r.path === 'contact_id')))
                .filter((id) => !!id));
            if (index)
                this.guard.seed(index, readAt, creates.map((s) => s.entity).filter((e) => entities.includes(e)), orderContacts);
        }
        finally {
            live?.close();
        }
        for (const step of this.plan.steps)
            if (step.liveId && (step.action === 'skip' || step.action === 'update'))
                this.resolveStep(step, step.liveId);
        const total = this.plan.steps.length;
        // Inside a step, a long wait is not made in the middle of it (the lease could lapse between a
        // read and the write it proves safe): the request gives up, and the step waits and runs again.
        const inStepWaitMs = Math.min(IN_STEP_WAIT_MS, this.lease.ttl / 5);
        const unholdSteps = this.client.transport.throttle.hold({ maxWaitMs: Math.min(this.options.maxWaitMs ?? Infinity, inStepWaitMs) });
        try {
            await this.runSteps(total);
        }
        finally {
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
    async readFieldModels(creates) {
        const types = new Set();
        for (const step of creates) {
            if (step.entity === 'custom_fields' && step.recordType)
                types.add(step.recordType);
            else if (step.entity in marker_1.MARKER_RECORD_TYPES)
                types.add(marker_1.MARKER_RECORD_TYPES[step.entity]);
        }
        for (const type of types) {
            const readAt = this.now();
            const fields = (await this.client.customFields.model(type)).custom_fields;
            const marker = fields.find((f) => f.label === marker_1.MARKER_LABEL);
            if (marker)
                this.liveMarkerFields.set(type, marker.id);
            if (marker?.field_name)
                this.markerFieldNames.set(type, marker.field_name);
            this.guard.seedFieldModel(type, fields, readAt);
        }
    }
    async runSteps(total) {
        for (let index = 0; index < total; index++) {
            if (this.options.signal?.aborted)
                throw new ApplyCancelledError('Apply cancelled between steps; the ledger is consistent: resume to continue.');
            const step = this.plan.steps[index];
            this.stepIndex = index;
            const work = (step.action === 'create' || step.action === 'update') && (!this.options.only || this.options.only.has(step.id));
            const progress = (status, extra = {}) => {
                if (work)
                    this.workDone++;
                this.options.onProgress?.({ step, index, total, status, workDone: this.workDone, workTotal: this.workTotal, ...extra });
            };
            if (step.reason === 'linked-by-choice' && step.liveId && this.ledger.step(this.plan.planId, step.id)?.status !== 'done') {
                // The user said this live record is the snapshot's: the id map records it, so later plans know.
                await this.ledger.done(this.plan.planId, step, step.liveId);
                this.noteDone(step, step.liveId);
            }
            if (step.action !== 'create' && step.action !== 'update') {
                this.receipt.skipped++;
                if (step.action !== 'skip')
                    this.receipt.notApplied.push({ stepId: step.id, action: step.action, reason: step.detail });
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
                if (record.status === 'done')
                    this.written.add(step.id);
                progress('already-done', { newId: record.newId });
                continue;
            }
            const blockedBy = step.dependsOn.find((d) => this.failedSteps.has(d) || (['create', 'update'].includes(this.byId.get(d)?.action ?? '') && !this.resolved.has(d)));
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
                if (newId !== undefined && step.action === 'create')
                    this.guard.noteOwn(step.entity, newId);
                if (newId !== undefined && sent && step.action === 'create' && step.entity === 'orders')
                    this.orderPayments.noteCreatedOrder(newId);
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
                if (step.action === 'create')
                    this.receipt.created++;
                else
                    this.receipt.updated++;
                progress('done', { newId });
            }
            catch (err) {
                if (err instanceof errors_1.KeapQuotaWaitError) {
                    // Keap's quota ran out in the middle of this step (it needed more than its budget): nothing
                    // more is sent for it now. Wait here, then run it again from the start: a step marked
                    // pending is looked up in Keap first, as after a crash, and the lease is checked before
                    // any write (it may have expired during the wait, and another apply taken the account).
                    await this.pauseInStep(step, err);
                    this.rerun.add(step.id);
                    index--;
                    continue;
                }
                if (!(err instanceof errors_1.KeapError))
                    throw err;
                await this.fail(step, err.message);
                progress('failed', { message: err.message });
            }
        }
    }
    async finish() {
        // One read of what changed since the apply started, of every entity it wrote, serves both ends:
        // the guard's last look (a run elsewhere that raced this one shows as a marker on two live
        // records) and verification (every record written, field by field).
        const writtenSteps = this.plan.steps.filter((s) => this.written.has(s.id) && !applyVerification_1.UNVERIFIED.has(s.entity));
        const entities = (0, liveRead_1.entitiesHolding)(new Set(writtenSteps.map((s) => s.entity)));
        const changedSince = new Date(Date.parse(this.receipt.startedAt) - (this.options.guard?.skewMs ?? liveGuard_1.GUARD_SKEW_MS)).toISOString();
        const live = entities.length ? await this.options.readLive({ entities, changedSince }) : undefined;
        try {
            if (live)
                this.guard.observeRead(new liveIndex_1.LiveIndex(live), writtenSteps.map((s) => s.entity));
            const mine = new Set(this.plan.steps.map((s) => `${s.entity}:${s.oldId}`));
            this.receipt.duplicates = this.guard.duplicates().filter((d) => mine.has(`${d.entity}:${d.oldId}`));
            if (live)
                await (0, applyVerification_1.verifyWrites)({
                    plan: this.plan,
                    snapshot: this.options.snapshot,
                    live,
                    readWhole: (entities) => this.options.readLive({ entities }),
                    entities: this.entities,
                    written: this.written,
                    failedSteps: this.failedSteps,
                    liveIdOfStep: (stepId) => this.resolved.get(stepId),
                    mapRef: (entity, oldId) => this.liveIdOf(entity, oldId),
                    verification: this.receipt.verification,
                });
        }
        finally {
            live?.close();
        }
        this.receipt.finishedAt = new Date().toISOString();
        this.receipt.requests = this.client.transport.requestCount - this.requestsBefore;
        return this.receipt;
    }
    // ------------------------------------------------------------------ one step
    /** Sends a step; `sent` is false when it turned out to have nothing to send. */
    async execute(step) {
        const request = this.resolveRefs(step);
        if (step.action === 'update')
            return this.update(step, request.body);
        const create = this.entities.get(step.entity)?.create;
        if (!create)
            throw new ApplyStepError('not-applicable', `Cannot apply ${step.entity} steps (${step.liveId ?? step.oldId})`);
        return create(this, step, request);
    }
    /** A PATCH of the fields that differ and, for orders, of their items (update_mask names each). */
    async update(step, body) {
        const c = this.client;
        const id = step.liveId;
        let sent = false;
        if (Object.keys(body).length) {
            const resource = this.entities.get(step.entity)?.updatable?.(c);
            if (!resource)
                throw new ApplyStepError('not-applicable', `Cannot update ${step.entity}`);
            await resource.update(id, body);
            sent = true;
        }
        // Items are patched one by one (an order's), each naming its fields in update_mask.
        if (step.itemPatches?.length) {
            const patchItems = this.entities.get(step.entity)?.patchItems;
            if (!patchItems)
                throw new ApplyStepError('not-applicable', `Cannot patch items of ${step.entity}`);
            await patchItems(this, step, id);
            sent = true;
        }
        return { id, sent };
    }
    /** `entity:liveId` -> the steps standing for that live record (kept beside `resolved` by resolveStep). */
    claims = new Map();
    async paymentsBeforeCreate(liveOrderId) {
        return this.orderPayments.before(liveOrderId, () => this.upcomingPaymentOrders());
    }
    /** The live orders of the payments the plan sends next (a batch of payment checks reads them together). */
    *upcomingPaymentOrders() {
        const end = Math.min(this.plan.steps.length, this.stepIndex + 1 + PAYMENT_LOOKAHEAD_STEPS);
        for (let i = this.stepIndex + 1; i < end; i++) {
            const step = this.plan.steps[i];
            if (step.entity !== 'payments' || step.action !== 'create')
                continue;
            const order = step.refs?.find((r) => r.entity === 'orders');
            const liveId = order && this.liveIdOf('orders', order.oldId);
            if (liveId !== undefined)
                yield liveId;
        }
    }
    isClaimed(entity, liveId, exceptStepId) {
        for (const stepId of this.claims.get(`${entity}:${liveId}`) ?? [])
            if (stepId !== exceptStepId)
                return true;
        return false;
    }
    /** Records the live id a step stands for, in `resolved` and in the index `isClaimed` reads. */
    resolveStep(step, liveId) {
        const before = this.resolved.get(step.id);
        if (before !== undefined)
            this.claims.get(`${step.entity}:${before}`)?.delete(step.id);
        this.resolved.set(step.id, liveId);
        const key = `${step.entity}:${liveId}`;
        const steps = this.claims.get(key) ?? new Set();
        steps.add(step.id);
        this.claims.set(key, steps);
    }
    notePaymentRecorded(liveOrderId, payment) {
        this.orderPayments.noteRecorded(liveOrderId, payment);
    }
    /**
     * What a create may already have made in live: by the restore marker where Keap can filter by
     * it, else by what identifies the record. Undefined means proven absent.
     */
    async find(step) {
        const request = this.resolveRefs(step);
        // An update's record exists whether or not the PATCH arrived: finding it proves nothing. Updates
        // are PATCHes of fields and of existing items, safe to send again, so a pending one is re-sent.
        if (step.action === 'update')
            return undefined;
        return this.entities.get(step.entity)?.find?.(this, step, request);
    }
    async byMarker(recordType, step, list) {
        let fieldName = this.markerFieldNames.get(recordType);
        if (!fieldName) {
            const model = await this.client.customFields.model(recordType);
            fieldName = model.custom_fields.find((f) => f.label === marker_1.MARKER_LABEL)?.field_name;
            if (!fieldName)
                return undefined;
            this.markerFieldNames.set(recordType, fieldName);
        }
        for await (const r of list((0, filter_1.filter)(fieldName, '==', (0, marker_1.markerValue)(step.oldId))))
            return r.id;
        return undefined;
    }
    noteMarkerFieldName(recordType, fieldName) {
        this.markerFieldNames.set(recordType, fieldName);
    }
    /** The step's body with snapshot ids replaced by live ones; `@name` refs become URL parameters. */
    resolveRefs(step) {
        return (0, stepRequest_1.resolveStepRequest)(step, (ref) => this.requireLiveId(step, ref));
    }
    requireLiveId(step, ref) {
        const liveId = this.liveIdOf(ref.entity, ref.oldId);
        if (liveId === undefined)
            throw new ApplyStepError('parent-not-restored', `${step.id}: ${ref.entity} ${ref.oldId} has no id in the account yet`);
        return liveId;
    }
    /** The live id the plan knew for a reference (a record live when the plan was made). */
    planLiveIdOf(ref) {
        if (!ref)
            return undefined;
        const step = this.byId.get(`${ref.entity}:${ref.oldId}`);
        return step ? step.liveId : ref.oldId;
    }
    /** The live id of the restore marker field of a record type (made by this plan, or found live). */
    markerFieldId(recordType) {
        return this.resolved.get(`custom_fields:marker:${recordType}`) ?? this.liveMarkerFields.get(recordType);
    }
    liveIdOf(entity, oldId) {
        const key = `${entity}:${oldId}`;
        if (this.resolved.has(key))
            return this.resolved.get(key);
        const step = this.byId.get(key);
        if (!step)
            return oldId; // not part of the plan: the live record under its own id
        return undefined;
    }
    noteDone(step, newId) {
        this.resolveStep(step, newId ?? step.liveId ?? step.oldId);
        if (newId &&
            newId !== step.oldId &&
            (step.action === 'create' || step.reason === 'linked-by-choice') &&
            step.entity !== 'contact_tags') {
            this.receipt.idMap.push({ entity: step.entity, oldId: step.oldId, newId });
        }
    }
    async fail(step, message) {
        this.failedSteps.add(step.id);
        this.receipt.failed.push({ stepId: step.id, message });
        await this.ledger.failed(this.plan.planId, step, message);
    }
}
//# sourceMappingURL=applier.js.map