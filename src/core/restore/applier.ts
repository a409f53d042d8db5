/**
 * Apply: executes exactly a previewed plan, in order, within Keap's quota.
 *
 * Before writing it takes the account's lock, re-reads live and refuses a stale plan. Every create
 * or update is recorded in the ledger as pending (fsynced) before its request and as done (with
 * Keap's new id) after it. Resuming after a crash looks at pending steps first and finds out from
 * live whether the write happened (by the restore marker, or by what identifies the record) before
 * sending anything; a payment is never sent without first reading the order's payments.
 *
 * The ledger only knows this machine's runs, so before every create the live guard asks Keap
 * itself whether the record exists since the plan was made (another plan, ledger or machine
 * restored it, or someone re-entered it): the step then links to it or stops as a conflict. The
 * receipt counts only what Keap confirmed, and verification re-reads every record written and
 * compares every field a client can set with the snapshot.
 */
import type { KeapClient } from '../keap/client';
import { KeapError, KeapNotFoundError } from '../keap/errors';
import { filter } from '../keap/filter';
import type { KeapCustomField, KeapOrder, KeapPaymentResult } from '../model';
import type { SnapshotEntity } from '../snapshot/entities';
import { getRecord } from '../snapshot/query';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { comparableRecord, readNameOf } from './fields';
import { Ledger } from './ledger';
import { LiveGuard, type LiveGuardOptions } from './liveGuard';
import { LiveIndex } from './liveIndex';
import { AccountLease } from './accountLease';
import { ApplyLock } from './lock';
import { MARKER_LABEL, markerValue, paymentNoteMarker, RESTORE_NOTE_TAG } from './marker';
import { orderSignature, liveOrderSignature } from './orderSignature';
import { liveChangesSince, StalePlanError } from './staleness';
import { type PlanStep, type Receipt, type RestoreEntity, type RestorePlan } from './plan';

export type { Receipt } from './plan';

export { StalePlanError } from './staleness';

export class ApplyCancelledError extends Error {
  override readonly name = 'ApplyCancelledError';
}

export interface ApplyProgress {
  step: PlanStep;
  index: number;
  total: number;
  status: 'done' | 'skipped' | 'failed' | 'reconciled' | 'already-done' | 'linked' | 'conflict';
  newId?: string;
  message?: string;
}

export interface ApplyOptions {
  client: KeapClient;
  plan: RestorePlan;
  ledgerFile: string;
  /** Reads the live account fresh (stale check and verification). */
  readLive: () => Promise<SnapshotDb>;
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
}

type Json = Record<string, unknown>;

export async function applyPlan(options: ApplyOptions): Promise<Receipt> {
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
        return await new Applier(options, ledger, lease).run();
      } finally {
        await ledger.checkpoint();
        ledger.close();
      }
    } finally {
      await lease.release().catch(() => undefined); // an unreleased lease expires on its own
    }
  } finally {
    await lock.release();
  }
}

class Applier {
  private readonly client: KeapClient;
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
  private readonly requestsBefore: number;

  constructor(
    private readonly options: ApplyOptions,
    private readonly ledger: Ledger,
    private readonly lease: AccountLease,
  ) {
    this.client = options.client;
    this.plan = options.plan;
    this.byId = new Map(this.plan.steps.map((s) => [s.id, s]));
    this.requestsBefore = this.client.transport.requestCount;
    this.receipt = {
      planId: this.plan.planId,
      startedAt: new Date().toISOString(),
      finishedAt: '',
      created: 0,
      updated: 0,
      skipped: 0,
      reconciled: 0,
      linked: [],
      conflicts: [],
      duplicates: [],
      failed: [],
      notApplied: [],
      idMap: [],
      requests: 0,
      verification: { checked: 0, problems: [] },
    };
  }

