"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordLabel = recordLabel;
/** One-line labels for records in the tree (data shown as text; the tree never renders HTML). */
const entities_1 = require("../../core/entities");
const define_1 = require("../../core/entities/define");
/** As the entity's module labels it; rows carried inside another record (an order's items) by their name. */
function recordLabel(entity, record) {
    return (0, entities_1.isCapturedEntity)(entity) ? (0, entities_1.entityModule)(entity).label(record) : (0, define_1.plainLabel)(record);
}
//# sourceMappingURL=recordLabels.js.map