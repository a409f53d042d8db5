import assert from 'node:assert/strict';
import { MARKER_LABEL, markerValue, paymentNote } from '../../../src/core/restore/marker';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { ruleById, validateSnapshot } from '../../../src/core/validate/engine';
import { ALL_RULES } from '../../../src/core/validate/rules';
import { PLANTED_PROBLEM_KINDS, type PlantedProblem, type PlantedProblemKind } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { generatedSnapshotFile, snapshotFromStore } from '../support/snapshots';
import { restoredAccount } from './restoredAccount';

/** Which rule must find each kind of planted problem, and under which record id. */
const EXPECTED: Record<PlantedProblemKind, { rule: string; entity: string; recordId(p: PlantedProblem): string }> = {
  'orphan-order': { rule: 'order/orphan-contact', entity: 'orders', recordId: (p) => p.ids[0] },
  'dangling-product': { rule: 'order-item/missing-product', entity: 'order_items', recordId: (p) => p.ids[1] },
  'orphan-payment': { rule: 'payment/orphan-order', entity: 'payments', recordId: (p) => p.ids[0] },
  'duplicate-payment': { rule: 'payment/duplicate', entity: 'payments', recordId: (p) => p.ids[1] },
  'overpaid-order': { rule: 'order/overpaid', entity: 'orders', recordId: (p) => p.ids[0] },
  'total-mismatch': { rule: 'order/total-mismatch', entity: 'orders', recordId: (p) => p.ids[0] },
  'paid-status-mismatch': { rule: 'order/paid-status-mismatch', entity: 'orders', recordId: (p) => p.ids[0] },
  'orphan-subscription': { rule: 'subscription/orphan', entity: 'subscriptions', recordId: (p) => p.ids[0] },
  'dangling-tag': { rule: 'contact-tag/missing-tag', entity: 'contact_tags', recordId: (p) => `${p.ids[0]}:${p.ids[1]}` },
  'dangling-company': { rule: 'contact/missing-company', entity: 'contacts', recordId: (p) => p.ids[0] },
  'future-order': { rule: 'order/future-date', entity: 'orders', recordId: (p) => p.ids[0] },
  'order-before-contact': { rule: 'order/before-contact', entity: 'orders', recordId: (p) => p.ids[0] },
  'duplicate-order': { rule: 'order/likely-duplicate', entity: 'orders', recordId: (p) => p.ids[1] },
};

/** [record id, message] of one rule's findings; the rule runs alone. */
async function findingsOf(store: EmulatorStore, rule: string): Promise<Array<[string, string, string]>> {
  const db = await snapshotFromStore(store);
  try {
    return validateSnapshot(db, { only: [rule] }).findings.map((f) => [f.recordId, f.severity, f.message]);
  } finally {
    db.close();
  }
}