  async run(): Promise<Receipt> {
    const started = this.ledger.stepsOf(this.plan.planId);
    const readAt = new Date().toISOString();
    const live = await this.options.readLive();
    try {
      const changed = liveChangesSince(
        this.plan,
        live,
        started.map((s) => s.stepId),
      );
      if (changed.length) throw new StalePlanError(changed);
      const index = new LiveIndex(live);
      this.liveMarkerFields = index.markerFieldIds;
      this.guard = new LiveGuard(this.client, this.plan.live.readAt, (type) => this.markerFieldId(type), this.options.guard);
      const creates = this.plan.steps.filter((s) => s.action === 'create');
      const orderContacts = new Set(
        creates
          .filter((s) => s.entity === 'orders')
          .map((s) => this.planLiveIdOf(s.refs?.find((r) => r.path === 'contact_id')))
          .filter((id): id is string => !!id),
      );
      this.guard.seed(
        index,
        readAt,
        creates.map((s) => s.entity),
        orderContacts,
      );
    } finally {
      live.close();
    }
    for (const step of this.plan.steps)
      if (step.liveId && (step.action === 'skip' || step.action === 'update')) this.resolved.set(step.id, step.liveId);

    const total = this.plan.steps.length;
    for (let index = 0; index < total; index++) {
      if (this.options.signal?.aborted)
        throw new ApplyCancelledError('Apply cancelled between steps; the ledger is consistent: resume to continue.');
      const step = this.plan.steps[index];
      const progress = (status: ApplyProgress['status'], extra: Partial<ApplyProgress> = {}) =>
        this.options.onProgress?.({ step, index, total, status, ...extra });
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
        if (record?.status === 'pending') {
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
        if (!sent) {
          this.receipt.skipped++;
          this.receipt.notApplied.push({
            stepId: step.id,
            action: step.action,
            reason:
              step.entity === 'contact_tags'
                ? 'Every contact already carried the tag'
                : step.entity === 'payments'
                  ? 'Already recorded on the order (its restore marker is in the note)'
                  : "Nothing Keap's API can change was left to send",
          });
          progress('skipped');
          continue;
        }
        this.written.add(step.id);
        if (step.action === 'create') this.receipt.created++;
        else this.receipt.updated++;
        progress('done', { newId });
      } catch (err) {
        if (!(err instanceof KeapError)) throw err;
        await this.fail(step, err.message);
        progress('failed', { message: err.message });
      }
    }
    // Look once more: a run elsewhere that raced this one shows as a marker on two live records.
    await this.guard.refreshAll(this.plan.steps.filter((s) => this.written.has(s.id) && s.action === 'create').map((s) => s.entity));
    const mine = new Set(this.plan.steps.map((s) => `${s.entity}:${s.oldId}`));
    this.receipt.duplicates = this.guard.duplicates().filter((d) => mine.has(`${d.entity}:${d.oldId}`));
    await this.verify();
    this.receipt.finishedAt = new Date().toISOString();
    this.receipt.requests = this.client.transport.requestCount - this.requestsBefore;
    return this.receipt;
  }

  // ------------------------------------------------------------------ one step

  /** Sends a step; `sent` is false when it turned out to have nothing to send. */
  private async execute(step: PlanStep): Promise<{ id: string | undefined; sent: boolean }> {
    const { body, params } = this.resolveRefs(step);
    const verify = () => this.find(step);
    const c = this.client;
    const live = step.liveId;
    const created = (id: string | undefined) => ({ id, sent: true });
    if (step.action === 'update') return this.update(step, body);
    switch (step.entity) {
      case 'custom_fields': {
        const field = await c.customFields.create(step.recordType as 'CONTACT', body as { label: string; field_type: string });
        if (step.oldId.startsWith('marker:') && field.field_name) this.markerFieldNames.set(step.recordType!, field.field_name);
        return created(field.id);
      }
      case 'tags':
        return created((await c.tags.create(body, { verify: idOf(verify) })).id);
      case 'companies':
        return created((await c.companies.create(body, { verify: idOf(verify) })).id);
      case 'contacts':
        return created((await c.contacts.create(body, { verify: idOf(verify) })).id);
      case 'products':
        return created((await c.products.create(body, { verify: idOf(verify) })).id);
      case 'subscription_plans':
        return created((await c.products.createPlan(params.product_id, body as never, idOf(verify))).id);
      case 'orders':
        return created((await c.orders.create(body as never, { verify: idOf(verify) })).id);
      case 'payments': {
        // Never blind: the order's payments are read first (a lost answer looks the same).
        const already = await this.find(step);
        if (already !== undefined) return { id: already, sent: false };
        const result = await c.orders.recordPayment(params.order_id, body as never, async () => {
          const id = await this.find(step);
          return id === undefined ? undefined : ({ id } as KeapPaymentResult);
        });
        return created(result.id);
      }
      case 'contact_tags': {
        // Keap answers 200 even when some contacts were not tagged: each contact's result counts.
        const results = await c.tags.apply(params.tag_id, body.contact_ids as string[]);
        const missing = Object.entries(results)
          .filter(([, r]) => r === 'CONTACT_NOT_FOUND')
          .map(([id]) => id);
        if (missing.length)
          throw new KeapNotFoundError(`Keap could not tag contact(s) ${missing.join(', ')} with tag ${params.tag_id}: not found`);
        return { id: params.tag_id, sent: Object.values(results).some((r) => r === 'SUCCESS') };
      }
      case 'subscriptions':
        return created((await c.subscriptions.create(body as never, { verify: idOf(verify) })).id);
      default:
        throw new Error(`Cannot apply ${step.entity} steps (${live ?? step.oldId})`);
    }
  }

