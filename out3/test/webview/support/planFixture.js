"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTEXT = exports.HOSTILE_SCRIPT = exports.HOSTILE_IMG = void 0;
exports.hostilePlan = hostilePlan;
exports.hostView = hostView;
exports.planStep = planStep;
exports.syntheticPlan = syntheticPlan;
/**
 * Plans for the webview tests. `hostilePlan` comes from the real planner: a generated account, two
 * contacts whose names are HTML/script payloads, a snapshot, then damage (lost contacts, orders and
 * payments; edited contacts; a re-entered order, a conflict; a lost campaign, blocked).
 * `syntheticPlan` is a typed builder for size tests where only the shape matters.
 */
const node_path_1 = __importDefault(require("node:path"));
const entities_1 = require("../../../src/core/entities");
const plan_1 = require("../../../src/core/restore/plan");
const capture_1 = require("../../../src/core/snapshot/capture");
const query_1 = require("../../../src/core/snapshot/query");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const stepFacts_1 = require("../../../src/extension/planPanel/stepFacts");
const disasters_1 = require("../../../src/emulator/disasters");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const support_1 = require("../../unit/restore/support");
const emulator_1 = require("../../unit/support/emulator");
const handEdits_1 = require("../../unit/support/handEdits");
const snapshots_1 = require("../../unit/support/snapshots");
/** Record names that would run script if any part of the view parsed data as HTML. */
exports.HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">';
exports.HOSTILE_SCRIPT = '<script>window.__pwned=2</script>';
async function hostilePlan() {
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed: 'webview-plan', size: 60 });
    store.clock = () => new Date('2026-11-26T12:00:00Z');
    // Two contacts with orders get hostile names, so their create steps (and the orders that need them) carry the names.
    const withOrders = [...store.contacts.values()].filter((c) => store.ordersOf(c.id).length > 0).slice(0, 2);
    withOrders[0].given_name = exports.HOSTILE_IMG;
    withOrders[0].family_name = undefined;
    withOrders[1].given_name = exports.HOSTILE_SCRIPT;
    withOrders[1].family_name = undefined;
    const account = await (0, emulator_1.startTestAccount)({ store });
    const dir = (0, snapshots_1.tempDir)('kv-webview-');
    const snapshotFile = node_path_1.default.join(dir, 'before.kvsnap');
    await (0, capture_1.captureSnapshot)({ client: account.client, out: snapshotFile });
    const fixture = {
        ...account,
        account: 'emulator.keap-vault.local',
        dir,
        snapshotFile,
        snapshot: await snapshotDb_1.SnapshotDb.open(snapshotFile),
        ledgerFile: node_path_1.default.join(dir, 'account.kvledger'),
    };
    (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', ids: withOrders.map((c) => String(c.id)) });
    (0, disasters_1.applyDisaster)(store, { kind: 'delete-paid-orders', count: 4, seed: 11 });
    (0, disasters_1.applyDisaster)(store, { kind: 'delete-payments', count: 4, seed: 12 });
    (0, disasters_1.applyDisaster)(store, { kind: 'corrupt-contacts', count: 3, seed: 13 });
    // Someone re-entered a lost order by hand: same contact, date, items and total, new id -> a conflict.
    const order = [...store.orders.values()].find((o) => store.paymentsOf(o.id).length === 0 && o.items.length > 0 && !withOrders.some((c) => c.id === o.contact_id));
    store.removeOrder(order.id);
    await (0, handEdits_1.retypeOrder)(account.client, order);
    // A campaign gone from the account: Keap's API cannot create one -> blocked.
    store.campaigns.delete([...store.campaigns.values()][0].id);
    const plan = await (0, support_1.makePlan)(fixture, { updateExisting: true });
    return { fixture, plan, hostileSteps: { img: `contacts:${withOrders[0].id}`, script: `contacts:${withOrders[1].id}` } };
}
/** Where the tests say the plan is shown: a connection named as a user would, VS Code in English. */
exports.CONTEXT = { connection: 'Keap (acme)', locale: 'en' };
/** The plan as the host sends it: each step with the names the host reads from the snapshot (stepFacts). */
function hostView(fx) {
    const facts = (0, stepFacts_1.planFacts)(fx.plan, (entity, id) => ((0, entities_1.isCapturedEntity)(entity) ? (0, query_1.getRecord)(fx.fixture.snapshot, entity, id) : undefined), exports.CONTEXT.locale);
    return { ...fx.plan, steps: fx.plan.steps.map((s) => (facts.has(s.id) ? { ...s, facts: facts.get(s.id) } : s)) };
}
/** A typed step with defaults; `overrides` set what a test cares about. */
function planStep(entity, oldId, overrides = {}) {
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
function syntheticPlan(contacts) {
    const steps = [];
    for (let i = 1; i <= contacts; i++)
        steps.push(planStep('contacts', String(i), { label: `Contact "Person ${i}"` }));
    for (let i = 1; i <= contacts; i++) {
        steps.push(planStep('orders', String(100_000 + i), {
            label: `Order ${100_000 + i}`,
            dependsOn: [`contacts:${i}`],
            sideEffects: ['Keap may send a receipt'],
        }));
    }
    return {
        formatVersion: plan_1.PLAN_FORMAT_VERSION,
        planId: `synthetic-${contacts}`,
        createdAt: '2026-11-26T12:00:00.000Z',
        account: 'synthetic.keap-vault.local',
        apiBaseUrl: 'http://127.0.0.1/crm/rest',
        snapshot: { snapshotId: 'synthetic', checksum: 'x', finishedAt: '2026-11-25T12:00:00.000Z', account: 'synthetic.keap-vault.local' },
        live: { readAt: '2026-11-26T12:00:00.000Z', fingerprint: 'f', records: [] },
        options: {},
        markerLabel: 'Keap Vault Ref',
        headline: (0, plan_1.headlineOf)(steps),
        warnings: [],
        steps,
    };
}
//# sourceMappingURL=planFixture.js.map