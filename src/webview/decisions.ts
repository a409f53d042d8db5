/**
 * What needs a person before Apply: the likely duplicates to decide (same order, or a different one),
 * the records that can't be restored and what would unblock them, the records that differ but stay as
 * they are, and the plan's other notes (folded). Nothing when there is nothing to say.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { choicesFor, type Choice } from './choices';
import { codicon, h, linkButton, type Child } from './dom';
import { localizeTimes } from './format';
import { countNoun, REASON_TEXT } from './labels';
import { stepName } from './names';
import type { LookAlikeSide, PlanStepView, PlanView } from './protocol';
import type { RowActions } from './stepRow';
import type { ShowSteps } from './summary';

/** More than this many of a kind are one link away in the step list, not listed here. */
const LISTED = 10;

export interface DecisionActions extends RowActions {
  /** Ask the host for a likely duplicate's two orders side by side. */
  compare(stepId: string): void;
}

/** `lookAlikes`: the side-by-side comparisons the host has sent, by conflict step id. */
export function decisionSections(
  plan: PlanView,
  show: ShowSteps,
  actions: DecisionActions,
  lookAlikes: ReadonlyMap<string, [LookAlikeSide, LookAlikeSide]> = new Map(),
): Child[] {
  const conflicts = plan.steps.filter((s) => s.action === 'conflict');
  const blocked = plan.steps.filter((s) => s.action === 'blocked');
  // "Skip" counts both unchanged records and records that differ but are not updated: say the latter apart.
  const differing = plan.steps.filter((s) => s.action === 'skip' && s.changes?.length).length;
  const sideEffectTexts = new Set(plan.steps.flatMap((s) => s.sideEffects ?? []));
  const notes = plan.warnings.filter((w) => !sideEffectTexts.has(w));
  return [
    conflicts.length
      ? stepList(
          'decisions',
          'question',
          `${countNoun(conflicts.length, { one: 'record needs', many: 'records need' })} your decision`,
          conflicts,
          plan,
          actions,
          () => show('all', 'conflict'),
          lookAlikes,
        )
      : null,
    blocked.length
      ? stepList(
          'blocked',
          'circle-slash',
          `${countNoun(blocked.length, { one: 'record', many: 'records' })} can't be restored`,
          blocked,
          plan,
          actions,
          () => show('all', 'blocked'),
        )
      : null,
    differing
      ? h(
          'section',
          { className: 'note differs' },
          codicon('diff'),
          h(
            'p',
            {},
            `${countNoun(differing, { one: 'record', many: 'records' })} in the account ${differing === 1 ? 'differs' : 'differ'} from the snapshot and will be left as ${differing === 1 ? 'it is' : 'they are'}. `,
            plan.options.updateExisting
              ? "Keap's API cannot change those fields."
              : 'To set them back to the snapshot, plan again with "update existing records". ',
            linkButton('Show them', 'Show the records that differ', () => show('all', 'skip')),
          ),
        )
      : null,
    notes.length
      ? h(
          'details',
          { className: 'plan-notes' },
          h('summary', {}, `${countNoun(notes.length, 'note')} about this restore`),
          h('ul', {}, ...notes.map((w) => h('li', {}, localizeTimes(w)))),
        )
      : null,
  ];
}

function stepList(
  className: string,
  icon: string,
  title: string,
  steps: PlanStepView[],
  plan: PlanView,
  actions: RowActions | DecisionActions,
  showAll: () => void,
  lookAlikes?: ReadonlyMap<string, [LookAlikeSide, LookAlikeSide]>,
): HTMLElement {
  const id = `${className}-title`;
  return h(
    'section',
    { className: `attention ${className}`, attrs: { 'aria-labelledby': id } },
    h('h2', { attrs: { id } }, codicon(icon), ` ${title}`),
    h(
      'ul',
      {},
      ...steps.slice(0, LISTED).map((step) =>
        h(
          'li',
          { attrs: { 'data-step-id': step.id } },
          h('strong', {}, stepName(step)),
          h('span', { attrs: { title: step.reason } }, ` ${REASON_TEXT[step.reason]}`),
          h('div', { className: 'detail-text' }, localizeTimes(step.detail)),
          h(
            'div',
            { className: 'choices' },
            ...choicesFor(step, plan.options).map((c) => choiceControl(c, actions, true)),
            canCompare(step) && 'compare' in actions
              ? h(
                  'vscode-button',
                  {
                    className: 'compare-look-alike',
                    attrs: { secondary: true, icon: 'split-horizontal' },
                    on: { click: () => actions.compare(step.id) },
                  },
                  'Compare side by side',
                )
              : null,
          ),
          lookAlikes?.get(step.id) ? sideBySide(lookAlikes.get(step.id)!) : null,
        ),
      ),
    ),
    steps.length > LISTED ? linkButton(`Show all ${steps.length} in the list below`, title, showAll) : null,
  );
}

/** A likely duplicate order the host can show beside the live order it looks like. */
function canCompare(step: PlanStepView): boolean {
  return step.action === 'conflict' && step.entity === 'orders' && !!step.liveId;
}

/** The two orders as one table: a row per particular, the snapshot's value beside the account's; rows that differ say so. */
export function sideBySide([snapshot, live]: [LookAlikeSide, LookAlikeSide]): HTMLTableElement {
  return h(
    'table',
    { className: 'look-alike' },
    h('caption', {}, 'The order in the snapshot beside the one in the account'),
    h(
      'thead',
      {},
      h('tr', {}, h('td', {}), h('th', { attrs: { scope: 'col' } }, snapshot.heading), h('th', { attrs: { scope: 'col' } }, live.heading)),
    ),
    h(
      'tbody',
      {},
      ...snapshot.rows.map((row, i) => {
        const other = live.rows.find((r) => r.label === row.label)?.value ?? live.rows[i]?.value ?? '';
        const differs = other !== row.value;
        return h(
          'tr',
          { className: differs ? 'differs' : '' },
          h(
            'th',
            { attrs: { scope: 'row' } },
            row.label,
            differs ? h('span', { className: 'differs-mark' }, ' ', codicon('diff'), ' differs') : null,
          ),
          h('td', {}, row.value),
          h('td', {}, other),
        );
      }),
    ),
  );
}

/**
 * A choice as a control. `standalone`: a themed button (outside the step grid); inside the grid a
 * native button, whose tab stop the grid can take away (one Tab stop for the whole grid).
 */
export function choiceControl(choice: Choice, actions: RowActions, standalone: boolean): Node {
  switch (choice.kind) {
    case 'replan':
      return standalone
        ? h(
            'vscode-button',
            { className: 'choice', attrs: { secondary: true, icon: 'refresh' }, on: { click: () => actions.replan(choice.options) } },
            choice.label,
          )
        : h(
            'button',
            { className: 'choice secondary', attrs: { type: 'button' }, on: { click: () => actions.replan(choice.options) } },
            choice.label,
          );
    case 'open':
      return linkButton(choice.label, choice.label, () => actions.open(choice.entity, choice.id, choice.where));
    case 'show':
      return linkButton(choice.label, `Show ${choice.label} in the list`, () => actions.show(choice.stepId));
    case 'note':
      return h('span', { className: 'note-text' }, choice.label);
  }
}
