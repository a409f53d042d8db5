import assert from 'node:assert/strict';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { ruleById, validateSnapshot } from '../../../src/core/validate/engine';
import { ALL_RULES } from '../../../src/core/validate/rules';
import { PLANTED_PROBLEM_KINDS, type PlantedProblem, type PlantedProblemKind } from '../../../src/emulator/generator';
import { generatedSnapshotFile } from '../support/snapshots';

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
      const want = planted.filter((p) => p.kind === kind).map(expected.recordId).sort();
      const got = report.findings.filter((f) => f.ruleId === expected.rule && f.entity === expected.entity).map((f) => f.recordId).sort();
      assert.deepEqual(got, want, `${kind} -> ${expected.rule}`);
    }
    // The orphaned payments' transactions are reported too; nothing else is.
    const explained = report.findings.filter((f) => !Object.values(EXPECTED).some((e) => e.rule === f.ruleId && e.entity === f.entity));
    assert.deepEqual(explained.map((f) => f.entity), explained.map(() => 'transactions'));
    assert.equal(explained.length, plant['orphan-payment']);
    db.close();
  });

  it('finds duplicate ids in any entity', async () => {
    const db = await SnapshotDb.create();
    db.insert('orders', [{ id: '7', contact: { id: '1' }, order_items: [] }, { id: '7', contact: { id: '2' }, order_items: [] }]);
    db.insert('contacts', [{ id: '1' }, { id: '2' }, { id: '2' }]);
    const report = validateSnapshot(db, { only: ['entity/duplicate-id'], settings: { now: '2026-01-01T00:00:00Z' } });
    assert.deepEqual(report.findings.map((f) => [f.entity, f.recordId, f.message]), [
      ['contacts', '2', 'contacts id 2 appears 2 times'],
      ['orders', '7', 'orders id 7 appears 2 times'],
    ]);
    db.close();
  });

  it('rules can be switched off or given another severity, and thresholds are settings', async () => {
    const { file } = await generatedSnapshotFile({ seed: 'cfg', size: 200, plant: { 'total-mismatch': 1, 'duplicate-order': 1 } });
    const db = await SnapshotDb.open(file);
    const off = validateSnapshot(db, { rules: { 'order/total-mismatch': 'off' } });
    assert.ok(!off.findings.some((f) => f.ruleId === 'order/total-mismatch'));
    const info = validateSnapshot(db, { rules: { 'order/likely-duplicate': 'info' } });
    assert.deepEqual(info.findings.filter((f) => f.ruleId === 'order/likely-duplicate').map((f) => f.severity), ['info']);
    const narrow = validateSnapshot(db, { only: ['order/likely-duplicate'], settings: { duplicateWindowMinutes: 0 } });
    assert.equal(narrow.findings.length, 0, 'a zero-minute window finds no duplicates minutes apart');
    const tolerant = validateSnapshot(db, { only: ['order/total-mismatch'], settings: { roundingToleranceCents: 10_000_000 } });
    assert.equal(tolerant.findings.length, 0);
    assert.throws(() => validateSnapshot(db, { only: ['order/nope'] }), /Unknown rule 'order\/nope'/);
    assert.ok(ruleById('order/overpaid'));
    db.close();
  });
});

