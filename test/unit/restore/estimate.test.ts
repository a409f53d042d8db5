/**
 * The estimate before Apply: the requests an apply makes and the least time Keap's quota allows
 * (one function for that minimum, shared with the benches).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { quotaBound } from '../../../src/core/keap/quotaBound';
import { KEAP_PAT_WINDOWS, RequestThrottle } from '../../../src/core/keap/throttle';
import { duration, estimateApply } from '../../../src/core/restore/estimate';
import { readPlanFile } from '../../../src/core/restore/planFile';
import type { PlanStep, RestorePlan } from '../../../src/core/restore/plan';
import { applyRestorePlan } from '../../../src/core/usecases/applyRestore';
import { planRestoreFromSnapshot } from '../../../src/core/usecases/planRestore';
import { applyDisaster } from '../../../src/emulator/disasters';
import { closeTestAccounts } from '../support/emulator';
import { accountWithSnapshot } from './support';

const MINUTE = 60_000;
const DAY = 86_400_000;

function planOf(creates: number): RestorePlan {
  const steps = Array.from({ length: creates }, (_, i): PlanStep => ({
    id: `contacts:${i}`,
    entity: 'contacts',
    oldId: String(i),
    action: 'create',
    reason: 'missing-in-live',
    detail: '',
    label: `Contact ${i}`,
    dependsOn: [],
  }));
  return { steps } as unknown as RestorePlan;
}

describe('Restore: the estimate before Apply', function () {
  this.timeout(120_000);
  after(closeTestAccounts);

  it('the quota-bound minimum: the largest window overflowed decides, the smaller ones pace what is left', () => {
    assert.equal(quotaBound(10, KEAP_PAT_WINDOWS).ms, 0, 'a burst of 10 goes at once');
    assert.equal(quotaBound(11, KEAP_PAT_WINDOWS).ms, 1000);
    assert.equal(quotaBound(240, KEAP_PAT_WINDOWS).ms, 23_000, '240 requests: 24 seconds of 10, inside the first minute');
    assert.equal(quotaBound(241, KEAP_PAT_WINDOWS).ms, MINUTE);
    assert.equal(quotaBound(50_000, KEAP_PAT_WINDOWS).ms, DAY + quotaBound(20_000, KEAP_PAT_WINDOWS).ms, 'a day, then 20,000 more');
    assert.equal(quotaBound(50_000, KEAP_PAT_WINDOWS).binding?.windowMs, DAY);
    const twoMinuteLimits = [
      { limit: 240, windowMs: MINUTE },
      { limit: 120, windowMs: MINUTE },
    ];
    assert.equal(quotaBound(121, twoMinuteLimits).ms, MINUTE, "Keap's product and tenant limits: the lower binds");
  });

  it('says when the daily limit binds, in days, and otherwise the time at the minute limit', () => {
    const big = estimateApply(planOf(118_000), { liveCounts: {}, windows: KEAP_PAT_WINDOWS });
    assert.match(
      big.summary,
      /^about 1\d\d,\d{3} requests: \d+ h \d+ min at 240 a minute, then the daily limit of 30,000 binds: about 3 days \d+ h$/,
    );
    assert.equal(big.bindingWindowMs, DAY);
    const small = estimateApply(planOf(100), { liveCounts: { contacts: 2500 }, windows: KEAP_PAT_WINDOWS });
    assert.match(small.summary, /^about 1\d\d requests: \d+ s at Keap's 240 a minute$/);
    assert.equal(estimateApply(planOf(0), { liveCounts: {}, windows: KEAP_PAT_WINDOWS }).summary, 'nothing to send');
    assert.equal(duration(8 * 3_600_000 + 12 * MINUTE), '8 h 12 min');
  });

  it("is timed at the pace the apply keeps: Keap's limits less the share left to other traffic, each window with the client's margin", () => {
    const throttle = new RequestThrottle({ windows: KEAP_PAT_WINDOWS, maxConcurrent: 4, marginMs: 100 });
    const whole = estimateApply(planOf(2000), { liveCounts: {}, windows: KEAP_PAT_WINDOWS });
    const paced = estimateApply(planOf(2000), { liveCounts: {}, windows: KEAP_PAT_WINDOWS, pace: throttle.pacedLimits(0.2), reserve: 0.2 });
    assert.equal(paced.parts.writes, whole.parts.writes);
    assert.ok(paced.requests >= whole.requests, 'a slower apply looks at Keap as often per minute, so a little more');
    // 192 a minute instead of 240, minutes of 60.1 s: a quarter longer and a little more.
    const perRequest = (e: typeof whole) => e.ms / e.requests;
    assert.ok(perRequest(paced) > perRequest(whole) * 1.25 && perRequest(paced) < perRequest(whole) * 1.27, `${paced.ms} vs ${whole.ms}`);
    assert.match(paced.summary, /^about 2,\d{3} requests: \d+ min( \d+ s)? at Keap's 240 a minute, leaving 20% of it to other traffic$/);
  });

  it("names the quota it was estimated under: the credential, whether Keap's headers said it, what is left today, other traffic seen", () => {
    const reset = Date.parse('2026-12-01T00:00:00Z');
    const said = estimateApply(planOf(100), {
      liveCounts: {},
      windows: KEAP_PAT_WINDOWS,
      quota: { credential: 'api-key', situation: { fromKeap: true, today: { available: 29_512, resetAt: reset }, othersSeen: 37 } },
    });
    assert.equal(
      said.quota,
      "Keap's quota for this personal access token or service account key: 10 a second, 240 a minute, 30,000 a day, as Keap's headers said; 29,512 left today, until 00:00 UTC; 37 requests by other traffic seen on the account",
    );
    const unsaid = estimateApply(planOf(100), {
      liveCounts: {},
      windows: KEAP_PAT_WINDOWS,
      quota: { credential: 'oauth', situation: { fromKeap: false, othersSeen: 0 } },
    });
    assert.equal(
      unsaid.quota,
      "Keap's quota for this OAuth connection: 10 a second, 240 a minute, 30,000 a day (the defaults: Keap has not said yet)",
    );
    assert.equal(estimateApply(planOf(100), { liveCounts: {}, windows: [] }).quota, undefined, 'no quota, nothing to name');
  });

  it('is close to what the apply then sends', async () => {
    const fixture = await accountWithSnapshot(60, 'estimate');
    applyDisaster(fixture.store, { kind: 'delete-orders', count: 6, seed: 3 });
    const { file, ledgerFile } = await planRestoreFromSnapshot({
      client: fixture.client,
      snapshot: fixture.snapshot,
      snapshotFile: fixture.snapshotFile,
      planFile: (head) => path.join(path.dirname(fixture.snapshotFile), `${head.planId}.plan.json`),
      options: {},
    });
    const plan = await readPlanFile(file);
    assert.ok(plan.estimate, 'the plan carries its estimate');
    // Read once, in any order: a large plan's steps come one at a time, from its spool or its file.
    const input = { liveCounts: { orders: 300, payments: 400 }, windows: KEAP_PAT_WINDOWS };
    const inOrder = estimateApply(plan, input);
    assert.ok(inOrder.parts.paymentChecks > 0 && plan.steps.some((s) => s.entity === 'payments' && s.action === 'create'));
    assert.deepEqual(estimateApply({ live: plan.live, steps: [...plan.steps].reverse() }, input), inOrder, 'payments before their orders');
    assert.deepEqual(
      estimateApply(
        {
          live: plan.live,
          steps: (function* () {
            yield* plan.steps;
          })(),
        },
        input,
      ),
      inOrder,
      'one pass',
    );
    const receipt = await applyRestorePlan({ client: fixture.client, plan, ledgerFile, snapshot: fixture.snapshot, resume: false });
    const estimated = plan.estimate.requests;
    assert.ok(
      Math.abs(estimated - receipt.requests) <= Math.max(3, receipt.requests * 0.15),
      `estimated ${estimated} (${JSON.stringify(plan.estimate.parts)}), sent ${receipt.requests}`,
    );
  });
});
