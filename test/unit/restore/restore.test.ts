import assert from 'node:assert/strict';
import type { KeapOrder, KeapPayment } from '../../../src/core/model';
import { Ledger } from '../../../src/core/restore/ledger';
import { readLiveAccount } from '../../../src/core/restore/liveRead';
import { comparable } from '../../../src/core/restore/payloads';
import { liveChangesSince, staleCheckEntities } from '../../../src/core/restore/staleness';
import type { RestoreEntity, RestorePlan } from '../../../src/core/restore/plan';
import type { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { applyDisaster } from '../../../src/emulator/disasters';
import { closeTestAccounts } from '../support/emulator';
import { accountWithSnapshot, apply, makePlan } from './support';
import { assertNoDuplicates } from './invariants';
import { retypeOrder } from '../support/handEdits';

/** The contact of an order the plan creates, where that contact is in the account (no step of its own). */
function buyerOf(plan: RestorePlan): string {
  for (const order of plan.steps.filter((s) => s.entity === 'orders' && s.action === 'create')) {
    const contact = order.refs?.find((r) => r.entity === 'contacts')?.oldId;
    if (contact && !plan.steps.some((s) => s.id === `contacts:${contact}`)) return contact;
  }
  throw new Error('no order to create for a contact in the account');
}

function rows<T>(db: SnapshotDb, entity: string): T[] {
  return [...db.rows(entity as never)].map((r) => JSON.parse(r.json) as T);
}

describe('Restore: plan and apply', function () {
  this.timeout(120_000);
  after(closeTestAccounts);

  it('after losing 10% of contacts, orders and payments, live equals the snapshot again up to ids', async () => {
    const fixture = await accountWithSnapshot(150, 'restore-1');
    const { store, snapshot } = fixture;
    applyDisaster(store, { kind: 'delete-contacts', fraction: 0.1, seed: 1 });
    applyDisaster(store, { kind: 'delete-paid-orders', fraction: 0.1, seed: 2 });
    applyDisaster(store, { kind: 'delete-payments', fraction: 0.1, seed: 3 });

    const plan = await makePlan(fixture, { subscriptionsStartToday: true });
    assert.ok((plan.headline.orders?.create ?? 0) > 10, 'orders to create');
    assert.ok((plan.headline.payments?.create ?? 0) > 10, 'payments to create');
    assert.equal(plan.headline.orders?.conflict ?? 0, 0);
    const receipt = await apply(fixture, plan);
    assert.deepEqual(receipt.failed, []);
    assert.deepEqual(receipt.verification.problems, []);
    assert.ok(receipt.verification.checked > 10);

    const { db: live } = await readLiveAccount(fixture.client);
    for (const entity of ['contacts', 'orders', 'order_items', 'payments', 'contact_tags'] as const) {
      assert.equal(live.count(entity), snapshot.count(entity), `${entity} count`);
    }
    // Active subscriptions come back (starting today); inactive ones live on only in their orders.
    const active = (db: SnapshotDb) => db.scalar('SELECT COUNT(*) FROM subscriptions WHERE active = 1');
    assert.equal(active(live), active(snapshot), 'active subscriptions');
    // Every snapshot order is in live under its id or its new id, pointing at the right (new) contact and products.
    const newIds = new Map(receipt.idMap.map((e) => [`${e.entity}:${e.oldId}`, e.newId]));
    const liveIdOf = (entity: string, id: string) => newIds.get(`${entity}:${id}`) ?? id;
    const liveOrders = new Map(rows<KeapOrder>(live, 'orders').map((o) => [o.id, o]));
    const livePaid = new Map<string, number>();
    for (const p of rows<KeapPayment>(live, 'payments'))
      livePaid.set(p.order_ids![0], (livePaid.get(p.order_ids![0]) ?? 0) + Math.round(p.amount! * 100));
    for (const order of rows<KeapOrder>(snapshot, 'orders')) {
      const liveOrder = liveOrders.get(liveIdOf('orders', order.id));
      assert.ok(liveOrder, `order ${order.id} is back`);
      assert.deepEqual(
        comparable('orders', liveOrder, (_e, id) => id),
        comparable('orders', order, (e, id) => liveIdOf(e, id)),
        `order ${order.id}`,
      );
      assert.equal(liveOrder.total_paid?.amount, order.total_paid?.amount, `order ${order.id} paid`);
      assert.equal(livePaid.get(liveOrder.id) ?? 0, order.total_paid?.amount ?? 0, `order ${order.id} payments`);
      assert.equal(liveOrder.status, order.status, `order ${order.id} status`);
    }
    // No duplicate order: as many live orders as snapshot orders, and every created record is in the id map.
    assert.equal(liveOrders.size, snapshot.count('orders'));
    const created = plan.steps.filter((s) => s.action === 'create' && s.entity !== 'contact_tags' && !s.oldId.startsWith('marker:'));
    for (const step of created) assert.ok(newIds.has(step.id), `${step.id} is in the id map`);
    const ledger = await Ledger.open(fixture.ledgerFile);
    assert.equal(ledger.idMap().filter((e) => !e.oldId.startsWith('marker:')).length, created.length);
    ledger.close();
    live.close();

    // Applying the finished plan again changes nothing; a new plan has nothing to create.
    const again = await apply(fixture, plan);
    assert.equal(again.created + again.updated, 0);
    const replan = await makePlan(fixture, { subscriptionsStartToday: true });
    for (const [entity, counts] of Object.entries(replan.headline)) {
      if (entity === 'campaigns') continue;
      assert.equal(counts.create, 0, `${entity}: nothing to create`);
      assert.equal(counts.conflict, 0, `${entity}: no conflict`);
    }
  });

  it('a live order that duplicates one to be created is a conflict, not created', async () => {
    const fixture = await accountWithSnapshot(40, 'restore-conflict');
    const order = [...fixture.store.orders.values()].find((o) => fixture.store.paymentsOf(o.id).length === 0 && o.items.length > 0)!;
    fixture.store.removeOrder(order.id);
    // Someone re-entered the order by hand: same contact, date, items and total, new id.
    const copy = await retypeOrder(fixture.client, order);
    const plan = await makePlan(fixture);
    const step = plan.steps.find((s) => s.id === `orders:${order.id}`)!;
    assert.equal(step.action, 'conflict');
    assert.equal(step.reason, 'likely-duplicate');
    assert.equal(step.liveId, copy.id);
    const before = fixture.store.orders.size;
    await apply(fixture, plan);
    assert.equal(fixture.store.orders.size, before, 'the conflicting order was not created');
  });

  it('a conflict the user resolves: "same order" links it in the id map, "different order" creates it', async () => {
    const fixture = await accountWithSnapshot(40, 'restore-resolve');
    const lone = [...fixture.store.orders.values()]
      .filter((o) => fixture.store.paymentsOf(o.id).length === 0 && o.items.length > 0)
      .slice(0, 2);
    const copies: string[] = [];
    for (const order of lone) {
      fixture.store.removeOrder(order.id);
      copies.push((await retypeOrder(fixture.client, order)).id);
    }
    const [same, different] = lone.map((o) => `orders:${o.id}`);
    const plan = await makePlan(fixture, { resolutions: { [same]: 'link', [different]: 'create' } });
    const linked = plan.steps.find((s) => s.id === same)!;
    assert.deepEqual([linked.action, linked.reason, linked.liveId], ['skip', 'linked-by-choice', copies[0]]);
    const created = plan.steps.find((s) => s.id === different)!;
    assert.deepEqual([created.action, created.reason], ['create', 'created-by-choice']);

    const before = fixture.store.orders.size;
    const receipt = await apply(fixture, plan);
    assert.deepEqual(receipt.failed, []);
    assert.equal(fixture.store.orders.size, before + 1, 'only the "different" order was created');
    assert.ok(
      receipt.idMap.some((e) => e.entity === 'orders' && e.oldId === String(lone[0].id) && e.newId === copies[0]),
      'the link is in the id map',
    );
    // Planned again without any choice: both are known now, nothing is in conflict.
    // The hand-made copy lacks fields the snapshot's order has (terms, custom fields…): it is found
    // through the id map and said to differ, not called identical.
    const again = await makePlan(fixture);
    const [sameAgain, differentAgain] = [again.steps.find((s) => s.id === same)!, again.steps.find((s) => s.id === different)!];
    assert.deepEqual(
      [sameAgain.action, sameAgain.liveId, differentAgain.action, differentAgain.reason],
      ['skip', copies[0], 'skip', 'restored-earlier'],
    );
    assert.ok(
      sameAgain.reason === 'restored-earlier' || (sameAgain.reason === 'present-differs' && sameAgain.changes!.length > 0),
      sameAgain.detail,
    );
    assert.deepEqual(
      again.steps.filter((s) => s.action === 'conflict' || s.action === 'create').map((s) => s.id),
      [],
    );
  });

  it('restoring one order pulls in exactly what it needs', async () => {
    const fixture = await accountWithSnapshot(60, 'restore-select');
    const { store } = fixture;
    const order = [...store.orders.values()].find((o) => store.paymentsOf(o.id).length > 0 && o.items.length >= 2)!;
    const contactId = order.contact_id;
    applyDisaster(store, { kind: 'delete-contacts', ids: [String(contactId)] });
    const plan = await makePlan(fixture, { records: [`orders:${order.id}`] });
    const acting = plan.steps
      .filter((s) => s.action === 'create')
      .map((s) => s.id)
      .sort();
    const payments = fixture.snapshot
      .all<{ id: string }>('SELECT id FROM payments WHERE order_id = ?', [String(order.id)])
      .map((p) => `payments:${p.id}`);
    assert.deepEqual(
      acting,
      [`contacts:${contactId}`, 'custom_fields:marker:CONTACT', 'custom_fields:marker:ORDER', `orders:${order.id}`, ...payments].sort(),
    );
    assert.ok(plan.steps.find((s) => s.id === `contacts:${contactId}`)?.pulledIn, 'the contact is pulled in');
    assert.ok(
      plan.steps.filter((s) => s.entity === 'products').every((s) => s.action === 'skip' && s.pulledIn),
      'its products are live',
    );
    const receipt = await apply(fixture, plan);
    assert.deepEqual(receipt.failed, []);
    assert.equal(receipt.created, acting.length);
  });

  it('a second restore into an account that has the marker field already writes its records with that field', async () => {
    const fixture = await accountWithSnapshot(60, 'restore-second');
    applyDisaster(fixture.store, { kind: 'delete-paid-orders', count: 1, seed: 3 });
    const first = await apply(fixture, await makePlan(fixture));
    assert.deepEqual(first.failed, []);
    applyDisaster(fixture.store, { kind: 'delete-paid-orders', count: 1, seed: 4 });
    const plan = await makePlan(fixture);
    const marker = plan.steps.find((s) => s.id === 'custom_fields:marker:ORDER')!;
    assert.equal(marker.action, 'skip', 'the field exists: it is not created again');
    assert.ok(marker.liveId && /^\d+$/.test(marker.liveId));
    const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create')!;
    assert.ok(
      order.refs?.some((r) => r.entity === 'custom_fields' && r.oldId === 'marker:ORDER'),
      'the order is written with the marker',
    );
    const before = fixture.store.orders.size;
    const second = await apply(fixture, plan);
    assert.deepEqual(second.failed, []);
    assert.equal(fixture.store.orders.size, before + 1);
    // The new order carries the marker, so the next plan recognises it.
    const again = await makePlan(fixture);
    assert.equal(again.steps.find((s) => s.id === order.id)?.reason, 'restored-earlier');
  });

  it('refuses a stale plan and names the record that changed', async () => {
    const fixture = await accountWithSnapshot(40, 'restore-stale');
    applyDisaster(fixture.store, { kind: 'delete-paid-orders', count: 2, seed: 5 });
    const plan = await makePlan(fixture);
    // The contact of an order to restore: identical in the account, so counted, not listed, yet
    // relied on (the order is created for it).
    const contactId = buyerOf(plan);
    assert.equal(
      plan.steps.find((s) => s.id === `contacts:${contactId}`),
      undefined,
      'identical: not listed',
    );
    assert.ok(
      plan.live.records.some((r) => r.entity === 'contacts' && r.id === contactId),
      'the plan relies on it',
    );
    await fixture.client.contacts.update(contactId, { job_title: 'Changed meanwhile' });
    const before = fixture.store.orders.size;
    await assert.rejects(
      apply(fixture, plan),
      (err: Error) =>
        err.name === 'StalePlanError' &&
        new RegExp(`contacts ${contactId} changed`).test(err.message) &&
        /Make a new plan/.test(err.message),
    );
    assert.equal(fixture.store.orders.size, before, 'nothing was written');
  });

  it('verification reads only what changed since the apply started, and a written record that read misses is looked for whole, not called missing', async () => {
    const fixture = await accountWithSnapshot(60, 'restore-verify-read');
    applyDisaster(fixture.store, { kind: 'delete-contacts', fraction: 0.1, seed: 4 });
    const plan = await makePlan(fixture);
    const scopes: Array<{ entities?: readonly string[]; changedSince?: string }> = [];
    const receipt = await apply(fixture, plan, {
      readLive: async (scope) => {
        scopes.push(scope);
        // As if Keap had not moved the change times: the changed-since read holds none of the writes.
        const changedSince = scope.changedSince && '2999-01-01T00:00:00.000Z';
        return (await readLiveAccount(fixture.client, { ...scope, changedSince })).db;
      },
    });
    assert.deepEqual(receipt.failed, []);
    assert.ok(receipt.verification.checked > 5);
    assert.deepEqual(receipt.verification.problems, [], 'every written record was found in the whole read');
    const verification = scopes.find((s) => s.changedSince);
    assert.ok(verification, 'verification asked for what changed since the apply started');
    assert.ok(Date.parse(verification.changedSince!) <= Date.parse(receipt.startedAt));
    assert.ok(!verification.entities?.includes('custom_fields'), 'custom fields are not read again at the end');
    assert.ok(
      scopes.some((s) => !s.changedSince && s.entities?.includes('contacts')),
      'then the entities it missed, whole',
    );
  });

  it('the preview can tell a plan is stale before apply, and a plan is current right after it is made', async () => {
    const fixture = await accountWithSnapshot(40, 'restore-stale-check');
    applyDisaster(fixture.store, { kind: 'delete-paid-orders', count: 2, seed: 7 });
    const plan = await makePlan(fixture);
    const read = async () => (await readLiveAccount(fixture.client)).db;
    const fresh = await read();
    assert.deepEqual(liveChangesSince(plan, fresh), []);
    fresh.close();
    const contactId = buyerOf(plan);
    await fixture.client.contacts.update(contactId, { job_title: 'Changed meanwhile' });
    const later = await read();
    assert.deepEqual(liveChangesSince(plan, later), [{ entity: 'contacts', id: contactId, change: 'changed' }]);
    later.close();
  });

  it('applies only the steps selected in the preview and reports the rest as not applied', async () => {
    const fixture = await accountWithSnapshot(60, 'restore-only');
    applyDisaster(fixture.store, { kind: 'delete-paid-orders', count: 3, seed: 8 });
    const plan = await makePlan(fixture);
    const orders = plan.steps.filter((s) => s.entity === 'orders' && s.action === 'create');
    assert.equal(orders.length, 3);
    // One order with what it depends on, closed the way the preview closes a selection.
    const chosen = new Set<string>();
    const add = (id: string) => {
      if (chosen.has(id)) return;
      chosen.add(id);
      for (const d of plan.steps.find((s) => s.id === id)!.dependsOn) add(d);
    };
    add(orders[0].id);
    const before = fixture.store.orders.size;
    const receipt = await apply(fixture, plan, { only: chosen });
    assert.deepEqual(receipt.failed, []);
    assert.equal(fixture.store.orders.size, before + 1, 'exactly the selected order was created');
    const skipped = receipt.notApplied.filter((n) => n.reason === 'Not selected in the preview').map((n) => n.stepId);
    for (const other of orders.slice(1)) assert.ok(skipped.includes(other.id), `${other.id} is reported as not selected`);
    // The rest later, from the same plan: the first order is not created again.
    const rest = await apply(fixture, plan);
    assert.deepEqual(rest.failed, []);
    assert.equal(fixture.store.orders.size, before + 3);
  });

  it('two applies at once on one account: the second is refused', async () => {
    const fixture = await accountWithSnapshot(40, 'restore-lock');
    applyDisaster(fixture.store, { kind: 'delete-contacts', count: 3, seed: 6 });
    const plan = await makePlan(fixture);
    const first = apply(fixture, plan);
    await new Promise((r) => setTimeout(r, 5));
    await assert.rejects(apply(fixture, plan), /Another apply is running on this account/);
    const receipt = await first;
    assert.deepEqual(receipt.failed, []);
  });

  it('with faults on 10% of requests the end state is the same and nothing is duplicated', async () => {
    const fixture = await accountWithSnapshot(80, 'restore-faults', {});
    applyDisaster(fixture.store, { kind: 'delete-contacts', fraction: 0.15, seed: 7 });
    applyDisaster(fixture.store, { kind: 'delete-payments', fraction: 0.1, seed: 8 });
    const plan = await makePlan(fixture);
    const faultyClient = new (fixture.client.constructor as typeof import('../../../src/core/keap/client').KeapClient)({
      baseUrl: fixture.emulator.apiBaseUrl,
      credential: { kind: 'api-key', key: fixture.emulator.token },
      throttle: 'unlimited',
      timeoutMs: 200,
      retryBaseMs: 5,
      maxRetries: 10,
    });
    fixture.emulator.faults.configure({ rate: 0.1, seed: 99, delayMs: 400 });
    const receipt = await apply({ ...fixture, client: faultyClient }, plan);
    fixture.emulator.faults.configure({ rate: 0 });
    assert.deepEqual(receipt.failed, []);
    assert.ok(fixture.emulator.stats().faultsInjected > 3);
    const { db: live } = await readLiveAccount(fixture.client);
    for (const entity of ['contacts', 'orders', 'payments'] as RestoreEntity[])
      assert.equal(live.count(entity as never), fixture.snapshot.count(entity as never), entity);
    live.close();
  });
});

describe('Restore: identical records are counted, not listed', function () {
  this.timeout(120_000);
  after(closeTestAccounts);

  it('a whole-account plan lists only what it acts on, accounts for every record, and applied twice creates each lost record once', async () => {
    const fixture = await accountWithSnapshot(60, 'identical-counted');
    applyDisaster(fixture.store, { kind: 'delete-contacts', fraction: 0.1, seed: 11 });
    const plan = await makePlan(fixture);
    assert.equal(plan.steps.filter((s) => s.reason === 'identical').length, 0, 'no identical record listed');
    assert.ok((plan.identical?.contacts ?? 0) > 40, 'identical contacts counted');
    for (const entity of ['contacts', 'orders', 'payments'] as const) {
      const counts = plan.headline[entity]!;
      const listed = plan.steps.filter((s) => s.entity === entity && s.action === 'skip').length;
      assert.equal(counts.skip, listed + (plan.identical?.[entity] ?? 0), `${entity}: the headline's skips include the counted ones`);
      const planned = counts.create + counts.update + counts.skip + counts.conflict + counts.blocked;
      assert.equal(planned, fixture.snapshot.count(entity), `${entity}: every snapshot record is accounted for`);
    }
    const first = await apply(fixture, plan);
    assert.deepEqual(first.failed, []);
    assert.ok(first.created > 5);
    // The same plan again (another ledger, so only Keap knows what the first run did).
    const second = await apply({ ...fixture, ledgerFile: `${fixture.ledgerFile}.other` }, plan);
    assert.deepEqual(second.failed, []);
    assert.equal(second.created, 0, 'nothing created twice');
    await assertNoDuplicates(fixture);
    const after = await makePlan(fixture);
    assert.equal(after.steps.filter((s) => s.action === 'create').length, 0, 'nothing left to restore');
  });

  it('an identical record a restore does not lean on may change after the plan: the plan stays current and its kind is not read again', async () => {
    const fixture = await accountWithSnapshot(60, 'identical-unread');
    applyDisaster(fixture.store, { kind: 'delete-paid-orders', count: 2, seed: 12 });
    const plan = await makePlan(fixture);
    const buyers = new Set(
      plan.steps
        .flatMap((s) => s.refs ?? [])
        .filter((r) => r.entity === 'contacts')
        .map((r) => r.oldId),
    );
    const bystander = [...fixture.store.contacts.values()].map((c) => String(c.id)).find((id) => !buyers.has(id))!;
    await fixture.client.contacts.update(bystander, { job_title: 'Changed after the plan' });
    const scopes: Array<readonly string[] | undefined> = [];
    const receipt = await apply(fixture, plan, {
      readLive: async (scope) => {
        scopes.push(scope.entities);
        return (await readLiveAccount(fixture.client, scope)).db;
      },
    });
    assert.deepEqual(receipt.failed, []);
    assert.equal(receipt.created, plan.steps.filter((s) => s.action === 'create').length);
    const staleRead = scopes[0] ?? [];
    for (const entity of ['orders', 'payments', 'subscriptions'])
      assert.ok(!staleRead.includes(entity), `the stale check does not read ${entity} (read: ${staleRead.join(', ')})`);
    assert.equal(fixture.store.contacts.get(Number(bystander))?.job_title, 'Changed after the plan', 'left as it is');
    await assertNoDuplicates(fixture);
  });

  it('a parent a restore leans on, deleted after the plan, makes it stale: nothing is created pointing at it', async () => {
    const fixture = await accountWithSnapshot(60, 'identical-parent-gone');
    applyDisaster(fixture.store, { kind: 'delete-paid-orders', count: 2, seed: 13 });
    const plan = await makePlan(fixture);
    const contactId = buyerOf(plan);
    fixture.store.deleteContact(Number(contactId));
    const before = fixture.store.orders.size;
    await assert.rejects(
      apply(fixture, plan),
      (err: Error) => err.name === 'StalePlanError' && err.message.includes(`contacts ${contactId} deleted`),
    );
    assert.equal(fixture.store.orders.size, before, 'nothing was written');
  });

  it('a plan that leans only on live orders is current when checked as apply and the preview check it: their contacts are read too', async () => {
    const fixture = await accountWithSnapshot(40, 'identical-orders-only');
    applyDisaster(fixture.store, { kind: 'delete-payments', count: 3, seed: 15 });
    const plan = await makePlan(fixture);
    const kinds = new Set(plan.live.records.map((r) => r.entity));
    assert.ok(
      kinds.has('orders') && !kinds.has('contacts'),
      `payments to record lean on their orders, not contacts (${[...kinds].join(', ')})`,
    );
    const entities = staleCheckEntities(plan);
    assert.ok(entities.includes('contacts'), `an order's hash names its contact, so contacts are read (${entities.join(', ')})`);
    const { db } = await readLiveAccount(fixture.client, { entities });
    try {
      assert.deepEqual(liveChangesSince(plan, db), [], 'current');
    } finally {
      db.close();
    }
  });

  it('a selection lists the identical records it pulls in, so its preview names what it leans on', async () => {
    const fixture = await accountWithSnapshot(40, 'identical-selection');
    applyDisaster(fixture.store, { kind: 'delete-paid-orders', count: 1, seed: 14 });
    const whole = await makePlan(fixture);
    const order = whole.steps.find((s) => s.entity === 'orders' && s.action === 'create')!;
    const contact = order.refs!.find((r) => r.entity === 'contacts')!.oldId;
    const plan = await makePlan(fixture, { records: [order.id] });
    assert.equal(plan.steps.find((s) => s.id === `contacts:${contact}`)?.reason, 'identical');
    assert.equal(plan.identical?.contacts, undefined, 'a selection counts nothing');
  });
});
