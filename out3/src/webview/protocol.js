"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PLAN_ACTIONS = exports.RESTORE_ORDER = void 0;
exports.isHostMessage = isHostMessage;
exports.isWebviewMessage = isWebviewMessage;
/**
 * The entities a plan acts on, in the order their steps run: the core's RESTORE_ORDER restated, because
 * the page takes only types from the core (a value import would bundle core code into it). Typed as the
 * core's own tuple, so the two cannot drift: a missing, extra or reordered entity does not compile.
 */
exports.RESTORE_ORDER = [
    'custom_fields',
    'tags',
    'companies',
    'contacts',
    'products',
    'subscription_plans',
    'orders',
    'payments',
    'contact_tags',
    'subscriptions',
    'campaigns',
];
exports.PLAN_ACTIONS = ['create', 'update', 'skip', 'conflict', 'blocked'];
const HOST_MESSAGE_TYPES = [
    'init',
    'stale',
    'applyStarted',
    'progress',
    'receipt',
    'paused',
    'lookAlike',
    'relations',
    'error',
];
/** Messages arrive as untyped data: accept only the shapes the host sends. */
function isHostMessage(data) {
    if (typeof data !== 'object' || data === null)
        return false;
    const type = data.type;
    if (!HOST_MESSAGE_TYPES.includes(type))
        return false;
    const m = data;
    switch (type) {
        case 'init':
            return typeof m.plan === 'object' && m.plan !== null && Array.isArray(m.plan.steps);
        case 'applyStarted':
            return typeof m.total === 'number';
        case 'progress':
            return typeof m.stepId === 'string' && typeof m.status === 'string';
        case 'receipt':
            return typeof m.receipt === 'object' && m.receipt !== null;
        case 'paused':
            return typeof m.until === 'string' && typeof m.stepsLeft === 'number';
        case 'lookAlike':
            return typeof m.stepId === 'string' && Array.isArray(m.sides) && m.sides.length === 2;
        case 'relations': {
            const g = m.graph;
            return typeof m.stepId === 'string' && typeof g === 'object' && g !== null && Array.isArray(g.nodes) && Array.isArray(g.edges);
        }
        case 'stale':
        case 'error':
            return typeof (type === 'stale' ? m.reason : m.message) === 'string';
    }
}
const RESOLUTIONS = new Set(['link', 'create']);
const MISSING_PARENT = new Set(['skip', 'create', 'fail']);
/**
 * What the host accepts from the page, checked member by member: a webview is a web page, and
 * what it posts is untrusted input to the host (which writes to Keap on `apply`).
 */
function isWebviewMessage(data) {
    if (typeof data !== 'object' || data === null)
        return false;
    const m = data;
    const isString = (v) => typeof v === 'string' && v.length <= 1000;
    switch (m.type) {
        case 'ready':
        case 'cancelApply':
        case 'compareWithLive':
            return true;
        case 'apply':
            return Array.isArray(m.stepIds) && m.stepIds.length <= 1_000_000 && m.stepIds.every(isString);
        case 'exportIdMap':
            return m.format === 'csv' || m.format === 'json';
        case 'compareLookAlike':
        case 'showRelations':
            return isString(m.stepId) && /^[\w:.-]+$/.test(String(m.stepId));
        case 'openRecord':
            return (isString(m.entity) &&
                exports.RESTORE_ORDER.includes(m.entity) &&
                isString(m.id) &&
                /^[\w:.-]+$/.test(String(m.id)) &&
                (m.where === 'snapshot' || m.where === 'live'));
        case 'replan': {
            const o = m.options;
            if (typeof o !== 'object' || o === null)
                return false;
            const known = ['missingParent', 'subscriptionsStartToday', 'updateExisting', 'resolutions'];
            if (Object.keys(o).some((k) => !known.includes(k)))
                return false;
            if (o.missingParent !== undefined && !MISSING_PARENT.has(String(o.missingParent)))
                return false;
            for (const flag of ['subscriptionsStartToday', 'updateExisting'])
                if (o[flag] !== undefined && typeof o[flag] !== 'boolean')
                    return false;
            const r = o.resolutions;
            return (r === undefined ||
                (typeof r === 'object' && r !== null && Object.entries(r).every(([k, v]) => isString(k) && RESOLUTIONS.has(String(v)))));
        }
        case 'setState':
            return typeof m.state === 'object' && m.state !== null && isString(m.state.planId);
        default:
            return false;
    }
}
//# sourceMappingURL=protocol.js.map