/**
 * Planning keeps a hash of each live record's restorable fields instead of its JSON text (the
 * live index's hashesOnly). The hash must be the one a stale check computes from the text, and a
 * record must be found live exactly when the text index finds it: a record wrongly absent would be
 * created a second time, and a hash wrongly equal would skip a record that differs (a relink lost).
 */
import assert from 'node:assert/strict';
import { comparableRecord } from '../../../src/core/restore/fields';
import { RESTORE_ORDER } from '../../../src/core/restore/plan';
import { LiveIndex, markerFieldIdsOf } from '../../../src/core/restore/liveIndex';
import { MARKER_LABEL } from '../../../src/core/restore/marker';
import { livePlanFeed, planRestore } from '../../../src/core/restore/planner';
import { LiveIndexFeed } from '../../../src/core/restore/liveIndexFeed';
import { CAPTURED_ENTITIES, type CapturedEntity } from '../../../src/core/snapshot/entities';
import type { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { liveChangesSince } from '../../../src/core/restore/staleness';
import type { SnapshotEntity } from '../../../src/core/snapshot/entities';
import { applyDisaster } from '../../../src/emulator/disasters';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { snapshotOfAccount } from '../../fixtures/accountSnapshot';

describe('Restore: the live index planning keeps (hashes, not JSON text)', function () {
  this.timeout(60_000);

  it('finds the same records and gives the same hashes as the index a stale check reads', async () => {
    const store = new EmulatorStore();
    // More contacts than the index reads again one at a time before reading their texts in one pass.
    generateAccount(store, { seed: 'live-index', size: 350 });
    const snapshot = await snapshotOfAccount(store);
    applyDisaster(store, { kind: 'delete-products', fraction: 0.2, seed: 1 });
    applyDisaster(store, { kind: 'corrupt-contacts', fraction: 0.2, seed: 2 });
    applyDisaster(store, { kind: 'delete-payments', fraction: 0.2, seed: 3 });
    const live = await snapshotOfAccount(store);
    const text = new LiveIndex(live);
    const hashes = new LiveIndex(live, { hashesOnly: true });
    // Planning keeps text hashes and references instead of projection hashes for some entities.
    const texts = new LiveIndex(live, { hashesOnly: true, sameText: new Set(RESTORE_ORDER) });
    let compared = 0;
    for (const entity of RESTORE_ORDER) {
      const ids = new Set([...live.rows(entity as SnapshotEntity, { json: false })].map((r) => r.id));
      for (const id of [...ids, '999999999']) {
        assert.equal(hashes.has(entity, id), text.has(entity, id), `${entity} ${id} found alike`);
        assert.equal(hashes.hash(entity, id), text.hash(entity, id), `${entity} ${id} hashed alike`);
        assert.equal(hashes.json(entity, id), text.json(entity, id), `${entity} ${id} read alike`);
        assert.equal(texts.hash(entity, id), text.hash(entity, id), `${entity} ${id} hashed alike when asked`);
        const json = text.json(entity, id);
        if (json !== undefined) {
          // The references kept are every one the record's projection maps: none left unchecked.
          const mapped: string[] = [];
          comparableRecord(entity, JSON.parse(json) as Record<string, unknown>, (e, ref) => (mapped.push(e, ref), ref));
          assert.deepEqual(texts.sameText(entity, id, json), mapped, `${entity} ${id}: its references`);
          assert.equal(texts.sameText(entity, id, json.replace(/}$/, ',"x":1}')), undefined, `${entity} ${id}: another text`);
        }
        compared++;
      }
    }
    assert.ok(compared > 500, `compared ${compared}`);
    const plan = planRestore({ snapshot, live, liveReadAt: new Date().toISOString(), account: 'a', apiBaseUrl: 'http://a' });
    // The hashes the plan records are those the stale check finds in the same live account.
    assert.deepEqual(liveChangesSince(plan, live), []);
    // Contacts that differ are compared field by field (the corrupted ones), not skipped as identical.
    assert.ok(plan.steps.some((s) => s.entity === 'contacts' && s.reason === 'present-differs'));
    // Orders whose product is gone are relinked to the product the plan restores.
    assert.ok(plan.steps.some((s) => s.entity === 'orders' && s.reason === 'relink'));
  });

  it("an apply finds the marker fields' live ids from the custom fields alone, as the whole index does", async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'marker-fields', size: 40 });
    const contactField = store.createCustomField('CONTACT', MARKER_LABEL, 'TEXT');
    const orderField = store.createCustomField('ORDER', MARKER_LABEL, 'TEXT');
    store.createCustomField('COMPANY', `${MARKER_LABEL} (old)`, 'TEXT'); // another label: not the marker
    const live = await snapshotOfAccount(store);
    const ids = markerFieldIdsOf(live);
    assert.deepEqual(
      ids,
      new Map([
        ['CONTACT', String(contactField.id)],
        ['ORDER', String(orderField.id)],
      ]),
    );
    assert.deepEqual(ids, new LiveIndex(live).markerFieldIds);
  });

  it("gives back an entity's look-ups once a whole plan planned it, and refuses, never answers empty, when asked again", async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'live-given-back', size: 60 });
    const live = await snapshotOfAccount(store);
    const index = new LiveIndex(live, { hashesOnly: true });
    const order = [...store.orders.values()].find((o) => [...store.payments.values()].some((p) => p.order_id === o.id))!;
    const contactId = String(order.contact_id);
    const orders = index.ordersOf(contactId);
    const payments = index.paymentsOf(String(order.id));
    assert.ok(orders.length > 0 && payments.length > 0, 'a contact with orders, an order with payments');
    index.plannedWhole('contacts');
    assert.deepEqual(index.ordersOf(contactId), orders, 'planning contacts gives nothing back');
    index.plannedWhole('orders');
    assert.throws(() => index.ordersOf(contactId), /gave back what planning orders reads/);
    assert.deepEqual(index.paymentsOf(String(order.id)), payments, "payments' look-up is kept until payments are planned");
    index.plannedWhole('payments');
    assert.throws(() => index.paymentsOf(String(order.id)), /gave back what planning payments reads/);
  });

  it('indexed page by page as the live read receives them, the index is the one read from its database; pages that come before the marker fields are known are read from the database instead', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'live-feed', size: 120 });
    const snapshot = await snapshotOfAccount(store);
    applyDisaster(store, { kind: 'corrupt-orders', fraction: 0.2, seed: 1 });
    applyDisaster(store, { kind: 'delete-products', fraction: 0.2, seed: 2 });
    const live = await snapshotOfAccount(store);
    /** Feeds every entity's records in pages of 40, in `order`, as memoryCapture hands them over. */
    const fed = (feed: LiveIndexFeed, order: readonly CapturedEntity[]) => {
      for (const entity of order) {
        const rows = [...live.rows(entity)];
        for (let at = 0; at < rows.length; at += 40) {
          const page = rows.slice(at, at + 40);
          feed.page(
            entity,
            page.map((r) => JSON.parse(r.json) as Record<string, unknown>),
            page.map((r) => r.json),
          );
        }
        feed.entityDone(entity);
      }
      return feed;
    };
    const fieldsFirst = ['custom_fields', ...CAPTURED_ENTITIES.filter((e) => e !== 'custom_fields')] as CapturedEntity[];
    const inOrder = fed(livePlanFeed(), fieldsFirst);
    assert.deepEqual([...inOrder.indexed].sort(), ['companies', 'contacts', 'orders', 'products', 'subscriptions']);
    // Contacts, companies, orders and subscriptions carry markers, read through the fields' ids.
    const contactsFirst = fed(livePlanFeed(), ['contacts', ...fieldsFirst.filter((e) => e !== 'contacts')]);
    assert.ok(!contactsFirst.indexed.has('contacts') && contactsFirst.indexed.has('orders'));

    const input = { snapshot, live, liveReadAt: '2026-11-30T00:00:00.000Z', account: 'a', apiBaseUrl: 'http://a', today: '2026-11-26' };
    const read = planRestore(input);
    const stable = (plan: typeof read) => ({ ...plan, planId: '', createdAt: '' });
    assert.deepEqual(stable(planRestore({ ...input, liveFed: inOrder })), stable(read));
    assert.deepEqual(stable(planRestore({ ...input, liveFed: contactsFirst })), stable(read));
    assert.ok(
      read.steps.some((s) => s.entity === 'orders' && s.reason === 'relink'),
      'the account exercises relinks',
    );
    assert.ok((read.identical?.orders ?? 0) > 0, 'and orders counted identical by their text');
    // A feed serves one plan: the index goes on to add the other entities to it.
    assert.throws(() => planRestore({ ...input, liveFed: inOrder }), /feed indexes one plan/);
    const again = fed(livePlanFeed(), fieldsFirst);
    sameIndex(new LiveIndex(live, { hashesOnly: true, sameText: again.sameText, fed: again }), live);
  });
});

/** The index a feed gave answers every look-up as the one read from the database. */
function sameIndex(fedIndex: LiveIndex, live: SnapshotDb): void {
  const read = new LiveIndex(live, { hashesOnly: true, sameText: livePlanFeed().sameText });
  assert.ok(fedIndex.fedEntities.has('orders'));
  assert.deepEqual(fedIndex.newestChanges(), read.newestChanges());
  for (const entity of RESTORE_ORDER) {
    assert.deepEqual([...fedIndex.referencedFrom(entity)], [...read.referencedFrom(entity)], entity);
    for (const { id, json } of live.rows(entity as SnapshotEntity)) {
      assert.equal(fedIndex.hash(entity, id), read.hash(entity, id), `${entity} ${id}`);
      assert.deepEqual(fedIndex.sameText(entity, id, json), read.sameText(entity, id, json), `${entity} ${id}`);
    }
  }
  for (const { id } of live.rows('contacts')) assert.deepEqual(fedIndex.ordersOf(id), read.ordersOf(id));
}
