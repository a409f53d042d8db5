/**
 * Plans for the webview tests. `hostilePlan` comes from the real planner: a generated account, two
 * contacts whose names are HTML/script payloads, a snapshot, then damage (lost contacts, orders and
 * payments; edited contacts; a re-entered order, a conflict; a lost campaign, blocked).
 * `syntheticPlan` is a typed builder for size tests where only the shape matters.
 */
import path from 'node:path';
import { isCapturedEntity } from '../../../src/core/entities';
import type { RestorePlan, PlanStep, RestoreEntity } from '../../../src/core/restore/plan';
import { headlineOf, PLAN_FORMAT_VERSION } from '../../../src/core/restore/plan';
import { captureSnapshot } from '../../../src/core/snapshot/capture';
import { getRecord } from '../../../src/core/snapshot/query';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { planFacts } from '../../../src/extension/planPanel/stepFacts';
import type { PanelContext, PlanView } from '../../../src/webview/protocol';
import { applyDisaster } from '../../../src/emulator/disasters';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { makePlan, type RestoreFixture } from '../../unit/restore/support';
import { startTestAccount } from '../../unit/support/emulator';
import { retypeOrder } from '../../unit/support/handEdits';
import { tempDir } from '../../unit/support/snapshots';

/** Record names that would run script if any part of the view parsed data as HTML. */
export const HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">';
export const HOSTILE_SCRIPT = '<script>window.__pwned=2</script>';

export interface HostilePlan {
  fixture: RestoreFixture;
  plan: RestorePlan;
  /** Step ids of the contacts named HOSTILE_IMG and HOSTILE_SCRIPT. */
  hostileSteps: { img: string; script: string };
}

export async function hostilePlan(): Promise<HostilePlan> {
  const store = new EmulatorStore();
  generateAccount(store, { seed: 'webview-plan', size: 60 });
  store.clock = () => new Date('2026-11-26T12:00:00Z');
  // Two contacts with orders get hostile names, so their create steps (and the orders that need them) carry the names.
  const withOrders = [...store.contacts.values()].filter((c) => store.ordersOf(c.id).length > 0).slice(0, 2);
  withOrders[0].given_name = HOSTILE_IMG;
  withOrders[0].family_name = undefined;
  withOrders[1].given_name = HOSTILE_SCRIPT;
  withOrders[1].family_name = undefined;

  const account = await startTestAccount({ store });
  const dir = tempDir('kv-webview-');
  const snapshotFile = path.join(dir, 'before.kvsnap');
  await captureSnapshot({ client: account.client, out: snapshotFile });
  const fixture: RestoreFixture = {
    ...account,
    account: 'emulator.keap-vault.local',
    dir,
    snapshotFile,
    snapshot: await SnapshotDb.open(snapshotFile),
    ledgerFile: path.join(dir, 'account.kvledger'),
  };

  applyDisaster(store, { kind: 'delete-contacts', ids: withOrders.map((c) => String(c.id)) });
  applyDisaster(store, { kind: 'delete-paid-orders', count: 4, seed: 11 });
  applyDisaster(store, { kind: 'delete-payments', count: 4, seed: 12 });
  applyDisaster(store, { kind: 'corrupt-contacts', count: 3, seed: 13 });
  // Someone re-entered a lost order by hand: same contact, date, items and total, new id -> a conflict.
  const order = [...store.orders.values()].find(
    (o) => store.paymentsOf(o.id).length === 0 && o.items.length > 0 && !withOrders.some((c) => c.id === o.contact_id),
  )!;
  store.removeOrder(order.id);
  await retypeOrder(account.client, order);

  // A campaign gone from the account: Keap's API cannot create one -> blocked.
  store.campaigns.delete([...store.campaigns.values()][0].id);

  const plan = await makePlan(fixture, { updateExisting: true });
  return { fixture, plan, hostileSteps: { img: `contacts:${withOrders[0].id}`, script: `contacts:${withOrders[1].id}` } };
}

/** Where the tests say the plan is shown: a connection named as a user would, VS Code in English. */
export const CONTEXT: PanelContext = { connection: 'Keap (acme)', locale: 'en' };

/** The plan as the host sends it: each step with the names the host reads from the snapshot (stepFacts). */
export function hostView(fx: HostilePlan): PlanView {
  const facts = planFacts(
    fx.plan,
    (entity, id) => (isCapturedEntity(entity) ? getRecord(fx.fixture.snapshot, entity, id) : undefined),
    CONTEXT.locale,
  );
  return { ...fx.plan, steps: fx.plan.steps.map((s) => (facts.has(s.id) ? { ...s, facts: facts.get(s.id) } : s)) };
}

/** A typed step with defaults; `overrides` set what a test cares about. */
export function planStep(entity: RestoreEntity, oldId: string, overrides: Partial<PlanStep> = {}): PlanStep {
  return {
    id: `${entity}:${oldId}`,
    entity,
    oldId,
    action: 'create',
    reason: 'missing-in-live',
    detail: `${entity} ${oldId} is not in the account: create it`,
    label: `${entity} ${oldId}`,
    dependsOn: [],
    ...overrides,
  };
}

/** `contacts` contacts, each with one order that depends on it: 2 x contacts steps. */
export function syntheticPlan(contacts: number): RestorePlan {
  const steps: PlanStep[] = [];
  for (let i = 1; i <= contacts; i++) steps.push(planStep('contacts', String(i), { label: `Contact "Person ${i}"` }));
  for (let i = 1; i <= contacts; i++) {
    steps.push(
      planStep('orders', String(100_000 + i), {
        label: `Order ${100_000 + i}`,
        dependsOn: [`contacts:${i}`],
        sideEffects: ['Keap may send a receipt'],
      }),
    );
  }
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    planId: `synthetic-${contacts}`,
    createdAt: '2026-11-26T12:00:00.000Z',
    account: 'synthetic.keap-vault.local',
    apiBaseUrl: 'http://127.0.0.1/crm/rest',
    snapshot: { snapshotId: 'synthetic', checksum: 'x', finishedAt: '2026-11-25T12:00:00.000Z', account: 'synthetic.keap-vault.local' },
    live: { readAt: '2026-11-26T12:00:00.000Z', fingerprint: 'f', records: [] },
    options: {},
    markerLabel: 'Keap Vault Ref',
    headline: headlineOf(steps),
    warnings: [],
    steps,
  };
}
