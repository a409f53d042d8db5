/**
 * The preview's relationship view of one order: its contact, items, products, payments and
 * subscriptions as a graph, each record saying whether it exists in the account, will be created,
 * or was created and under which new id (planStates.ts), redrawn as apply reports.
 */
import { h, linkButton } from './dom';
import type { RelationGraph } from './graph/graphProtocol';
import { graphFigure } from './graph/graphView';
import { withPlanStates, type PlanFacts } from './graph/planStates';
import type { RestoreEntity } from './protocol';

export interface RelationsActions {
  open(entity: RestoreEntity, id: string, where: 'snapshot' | 'live'): void;
  close(): void;
}

export function relationsContent(graph: RelationGraph, facts: PlanFacts, actions: RelationsActions): Node[] {
  const painted = withPlanStates(graph, facts);
  return [
    h(
      'div',
      { className: 'relations-head' },
      h('h2', { attrs: { id: 'relations-title', tabindex: '-1' } }, 'Relationships'),
      linkButton('Close', 'Close the relationship view', () => actions.close()),
    ),
    graphFigure(painted, {
      canOpen: (node) => node.kind !== 'items' && !!node.id,
      // What is in the account opens there (under its live or new id); the rest as the snapshot has it.
      open: (node) =>
        node.liveId
          ? actions.open(node.kind as RestoreEntity, node.liveId, 'live')
          : actions.open(node.kind as RestoreEntity, node.id!, 'snapshot'),
    }),
  ];
}
