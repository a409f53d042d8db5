"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.marked = exports.RESTORE_NOTE_TAG = exports.paymentNote = exports.markerValue = exports.MARKER_LABEL = void 0;
exports.comparable = comparable;
/**
 * What every create request body is (built per entity in restore/entities/ through the field
 * catalogue, with every reference to another record recorded so apply can rewrite it from the id
 * map), the restore marker it carries, and the projection of a record onto what a restore can
 * write, for "identical or not".
 */
const fields_1 = require("./fields");
const marker_1 = require("./marker");
var marker_2 = require("./marker");
Object.defineProperty(exports, "MARKER_LABEL", { enumerable: true, get: function () { return marker_2.MARKER_LABEL; } });
Object.defineProperty(exports, "markerValue", { enumerable: true, get: function () { return marker_2.markerValue; } });
Object.defineProperty(exports, "paymentNote", { enumerable: true, get: function () { return marker_2.paymentNote; } });
Object.defineProperty(exports, "RESTORE_NOTE_TAG", { enumerable: true, get: function () { return marker_2.RESTORE_NOTE_TAG; } });
/** The restore marker a create body carries, when the entity has a marker field. */
const marked = (markerFieldRef, oldId) => markerFieldRef ? { fieldRef: markerFieldRef, value: (0, marker_1.markerValue)(oldId) } : undefined;
exports.marked = marked;
/**
 * What a restore writes, for comparing a snapshot record with its live counterpart: references
 * mapped through `mapRef` (old id -> live id), server-assigned fields and markers left out.
 */
function comparable(entity, record, mapRef) {
    return (0, fields_1.comparableRecord)(entity, record, mapRef);
}
//# sourceMappingURL=payloads.js.map