/**
 * Paints a restore onto an order's relationship graph: for each record, whether it exists in the
 * account (and as which id), will be created, was created (with the id Keap gave it), needs a
 * decision, or cannot be restored; from the plan's steps, apply's progress and the receipt's id map.
 * Pure (no DOM), so it is tested on its own and redrawn as apply reports.
 */
import type { PlanStepView, ReceiptView, StepProgress } from '../protocol';
import type { RelationGraph, RelationNode, RelationState } from './graphProtocol';

export interface PlanFacts {
  steps: ReadonlyMap<string, PlanStepView>;
  /**
   * The plan's identical records, counted per entity it covers whole: a record of such an entity
   * without a step is in the account, identical, under its own id.
   */
  identical?: Partial<Record<string, number>>;
  progress: Readonly<Record<string, StepProgress>>;
  receipt?: ReceiptView;
}

function stateOf(step: PlanStepView | undefined, facts: PlanFacts): { state: RelationState; stateText: string; liveId?: string } {
  if (!step) return { state: 'none', stateText: 'Not in this plan' };
  const done = facts.progress[step.id];
  const newId = done?.newId ?? facts.receipt?.idMap.find((m) => m.entity === step.entity && m.oldId === step.oldId)?.newId ?? undefined;
  if (done?.status === 'failed') return { state: 'failed', stateText: 'Failed: not restored' };
  if (newId && step.action === 'create') return { state: 'created', stateText: `Created as #${newId}`, liveId: newId };
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

/** A record the plan counted as identical: in the account under its own id, left as it is. */
function identicalState(id: string): { state: RelationState; stateText: string; liveId: string } {
  return { state: 'live', stateText: `In the account as #${id}, identical`, liveId: id };
}

/** The graph with every node's state under this plan; an item shares its order's (Keap creates items with the order). */
export function withPlanStates(graph: RelationGraph, facts: PlanFacts): RelationGraph {
  const nodes = graph.nodes.map((node): RelationNode => {
    const owner = node.kind === 'items' ? graph.edges.find((e) => e.to === node.key)?.from : node.key;
    const step = owner ? facts.steps.get(owner) : undefined;
    const ownerKind = owner?.slice(0, owner.indexOf(':'));
    const painted =
      !step && !node.absent && owner && ownerKind && facts.identical?.[ownerKind] !== undefined
        ? identicalState(owner.slice(ownerKind.length + 1))
        : stateOf(step, facts);
    if (node.kind !== 'items') return { ...node, ...painted };
    const words: Partial<Record<RelationState, string>> = {
      create: 'Created with the order',
      created: 'Created with the order',
      live: 'Part of the live order',
    };
    return { ...node, state: painted.state, stateText: words[painted.state] ?? painted.stateText, liveId: undefined };
  });
  return { ...graph, nodes };
}
