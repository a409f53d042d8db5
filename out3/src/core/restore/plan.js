"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlanFormatError = exports.PLAN_FORMAT_VERSION = void 0;
exports.headlineOf = headlineOf;
exports.hashRecord = hashRecord;
exports.fingerprintOf = fingerprintOf;
exports.parsePlan = parsePlan;
exports.checkPlan = checkPlan;
/**
 * The restore plan: a versioned JSON document holding one action per record, in dependency order,
 * fingerprinted with the snapshot and the live read it was made from. It is what the preview shows
 * and exactly what apply executes. Additive changes keep the major version.
 */
const node_crypto_1 = require("node:crypto");
const errors_1 = require("../errors");
__exportStar(require("./planTypes"), exports);
exports.PLAN_FORMAT_VERSION = '1.0';
function headlineOf(steps) {
    const headline = {};
    for (const step of steps) {
        const row = (headline[step.entity] ??= { create: 0, update: 0, skip: 0, conflict: 0, blocked: 0 });
        row[step.action]++;
    }
    return headline;
}
function hashRecord(json) {
    return ownString(sha256Hex(json).slice(0, 32));
}
/**
 * A string of its own: a slice of 13 characters or more keeps the whole string it was cut from
 * alive, and a plan (and the live index) keeps a hash per live record. JSON.parse of a quoted
 * string yields a new flat string.
 */
function ownString(text) {
    return JSON.parse(`"${text}"`);
}
/**
 * SHA-256 in hex. A plan hashes every live record it depends on: crypto.hash (Node 20.12 and later)
 * does it in one call, without a Hash object per record; earlier Node 20 releases lack it.
 */
const sha256Hex = typeof node_crypto_1.hash === 'function' ? (text) => (0, node_crypto_1.hash)('sha256', text, 'hex') : (text) => (0, node_crypto_1.createHash)('sha256').update(text).digest('hex');
function fingerprintOf(records) {
    const hash = (0, node_crypto_1.createHash)('sha256');
    for (const r of [...records].sort((a, b) => `${a.entity}:${a.id}`.localeCompare(`${b.entity}:${b.id}`)))
        hash.update(`${r.entity}:${r.id}:${r.hash}\n`);
    return hash.digest('hex');
}
class PlanFormatError extends errors_1.KeapVaultError {
    kind = 'plan-format';
}
exports.PlanFormatError = PlanFormatError;
/** Reads a plan's JSON text, refusing other documents and newer major versions. */
function parsePlan(text) {
    let plan;
    try {
        plan = JSON.parse(text);
    }
    catch {
        throw new PlanFormatError('Not a restore plan: the file is not JSON.');
    }
    return checkPlan(plan);
}
/** `plan` if it is a restore plan of a major version this release reads. */
function checkPlan(plan) {
    if (!plan || typeof plan.formatVersion !== 'string')
        throw new PlanFormatError('Not a Keap Vault restore plan.');
    // The version first: a newer major version may be shaped otherwise, and updating is the way on.
    const major = plan.formatVersion.split('.')[0];
    if (major !== exports.PLAN_FORMAT_VERSION.split('.')[0]) {
        throw new PlanFormatError(`This plan has format ${plan.formatVersion}; this Keap Vault reads ${exports.PLAN_FORMAT_VERSION.split('.')[0]}.x. Update Keap Vault, or plan again.`);
    }
    if (!Array.isArray(plan.steps) || !Array.isArray(plan.live?.records))
        throw new PlanFormatError('Not a Keap Vault restore plan.');
    return plan;
}
//# sourceMappingURL=plan.js.map