/**
 * What an apply will cost, said before Apply: the requests it makes and the least time Keap's quota
 * allows for them. Counted from the plan's steps and what the apply does around them (see
 * applier.ts): one write per create or update (plus one per item patch); the payment checks (a
 * fresh read before each payment to an order that was live, batched reads for orders the apply
 * creates: orderPayments.ts); the stale check (a read of the entities holding what the plan relies
 * on) and verification (what changed since the apply started, of the entities it wrote); the
 * guard's looks at what changed (one list per watched entity every 30 s, a model per record type
 * for custom fields); and the lease in Keap.
 */
import { entitiesHolding } from './liveRead';
import { staleCheckEntities } from './staleness';
import { UNVERIFIED } from './applyVerification';
import type { CapturedEntity } from '../entities';
import { quotaBound } from '../keap/quotaBound';
import type { QuotaSituation, RateWindow } from '../keap/throttle';
import { GUARD_MAX_AGE_MS } from './liveGuard';
import { ORDER_PAYMENTS_BATCH } from './orderPayments';
import type { ApplyEstimate, PlanStep, RestorePlan } from './planTypes';

/** Taking the lease (a create and a list) and releasing it; each renewal (every third of its 10 minutes) costs two more. */
const LEASE_REQUESTS = 3;
const LEASE_RENEW_MS = 200_000;
const CUSTOM_FIELD_MODELS = 4;
const PAGE = 1000;
const DAY_MS = 86_400_000;

export interface EstimateInput {
  /** The live account's size per entity when the plan was made (what each live read lists). */
  liveCounts: Partial<Record<CapturedEntity, number>>;
  /** The quota in force for the credential (the client's limits, Keap's own once its headers named them). */
  windows: readonly RateWindow[];
  /** Only these steps (a selection in the preview); default every create and update. */
  only?: ReadonlySet<string>;
  /**
   * The pace the apply's client keeps: Keap's windows less the share left to other traffic, each
   * a little longer for safety (throttle.pacedLimits). Default: `windows` as they are.
   */
  pace?: readonly RateWindow[];
  /** The share of the quota the apply leaves to other traffic (said in the summary). */
  reserve?: number;
  /** The credential and what the client knows of the quota now (said in `quota`). */
  quota?: { credential: 'api-key' | 'oauth'; situation: QuotaSituation };
}

/**
 * `plan.steps` is read once, in order: a large plan's come one at a time from its spool or file
 * (planner.ts SpooledPlan.steps, planFile.ts readPlanSteps).
 */
export function estimateApply(plan: Pick<RestorePlan, 'live'> & { steps: Iterable<PlanStep> }, input: EstimateInput): ApplyEstimate {
  const { count: writeSteps, writes, writtenPer, watchedEntities, fieldModelTypes, payments } = writesOf(plan.steps, input.only);
  const pages = (e: CapturedEntity) =>
    e === 'custom_fields' ? CUSTOM_FIELD_MODELS : Math.max(1, Math.ceil((input.liveCounts[e] ?? 0) / PAGE));
  const staleEntities = plan.live ? staleCheckEntities(plan) : [];
  const staleRead = staleEntities.reduce((n, e) => n + pages(e), 0);
  // One read per entity holding written records, a page per PAGE of them.
  const writtenIn = new Map<string, number>();
  for (const [entity, count] of writtenPer) {
    const holder = entitiesHolding([entity])[0];
    if (holder) writtenIn.set(holder, (writtenIn.get(holder) ?? 0) + count);
  }
  const verifyRead = [...writtenIn.values()].reduce((n, count) => n + Math.max(1, Math.ceil(count / PAGE)), 0);
  const liveReads = writeSteps ? staleRead + verifyRead : 0;
  // The stale check's read seeds the guard: it looks first at what that read did not cover.
  const seeded = (e: string) => (staleEntities as readonly string[]).includes(e);
  const watched = watchedEntities.size;
  const firstLooks = [...watchedEntities].filter((e) => !seeded(e)).length;
  const fieldModels = seeded('custom_fields') ? 0 : fieldModelTypes.size;
  // The guard and the lease grow with the time the apply spends sending, which grows with them: two
  // rounds settle it. Sending time is the pace of the windows below a day (no looks while the daily
  // limit holds everything back).
  const pace = input.pace ?? input.windows;
  const sendingWindows = pace.filter((w) => w.windowMs < DAY_MS);
  let guard = 0;
  let paymentRereads = 0;
  let lease = writeSteps ? LEASE_REQUESTS : 0;
  let requests = writes + payments.checks + liveReads + guard + lease;
  for (let round = 0; round < 2 && writeSteps; round++) {
    const ms = quotaBound(requests, sendingWindows).ms;
    const looks = Math.floor(ms / GUARD_MAX_AGE_MS);
    guard = firstLooks + watched * looks + fieldModels;
    // A batched view of created orders' payments is read again once it is older than the guard's looks.
    paymentRereads = payments.batched ? Math.floor(quotaBound(payments.count, sendingWindows).ms / GUARD_MAX_AGE_MS) : 0;
    lease = LEASE_REQUESTS + 2 * Math.floor(ms / LEASE_RENEW_MS);
    requests = writes + payments.checks + paymentRereads + liveReads + guard + lease;
  }
  const bound = quotaBound(requests, pace);
  const binding = bound.binding && input.windows[pace.indexOf(bound.binding)];
  return {
    requests,
    parts: { writes, paymentChecks: payments.checks + paymentRereads, liveReads, guard, lease },
    windows: input.windows.map(({ limit, windowMs }) => ({ limit, windowMs })),
    ms: bound.ms,
    bindingWindowMs: binding?.windowMs ?? bound.binding?.windowMs,
    summary: summarize(requests, bound.ms, input.windows, pace, input.reserve ?? 0),
    quota: input.windows.length ? quotaInForce(input.windows, input.quota) : undefined,
  };
}

