"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createCustomField = createCustomField;
exports.customFieldsOf = customFieldsOf;
exports.checkedCustom = checkedCustom;
/** Keap's custom fields: created per record type, and the rules for the values records carry. */
const apiError_1 = require("../apiError");
const CUSTOM_FIELD_TYPES = new Set([
    'CURRENCY',
    'DATE',
    'DATE_TIME',
    'DAY_OF_WEEK',
    'DECIMAL_NUMBER',
    'DRILLDOWN',
    'DROPDOWN',
    'EMAIL',
    'LIST_BOX',
    'MONTH',
    'NAME',
    'PERCENT',
    'PHONE_NUMBER',
    'RADIO',
    'SOCIAL_SECURITY_NUMBER',
    'STATE',
    'TEXT',
    'TEXT_AREA',
    'USER',
    'USER_LIST_BOX',
    'WEBSITE',
    'WHOLE_NUMBER',
    'YEAR',
    'YES_NO',
]);
function createCustomField(account, recordType, label, fieldType, options = []) {
    if (!label?.trim())
        throw (0, apiError_1.badRequest)('label is required');
    if (!CUSTOM_FIELD_TYPES.has(fieldType))
        throw (0, apiError_1.badRequest)(`field_type '${fieldType}' is not supported`);
    const base = '_' + (label.replace(/[^A-Za-z0-9]+/g, '') || 'Field');
    const taken = new Set(customFieldsOf(account, recordType).map((f) => f.field_name.toLowerCase()));
    let fieldName = base;
    for (let n = 0; taken.has(fieldName.toLowerCase()); n++)
        fieldName = `${base}${n}`;
    const id = account.customFields.allocateId();
    return account.customFields.insert({
        id,
        record_type: recordType,
        label,
        field_name: fieldName,
        field_type: fieldType,
        options: options.map((o, i) => ({ id: `${id}-${i}`, label: o })),
    });
}
function customFieldsOf(account, recordType) {
    return [...account.customFields.values()].filter((f) => f.record_type === recordType);
}
/** Custom field ids must belong to the record type; unknown ids are Keap 400s. */
function checkedCustom(account, recordType, custom) {
    const out = {};
    for (const [id, content] of Object.entries(custom ?? {})) {
        const field = account.customFields.get(Number(id));
        if (!field || field.record_type !== recordType)
            throw (0, apiError_1.badRequest)(`Custom field ${id} does not exist for ${recordType.toLowerCase()}s`);
        if (typeof content === 'string' && content.length > 65535)
            throw (0, apiError_1.badRequest)(`Custom field ${id} content exceeds 65535 characters`);
        out[id] = content;
    }
    return out;
}
//# sourceMappingURL=customFields.js.map