/**
 * What an apply will cost, said before Apply: the requests it makes and the least time Keap's quota
 * allows for them. Counted from the plan's steps and what the apply does around them (see
 * applier.ts): one write per create or update (plus one per item patch), a read of the order's
 * payments before a payment (once per order the apply creates), two live reads (the stale check and verification), the guard's
 * looks at what changed (one list per watched entity every 30 s), and the lease in Keap.
 */
import type { CapturedEntity } from '../entities';
import { quotaBound } from '../keap/quotaBound';
import type { RateWindow } from '../keap/throttle';
import { RESTORE_LIVE_ENTITIES } from './liveRead';
import type { ApplyEstimate, RestorePlan } from './planTypes';

/** How often the live guard looks at an entity again (liveGuard.ts, maxAgeMs). */
const GUARD_LOOK_MS = 30_000;
/** Taking and releasing the lease; each renewal (every third of its 10 minutes) costs two more. */
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
}

export function estimateApply(plan: RestorePlan, input: EstimateInput): ApplyEstimate {
  const steps = plan.steps.filter((s) => (s.action === 'create' || s.action === 'update') && (!input.only || input.only.has(s.id)));
  const writes = steps.reduce((n, s) => n + 1 + (s.itemPatches?.length ?? 0), 0);
  // A payment is never sent blind: its order's payments are read first, once for an order this apply
  // creates (then known from what it records), every time for an order that was already live.
  const createdOrders = new Set(steps.filter((s) => s.action === 'create' && s.entity === 'orders').map((s) => s.oldId));
  const ordersRead = new Set<string>();
  let paymentChecks = 0;
  for (const s of steps) {
    if (s.action !== 'create' || s.entity !== 'payments') continue;
    const order = s.refs?.find((r) => r.entity === 'orders')?.oldId;
    if (order === undefined || !createdOrders.has(order)) paymentChecks++;
    else if (!ordersRead.has(order)) {
      ordersRead.add(order);
      paymentChecks++;
    }
  }
  const oneLiveRead = RESTORE_LIVE_ENTITIES.reduce(
    (n, e) => n + (e === 'custom_fields' ? CUSTOM_FIELD_MODELS : Math.max(1, Math.ceil((input.liveCounts[e] ?? 0) / PAGE))),
    0,
  );
  const liveReads = steps.length ? 2 * oneLiveRead : 0;
  const watched = new Set(steps.filter((s) => s.action === 'create').map((s) => s.entity)).size;
  // The guard and the lease grow with the time the apply spends sending, which grows with them: two
  // rounds settle it. Sending time is the pace of the windows below a day (no looks while the daily
  // limit holds everything back).
  const sendingWindows = input.windows.filter((w) => w.windowMs < DAY_MS);
  let guard = 0;
  let lease = steps.length ? LEASE_REQUESTS : 0;
  let requests = writes + paymentChecks + liveReads + guard + lease;
  for (let round = 0; round < 2 && steps.length; round++) {
    const ms = quotaBound(requests, sendingWindows).ms;
    guard = watched * (1 + Math.floor(ms / GUARD_LOOK_MS));
    lease = LEASE_REQUESTS + 2 * Math.floor(ms / LEASE_RENEW_MS);
    requests = writes + paymentChecks + liveReads + guard + lease;
  }
  const bound = quotaBound(requests, input.windows);
  return {
    requests,
    parts: { writes, paymentChecks, liveReads, guard, lease },
    windows: input.windows.map(({ limit, windowMs }) => ({ limit, windowMs })),
    ms: bound.ms,
    bindingWindowMs: bound.binding?.windowMs,
    summary: summarize(requests, bound.ms, input.windows),
  };
}

/**
 * "about 118,000 requests: 8 h 12 min at 240 a minute, then the daily limit of 30,000 binds: about
 * 4 days". The minute limit is what a user feels; the day limit, when it binds, is what they plan for.
 */
function summarize(requests: number, ms: number, windows: readonly RateWindow[]): string {
  const count = `about ${requests.toLocaleString('en-US')} request${requests === 1 ? '' : 's'}`;
  if (!requests) return 'nothing to send';
  const minute = windows.find((w) => w.windowMs === 60_000);
  const day = windows.find((w) => w.windowMs === 86_400_000);
  if (!windows.length) return `${count}; no quota is known for this connection`;
  if (day && requests > day.limit) {
    const atMinute = quotaBound(
      requests,
      windows.filter((w) => w.windowMs < day.windowMs),
    ).ms;
    return `${count}: ${duration(atMinute)}${minute ? ` at ${minute.limit.toLocaleString('en-US')} a minute` : ''}, then the daily limit of ${day.limit.toLocaleString('en-US')} binds: about ${duration(ms)}`;
  }
  return `${count}: ${duration(ms)}${minute ? ` at Keap's ${minute.limit.toLocaleString('en-US')} a minute` : ''}`;
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
