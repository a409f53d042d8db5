"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StepGraph = exports.SUPPORTED_FORMAT_MAJOR = void 0;
exports.isActionable = isActionable;
exports.planProblem = planProblem;
exports.applyBlocker = applyBlocker;
exports.SUPPORTED_FORMAT_MAJOR = '1';
function isActionable(step) {
    return step.action === 'create' || step.action === 'update';
}
class StepGraph {
    steps;
    byId = new Map();
    /** Step id -> the steps that depend on it. */
    dependents = new Map();
    constructor(steps) {
        this.steps = steps;
        for (const step of steps)
            this.byId.set(step.id, step);
        for (const step of steps) {
            for (const dep of step.dependsOn) {
                const list = this.dependents.get(dep) ?? [];
                list.push(step.id);
                this.dependents.set(dep, list);
            }
        }
    }
    /** Every create/update step: what apply would run with no choice made. */
    defaultSelection() {
        return this.steps.filter(isActionable).map((s) => s.id);
    }
    /** Adds the steps and, transitively, the actionable steps they depend on. */
    select(selected, ids) {
        const out = new Set(selected);
        const stack = [...ids];
        while (stack.length) {
            const step = this.byId.get(stack.pop());
            if (!step || !isActionable(step) || out.has(step.id))
                continue;
            out.add(step.id);
            stack.push(...step.dependsOn);
        }
        return out;
    }
    /** Removes the steps and, transitively, the steps that depend on them. */
    deselect(selected, ids) {
        const out = new Set(selected);
        const stack = [...ids];
        while (stack.length) {
            const id = stack.pop();
            if (!out.delete(id))
                continue;
            stack.push(...(this.dependents.get(id) ?? []));
        }
        return out;
    }
    /** Drops ids that are not actionable steps of this plan (e.g. state saved for an older plan). */
    sanitize(ids) {
        return new Set([...ids].filter((id) => {
            const step = this.byId.get(id);
            return !!step && isActionable(step);
        }));
    }
    /** The selection in plan order, the order apply must run it in. */
    inPlanOrder(selected) {
        return this.steps.filter((s) => selected.has(s.id)).map((s) => s.id);
    }
}
exports.StepGraph = StepGraph;
/** Why the plan itself cannot be applied by this version, or undefined when it is well-formed. */
function planProblem(plan) {
    if (typeof plan.formatVersion !== 'string' || plan.formatVersion.split('.')[0] !== exports.SUPPORTED_FORMAT_MAJOR) {
        return `This plan has format ${String(plan.formatVersion)}; this Keap Vault reads ${exports.SUPPORTED_FORMAT_MAJOR}.x. Plan again.`;
    }
    const ids = new Set();
    for (const step of plan.steps) {
        if (ids.has(step.id))
            return `The plan lists step ${step.id} twice. Plan again.`;
        ids.add(step.id);
    }
    for (const step of plan.steps) {
        const missing = step.dependsOn.find((d) => !ids.has(d));
        if (missing)
            return `Step ${step.id} depends on ${missing}, which is not in the plan. Plan again.`;
    }
    return undefined;
}
/** Why Apply is disabled right now (shown beside the button), or undefined when it may run. */
function applyBlocker(plan, state, stale, selectedCount) {
    const problem = planProblem(plan);
    if (problem)
        return problem;
    if (stale)
        return `The account changed since this plan was made: ${stale.reason}`;
    if (state.applying)
        return 'Apply is running.';
    if (state.receipt)
        return 'This plan has been applied.';
    if (!selectedCount)
        return 'Select at least one step to create or update.';
    return undefined;
}
//# sourceMappingURL=selection.js.map