/** The top of the page: which plan this is (header) and how many steps of each kind it holds (headline counts). */
import { codicon, h, linkButton } from './dom';
import { ACTION_ICON, ENTITY_LABEL } from './labels';
import { PLAN_ACTIONS, RESTORE_ORDER, type PlanAction, type PlanView, type RestoreEntity } from './protocol';

/** Filters the step list to one entity and action (the counts and notices link to it). */
export type ShowSteps = (entity: RestoreEntity | 'all', action: PlanAction | 'all') => void;

export function planHeader(plan: PlanView): HTMLElement {
  return h('header', { className: 'plan-header' }, h('h1', {}, 'Restore plan'), planMeta(plan));
}

export function summarySection(plan: PlanView, onPick: ShowSteps): HTMLElement {
  return h('section', { className: 'summary' }, headlineTable(plan, onPick));
}

function planMeta(plan: PlanView): HTMLElement {
  const item = (term: string, value: string) => [h('dt', {}, term), h('dd', {}, value)];
  return h(
    'dl',
    { className: 'meta' },
    ...item('Account', plan.account),
    ...item('Snapshot', `${plan.snapshot.snapshotId} (${plan.snapshot.finishedAt})`),
    ...item('Live read', plan.live.readAt),
    ...item('Plan', `${plan.planId}, made ${plan.createdAt}`),
    // What Apply of every step costs under the quota known when the plan was made.
    ...(plan.estimate ? item('Applying it', plan.estimate.summary) : []),
  );
}

/** Counts per entity and action; each non-zero count filters the list to those steps. */
function headlineTable(plan: PlanView, onPick: (entity: RestoreEntity | 'all', action: PlanAction | 'all') => void): HTMLTableElement {
  const entities = RESTORE_ORDER.filter((e) => plan.headline[e]);
  const totals = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as Record<PlanAction, number>;
  const countCell = (entity: RestoreEntity | 'all', action: PlanAction, n: number) => {
    const attrs = { 'data-entity': entity, 'data-action': action };
    if (!n) return h('td', { className: 'count zero', attrs }, '0');
    const label = `${n}`;
    return h(
      'td',
      { className: `count action-${action}`, attrs },
      linkButton(label, `Show ${action} steps${entity === 'all' ? '' : ` of ${ENTITY_LABEL[entity].toLowerCase()}`}`, () =>
        onPick(entity, action),
      ),
    );
  };
  const rows = entities.map((entity) => {
    const counts = plan.headline[entity]!;
    for (const a of PLAN_ACTIONS) totals[a] += counts[a] ?? 0;
    return h(
      'tr',
      { attrs: { 'data-entity': entity } },
      h('th', { attrs: { scope: 'row' } }, ENTITY_LABEL[entity]),
      ...PLAN_ACTIONS.map((a) => countCell(entity, a, counts[a] ?? 0)),
    );
  });
  return h(
    'table',
    { className: 'headline' },
    h('caption', {}, 'Steps per entity and action'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'col' } }, 'Entity'),
        ...PLAN_ACTIONS.map((a) => h('th', { attrs: { scope: 'col' } }, codicon(ACTION_ICON[a]), ` ${a}`)),
      ),
    ),
    h('tbody', {}, ...rows),
    h(
      'tfoot',
      {},
      h(
        'tr',
        { attrs: { 'data-entity': 'all' } },
        h('th', { attrs: { scope: 'row' } }, 'Total'),
        ...PLAN_ACTIONS.map((a) => countCell('all', a, totals[a])),
      ),
    ),
  );
}