  /** A PATCH of the fields that differ and, for orders, of their items (update_mask names each). */
  private async update(step: PlanStep, body: Json): Promise<{ id: string | undefined; sent: boolean }> {
    const c = this.client;
    const id = step.liveId!;
    let sent = false;
    if (Object.keys(body).length) {
      const resources = {
        tags: c.tags,
        companies: c.companies,
        contacts: c.contacts,
        products: c.products,
        orders: c.orders,
        subscriptions: c.subscriptions,
      } as const;
      const resource = resources[step.entity as keyof typeof resources];
      if (!resource) throw new Error(`Cannot update ${step.entity}`);
      await resource.update(id, body as never);
      sent = true;
    }
    for (const patch of step.itemPatches ?? []) {
      const patchBody = structuredClone(patch.body);
      for (const ref of patch.refs ?? []) setPath(patchBody, ref.path, this.requireLiveId(step, ref));
      await c.transport.request({
        method: 'PATCH',
        path: `/v2/orders/${id}/items/${patch.liveItemId}`,
        body: patchBody,
        query: { update_mask: Object.keys(patchBody) },
      });
      sent = true;
    }
    return { id, sent };
  }

  /**
   * What a create may already have made in live: by the restore marker where Keap can filter by
   * it, else by what identifies the record. Undefined means proven absent.
   */
  private async find(step: PlanStep): Promise<string | undefined> {
    const c = this.client;
    const { body, params } = this.resolveRefs(step);
    const first = async <T>(source: AsyncIterable<T>): Promise<T | undefined> => {
      for await (const item of source) return item;
      return undefined;
    };
    if (step.action === 'update') return step.liveId; // updates are idempotent: sending again is safe
    switch (step.entity) {
      case 'custom_fields': {
        const model = await c.customFields.model(step.recordType as 'CONTACT');
        const field = model.custom_fields.find((f: KeapCustomField) => f.label === body.label);
        if (field && step.oldId.startsWith('marker:') && field.field_name) this.markerFieldNames.set(step.recordType!, field.field_name);
        return field?.id;
      }
      case 'tags':
        return (await first(c.tags.list({ filter: filter('name', '==', String(body.name)) })))?.id;
      case 'companies':
        return (
          (await this.byMarker('COMPANY', step, (f) => c.companies.list({ filter: f }))) ??
          (await first(c.companies.list({ filter: filter('company_name', '==', String(body.company_name)) })))?.id
        );
      case 'contacts': {
        const marked = await this.byMarker('CONTACT', step, (f) => c.contacts.list({ filter: f }));
        const email = (body.email_addresses as Array<{ email: string }> | undefined)?.[0]?.email;
        return marked ?? (email ? (await first(c.contacts.list({ filter: filter('email', '==', email) })))?.id : undefined);
      }
      case 'products':
        return body.sku ? (await first(c.products.list({ filter: filter('sku', '==', String(body.sku)) })))?.id : undefined;
      case 'subscription_plans': {
        for await (const plan of c.products.plans(params.product_id)) {
          if (
            plan.cycle_type === body.cycle_type &&
            plan.frequency === body.frequency &&
            plan.plan_price?.amount === Math.round(Number(body.plan_price) * 100)
          )
            return plan.id;
        }
        return undefined;
      }
      case 'orders': {
        const marked = await this.byMarker('ORDER', step, (f) => c.orders.list({ filter: f }));
        if (marked) return marked;
        // No marker field to search by: the order's contact, date, items and total identify it.
        const want = orderSignature(body);
        const at = body.order_time ? Date.parse(String(body.order_time)) : NaN;
        for await (const order of c.orders.list({ filter: filter('contact_id', '==', String(body.contact_id)) })) {
          if (liveOrderSignature(order as unknown as Json) === want && (order.order_time ? Date.parse(order.order_time) : NaN) === at)
            return order.id;
        }
        return undefined;
      }
      case 'payments': {
        // The note's marker first; failing that (a note Keap trimmed or lost), the order, amount and date.
        const marker = markerValue(step.oldId);
        const cents = Math.round(Number(body.payment_amount) * 100);
        const at = body.payment_time ? Date.parse(String(body.payment_time)) : undefined;
        let byAmountAndDate: string | undefined;
        for await (const p of c.orders.payments(params.order_id)) {
          if (paymentNoteMarker(p.note) === step.oldId || p.note?.includes(marker)) return p.payment_id ?? p.id;
          const restoredOther = p.note?.includes(RESTORE_NOTE_TAG); // another step's payment, not this one
          if (
            !byAmountAndDate &&
            !restoredOther &&
            at !== undefined &&
            Math.round((p.amount ?? 0) * 100) === cents &&
            p.pay_time &&
            Date.parse(p.pay_time) === at
          ) {
            byAmountAndDate = p.payment_id ?? p.id;
          }
        }
        return byAmountAndDate;
      }
      case 'contact_tags': {
        // Applying again would be harmless, but live can say whether it is needed at all.
        const wanted = new Set(body.contact_ids as string[]);
        for await (const tagged of c.tags.contacts(params.tag_id)) wanted.delete(tagged.id);
        return wanted.size === 0 ? params.tag_id : undefined;
      }
      case 'subscriptions':
        return this.byMarker('SUBSCRIPTION', step, (f) => c.subscriptions.list({ filter: f }));
      default:
        return undefined;
    }
  }

