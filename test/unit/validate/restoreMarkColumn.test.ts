/**
 * The restore_mark column (src/core/entities/restoreMark.ts) narrows which records' JSON the
 * restore rules search for markers. A format 2 file written before the column existed lacks it:
 * it must open, and validate to exactly the same findings by searching every record's JSON.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { RESTORE_MARK_COLUMN } from '../../../src/core/entities/restoreMark';
import { MARKER_LABEL, markerValue, paymentNote } from '../../../src/core/restore/marker';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { validateSnapshot } from '../../../src/core/validate/engine';
import { EmulatorStore } from '../../../src/emulator/store';
import { snapshotFromStore, tempDir, TEST_META } from '../support/snapshots';
import { restoredAccount } from './restoredAccount';

/** Entities whose table carries the column. */
const MARKED_TABLES = ['contacts', 'companies', 'orders', 'subscriptions', 'payments'] as const;

/** Restored records of every kind the rules look at: restored twice, a restore's duplicate order, a contact re-created. */
function restoredRecords(): EmulatorStore {
  const { store, contact, order } = restoredAccount();
  const contactMarker = store.createCustomField('CONTACT', MARKER_LABEL, 'TEXT').id;
  const orderMarker = store.createCustomField('ORDER', MARKER_LABEL, 'TEXT').id;
  const restored = contact({ [contactMarker]: markerValue('11') });
  contact({ [contactMarker]: markerValue('11') });
  const original = order(restored);
  order(restored, { [orderMarker]: markerValue(String(original)) });
  const paid = order(contact(), { [orderMarker]: markerValue('70') });
  order(contact(), { [orderMarker]: markerValue('70') });
  for (let i = 0; i < 2; i++) {
    store.recordPayment(paid, {
      amount_cents: 1000,
      method_type: 'Cash',
      pay_time: '2024-03-06T10:00:00.000Z',
      note: paymentNote('900', 'Deposit'),
      apply_to_commissions: false,
    });
  }
  return store;
}

/** The account saved as a snapshot file; `withoutColumn` as a file written before the column existed. */
async function savedSnapshot(store: EmulatorStore, withoutColumn: boolean): Promise<string> {
  const db = await snapshotFromStore(store);
  try {
    if (withoutColumn) {
      for (const entity of MARKED_TABLES) {
        db.db.run(`DROP VIEW temp.${entity}`); // it names the column: SQLite would refuse to drop it
        db.db.run(`ALTER TABLE ${entity}_rows DROP COLUMN ${RESTORE_MARK_COLUMN}`);
      }
    }
    const file = path.join(tempDir(), withoutColumn ? 'before-column.kvsnap' : 'with-column.kvsnap');
    await db.save(file, TEST_META);
    return file;
  } finally {
    db.close();
  }
}

async function findingsIn(file: string): Promise<{ findings: unknown[]; hasColumn: boolean[] }> {
  const db = await SnapshotDb.open(file);
  try {
    return {
      findings: validateSnapshot(db).findings,
      hasColumn: MARKED_TABLES.map((e) => db.hasColumn(e, RESTORE_MARK_COLUMN)),
    };
  } finally {
    db.close();
  }
}

describe('The restore_mark column', function () {
  this.timeout(60_000);

  it('a file without it (written before it existed) validates to the same findings as one with it', async () => {
    const store = restoredRecords();
    const withColumn = await findingsIn(await savedSnapshot(store, false));
    const withoutColumn = await findingsIn(await savedSnapshot(store, true));

    assert.deepEqual(withColumn.hasColumn, [true, true, true, true, true]);
    assert.deepEqual(withoutColumn.hasColumn, [false, false, false, false, false]);
    // The rules that read markers found them: a contact, an order and a payment restored twice, the
    // order restored next to its original, and only the two unmarked contacts' orders predating them.
    const markerRules = ['entity/restored-twice', 'order/restore-duplicate', 'order/likely-duplicate', 'order/before-contact'];
    const found = (withColumn.findings as Array<{ ruleId: string }>).map((f) => f.ruleId).filter((id) => markerRules.includes(id));
    assert.deepEqual(found, [
      'order/before-contact',
      'order/before-contact',
      'order/restore-duplicate',
      'entity/restored-twice',
      'entity/restored-twice',
      'entity/restored-twice',
    ]);
    assert.deepEqual(withoutColumn.findings, withColumn.findings);
  });
});
