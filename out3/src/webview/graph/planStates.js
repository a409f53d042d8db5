"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withPlanStates = withPlanStates;
function stateOf(step, facts) {
    if (!step)
        return { state: 'none', stateText: 'Not in this plan' };
    const done = facts.progress[step.id];
    const newId = done?.newId ?? facts.receipt?.idMap.find((m) => m.entity === step.entity && m.oldId === step.oldId)?.newId ?? undefined;
    if (done?.status === 'failed')
        return { state: 'failed', stateText: 'Failed: not restored' };
    if (newId && step.action === 'create')
        return { state: 'created', stateText: `Created as #${newId}`, liveId: newId };
    if (done?.status === 'linked' || done?.status === 'already-done' || done?.status === 'reconciled')
        return { state: 'live', stateText: `In the account as #${newId ?? step.liveId ?? step.oldId}`, liveId: newId ?? step.liveId };
    switch (step.action) {
        case 'create':
            return { state: 'create', stateText: 'Will be created (new id)' };
        case 'update':
            return done?.status === 'done'
                ? { state: 'update', stateText: `Updated #${step.liveId}`, liveId: step.liveId }
                : { state: 'update', stateText: `Exists as #${step.liveId}: will be updated`, liveId: step.liveId };
        case 'conflict':
            return { state: 'decide', stateText: 'Needs your decision', liveId: step.liveId };
        case 'blocked':
            return { state: 'blocked', stateText: "Can't be restored" };
        case 'skip':
            return step.liveId
                ? { state: 'live', stateText: `In the account as #${step.liveId}`, liveId: step.liveId }
                : { state: 'none', stateText: 'Not restored' };
    }
}
/** The graph with every node's state under this plan; an item shares its order's (Keap creates items with the order). */
function withPlanStates(graph, facts) {
    const nodes = graph.nodes.map((node) => {
        const owner = node.kind === 'items' ? graph.edges.find((e) => e.to === node.key)?.from : node.key;
        const painted = stateOf(owner ? facts.steps.get(owner) : undefined, facts);
        if (node.kind !== 'items')
            return { ...node, ...painted };
        const words = {
            create: 'Created with the order',
            created: 'Created with the order',
            live: 'Part of the live order',
        };
        return { ...node, state: painted.state, stateText: words[painted.state] ?? painted.stateText, liveId: undefined };
    });
    return { ...graph, nodes };
}
//# sourceMappingURL=planStates.js.map