  private async byMarker(
    recordType: string,
    step: PlanStep,
    list: (f: string) => AsyncIterable<{ id: string }>,
  ): Promise<string | undefined> {
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

  /** The step's body with snapshot ids replaced by live ones; `@name` refs become URL parameters. */
  private resolveRefs(step: PlanStep): { body: Json; params: Record<string, string> } {
    const body = structuredClone(step.payload ?? {}) as Json;
    const params: Record<string, string> = {};
    for (const ref of step.refs ?? []) {
      const liveId = this.requireLiveId(step, ref);
      if (ref.path.startsWith('@')) params[ref.path.slice(1)] = liveId;
      else setPath(body, ref.path, liveId);
    }
    return { body, params };
  }

  private requireLiveId(step: PlanStep, ref: { entity: RestoreEntity; oldId: string }): string {
    const liveId = this.liveIdOf(ref.entity, ref.oldId);
    if (liveId === undefined) throw new Error(`${step.id}: ${ref.entity} ${ref.oldId} has no id in the account yet`);
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
    const id = newId ?? step.liveId;
    if (id !== undefined) this.resolved.set(step.id, id);
    else this.resolved.set(step.id, step.oldId);
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

  // ------------------------------------------------------------------ verification

  /**
   * Re-reads the account and compares every record this plan wrote with the snapshot, field by
   * field through the id map: a created record in every field a client can set, an updated one in
   * the fields the update sent. Every difference is a problem the receipt reports.
   */
  private async verify(): Promise<void> {
    const snapshot = this.options.snapshot;
    const written = this.plan.steps.filter((s) => this.written.has(s.id) && s.entity !== 'custom_fields' && s.entity !== 'contact_tags');
    if (!snapshot || !written.length) return;
    const live = await this.options.readLive();
    try {
      const index = new LiveIndex(live);
      const mapRef = (e: string, id: string) => this.liveIdOf(e as RestoreEntity, id);
      for (const step of written) {
        const liveId = this.resolved.get(step.id)!;
        const want = getRecord<Json>(snapshot, step.entity as SnapshotEntity, step.oldId);
        const got = index.record<Json>(step.entity, liveId);
        this.receipt.verification.checked++;
        const name = `${step.entity} ${step.oldId}${liveId !== step.oldId ? ` -> ${liveId}` : ''}`;
        if (!got || !want) {
          this.receipt.verification.problems.push(`${name}: ${got ? 'not in the snapshot' : 'not found in the account'}`);
          continue;
        }
        const expected = comparableRecord(step.entity, want, mapRef);
        const actual = comparableRecord(step.entity, got, (_e, id) => id);
        for (const key of this.verifiedKeys(step, expected)) {
          if (key === 'order_items' && step.action === 'update') {
            this.verifyItemPatches(step, name, expected, got);
            continue;
          }
          if (JSON.stringify(expected[key]) !== JSON.stringify(actual[key])) {
            this.receipt.verification.problems.push(
              `${name}: ${key} is ${JSON.stringify(actual[key])}, the snapshot has ${JSON.stringify(expected[key])}`,
            );
          }
        }
        if (step.entity === 'orders' && step.action === 'create') this.verifyPaid(step, name, want as KeapOrder, got as KeapOrder);
      }
    } finally {
      live.close();
    }
  }

  /** A create is checked in every compared field; an update in those it sent. */
  private verifiedKeys(step: PlanStep, expected: Json): string[] {
    if (step.action === 'create') return Object.keys(expected);
    const keys = Object.keys(step.payload ?? {})
      .map((k) => readNameOf(step.entity, k))
      .filter((k): k is string => !!k);
    return step.itemPatches?.length ? [...keys, 'order_items'] : keys;
  }

  private verifyItemPatches(step: PlanStep, name: string, expected: Json, got: Json): void {
    const liveItems = (got.order_items as Json[] | undefined) ?? [];
    const want = (expected.order_items as Json[] | undefined) ?? [];
    for (const patch of step.itemPatches ?? []) {
      const at = liveItems.findIndex((i) => String(i.id) === patch.liveItemId);
      const actual =
        at >= 0 ? (comparableRecord(step.entity, { order_items: [liveItems[at]] }, (_e, id) => id).order_items as Json[])[0] : undefined;
      for (const key of Object.keys(patch.body)) {
        const field = readNameOf('order_items', key) ?? key;
        if (!actual || JSON.stringify(actual[field]) !== JSON.stringify(want[at]?.[field])) {
          this.receipt.verification.problems.push(
            `${name}: item ${patch.liveItemId} ${field} is ${JSON.stringify(actual?.[field])}, the snapshot has ${JSON.stringify(want[at]?.[field])}`,
          );
        }
      }
    }
  }

  private verifyPaid(step: PlanStep, name: string, want: KeapOrder, got: KeapOrder): void {
    const wantPaid = want.total_paid?.amount ?? 0;
    const gotPaid = got.total_paid?.amount ?? 0;
    const blockedPayments = this.plan.steps.some(
      (s) =>
        s.entity === 'payments' &&
        s.refs?.some((r) => r.entity === 'orders' && r.oldId === step.oldId) &&
        (s.action !== 'create' || this.failedSteps.has(s.id)),
    );
    if (wantPaid !== gotPaid && !blockedPayments)
      this.receipt.verification.problems.push(`${name}: paid ${gotPaid / 100}, the snapshot has ${wantPaid / 100}`);
  }
}

function idOf<T extends { id: string }>(find: () => Promise<string | undefined>): () => Promise<T | undefined> {
  return async () => {
    const id = await find();
    return id === undefined ? undefined : ({ id } as T);
  };
}

function setPath(target: Json, path: string, value: string): void {
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = /^\d+$/.test(parts[i]) ? Number(parts[i]) : parts[i];
    node = (node as Record<string | number, unknown>)[key] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  (node as Record<string | number, unknown>)[/^\d+$/.test(last) ? Number(last) : last] = value;
}
