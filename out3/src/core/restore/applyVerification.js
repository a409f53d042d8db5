"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UNVERIFIED = void 0;
exports.verifyWrites = verifyWrites;
const query_1 = require("../snapshot/query");
const fields_1 = require("./fields");
const liveIndex_1 = require("./liveIndex");
const liveRead_1 = require("./liveRead");
/**
 * Written, but not read again at the end: a custom field was proven by its create's answer and
 * the model (a label is all it has), a contact's tag by the tag call (the contact is read anyway).
 */
exports.UNVERIFIED = new Set(['custom_fields', 'contact_tags']);
async function verifyWrites(input) {
    const { plan, snapshot, verification } = input;
    const written = plan.steps.filter((s) => input.written.has(s.id) && !exports.UNVERIFIED.has(s.entity));
    if (!snapshot || !written.length)
        return;
    const problem = (message) => verification.problems.push(message);
    const changed = new liveIndex_1.LiveIndex(input.live);
    const missing = written.filter((s) => !changed.record(s.entity, input.liveIdOfStep(s.id)));
    const whole = missing.length ? await input.readWhole((0, liveRead_1.entitiesHolding)(new Set(missing.map((s) => s.entity)))) : undefined;
    try {
        const wholeIndex = whole && new liveIndex_1.LiveIndex(whole);
        const mapRef = (e, id) => input.mapRef(e, id);
        for (const step of written) {
            const liveId = input.liveIdOfStep(step.id);
            const want = (0, query_1.getRecord)(snapshot, step.entity, step.oldId);
            const got = changed.record(step.entity, liveId) ?? wholeIndex?.record(step.entity, liveId);
            verification.checked++;
            const name = `${step.entity} ${step.oldId}${liveId !== step.oldId ? ` -> ${liveId}` : ''}`;
            if (!got || !want) {
                problem(`${name}: ${got ? 'not in the snapshot' : 'not found in the account'}`);
                continue;
            }
            const expected = (0, fields_1.comparableRecord)(step.entity, want, mapRef);
            const actual = (0, fields_1.comparableRecord)(step.entity, got, (_e, id) => id);
            for (const key of verifiedKeys(step, expected)) {
                if (key === 'order_items' && step.action === 'update') {
                    verifyItemPatches(step, name, expected, got, problem);
                    continue;
                }
                if (JSON.stringify(expected[key]) !== JSON.stringify(actual[key])) {
                    problem(`${name}: ${key} is ${JSON.stringify(actual[key])}, the snapshot has ${JSON.stringify(expected[key])}`);
                }
            }
            if (step.action === 'create')
                input.entities.get(step.entity)?.verifyCreated?.({ plan, failedSteps: input.failedSteps, problem }, step, name, want, got);
        }
    }
    finally {
        whole?.close();
    }
}
/** A create is checked in every compared field; an update in those it sent. */
function verifiedKeys(step, expected) {
    if (step.action === 'create')
        return Object.keys(expected);
    const keys = Object.keys(step.payload ?? {})
        .map((k) => (0, fields_1.readNameOf)(step.entity, k))
        .filter((k) => !!k);
    return step.itemPatches?.length ? [...keys, 'order_items'] : keys;
}
function verifyItemPatches(step, name, expected, got, problem) {
    const liveItems = got.order_items ?? [];
    const want = expected.order_items ?? [];
    for (const patch of step.itemPatches ?? []) {
        const at = liveItems.findIndex((i) => String(i.id) === patch.liveItemId);
        const actual = at >= 0 ? (0, fields_1.comparableRecord)(step.entity, { order_items: [liveItems[at]] }, (_e, id) => id).order_items[0] : undefined;
        for (const key of Object.keys(patch.body)) {
            const field = (0, fields_1.readNameOf)('order_items', key) ?? key;
            if (!actual || JSON.stringify(actual[field]) !== JSON.stringify(want[at]?.[field])) {
                problem(`${name}: item ${patch.liveItemId} ${field} is ${JSON.stringify(actual?.[field])}, the snapshot has ${JSON.stringify(want[at]?.[field])}`);
            }
        }
    }
}
//# sourceMappingURL=applyVerification.js.map