describe('Validation rules', function () {
  this.timeout(120_000);

  it('every rule has an id, a title and an explanation of why it matters and how to fix it', () => {
    assert.equal(new Set(ALL_RULES.map((r) => r.id)).size, ALL_RULES.length);
    for (const rule of ALL_RULES) {
      assert.match(rule.id, /^[a-z-]+\/[a-z-]+$/);
      assert.ok(rule.title.length > 10 && rule.explanation.length > 120, rule.id);
    }
  });

  it('a clean generated account of 10,000 contacts has no findings (no false positives)', async () => {
    const { file } = await generatedSnapshotFile({ seed: 'clean', size: 10_000 });
    const db = await SnapshotDb.open(file);
    const report = validateSnapshot(db);
    assert.deepEqual(report.findings.slice(0, 5), []);
    assert.equal(report.rules.length, ALL_RULES.length);
    db.close();
  });

  it('finds every planted problem with the right ids, and nothing else', async () => {
    const plant = Object.fromEntries(PLANTED_PROBLEM_KINDS.map((k) => [k, 3])) as Record<PlantedProblemKind, number>;
    const { file, planted } = await generatedSnapshotFile({ seed: 'planted', size: 2000, plant });
    const db = await SnapshotDb.open(file);
    const report = validateSnapshot(db);
    for (const kind of PLANTED_PROBLEM_KINDS) {
      const expected = EXPECTED[kind];
      const want = planted
        .filter((p) => p.kind === kind)
        .map(expected.recordId)
        .sort();
      const got = report.findings
        .filter((f) => f.ruleId === expected.rule && f.entity === expected.entity)
        .map((f) => f.recordId)
        .sort();
      assert.deepEqual(got, want, `${kind} -> ${expected.rule}`);
    }
    // The orphaned payments' transactions are reported too; nothing else is.
    const explained = report.findings.filter((f) => !Object.values(EXPECTED).some((e) => e.rule === f.ruleId && e.entity === f.entity));
    assert.deepEqual(
      explained.map((f) => f.entity),
      explained.map(() => 'transactions'),
    );
    assert.equal(explained.length, plant['orphan-payment']);
    db.close();
  });

  it('finds duplicate ids in any entity', async () => {
    const db = await SnapshotDb.create();
    db.insert('orders', [
      { id: '7', contact: { id: '1' }, order_items: [] },
      { id: '7', contact: { id: '2' }, order_items: [] },
    ]);
    db.insert('contacts', [{ id: '1' }, { id: '2' }, { id: '2' }]);
    const report = validateSnapshot(db, { only: ['entity/duplicate-id'], settings: { now: '2026-01-01T00:00:00Z' } });
    assert.deepEqual(
      report.findings.map((f) => [f.entity, f.recordId, f.message]),
      [
        ['contacts', '2', 'contacts id 2 appears 2 times'],
        ['orders', '7', 'orders id 7 appears 2 times'],
      ],
    );
    db.close();
  });

  it('orphan rules report a parent id written differently (07 is not 7) as missing, orders without a contact too, by id with stored order breaking ties', async () => {
    const db = await SnapshotDb.create();
    db.insert('contacts', [{ id: '7' }, { id: '2' }]);
    db.insert('products', [{ id: '5' }]);
    db.insert('orders', [
      { id: '10', contact: { id: '404' }, order_items: [{ id: '1', product: { id: '05' } }] },
      { id: '9', order_items: [] }, // no contact at all
      { id: '010', contact: { id: '02' }, order_items: [{ id: '2', product: { id: '5' } }] }, // '02' is not contact '2'
      { id: '3', contact: { id: '7' }, order_items: [{ id: '3' }] }, // an item without product is not dangling
    ]);
    db.insert('payments', [
      { id: '19', order_ids: [404] },
      { id: '20', order_ids: ['03'] },
      { id: '21', order_ids: [3] },
    ]);
    const found = (rule: string) =>
      validateSnapshot(db, { only: [rule], settings: { now: '2026-01-01T00:00:00Z' } }).findings.map((f) => `${f.recordId}: ${f.message}`);
    assert.deepEqual(found('order/orphan-contact'), [
      '9: Order 9 has no contact',
      '10: Order 10 belongs to contact 404, which is not in the account',
      '010: Order 010 belongs to contact 02, which is not in the account',
    ]);
    assert.deepEqual(found('order-item/missing-product'), ['1: Item 1 of order 10 points at product 05, which is not in the account']);
    assert.deepEqual(found('payment/orphan-order'), [
      '19: Payment 19 is for order 404, which is not in the account',
      '20: Payment 20 is for order 03, which is not in the account',
    ]);
    db.close();
  });

  it('payment/duplicate groups payments equal in order, amount, time and method (a missing amount equal to another), ids in numeric order', async () => {
    const db = await SnapshotDb.create();
    const paid = { order_ids: [5], amount: 10, payment_time: '2026-01-02T00:00:00Z', type: 'Cash' };
    db.insert('payments', [
      { id: '12', ...paid },
      { id: '3', ...paid },
      { id: '40', ...paid },
      { id: '41', ...paid, type: 'Check' }, // another method
      { id: '42', ...paid, payment_time: '2026-01-03T00:00:00Z' }, // another time
      { id: '43', ...paid, amount: 11 }, // another amount
      { id: '51', order_ids: [6], payment_time: '2026-01-02T00:00:00Z', type: 'Cash' },
      { id: '50', order_ids: [6], payment_time: '2026-01-02T00:00:00Z', type: 'Cash' },
    ]);
    const report = validateSnapshot(db, { only: ['payment/duplicate'], settings: { now: '2026-02-01T00:00:00Z' } });
    assert.deepEqual(
      report.findings.map((f) => [f.recordId, f.related.map((r) => `${r.entity} ${r.id}`)]),
      [
        ['40', ['orders 5', 'payments 3', 'payments 12']],
        ['51', ['orders 6', 'payments 50']],
      ],
    );
    assert.equal(report.findings[0].message, 'Payments 3, 12, 40 on order 5 are the same $10.00 at 2026-01-02T00:00:00Z');
    db.close();
  });

  it('rules can be switched off or given another severity, and thresholds are settings', async () => {
    const { file } = await generatedSnapshotFile({ seed: 'cfg', size: 200, plant: { 'total-mismatch': 1, 'duplicate-order': 1 } });
    const db = await SnapshotDb.open(file);
    const off = validateSnapshot(db, { rules: { 'order/total-mismatch': 'off' } });
    assert.ok(!off.findings.some((f) => f.ruleId === 'order/total-mismatch'));
    const info = validateSnapshot(db, { rules: { 'order/likely-duplicate': 'info' } });
    assert.deepEqual(
      info.findings.filter((f) => f.ruleId === 'order/likely-duplicate').map((f) => f.severity),
      ['info'],
    );
    const narrow = validateSnapshot(db, { only: ['order/likely-duplicate'], settings: { duplicateWindowMinutes: 0 } });
    assert.equal(narrow.findings.length, 0, 'a zero-minute window finds no duplicates minutes apart');
    const tolerant = validateSnapshot(db, { only: ['order/total-mismatch'], settings: { roundingToleranceCents: 10_000_000 } });
    assert.equal(tolerant.findings.length, 0);
    assert.throws(() => validateSnapshot(db, { only: ['order/nope'] }), /Unknown rule 'order\/nope'/);
    assert.ok(ruleById('order/overpaid'));
    db.close();
  });

  describe('after a restore', () => {
    it('order/before-contact is not raised for a contact re-created by a restore, and still is for an ordinary contact', async () => {
      const { store, contact, order } = restoredAccount();
      const marker = store.createCustomField('CONTACT', MARKER_LABEL, 'TEXT').id;
      const ordinary = order(contact());
      order(contact({ [marker]: markerValue('11') })); // the contact restored from snapshot contact 11, with its 2024 order
      assert.deepEqual(
        (await findingsOf(store, 'order/before-contact')).map(([id]) => id),
        [String(ordinary)],
      );
    });

    it('order/restore-duplicate reports a duplicate a restore created, as an error, and order/likely-duplicate no longer does', async () => {
      const { store, contact, order } = restoredAccount();
      store.createCustomField('CONTACT', 'Notes', 'TEXT'); // the marker field's id differs from any contact field's
      const marker = store.createCustomField('ORDER', MARKER_LABEL, 'TEXT').id;
      const mark = (oldId: string) => ({ [marker]: markerValue(oldId) });
      const c1 = contact();
      const original = order(c1);
      const copy = order(c1, mark(String(original))); // restored from this very account while the original still existed
      const c2 = contact();
      const unrestored = order(c2);
      const foreignCopy = order(c2, mark('77')); // restored from another account's order 77, next to an equal order
      const c3 = contact();
      order(c3);
      const doubled = order(c3); // an ordinary double submission
      const c4 = contact();
      order(c4, mark('37'));
      const alike = order(c4, mark('38')); // two snapshot orders that were already alike, both restored

      assert.deepEqual(await findingsOf(store, 'order/restore-duplicate'), [
        [
          String(copy),
          'error',
          `Order ${copy} duplicates order ${original}: created by a restore (marker kv1:${original}) while order ${original} still existed`,
        ],
        [
          String(foreignCopy),
          'error',
          `Order ${foreignCopy} duplicates order ${unrestored}: created by a restore (marker kv1:77) next to order ${unrestored}, ` +
            `which no restore wrote (same contact ${c2}, same items, $50.00, 0 min apart)`,
        ],
      ]);
      assert.deepEqual(
        (await findingsOf(store, 'order/likely-duplicate')).map(([id]) => id),
        [String(doubled), String(alike)],
      );
    });

    it('entity/restored-twice reports orders (and contacts) carrying the same restore marker, naming both ids and the snapshot id', async () => {
      const { store, contact, order } = restoredAccount();
      const contactMarker = store.createCustomField('CONTACT', MARKER_LABEL, 'TEXT').id;
      const orderMarker = store.createCustomField('ORDER', MARKER_LABEL, 'TEXT').id;
      const otherField = store.createCustomField('ORDER', 'Old system ref', 'TEXT').id;
      const c1 = contact({ [contactMarker]: markerValue('11') });
      const c2 = contact({ [contactMarker]: markerValue('11') });
      const first = order(c1, { [orderMarker]: markerValue('50') });
      const second = order(c1, { [orderMarker]: markerValue('50') });
      const third = order(c2, { [orderMarker]: markerValue('50') }, 2);
      order(c2, { [orderMarker]: markerValue('51') });
      order(c2, { [otherField]: markerValue('50') }, 3); // the same text in another field is no marker
      contact({ [contactMarker]: markerValue('50') }); // a contact restored from contact 50 is not order 50

      assert.deepEqual(await findingsOf(store, 'entity/restored-twice'), [
        [
          String(c2),
          'error',
          `Contact ${c2} and contact ${c1} were both restored from snapshot contact 11 (marker kv1:11): restored twice`,
        ],
        [
          String(second),
          'error',
          `Order ${second} and order ${first} were both restored from snapshot order 50 (marker kv1:50): restored twice`,
        ],
        [
          String(third),
          'error',
          `Order ${third} and order ${first} were both restored from snapshot order 50 (marker kv1:50): restored twice`,
        ],
      ]);
      // Reported once: the order rules leave a pair restored twice to entity/restored-twice.
      assert.deepEqual(await findingsOf(store, 'order/restore-duplicate'), []);
      assert.deepEqual(await findingsOf(store, 'order/likely-duplicate'), []);
    });

    it('entity/restored-twice reports payments carrying the same restore marker in their note', async () => {
      const { store, contact, order } = restoredAccount();
      const orderId = order(contact(), undefined, 4);
      const pay = (note: string) =>
        store.recordPayment(orderId, {
          amount_cents: 1000,
          method_type: 'Cash',
          pay_time: '2024-03-06T10:00:00.000Z',
          note,
          apply_to_commissions: false,
        }).id;
      const first = pay(paymentNote('900', 'Deposit'));
      const again = pay(paymentNote('900', 'Deposit'));
      pay(paymentNote('901'));
      pay('Refers to kv1:900 by hand'); // not a restore's note marker

      assert.deepEqual(await findingsOf(store, 'entity/restored-twice'), [
        [
          String(again),
          'error',
          `Payment ${again} and payment ${first} were both restored from snapshot payment 900 (marker kv1:900): restored twice`,
        ],
      ]);
    });
  });
});
