"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unrestoredInPlan = unrestoredInPlan;
function unrestoredInPlan(plan, restored, at) {
    return plan.steps
        .filter((s) => (s.action === 'create' || s.action === 'blocked') && s.entity !== 'contact_tags' && !restored(s.entity, s.oldId))
        .map((s) => ({ entity: s.entity, oldId: s.oldId, planId: plan.planId, at }));
}
//# sourceMappingURL=planUnrestored.js.map