"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.customFields = exports.MODEL_TYPES = void 0;
const define_1 = require("./define");
/** The record types a read of custom fields reads the model of (all that take custom fields). */
exports.MODEL_TYPES = ['CONTACT', 'COMPANY', 'ORDER', 'SUBSCRIPTION'];
async function* modelPages(client) {
    const fields = [];
    for (const type of exports.MODEL_TYPES) {
        const model = await client.customFields.model(type);
        fields.push(...model.custom_fields.map((f) => ({ ...f, record_type: f.record_type ?? type })));
    }
    yield { items: fields };
}
exports.customFields = (0, define_1.defineEntity)({
    name: 'custom_fields',
    noun: { one: 'custom field', many: 'custom fields' },
    pages: (client) => modelPages(client),
    // Keap keeps labels unique per record type.
    naturalKey: { name: 'label', of: (r) => (r.label ? [`${String(r.record_type)}:${String(r.label)}`] : []) },
    table: {
        name: 'custom_fields',
        idOf: define_1.byId,
        columns: [(0, define_1.text)('record_type', (r) => r.record_type, true), (0, define_1.text)('label', (r) => r.label)],
    },
    label: define_1.plainLabel,
    explorerRank: 100,
});
//# sourceMappingURL=customFields.js.map