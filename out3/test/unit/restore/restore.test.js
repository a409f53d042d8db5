"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const ledger_1 = require("../../../src/core/restore/ledger");
const liveRead_1 = require("../../../src/core/restore/liveRead");
const payloads_1 = require("../../../src/core/restore/payloads");
const staleness_1 = require("../../../src/core/restore/staleness");
const disasters_1 = require("../../../src/emulator/disasters");
const emulator_1 = require("../support/emulator");
const support_1 = require("./support");
const handEdits_1 = require("../support/handEdits");
function rows(db, entity) {
    return [...db.rows(entity)].map((r) => JSON.parse(r.json));
}
describe('Restore: plan and apply', function () {
    this.timeout(120_000);
    after(emulator_1.closeTestAccounts);
    it('after losing 10% of contacts, orders and payments, live equals the snapshot again up to ids', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(150, 'restore-1');
        const { store, snapshot } = fixture;
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', fraction: 0.1, seed: 1 });
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-paid-orders', fraction: 0.1, seed: 2 });
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-payments', fraction: 0.1, seed: 3 });
        const plan = await (0, support_1.makePlan)(fixture, { subscriptionsStartToday: true });
        strict_1.default.ok((plan.headline.orders?.create ?? 0) > 10, 'orders to create');
        strict_1.default.ok((plan.headline.payments?.create ?? 0) > 10, 'payments to create');
        strict_1.default.equal(plan.headline.orders?.conflict ?? 0, 0);
        const receipt = await (0, support_1.apply)(fixture, plan);
        strict_1.default.deepEqual(receipt.failed, []);
        strict_1.default.deepEqual(receipt.verification.problems, []);
        strict_1.default.ok(receipt.verification.checked > 10);
        const { db: live } = await (0, liveRead_1.readLiveAccount)(fixture.client);
        for (const entity of ['contacts', 'orders', 'order_items', 'payments', 'contact_tags']) {
            strict_1.default.equal(live.count(entity), snapshot.count(entity), `${entity} count`);
        }
        // Active subscriptions come back (starting today); inactive ones live on only in their orders.
        const active = (db) => db.scalar('SELECT COUNT(*) FROM subscriptions WHERE active = 1');
        strict_1.default.equal(active(live), active(snapshot), 'active subscriptions');
        // Every snapshot order is in live under its id or its new id, pointing at the right (new) contact and products.
        const newIds = new Map(receipt.idMap.map((e) => [`${e.entity}:${e.oldId}`, e.newId]));
        const liveIdOf = (entity, id) => newIds.get(`${entity}:${id}`) ?? id;
        const liveOrders = new Map(rows(live, 'orders').map((o) => [o.id, o]));
        const livePaid = new Map();
        for (const p of rows(live, 'payments'))
            livePaid.set(p.order_ids[0], (livePaid.get(p.order_ids[0]) ?? 0) + Math.round(p.amount * 100));
        for (const order of rows(snapshot, 'orders')) {
            const liveOrder = liveOrders.get(liveIdOf('orders', order.id));
            strict_1.default.ok(liveOrder, `order ${order.id} is back`);
            strict_1.default.deepEqual((0, payloads_1.comparable)('orders', liveOrder, (_e, id) => id), (0, payloads_1.comparable)('orders', order, (e, id) => liveIdOf(e, id)), `order ${order.id}`);
            strict_1.default.equal(liveOrder.total_paid?.amount, order.total_paid?.amount, `order ${order.id} paid`);
            strict_1.default.equal(livePaid.get(liveOrder.id) ?? 0, order.total_paid?.amount ?? 0, `order ${order.id} payments`);
            strict_1.default.equal(liveOrder.status, order.status, `order ${order.id} status`);
        }
        // No duplicate order: as many live orders as snapshot orders, and every created record is in the id map.
        strict_1.default.equal(liveOrders.size, snapshot.count('orders'));
        const created = plan.steps.filter((s) => s.action === 'create' && s.entity !== 'contact_tags' && !s.oldId.startsWith('marker:'));
        for (const step of created)
            strict_1.default.ok(newIds.has(step.id), `${step.id} is in the id map`);
        const ledger = await ledger_1.Ledger.open(fixture.ledgerFile);
        strict_1.default.equal(ledger.idMap().filter((e) => !e.oldId.startsWith('marker:')).length, created.length);
        ledger.close();
        live.close();
        // Applying the finished plan again changes nothing; a new plan has nothing to create.
        const again = await (0, support_1.apply)(fixture, plan);
        strict_1.default.equal(again.created + again.updated, 0);
        const replan = await (0, support_1.makePlan)(fixture, { subscriptionsStartToday: true });
        for (const [entity, counts] of Object.entries(replan.headline)) {
            if (entity === 'campaigns')
                continue;
            strict_1.default.equal(counts.create, 0, `${entity}: nothing to create`);
            strict_1.default.equal(counts.conflict, 0, `${entity}: no conflict`);
        }
    });
    it('a live order that duplicates one to be created is a conflict, not created', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(40, 'restore-conflict');
        const order = [...fixture.store.orders.values()].find((o) => fixture.store.paymentsOf(o.id).length === 0 && o.items.length > 0);
        fixture.store.removeOrder(order.id);
        // Someone re-entered the order by hand: same contact, date, items and total, new id.
        const copy = await (0, handEdits_1.retypeOrder)(fixture.client, order);
        const plan = await (0, support_1.makePlan)(fixture);
        const step = plan.steps.find((s) => s.id === `orders:${order.id}`);
        strict_1.default.equal(step.action, 'conflict');
        strict_1.default.equal(step.reason, 'likely-duplicate');
        strict_1.default.equal(step.liveId, copy.id);
        const before = fixture.store.orders.size;
        await (0, support_1.apply)(fixture, plan);
        strict_1.default.equal(fixture.store.orders.size, before, 'the conflicting order was not created');
    });
    it('a conflict the user resolves: "same order" links it in the id map, "different order" creates it', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(40, 'restore-resolve');
        const lone = [...fixture.store.orders.values()]
            .filter((o) => fixture.store.paymentsOf(o.id).length === 0 && o.items.length > 0)
            .slice(0, 2);
        const copies = [];
        for (const order of lone) {
            fixture.store.removeOrder(order.id);
            copies.push((await (0, handEdits_1.retypeOrder)(fixture.client, order)).id);
        }
        const [same, different] = lone.map((o) => `orders:${o.id}`);
        const plan = await (0, support_1.makePlan)(fixture, { resolutions: { [same]: 'link', [different]: 'create' } });
        const linked = plan.steps.find((s) => s.id === same);
        strict_1.default.deepEqual([linked.action, linked.reason, linked.liveId], ['skip', 'linked-by-choice', copies[0]]);
        const created = plan.steps.find((s) => s.id === different);
        strict_1.default.deepEqual([created.action, created.reason], ['create', 'created-by-choice']);
        const before = fixture.store.orders.size;
        const receipt = await (0, support_1.apply)(fixture, plan);
        strict_1.default.deepEqual(receipt.failed, []);
        strict_1.default.equal(fixture.store.orders.size, before + 1, 'only the "different" order was created');
        strict_1.default.ok(receipt.idMap.some((e) => e.entity === 'orders' && e.oldId === String(lone[0].id) && e.newId === copies[0]), 'the link is in the id map');
        // Planned again without any choice: both are known now, nothing is in conflict.
        // The hand-made copy lacks fields the snapshot's order has (terms, custom fields…): it is found
        // through the id map and said to differ, not called identical.
        const again = await (0, support_1.makePlan)(fixture);
        const [sameAgain, differentAgain] = [again.steps.find((s) => s.id === same), again.steps.find((s) => s.id === different)];
        strict_1.default.deepEqual([sameAgain.action, sameAgain.liveId, differentAgain.action, differentAgain.reason], ['skip', copies[0], 'skip', 'restored-earlier']);
        strict_1.default.ok(sameAgain.reason === 'restored-earlier' || (sameAgain.reason === 'present-differs' && sameAgain.changes.length > 0), sameAgain.detail);
        strict_1.default.deepEqual(again.steps.filter((s) => s.action === 'conflict' || s.action === 'create').map((s) => s.id), []);
    });
    it('restoring one order pulls in exactly what it needs', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(60, 'restore-select');
        const { store } = fixture;
        const order = [...store.orders.values()].find((o) => store.paymentsOf(o.id).length > 0 && o.items.length >= 2);
        const contactId = order.contact_id;
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', ids: [String(contactId)] });
        const plan = await (0, support_1.makePlan)(fixture, { records: [`orders:${order.id}`] });
        const acting = plan.steps
            .filter((s) => s.action === 'create')
            .map((s) => s.id)
            .sort();
        const payments = fixture.snapshot
            .all('SELECT id FROM payments WHERE order_id = ?', [String(order.id)])
            .map((p) => `payments:${p.id}`);
        strict_1.default.deepEqual(acting, [`contacts:${contactId}`, 'custom_fields:marker:CONTACT', 'custom_fields:marker:ORDER', `orders:${order.id}`, ...payments].sort());
        strict_1.default.ok(plan.steps.find((s) => s.id === `contacts:${contactId}`)?.pulledIn, 'the contact is pulled in');
        strict_1.default.ok(plan.steps.filter((s) => s.entity === 'products').every((s) => s.action === 'skip' && s.pulledIn), 'its products are live');
        const receipt = await (0, support_1.apply)(fixture, plan);
        strict_1.default.deepEqual(receipt.failed, []);
        strict_1.default.equal(receipt.created, acting.length);
    });
    it('a second restore into an account that has the marker field already writes its records with that field', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(60, 'restore-second');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-paid-orders', count: 1, seed: 3 });
        const first = await (0, support_1.apply)(fixture, await (0, support_1.makePlan)(fixture));
        strict_1.default.deepEqual(first.failed, []);
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-paid-orders', count: 1, seed: 4 });
        const plan = await (0, support_1.makePlan)(fixture);
        const marker = plan.steps.find((s) => s.id === 'custom_fields:marker:ORDER');
        strict_1.default.equal(marker.action, 'skip', 'the field exists: it is not created again');
        strict_1.default.ok(marker.liveId && /^\d+$/.test(marker.liveId));
        const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create');
        strict_1.default.ok(order.refs?.some((r) => r.entity === 'custom_fields' && r.oldId === 'marker:ORDER'), 'the order is written with the marker');
        const before = fixture.store.orders.size;
        const second = await (0, support_1.apply)(fixture, plan);
        strict_1.default.deepEqual(second.failed, []);
        strict_1.default.equal(fixture.store.orders.size, before + 1);
        // The new order carries the marker, so the next plan recognises it.
        const again = await (0, support_1.makePlan)(fixture);
        strict_1.default.equal(again.steps.find((s) => s.id === order.id)?.reason, 'restored-earlier');
    });
    it('refuses a stale plan and names the record that changed', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(40, 'restore-stale');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-paid-orders', count: 2, seed: 5 });
        const plan = await (0, support_1.makePlan)(fixture);
        const contactStep = plan.steps.find((s) => s.entity === 'contacts' &&
            s.action === 'skip' &&
            plan.steps.some((o) => o.entity === 'orders' && o.action === 'create' && o.refs?.some((r) => r.entity === 'contacts' && r.oldId === s.oldId)));
        await fixture.client.contacts.update(contactStep.liveId, { job_title: 'Changed meanwhile' });
        const before = fixture.store.orders.size;
        await strict_1.default.rejects((0, support_1.apply)(fixture, plan), (err) => err.name === 'StalePlanError' &&
            new RegExp(`contacts ${contactStep.liveId} changed`).test(err.message) &&
            /Make a new plan/.test(err.message));
        strict_1.default.equal(fixture.store.orders.size, before, 'nothing was written');
    });
    it('verification reads only what changed since the apply started, and a written record that read misses is looked for whole, not called missing', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(60, 'restore-verify-read');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-contacts', fraction: 0.1, seed: 4 });
        const plan = await (0, support_1.makePlan)(fixture);
        const scopes = [];
        const receipt = await (0, support_1.apply)(fixture, plan, {
            readLive: async (scope) => {
                scopes.push(scope);
                // As if Keap had not moved the change times: the changed-since read holds none of the writes.
                const changedSince = scope.changedSince && '2999-01-01T00:00:00.000Z';
                return (await (0, liveRead_1.readLiveAccount)(fixture.client, { ...scope, changedSince })).db;
            },
        });
        strict_1.default.deepEqual(receipt.failed, []);
        strict_1.default.ok(receipt.verification.checked > 5);
        strict_1.default.deepEqual(receipt.verification.problems, [], 'every written record was found in the whole read');
        const verification = scopes.find((s) => s.changedSince);
        strict_1.default.ok(verification, 'verification asked for what changed since the apply started');
        strict_1.default.ok(Date.parse(verification.changedSince) <= Date.parse(receipt.startedAt));
        strict_1.default.ok(!verification.entities?.includes('custom_fields'), 'custom fields are not read again at the end');
        strict_1.default.ok(scopes.some((s) => !s.changedSince && s.entities?.includes('contacts')), 'then the entities it missed, whole');
    });
    it('the preview can tell a plan is stale before apply, and a plan is current right after it is made', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(40, 'restore-stale-check');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-paid-orders', count: 2, seed: 7 });
        const plan = await (0, support_1.makePlan)(fixture);
        const read = async () => (await (0, liveRead_1.readLiveAccount)(fixture.client)).db;
        const fresh = await read();
        strict_1.default.deepEqual((0, staleness_1.liveChangesSince)(plan, fresh), []);
        fresh.close();
        const contact = plan.steps.find((s) => s.entity === 'contacts' && s.action === 'skip' && plan.live.records.some((r) => r.entity === 'contacts' && r.id === s.liveId));
        await fixture.client.contacts.update(contact.liveId, { job_title: 'Changed meanwhile' });
        const later = await read();
        strict_1.default.deepEqual((0, staleness_1.liveChangesSince)(plan, later), [{ entity: 'contacts', id: contact.liveId, change: 'changed' }]);
        later.close();
    });
    it('applies only the steps selected in the preview and reports the rest as not applied', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(60, 'restore-only');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-paid-orders', count: 3, seed: 8 });
        const plan = await (0, support_1.makePlan)(fixture);
        const orders = plan.steps.filter((s) => s.entity === 'orders' && s.action === 'create');
        strict_1.default.equal(orders.length, 3);
        // One order with what it depends on, closed the way the preview closes a selection.
        const chosen = new Set();
        const add = (id) => {
            if (chosen.has(id))
                return;
            chosen.add(id);
            for (const d of plan.steps.find((s) => s.id === id).dependsOn)
                add(d);
        };
        add(orders[0].id);
        const before = fixture.store.orders.size;
        const receipt = await (0, support_1.apply)(fixture, plan, { only: chosen });
        strict_1.default.deepEqual(receipt.failed, []);
        strict_1.default.equal(fixture.store.orders.size, before + 1, 'exactly the selected order was created');
        const skipped = receipt.notApplied.filter((n) => n.reason === 'Not selected in the preview').map((n) => n.stepId);
        for (const other of orders.slice(1))
            strict_1.default.ok(skipped.includes(other.id), `${other.id} is reported as not selected`);
        // The rest later, from the same plan: the first order is not created again.
        const rest = await (0, support_1.apply)(fixture, plan);
        strict_1.default.deepEqual(rest.failed, []);
        strict_1.default.equal(fixture.store.orders.size, before + 3);
    });
    it('two applies at once on one account: the second is refused', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(40, 'restore-lock');
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-contacts', count: 3, seed: 6 });
        const plan = await (0, support_1.makePlan)(fixture);
        const first = (0, support_1.apply)(fixture, plan);
        await new Promise((r) => setTimeout(r, 5));
        await strict_1.default.rejects((0, support_1.apply)(fixture, plan), /Another apply is running on this account/);
        const receipt = await first;
        strict_1.default.deepEqual(receipt.failed, []);
    });
    it('with faults on 10% of requests the end state is the same and nothing is duplicated', async () => {
        const fixture = await (0, support_1.accountWithSnapshot)(80, 'restore-faults', {});
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-contacts', fraction: 0.15, seed: 7 });
        (0, disasters_1.applyDisaster)(fixture.store, { kind: 'delete-payments', fraction: 0.1, seed: 8 });
        const plan = await (0, support_1.makePlan)(fixture);
        const faultyClient = new fixture.client.constructor({
            baseUrl: fixture.emulator.apiBaseUrl,
            credential: { kind: 'api-key', key: fixture.emulator.token },
            throttle: 'unlimited',
            timeoutMs: 200,
            retryBaseMs: 5,
            maxRetries: 10,
        });
        fixture.emulator.faults.configure({ rate: 0.1, seed: 99, delayMs: 400 });
        const receipt = await (0, support_1.apply)({ ...fixture, client: faultyClient }, plan);
        fixture.emulator.faults.configure({ rate: 0 });
        strict_1.default.deepEqual(receipt.failed, []);
        strict_1.default.ok(fixture.emulator.stats().faultsInjected > 3);
        const { db: live } = await (0, liveRead_1.readLiveAccount)(fixture.client);
        for (const entity of ['contacts', 'orders', 'payments'])
            strict_1.default.equal(live.count(entity), fixture.snapshot.count(entity), entity);
        live.close();
    });
});
//# sourceMappingURL=restore.test.js.map