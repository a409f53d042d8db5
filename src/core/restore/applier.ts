/**
 * Apply: executes exactly a previewed plan, in order, within Keap's quota.
 *
 * Before writing it re-reads live and refuses a stale plan. Every create or update is recorded in
 * the ledger as pending (fsynced) before its request and as done (with Keap's new id) after it.
 * Resuming after a crash looks at pending steps first and finds out from live whether the write
 * happened (by the restore marker, or by what identifies the record) before sending anything; a
 * create whose answer was lost is therefore never sent twice, and a payment never at all without
 * first reading the order's payments. A finished plan applied again changes nothing.
 */
import type { KeapClient } from '../keap/client';
import { KeapError } from '../keap/errors';
import { filter } from '../keap/filter';
import type { KeapCustomField, KeapOrder, KeapPaymentResult } from '../model';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { Ledger } from './ledger';
import { LiveIndex } from './liveIndex';
import { ApplyLock } from './lock';
import { liveChangesSince, StalePlanError } from './staleness';
import { comparable, MARKER_LABEL, markerValue, RESTORE_NOTE_TAG } from './payloads';
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
  status: 'done' | 'skipped' | 'failed' | 'reconciled' | 'already-done';
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
}


type Json = Record<string, unknown>;

export async function applyPlan(options: ApplyOptions): Promise<Receipt> {
  const lock = await ApplyLock.acquire(options.ledgerFile, options.plan.planId, { breakStale: options.breakLock });
  try {
    const ledger = await Ledger.open(options.ledgerFile);
    try {
      return await new Applier(options, ledger).run();
    } finally {
      await ledger.checkpoint();
      ledger.close();
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
  private readonly markerFieldNames = new Map<string, string>();
  private readonly receipt: Receipt;
  private readonly requestsBefore: number;

  constructor(private readonly options: ApplyOptions, private readonly ledger: Ledger) {
    this.client = options.client;
    this.plan = options.plan;
    this.byId = new Map(this.plan.steps.map((s) => [s.id, s]));
    this.requestsBefore = this.client.transport.requestCount;
    this.receipt = {
      planId: this.plan.planId, startedAt: new Date().toISOString(), finishedAt: '', created: 0, updated: 0, skipped: 0, reconciled: 0,
      failed: [], notApplied: [], idMap: [], requests: 0, verification: { checked: 0, problems: [] },
    };
  }

  async run(): Promise<Receipt> {
    const started = this.ledger.stepsOf(this.plan.planId);
    const live = await this.options.readLive();
    try {
      const changed = liveChangesSince(this.plan, live, started.map((s) => s.stepId));
      if (changed.length) throw new StalePlanError(changed);
    } finally {
      live.close();
    }
    for (const step of this.plan.steps) if (step.liveId && (step.action === 'skip' || step.action === 'update')) this.resolved.set(step.id, step.liveId);

    const total = this.plan.steps.length;
    for (let index = 0; index < total; index++) {
      if (this.options.signal?.aborted) throw new ApplyCancelledError('Apply cancelled between steps; the ledger is consistent: resume to continue.');
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
      if (record?.status === 'done') {
        this.noteDone(step, record.newId);
        progress('already-done', { newId: record.newId });
        continue;
      }
      const blockedBy = step.dependsOn.find((d) => this.failedSteps.has(d) || (this.byId.get(d)?.action === 'create' && !this.resolved.has(d)));
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
            this.receipt.reconciled++;
            progress('reconciled', { newId: found });
            continue;
          }
        }
        await this.ledger.pending(this.plan.planId, step);
        const newId = await this.execute(step);
        await this.ledger.done(this.plan.planId, step, newId);
        this.noteDone(step, newId);
        if (step.action === 'create') this.receipt.created++;
        else this.receipt.updated++;
        progress('done', { newId });
      } catch (err) {
        if (!(err instanceof KeapError)) throw err;
        await this.fail(step, err.message);
        progress('failed', { message: err.message });
      }
    }
    await this.verify();
    this.receipt.finishedAt = new Date().toISOString();
    this.receipt.requests = this.client.transport.requestCount - this.requestsBefore;
    return this.receipt;
  }

  // ------------------------------------------------------------------ one step

  private async execute(step: PlanStep): Promise<string | undefined> {
    const { body, params } = this.resolveRefs(step);
    const verify = () => this.find(step);
    const c = this.client;
    const live = step.liveId;
    switch (step.entity) {
      case 'custom_fields': {
        const field = await c.customFields.create(step.recordType as 'CONTACT', body as { label: string; field_type: string });
        if (step.oldId.startsWith('marker:') && field.field_name) this.markerFieldNames.set(step.recordType!, field.field_name);
        return field.id;
      }
      case 'tags':
        return step.action === 'create' ? (await c.tags.create(body, { verify: idOf(verify) })).id : (await c.tags.update(live!, body)).id;
      case 'companies':
        return step.action === 'create' ? (await c.companies.create(body, { verify: idOf(verify) })).id : (await c.companies.update(live!, body)).id;
      case 'contacts':
        return step.action === 'create' ? (await c.contacts.create(body, { verify: idOf(verify) })).id : (await c.contacts.update(live!, body)).id;
      case 'products':
        return step.action === 'create' ? (await c.products.create(body, { verify: idOf(verify) })).id : (await c.products.update(live!, body)).id;
      case 'subscription_plans':
        return (await c.products.createPlan(params.product_id, body as never, idOf(verify))).id;
      case 'orders': {
        if (step.action === 'create') return (await c.orders.create(body as never, { verify: idOf(verify) })).id;
        if (Object.keys(body).length) await c.orders.update(live!, body);
        for (const patch of step.itemPatches ?? []) {
          await c.transport.request({ method: 'PATCH', path: `/v2/orders/${live}/items/${patch.liveItemId}`, body: patch.body, query: { update_mask: Object.keys(patch.body) } });
        }
        return live;
      }
      case 'payments': {
        // Never blind: the order's payments are read first (a lost answer looks the same).
        const already = await this.find(step);
        if (already !== undefined) return already;
        const result = await c.orders.recordPayment(params.order_id, body as never, async () => {
          const id = await this.find(step);
          return id === undefined ? undefined : ({ id } as KeapPaymentResult);
        });
        return result.id;
      }
      case 'contact_tags':
        await c.tags.apply(params.tag_id, body.contact_ids as string[]);
        return params.tag_id;
      case 'subscriptions':
        return (await c.subscriptions.create(body as never, { verify: idOf(verify) })).id;
      default:
        throw new Error(`Cannot apply ${step.entity} steps`);
    }
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
        return (await this.byMarker('COMPANY', step, (f) => c.companies.list({ filter: f })))
          ?? (await first(c.companies.list({ filter: filter('company_name', '==', String(body.company_name)) })))?.id;
      case 'contacts': {
        const marked = await this.byMarker('CONTACT', step, (f) => c.contacts.list({ filter: f }));
        const email = (body.email_addresses as Array<{ email: string }> | undefined)?.[0]?.email;
        return marked ?? (email ? (await first(c.contacts.list({ filter: filter('email', '==', email) })))?.id : undefined);
      }
      case 'products':
        return body.sku ? (await first(c.products.list({ filter: filter('sku', '==', String(body.sku)) })))?.id : undefined;
      case 'subscription_plans': {
        for await (const plan of c.products.plans(params.product_id)) {
          if (plan.cycle_type === body.cycle_type && plan.frequency === body.frequency && plan.plan_price?.amount === Math.round(Number(body.plan_price) * 100)) return plan.id;
        }
        return undefined;
      }
      case 'orders': {
        const marked = await this.byMarker('ORDER', step, (f) => c.orders.list({ filter: f }));
        if (marked) return marked;
        // No marker field to search by: the order's contact, date, items and total identify it.
        const want = JSON.stringify(comparableCreate(body));
        for await (const order of c.orders.list({ filter: filter('contact_id', '==', String(body.contact_id)) })) {
          if (JSON.stringify(comparable('orders', order, (_e, id) => id)) === want) return order.id;
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
          if (p.note?.includes(marker)) return p.payment_id ?? p.id;
          const restoredOther = p.note?.includes(RESTORE_NOTE_TAG); // another step's payment, not this one
          if (!byAmountAndDate && !restoredOther && at !== undefined && Math.round((p.amount ?? 0) * 100) === cents && p.pay_time && Date.parse(p.pay_time) === at) {
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

  private async byMarker(recordType: string, step: PlanStep, list: (f: string) => AsyncIterable<{ id: string }>): Promise<string | undefined> {
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
      const liveId = this.liveIdOf(ref.entity, ref.oldId);
      if (liveId === undefined) throw new Error(`${step.id}: ${ref.entity} ${ref.oldId} has no id in the account yet`);
      if (ref.path.startsWith('@')) params[ref.path.slice(1)] = liveId;
      else setPath(body, ref.path, liveId);
    }
    return { body, params };
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
    if (newId && newId !== step.oldId && (step.action === 'create' || step.reason === 'linked-by-choice') && step.entity !== 'contact_tags') {
      this.receipt.idMap.push({ entity: step.entity, oldId: step.oldId, newId });
    }
  }

  private async fail(step: PlanStep, message: string): Promise<void> {
    this.failedSteps.add(step.id);
    this.receipt.failed.push({ stepId: step.id, message });
    await this.ledger.failed(this.plan.planId, step, message);
  }

  // ------------------------------------------------------------------ verification

  /** Re-reads what was written: every created order has the snapshot's items, total and payments. */
  private async verify(): Promise<void> {
    const snapshot = this.options.snapshot;
    const created = this.plan.steps.filter((s) => s.entity === 'orders' && s.action === 'create' && this.resolved.has(s.id));
    if (!snapshot || !created.length) return;
    const live = await this.options.readLive();
    try {
      const index = new LiveIndex(live);
      for (const step of created) {
        const newId = this.resolved.get(step.id)!;
        const want = JSON.parse(String(snapshot.scalar('SELECT json FROM orders WHERE id = ? LIMIT 1', [step.oldId]))) as KeapOrder;
        const got = index.record<KeapOrder>('orders', newId);
        this.receipt.verification.checked++;
        if (!got) {
          this.receipt.verification.problems.push(`order ${step.oldId} -> ${newId}: not found in the account`);
          continue;
        }
        const mapped = comparable('orders', want, (e, id) => this.liveIdOf(e as RestoreEntity, id));
        const actual = comparable('orders', got, (_e, id) => id);
        for (const key of Object.keys(mapped)) {
          if (JSON.stringify(mapped[key]) !== JSON.stringify(actual[key])) {
            this.receipt.verification.problems.push(`order ${step.oldId} -> ${newId}: ${key} is ${JSON.stringify(actual[key])}, the snapshot has ${JSON.stringify(mapped[key])}`);
          }
        }
        const wantPaid = want.total_paid?.amount ?? 0;
        const gotPaid = got.total_paid?.amount ?? 0;
        const blockedPayments = this.plan.steps.some((s) => s.entity === 'payments' && s.refs?.some((r) => r.entity === 'orders' && r.oldId === step.oldId) && (s.action !== 'create' || this.failedSteps.has(s.id)));
        if (wantPaid !== gotPaid && !blockedPayments) {
          this.receipt.verification.problems.push(`order ${step.oldId} -> ${newId}: paid ${gotPaid / 100}, the snapshot has ${wantPaid / 100}`);
        }
      }
    } finally {
      live.close();
    }
  }
}

/** An order create body seen the way `comparable` sees a live order. */
function comparableCreate(body: Json): Json {
  const items = (body.order_items as Json[] | undefined) ?? [];
  return {
    title: body.order_title ?? null, order_type: body.order_type ?? null, order_time: body.order_time ? new Date(String(body.order_time)).toISOString() : null,
    contact: body.contact_id ?? null,
    items: items.map((i) => [i.product_id ?? null, i.quantity ?? 1, Math.round(Number(i.price_per_unit ?? 0) * 100)]),
    total: items.reduce((sum, i) => sum + Number(i.quantity ?? 1) * Math.round(Number(i.price_per_unit ?? 0) * 100), 0),
  };
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


