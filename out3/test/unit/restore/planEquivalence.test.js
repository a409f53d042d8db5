"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The plans of a damaged account are exactly those the planner made before it was made fast
 * (issue 12): every step, action, reason, match, payload, reference, dependency and warning. The
 * expected plans (`test/fixtures/plans/equivalence.json`) were written by the planner as it was
 * before (commit 'Restore: a fixture of plans …'), and are rewritten only on purpose:
 *   KV_WRITE_PLAN_FIXTURE=1 npx mocha … out/test/unit/restore/planEquivalence.test.js
 * The account has lost contacts (with their orders and payments), paid orders, payments and
 * products, has corrupted orders and contacts, records restored earlier (carrying their markers,
 * found by the ledger or, without it, by the marker alone) and orders re-typed by hand (a
 * look-alike of the same date, and one of another date made after the snapshot).
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const disasters_1 = require("../../../src/emulator/disasters");
const emulator_1 = require("../support/emulator");
const handEdits_1 = require("../support/handEdits");
const support_1 = require("./support");
const FIXTURE = node_path_1.default.join(__dirname, '../../../../test/fixtures/plans/equivalence.json');
/** A plan without what differs between two runs (ids and times of plan and snapshot, the emulator's port, the account's temp name). */
function stable(plan, fixture) {
    const { planId: _id, createdAt: _at, ...rest } = plan;
    const text = JSON.stringify({
        ...rest,
        live: { ...rest.live, readAt: 'READ_AT' },
        snapshot: { ...rest.snapshot, file: 'FILE', snapshotId: 'ID', checksum: 'CHECKSUM', finishedAt: 'AT' },
    })
        .split(fixture.client.transport.baseUrl)
        .join('BASE_URL')
        .split(fixture.account)
        .join('ACCOUNT');
    return JSON.parse(text);
}
describe('Restore: plans equal the plans made before planning was made fast', function () {
    this.timeout(180_000);
    after(emulator_1.closeTestAccounts);
    it('losses, corruption, restored markers with and without the ledger, look-alike orders, selections', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(160, 'plan-equivalence');
        const { store } = fixture;
        const ordersBefore = new Map([...store.orders.values()].map((o) => [o.id, structuredClone(o)]));
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', fraction: 0.15, seed: 1 });
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-paid-orders', fraction: 0.1, seed: 2 });
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-payments', fraction: 0.1, seed: 3 });
        (0, disasters_1.applyDisaster)(store, { kind: 'corrupt-orders', fraction: 0.1, seed: 5 });
        (0, disasters_1.applyDisaster)(store, { kind: 'corrupt-contacts', fraction: 0.1, seed: 6 });
        // Part of the loss restored earlier: its records carry markers and the ledger knows them.
        const first = await (0, support_1.makePlan)(fixture, { subscriptionsStartToday: true });
        const someOrders = first.steps
            .filter((s) => s.entity === 'orders' && s.action === 'create')
            .slice(0, 6)
            .map((s) => s.id);
        strict_1.default.ok(someOrders.length >= 4, 'orders to restore first');
        const partial = await (0, support_1.makePlan)(fixture, { records: someOrders, subscriptionsStartToday: true });
        const receipt = await (0, support_1.apply)(fixture, partial);
        strict_1.default.deepEqual(receipt.failed, []);
        // Products lost after that restore: live orders point at them (relinks).
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-products', fraction: 0.3, seed: 4 });
        // Orders re-typed by hand: one with its own date, one dated today (made after the snapshot).
        const retypable = [...ordersBefore.values()]
            .filter((o) => !store.orders.has(o.id) && !someOrders.includes(`orders:${o.id}`) && store.contacts.has(o.contact_id))
            .filter((o) => o.items.length > 0 && o.items.every((i) => i.product_id !== undefined && store.products.has(i.product_id)))
            .slice(0, 2)
            .map((order) => ({ id: order.id, order }));
        strict_1.default.equal(retypable.length, 2, 'two lost orders of live contacts to re-type');
        await (0, handEdits_1.retypeOrder)(fixture.client, retypable[0].order);
        await (0, handEdits_1.retypeOrder)(fixture.client, { ...retypable[1].order, order_time: '2026-11-26T09:30:00.000Z' });
        const runs = [
            ['with the ledger', { subscriptionsStartToday: true }, true],
            ['markers only, --update-existing', { updateExisting: true }, false],
            [
                'a selection, missing parents skipped, a conflict linked',
                {
                    records: someOrders.slice(0, 2).concat(`orders:${retypable[0].id}`),
                    missingParent: 'skip',
                    resolutions: { [`orders:${retypable[0].id}`]: 'link' },
                },
                true,
            ],
            [
                'a conflict created anyway, whole entities',
                { entities: ['orders', 'payments'], resolutions: { [`orders:${retypable[1].id}`]: 'create' } },
                true,
            ],
        ];
        const plans = {};
        for (const [name, options, withLedger] of runs) {
            const plan = await (0, support_1.makePlan)(withLedger ? fixture : { ...fixture, ledgerFile: node_path_1.default.join(fixture.dir, 'no.kvledger') }, options);
            plans[name] = stable(plan, fixture);
        }
        if (process.env.KV_WRITE_PLAN_FIXTURE) {
            (0, node_fs_1.mkdirSync)(node_path_1.default.dirname(FIXTURE), { recursive: true });
            (0, node_fs_1.writeFileSync)(FIXTURE, JSON.stringify(plans) + '\n');
        }
        const kinds = (name) => new Set(plans[name].steps.map((s) => `${s.action}/${s.reason}`));
        for (const kind of ['create/missing-in-live', 'skip/restored-earlier', 'conflict/likely-duplicate', 'skip/identical', 'update/relink'])
            strict_1.default.ok(kinds('with the ledger').has(kind), `the account exercises ${kind}`);
        strict_1.default.ok(kinds('markers only, --update-existing').has('update/differs'), 'the account exercises updates');
        if (process.env.KV_PLAN_ACTUAL)
            (0, node_fs_1.writeFileSync)(process.env.KV_PLAN_ACTUAL, JSON.stringify(plans, null, 1) + '\n');
        const expected = JSON.parse((0, node_fs_1.readFileSync)(FIXTURE, 'utf8'));
        for (const name of Object.keys(expected))
            strict_1.default.deepEqual(plans[name], expected[name], name);
        strict_1.default.deepEqual(Object.keys(plans), Object.keys(expected));
    });
});
//# sourceMappingURL=planEquivalence.test.js.map