/**
 * One row of the step table, built with `h` (text only, never HTML). The cells a progress message
 * changes are handed back (RowRefs) so a step updates without rebuilding the table.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { choicesFor, type Choice } from './choices';
import { codicon, formatValue, h, linkButton } from './dom';
import { ACTION_ICON, STATUS_ICON, STATUS_TEXT } from './labels';
import type { PlanStepView, PlanView, ReplanOptions, RestoreEntity, StepProgress } from './protocol';
import { isActionable } from './selection';

/** What a row (and the parts that link to steps) may ask the view to do. */

export interface RowActions {
  toggle(stepId: string, checked: boolean): void;
  open(entity: RestoreEntity, id: string, where: 'snapshot' | 'live'): void;
  show(stepId: string): void;
  replan(options: ReplanOptions): void;
}

/** The cells a progress message changes, kept so a step updates without rebuilding the table. */
export interface RowRefs {
  row: HTMLTableRowElement;
  checkbox?: HTMLElementTagNameMap['vscode-checkbox'];
  newId: HTMLTableCellElement;
  status: HTMLTableCellElement;
}

export function actionBadge(step: PlanStepView): HTMLElement {
  return h('span', { className: `action action-${step.action}` }, codicon(ACTION_ICON[step.action]), ` ${step.action}`);
}

export function statusContent(progress: StepProgress | undefined): Node[] {
  if (!progress) return [];
  const content: Node[] = [codicon(STATUS_ICON[progress.status]), document.createTextNode(` ${STATUS_TEXT[progress.status]}`)];
  if (progress.message) content.push(h('div', { className: 'status-message' }, progress.message));
  return content;
}

/** The new-id cell: the id apply got back, else the live record the plan matched (muted). */
export function newIdContent(step: PlanStepView, progress: StepProgress | undefined, actions: RowActions): Node[] {
  if (progress?.newId)
    return [
      linkButton(progress.newId, `Open live ${step.entity} ${progress.newId}`, () => actions.open(step.entity, progress.newId!, 'live')),
    ];
  if (step.liveId && step.liveId !== step.oldId)
    return [h('span', { className: 'muted', attrs: { title: 'The live record this step matched' } }, step.liveId)];
  return [];
}

function choiceNode(choice: Choice, actions: RowActions): Node {
  switch (choice.kind) {
    case 'replan':
      return h(
        'vscode-button',
        { className: 'choice', attrs: { secondary: true, icon: 'refresh' }, on: { click: () => actions.replan(choice.options) } },
        choice.label,
      );
    case 'open':
      return linkButton(choice.label, choice.label, () => actions.open(choice.entity, choice.id, choice.where));
    case 'show':
      return linkButton(choice.label, `Filter the list to ${choice.stepId}`, () => actions.show(choice.stepId));
    case 'note':
      return h('span', { className: 'note' }, choice.label);
  }
}

function detailCell(step: PlanStepView, plan: PlanView, actions: RowActions): HTMLTableCellElement {
  const cell = h(
    'td',
    { className: 'detail' },
    h('div', { className: 'reason' }, step.reason),
    h('div', { className: 'detail-text' }, step.detail),
  );
  if (step.changes?.length) {
    cell.append(
      h(
        'ul',
        { className: 'changes' },
        ...step.changes.map((c) =>
          h(
            'li',
            {},
            h('code', { className: 'path' }, c.path),
            ': ',
            h('span', { className: 'before' }, formatValue(c.before)),
            h('span', { className: 'arrow', attrs: { 'aria-label': 'becomes' } }, ' → '),
            h('span', { className: 'after' }, formatValue(c.after)),
          ),
        ),
      ),
    );
  }
  for (const effect of step.sideEffects ?? []) cell.append(h('div', { className: 'side-effect' }, codicon('warning'), ` ${effect}`));
  const choices = choicesFor(step, plan.options);
  if (choices.length) cell.append(h('div', { className: 'choices' }, ...choices.map((c) => choiceNode(c, actions))));
  return cell;
}

export function stepRow(
  step: PlanStepView,
  index: number,
  plan: PlanView,
  selected: boolean,
  selectable: boolean,
  progress: StepProgress | undefined,
  actions: RowActions,
): RowRefs {
  const selectCell = h('td', { className: 'select' });
  let checkbox: RowRefs['checkbox'];
  if (isActionable(step)) {
    checkbox = h('vscode-checkbox', { attrs: { 'aria-label': `Apply ${step.id}`, title: `Apply ${step.id}` } });
    checkbox.checked = selected;
    checkbox.disabled = !selectable;
    checkbox.addEventListener('change', () => actions.toggle(step.id, checkbox!.checked));
    selectCell.append(checkbox);
  }
  const record = h(
    'td',
    { className: 'record' },
    h('div', { className: 'record-label' }, step.label ?? step.id),
    h(
      'div',
      { className: 'ids' },
      linkButton(step.oldId, `Open snapshot ${step.entity} ${step.oldId}`, () => actions.open(step.entity, step.oldId, 'snapshot')),
      step.pulledIn ? h('vscode-badge', { attrs: { title: 'Added because a selected record needs it' } }, 'pulled in') : null,
    ),
  );
  const depends = h(
    'td',
    { className: 'depends' },
    ...step.dependsOn.map((id) =>
      h(
        'div',
        {},
        linkButton(id, `Filter the list to ${id}`, () => actions.show(id)),
      ),
    ),
  );
  const newId = h('td', { className: 'new-id' }, ...newIdContent(step, progress, actions));
  const status = h('td', { className: 'status' }, ...statusContent(progress));
  const row = h(
    'tr',
    { className: `step action-${step.action}${progress ? ` status-${progress.status}` : ''}`, attrs: { 'data-step-id': step.id } },
    selectCell,
    h('td', { className: 'index' }, index + 1),
    h('td', { className: 'entity' }, step.entity),
    h('td', {}, actionBadge(step)),
    record,
    detailCell(step, plan, actions),
    depends,
    newId,
    status,
  );
  return { row, checkbox, newId, status };
}
