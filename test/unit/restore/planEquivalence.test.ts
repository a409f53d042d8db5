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
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseMarker } from '../../../src/core/restore/marker';
import type { PlanOptions, RestorePlan } from '../../../src/core/restore/plan';
import { applyDisaster } from '../../../src/emulator/disasters';
import { closeTestAccounts } from '../support/emulator';
import { retypeOrder } from '../support/handEdits';
import { accountWithSnapshot, apply, makePlan, type RestoreFixture } from './support';

const FIXTURE = path.join(__dirname, '../../../../test/fixtures/plans/equivalence.json');

/** A plan without what differs between two runs (ids and times of plan and snapshot, the emulator's port, the account's temp name). */
function stable(plan: RestorePlan, fixture: RestoreFixture): unknown {
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
  return JSON.parse(text) as unknown;
}

describe('Restore: plans equal the plans made before planning was made fast', function () {
  this.timeout(180_000);
  after(closeTestAccounts);

  it('losses, corruption, restored markers with and without the ledger, look-alike orders, selections', async () => {
    const fixture = await accountWithSnapshot(160, 'plan-equivalence');
    const { store } = fixture;
    const ordersBefore = new Map([...store.orders.values()].map((o) => [o.id, structuredClone(o)]));
    applyDisaster(store, { kind: 'delete-contacts', fraction: 0.15, seed: 1 });
    applyDisaster(store, { kind: 'delete-paid-orders', fraction: 0.1, seed: 2 });
    applyDisaster(store, { kind: 'delete-payments', fraction: 0.1, seed: 3 });
    applyDisaster(store, { kind: 'corrupt-orders', fraction: 0.1, seed: 5 });
    applyDisaster(store, { kind: 'corrupt-contacts', fraction: 0.1, seed: 6 });

    // Part of the loss restored earlier: its records carry markers and the ledger knows them.
    const first = await makePlan(fixture, { subscriptionsStartToday: true });
    const someOrders = first.steps
      .filter((s) => s.entity === 'orders' && s.action === 'create')
      .slice(0, 6)
      .map((s) => s.id);
    assert.ok(someOrders.length >= 4, 'orders to restore first');
    const partial = await makePlan(fixture, { records: someOrders, subscriptionsStartToday: true });
    const receipt = await apply(fixture, partial);
    assert.deepEqual(receipt.failed, []);
    // Products lost after that restore: live orders point at them (relinks).
    applyDisaster(store, { kind: 'delete-products', fraction: 0.3, seed: 4 });

    // Orders re-typed by hand: one with its own date, one dated today (made after the snapshot).
    const retypable = [...ordersBefore.values()]
      .filter((o) => !store.orders.has(o.id) && !someOrders.includes(`orders:${o.id}`) && store.contacts.has(o.contact_id))
      .filter((o) => o.items.length > 0 && o.items.every((i) => i.product_id !== undefined && store.products.has(i.product_id)))
      .slice(0, 2)
      .map((order) => ({ id: order.id, order }));
    assert.equal(retypable.length, 2, 'two lost orders of live contacts to re-type');
    await retypeOrder(fixture.client, retypable[0].order);
    await retypeOrder(fixture.client, { ...retypable[1].order, order_time: '2026-11-26T09:30:00.000Z' });

    const runs: Array<[string, PlanOptions, boolean]> = [
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
    const plans: Record<string, unknown> = {};
    for (const [name, options, withLedger] of runs) {
      const plan = await makePlan(withLedger ? fixture : { ...fixture, ledgerFile: path.join(fixture.dir, 'no.kvledger') }, options);
      plans[name] = stable(plan, fixture);
    }
    if (process.env.KV_WRITE_PLAN_FIXTURE) {
      mkdirSync(path.dirname(FIXTURE), { recursive: true });
      writeFileSync(FIXTURE, JSON.stringify(plans) + '\n');
    }
    const kinds = (name: string) => new Set((plans[name] as RestorePlan).steps.map((s) => `${s.action}/${s.reason}`));
    for (const kind of ['create/missing-in-live', 'skip/restored-earlier', 'conflict/likely-duplicate', 'update/relink'])
      assert.ok(kinds('with the ledger').has(kind), `the account exercises ${kind}`);
    // Identical records are counted (format 1.1), not listed.
    assert.ok(((plans['with the ledger'] as RestorePlan).identical?.contacts ?? 0) > 0, 'the account exercises identical records');
    assert.ok(kinds('markers only, --update-existing').has('update/differs'), 'the account exercises updates');

    if (process.env.KV_PLAN_ACTUAL) writeFileSync(process.env.KV_PLAN_ACTUAL, JSON.stringify(plans, null, 1) + '\n');
    const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
    for (const name of Object.keys(expected)) assert.deepEqual(plans[name], expected[name], name);
    assert.deepEqual(Object.keys(plans), Object.keys(expected));
  });

  // Most records of a restore did not change, and planning counts those without reading them
  // (PlanContext.identicalByText): a record whose text is its live record's, under its own id. An
  // earlier restore found by the ledger or by a marker, or a reference that an earlier restore
  // moved, makes such a record plan otherwise, and it must then be read.
  it('records unchanged in the account, but restored earlier or pointing at a record restored earlier, are planned as such', async () => {
    const fixture = await accountWithSnapshot(40, 'plan-unread');
    const { store } = fixture;
    const byCompany = new Map<number, number[]>();
    for (const c of store.contacts.values()) if (c.company_id) byCompany.set(c.company_id, [...(byCompany.get(c.company_id) ?? []), c.id]);
    const [companyId, [contactId, ...others]] =
      [...byCompany].find(([, ids]) => ids.length >= 2) ?? assert.fail('a company of two contacts');
    const company = structuredClone(store.requireCompany(companyId));
    const contact = structuredClone(store.requireContact(contactId));

    // Lost, and restored (the company pulled in by its contact)...
    store.deleteContact(contactId);
    store.deleteCompany(companyId);
    const receipt = await apply(fixture, await makePlan(fixture, { records: [`contacts:${contactId}`] }));
    assert.deepEqual(receipt.failed, []);
    const newId = (entity: string, oldId: number) =>
      receipt.idMap.find((m) => m.entity === entity && m.oldId === String(oldId))?.newId ?? assert.fail(`${entity} ${oldId} restored`);
    const [restoredContact, restoredCompany] = [newId('contacts', contactId), newId('companies', companyId)];
    // ...then brought back by Keap's support as they were, with the company's other contacts
    // linked to it again: every one of these records has its snapshot text under its own id.
    store.companies.insert(company);
    store.contacts.insert(contact);
    for (const id of others) store.requireContact(id).company_id = companyId;

    const expectations = (plan: RestorePlan, how: string) => {
      const step = (id: string) => plan.steps.find((s) => s.id === id);
      assert.deepEqual(
        [step(`contacts:${contactId}`), step(`companies:${companyId}`)].map((s) => s && [s.action, s.reason, s.liveId]),
        [
          ['skip', 'restored-earlier', restoredContact],
          ['skip', 'restored-earlier', restoredCompany],
        ],
        `${how}: the restored records stand for their snapshot records`,
      );
      // The company is back, so this is no relink (its record is not gone): a difference named.
      for (const id of others)
        assert.deepEqual(
          step(`contacts:${id}`)?.changes,
          [{ path: 'company', before: String(companyId), after: restoredCompany }],
          `${how}: contact ${id} is linked to the company back in the account, not to the one restored earlier`,
        );
    };
    // Found by their markers, without the ledger...
    expectations(await makePlan({ ...fixture, ledgerFile: path.join(fixture.dir, 'no.kvledger') }), 'by marker');
    // ...and by the ledger, once their markers are gone (cleared by hand).
    for (const record of [store.requireContact(Number(restoredContact)), store.requireCompany(Number(restoredCompany))])
      for (const [field, value] of Object.entries(record.custom)) if (parseMarker(value)) delete record.custom[field];
    expectations(await makePlan(fixture), 'by the ledger');
  });
});
