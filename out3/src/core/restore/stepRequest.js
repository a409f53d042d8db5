"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveStepRequest = resolveStepRequest;
exports.setPath = setPath;
/** The step's body with snapshot ids replaced by live ones; `@name` refs become URL parameters. */
function resolveStepRequest(step, liveIdFor) {
    const body = structuredClone(step.payload ?? {});
    const params = {};
    for (const ref of step.refs ?? []) {
        const liveId = liveIdFor(ref);
        if (ref.path.startsWith('@'))
            params[ref.path.slice(1)] = liveId;
        else
            setPath(body, ref.path, liveId);
    }
    return { body, params };
}
/** Sets `value` at a path such as `order_items[2].product_id` or `company.id`. */
function setPath(target, path, value) {
    const parts = path.match(/[^.[\]]+/g) ?? [];
    let node = target;
    for (let i = 0; i < parts.length - 1; i++) {
        const key = /^\d+$/.test(parts[i]) ? Number(parts[i]) : parts[i];
        node = node[key];
    }
    const last = parts[parts.length - 1];
    node[/^\d+$/.test(last) ? Number(last) : last] = value;
}
//# sourceMappingURL=stepRequest.js.map