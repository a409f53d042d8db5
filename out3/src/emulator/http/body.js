"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.objectBody = objectBody;
exports.allowOnly = allowOnly;
exports.optString = optString;
exports.reqString = reqString;
exports.optNumber = optNumber;
exports.reqNumber = reqNumber;
exports.optInt = optInt;
exports.optBool = optBool;
exports.reqBool = reqBool;
exports.optArray = optArray;
exports.optObject = optObject;
exports.optEnum = optEnum;
exports.reqEnum = reqEnum;
exports.parseId = parseId;
exports.optId = optId;
exports.reqId = reqId;
exports.optTime = optTime;
exports.optDate = optDate;
exports.customValues = customValues;
exports.updateMask = updateMask;
exports.masked = masked;
/**
 * Reading Keap request bodies the way Keap's API does: unknown or server-assigned properties are
 * rejected ("Unrecognized property"), types are checked, and ids are Keap's digit strings.
 * Each failure is a 400 with a message that names the field.
 */
const apiError_1 = require("../apiError");
function objectBody(body) {
    if (body === undefined || body === null)
        return {};
    if (typeof body !== 'object' || Array.isArray(body))
        throw (0, apiError_1.badRequest)('Request body must be a JSON object');
    return body;
}
function allowOnly(body, allowed) {
    for (const key of Object.keys(body)) {
        if (!allowed.includes(key))
            throw (0, apiError_1.badRequest)(`Unrecognized property: ${key}`);
    }
}
function optString(body, key, maxLength) {
    const v = body[key];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string')
        throw (0, apiError_1.badRequest)(`${key} must be a string`);
    if (maxLength !== undefined && v.length > maxLength)
        throw (0, apiError_1.badRequest)(`${key} must be at most ${maxLength} characters`);
    return v;
}
function reqString(body, key, maxLength) {
    const v = optString(body, key, maxLength);
    if (v === undefined || v === '')
        throw (0, apiError_1.badRequest)(`${key} is required`);
    return v;
}
function optNumber(body, key) {
    const v = body[key];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v))
        throw (0, apiError_1.badRequest)(`${key} must be a number`);
    return v;
}
function reqNumber(body, key) {
    const v = optNumber(body, key);
    if (v === undefined)
        throw (0, apiError_1.badRequest)(`${key} is required`);
    return v;
}
function optInt(body, key) {
    const v = optNumber(body, key);
    if (v !== undefined && !Number.isInteger(v))
        throw (0, apiError_1.badRequest)(`${key} must be a whole number`);
    return v;
}
function optBool(body, key) {
    const v = body[key];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'boolean')
        throw (0, apiError_1.badRequest)(`${key} must be true or false`);
    return v;
}
function reqBool(body, key) {
    const v = optBool(body, key);
    if (v === undefined)
        throw (0, apiError_1.badRequest)(`${key} is required`);
    return v;
}
function optArray(body, key) {
    const v = body[key];
    if (v === undefined || v === null)
        return undefined;
    if (!Array.isArray(v))
        throw (0, apiError_1.badRequest)(`${key} must be an array`);
    return v;
}
function optObject(body, key) {
    const v = body[key];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'object' || Array.isArray(v))
        throw (0, apiError_1.badRequest)(`${key} must be an object`);
    return v;
}
function optEnum(body, key, values) {
    const v = optString(body, key);
    if (v === undefined)
        return undefined;
    if (!values.includes(v))
        throw (0, apiError_1.badRequest)(`${key} must be one of ${values.join(', ')}`);
    return v;
}
function reqEnum(body, key, values) {
    const v = optEnum(body, key, values);
    if (v === undefined)
        throw (0, apiError_1.badRequest)(`${key} is required`);
    return v;
}
/** Keap v2 ids are strings of digits. */
function parseId(value, what) {
    const s = typeof value === 'number' ? String(value) : value;
    if (typeof s !== 'string' || !/^\d{1,15}$/.test(s))
        throw (0, apiError_1.badRequest)(`${what} must be a Keap id (a string of digits)`);
    return Number(s);
}
function optId(body, key) {
    const v = body[key];
    if (v === undefined || v === null || v === '')
        return undefined;
    return parseId(v, key);
}
function reqId(body, key) {
    const v = optId(body, key);
    if (v === undefined)
        throw (0, apiError_1.badRequest)(`${key} is required`);
    return v;
}
function optTime(body, key) {
    const v = optString(body, key);
    if (v === undefined)
        return undefined;
    if (Number.isNaN(Date.parse(v)))
        throw (0, apiError_1.badRequest)(`${key} must be an ISO-8601 date-time`);
    return new Date(v).toISOString();
}
function optDate(body, key) {
    const v = optString(body, key);
    if (v === undefined)
        return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
        throw (0, apiError_1.badRequest)(`${key} must be a date (YYYY-MM-DD)`);
    return v;
}
/** `custom_fields: [{id, content}]` -> values keyed by field id. */
function customValues(body) {
    const list = optArray(body, 'custom_fields');
    if (!list)
        return undefined;
    const out = {};
    for (const entry of list) {
        if (!entry || typeof entry !== 'object')
            throw (0, apiError_1.badRequest)('custom_fields entries must be objects with id and content');
        const { id, content } = entry;
        out[String(parseId(id, 'custom_fields[].id'))] = content;
    }
    return out;
}
/**
 * `update_mask` arrives as a repeated query key (Keap's form); a comma-joined value is accepted too.
 * Without a mask every property present in the body is applied.
 */
function updateMask(query, body, allowed) {
    const raw = query
        .getAll('update_mask')
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
    const mask = raw.length ? raw : Object.keys(body);
    for (const field of mask)
        if (!allowed.includes(field))
            throw (0, apiError_1.badRequest)(`update_mask field '${field}' cannot be updated`);
    return new Set(mask);
}
/** Keeps only the masked properties of a body. */
function masked(body, mask) {
    return Object.fromEntries(Object.entries(body).filter(([k]) => mask.has(k)));
}
//# sourceMappingURL=body.js.map