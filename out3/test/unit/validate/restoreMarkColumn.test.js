"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The restore_mark column (src/core/entities/restoreMark.ts) narrows which records' JSON the
 * restore rules search for markers. A format 2 file written before the column existed lacks it:
 * it must open, and validate to exactly the same findings by searching every record's JSON.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_path_1 = __importDefault(require("node:path"));
const restoreMark_1 = require("../../../src/core/entities/restoreMark");
const marker_1 = require("../../../src/core/restore/marker");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const engine_1 = require("../../../src/core/validate/engine");
const snapshots_1 = require("../support/snapshots");
const restoredAccount_1 = require("./restoredAccount");
/** Entities whose table carries the column. */
const MARKED_TABLES = ['contacts', 'companies', 'orders', 'subscriptions', 'payments'];
/** Restored records of every kind the rules look at: restored twice, a restore's duplicate order, a contact re-created. */
function restoredRecords() {
    const { store, contact, order } = (0, restoredAccount_1.restoredAccount)();
    const contactMarker = store.createCustomField('CONTACT', marker_1.MARKER_LABEL, 'TEXT').id;
    const orderMarker = store.createCustomField('ORDER', marker_1.MARKER_LABEL, 'TEXT').id;
    const restored = contact({ [contactMarker]: (0, marker_1.markerValue)('11') });
    contact({ [contactMarker]: (0, marker_1.markerValue)('11') });
    const original = order(restored);
    order(restored, { [orderMarker]: (0, marker_1.markerValue)(String(original)) });
    const paid = order(contact(), { [orderMarker]: (0, marker_1.markerValue)('70') });
    order(contact(), { [orderMarker]: (0, marker_1.markerValue)('70') });
    for (let i = 0; i < 2; i++) {
        store.recordPayment(paid, {
            amount_cents: 1000,
            method_type: 'Cash',
            pay_time: '2024-03-06T10:00:00.000Z',
            note: (0, marker_1.paymentNote)('900', 'Deposit'),
            apply_to_commissions: false,
        });
    }
    return store;
}
/** The account saved as a snapshot file; `withoutColumn` as a file written before the column existed. */
async function savedSnapshot(store, withoutColumn) {
    const db = await (0, snapshots_1.snapshotFromStore)(store);
    try {
        if (withoutColumn) {
            for (const entity of MARKED_TABLES) {
                db.db.run(`DROP VIEW temp.${entity}`); // it names the column: SQLite would refuse to drop it
                db.db.run(`ALTER TABLE ${entity}_rows DROP COLUMN ${restoreMark_1.RESTORE_MARK_COLUMN}`);
            }
        }
        const file = node_path_1.default.join((0, snapshots_1.tempDir)(), withoutColumn ? 'before-column.kvsnap' : 'with-column.kvsnap');
        await db.save(file, snapshots_1.TEST_META);
        return file;
    }
    finally {
        db.close();
    }
}
async function findingsIn(file) {
    const db = await snapshotDb_1.SnapshotDb.open(file);
    try {
        return {
            findings: (0, engine_1.validateSnapshot)(db).findings,
            hasColumn: MARKED_TABLES.map((e) => db.hasColumn(e, restoreMark_1.RESTORE_MARK_COLUMN)),
        };
    }
    finally {
        db.close();
    }
}
describe('The restore_mark column', function () {
    this.timeout(60_000);
    it('a file without it (written before it existed) validates to the same findings as one with it', async () => {
        const store = restoredRecords();
        const withColumn = await findingsIn(await savedSnapshot(store, false));
        const withoutColumn = await findingsIn(await savedSnapshot(store, true));
        strict_1.default.deepEqual(withColumn.hasColumn, [true, true, true, true, true]);
        strict_1.default.deepEqual(withoutColumn.hasColumn, [false, false, false, false, false]);
        // The rules that read markers found them: a contact, an order and a payment restored twice, the
        // order restored next to its original, and only the two unmarked contacts' orders predating them.
        const markerRules = ['entity/restored-twice', 'order/restore-duplicate', 'order/likely-duplicate', 'order/before-contact'];
        const found = withColumn.findings.map((f) => f.ruleId).filter((id) => markerRules.includes(id));
        strict_1.default.deepEqual(found, [
            'order/before-contact',
            'order/before-contact',
            'order/restore-duplicate',
            'entity/restored-twice',
            'entity/restored-twice',
            'entity/restored-twice',
        ]);
        strict_1.default.deepEqual(withoutColumn.findings, withColumn.findings);
    });
});
//# sourceMappingURL=restoreMarkColumn.test.js.map