/** What an apply writes and watches, from the plan's create and update steps (those of `only`, if given), in one pass. */
function writesOf(steps: Iterable<PlanStep>, only: ReadonlySet<string> | undefined) {
  let count = 0;
  let writes = 0;
  const writtenPer = new Map<string, number>();
  const watchedEntities = new Set<string>();
  const fieldModelTypes = new Set<string | undefined>();
  const createdOrders = new Set<string>();
  const paymentOrders: Array<string | undefined> = [];
  for (const s of steps) {
    if ((s.action !== 'create' && s.action !== 'update') || (only && !only.has(s.id))) continue;
    count++;
    writes += 1 + (s.itemPatches?.length ?? 0);
    const verified = !UNVERIFIED.has(s.entity);
    if (verified) writtenPer.set(s.entity, (writtenPer.get(s.entity) ?? 0) + 1);
    if (s.action !== 'create') continue;
    if (verified) watchedEntities.add(s.entity);
    if (s.entity === 'custom_fields') fieldModelTypes.add(s.recordType);
    if (s.entity === 'orders') createdOrders.add(s.oldId);
    if (s.entity === 'payments') paymentOrders.push(s.refs?.find((r) => r.entity === 'orders')?.oldId);
  }
  return { count, writes, writtenPer, watchedEntities, fieldModelTypes, payments: paymentChecks(createdOrders, paymentOrders) };
}

/**
 * A payment is never sent blind: one read before each payment to an order that was live, and for
 * the orders the apply creates, one read per batch of them.
 */
function paymentChecks(
  createdOrders: ReadonlySet<string>,
  paymentOrders: ReadonlyArray<string | undefined>,
): { checks: number; batched: number; count: number } {
  const batchedOrders = new Set<string>();
  let live = 0;
  for (const order of paymentOrders) {
    if (order !== undefined && createdOrders.has(order)) batchedOrders.add(order);
    else live++;
  }
  const batched = Math.ceil(batchedOrders.size / ORDER_PAYMENTS_BATCH);
  return { checks: live + batched, batched, count: paymentOrders.length };
}

/**
 * "about 118,000 requests: 8 h 12 min at 240 a minute, then the daily limit of 30,000 binds: about
 * 4 days". The minute limit is what a user feels; the day limit, when it binds, is what they plan for.
 */
function summarize(requests: number, ms: number, windows: readonly RateWindow[], pace: readonly RateWindow[], reserve: number): string {
  const count = `about ${requests.toLocaleString('en-US')} request${requests === 1 ? '' : 's'}`;
  if (!requests) return 'nothing to send';
  const minute = windows.find((w) => w.windowMs === 60_000);
  const day = windows.find((w) => w.windowMs === 86_400_000);
  if (!windows.length) return `${count}; no quota is known for this connection`;
  const left = reserve > 0 ? `, leaving ${Math.round(reserve * 100)}% of it to other traffic` : '';
  if (day && requests > day.limit - Math.floor(day.limit * reserve)) {
    const atMinute = quotaBound(
      requests,
      pace.filter((w) => w.windowMs < DAY_MS),
    ).ms;
    return `${count}: ${duration(atMinute)}${minute ? ` at ${minute.limit.toLocaleString('en-US')} a minute` : ''}${left}, then the daily limit of ${day.limit.toLocaleString('en-US')} binds: about ${duration(ms)}`;
  }
  return `${count}: ${duration(ms)}${minute ? ` at Keap's ${minute.limit.toLocaleString('en-US')} a minute` : ''}${left}`;
}

/**
 * "Keap's quota for this personal access token or service account key: 10 a second, 240 a minute,
 * 30,000 a day, as Keap's headers said; 29,512 left today, until 00:00 UTC; 37 requests by other
 * traffic seen on the account".
 */
export function quotaInForce(windows: readonly RateWindow[], known?: EstimateInput['quota']): string {
  const per: Record<number, string> = { 1000: 'a second', 60_000: 'a minute', 3_600_000: 'an hour', 86_400_000: 'a day' };
  const limits = [...windows]
    .sort((a, b) => a.windowMs - b.windowMs)
    .map((w) => `${w.limit.toLocaleString('en-US')} ${per[w.windowMs] ?? `per ${w.windowMs / 1000} s`}`);
  const who = !known
    ? 'this credential'
    : known.credential === 'oauth'
      ? 'this OAuth connection'
      : 'this personal access token or service account key';
  const parts = [
    `Keap's quota for ${who}: ${limits.join(', ') || 'none known'}${known ? (known.situation.fromKeap ? ", as Keap's headers said" : ' (the defaults: Keap has not said yet)') : ''}`,
  ];
  const today = known?.situation.today;
  if (today) parts.push(`${today.available.toLocaleString('en-US')} left today, until ${utcTime(today.resetAt)} UTC`);
  if (known?.situation.othersSeen)
    parts.push(
      `${known.situation.othersSeen.toLocaleString('en-US')} request${known.situation.othersSeen === 1 ? '' : 's'} by other traffic seen on the account`,
    );
  return parts.join('; ');
}

function utcTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** 45 s, 5 min 10 s, 8 h 12 min, 3 days 4 h. */
export function duration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h${m % 60 ? ` ${m % 60} min` : ''}`;
  const d = Math.floor(h / 24);
  return `${d} day${d === 1 ? '' : 's'}${h % 24 ? ` ${h % 24} h` : ''}`;
}
