"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StalePlanError = void 0;
exports.describeChanges = describeChanges;
exports.liveChangesSince = liveChangesSince;
const liveIndex_1 = require("./liveIndex");
const errors_1 = require("../errors");
class StalePlanError extends errors_1.KeapVaultError {
    changed;
    kind = 'stale-plan';
    constructor(changed) {
        super(`The account changed since the plan was made: ${describeChanges(changed)}. Make a new plan.`);
        this.changed = changed;
    }
}
exports.StalePlanError = StalePlanError;
function describeChanges(changed) {
    return `${changed
        .slice(0, 10)
        .map((c) => `${c.entity} ${c.id} ${c.change}`)
        .join(', ')}${changed.length > 10 ? ` and ${changed.length - 10} more` : ''}`;
}
/** The live records the plan depends on that changed or disappeared; empty when the plan is current. */
function liveChangesSince(plan, live, startedStepIds = []) {
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    const touched = new Set();
    for (const stepId of startedStepIds) {
        const step = byId.get(stepId);
        if (!step)
            continue;
        if (step.liveId)
            touched.add(`${step.entity}:${step.liveId}`);
        for (const ref of step.refs ?? []) {
            const parent = byId.get(`${ref.entity}:${ref.oldId}`);
            if (parent?.liveId)
                touched.add(`${ref.entity}:${parent.liveId}`);
        }
    }
    // Hashes of restorable fields are all a current plan's records need: the index keeps those, not
    // each record's JSON text (a plan of an older format hashed the whole text).
    const index = new liveIndex_1.LiveIndex(live, { hashesOnly: plan.live.hashes === 'restorable-fields' });
    const changed = [];
    for (const r of plan.live.records) {
        if (touched.has(`${r.entity}:${r.id}`))
            continue;
        const hash = index.hash(r.entity, r.id, plan.live.hashes === 'restorable-fields' ? 'restorable-fields' : 'record');
        if (hash === undefined)
            changed.push({ entity: r.entity, id: r.id, change: 'deleted' });
        else if (hash !== r.hash)
            changed.push({ entity: r.entity, id: r.id, change: 'changed' });
    }
    return changed;
}
//# sourceMappingURL=staleness.js.map