"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.restoredTwice = void 0;
const marker_1 = require("../../restore/marker");
const restoreMarkers_1 = require("../restoreMarkers");
exports.restoredTwice = {
    id: 'entity/restored-twice',
    severity: 'error',
    title: 'Record restored twice',
    explanation: 'A restore never creates a record twice: it marks what it writes with the id of the snapshot record it restores (the ' +
        '"Keap Vault Ref" custom field; a payment\'s note) and looks for that marker before writing again, on every run and resume. ' +
        'Two live records with the same marker mean that promise was broken: two applies ran at once from machines with separate ' +
        'ledgers, or the marker was copied onto another record by hand or by an import. For orders and payments the customer is ' +
        'charged or credited twice. Keep one (the one payments, tags or subscriptions point at), move whatever points at the ' +
        'other to it, then delete the other in Keap.',
    *run({ db, batches }) {
        return yield* (0, restoreMarkers_1.withRestoreMarkers)(db, restoreMarkers_1.MARKER_ENTITIES, batches, () => 
        // Each later record of a marker is paired with the first one, so three copies give two
        // findings, each naming the record to remove and the one to keep.
        db
            .all(`SELECT b.entity, a.id AS first, b.id AS again, b.marker
         FROM temp.restore_marker b JOIN temp.restore_marker a ON a.entity = b.entity AND a.marker = b.marker
         WHERE (CAST(a.id AS INTEGER), a.id) < (CAST(b.id AS INTEGER), b.id)
           AND NOT EXISTS (SELECT 1 FROM temp.restore_marker c WHERE c.entity = a.entity AND c.marker = a.marker
                           AND (CAST(c.id AS INTEGER), c.id) < (CAST(a.id AS INTEGER), a.id))
         ORDER BY b.entity, CAST(b.id AS INTEGER), b.id`)
            .map((r) => {
            const noun = restoreMarkers_1.RECORD_NOUN[r.entity];
            return {
                entity: r.entity,
                recordId: r.again,
                message: `${capitalized(noun)} ${r.again} and ${noun} ${r.first} were both restored from snapshot ${noun} ${r.marker} (marker ${(0, marker_1.markerValue)(r.marker)}): restored twice`,
                related: [{ entity: r.entity, id: r.first }],
            };
        }));
    },
};
const capitalized = (s) => s.charAt(0).toUpperCase() + s.slice(1);
//# sourceMappingURL=restoredTwice.js.map