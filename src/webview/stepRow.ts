/**
 * One row of the step grid, built with `h` (text only, never HTML): the record by name, what happens
 * to it and why in words (the reason code only in a tooltip), its changes as readable lines, what it
 * needs, the choices, and the result. The result cell is handed back (RowRefs) so a progress message
 * updates a step without rebuilding the table. Controls are native elements so the grid can take them
 * out of the Tab order (see gridNav).
 */
import { choicesFor } from './choices';
import { choiceControl } from './decisions';
import { codicon, formatValue, h, linkButton } from './dom';
import { localizeTimes } from './format';
import { ACTION_ICON, ACTION_TEXT, ENTITY_NOUN, fieldText, REASON_TEXT, STATUS_ICON, STATUS_TEXT } from './labels';
import { stepKindAndId, stepName } from './names';
import type { PlanStepView, PlanView, ReplanOptions, RestoreEntity, StepProgress } from './protocol';
import { isActionable } from './selection';

/** What a row (and the parts that link to steps) may ask the view to do. */
export interface RowActions {
  toggle(stepId: string, checked: boolean): void;
  open(entity: RestoreEntity, id: string, where: 'snapshot' | 'live'): void;
  show(stepId: string): void;
  /** An order step's relationship view. */
  relations?(stepId: string): void;
  replan(options: ReplanOptions): void;
}

/** The cells a progress message changes, kept so a step updates without rebuilding the table. */
export interface RowRefs {
  row: HTMLTableRowElement;
  checkbox?: HTMLInputElement;
  result: HTMLTableCellElement;
}

export function actionBadge(step: PlanStepView): HTMLElement {
  return h('span', { className: `action action-${step.action}` }, codicon(ACTION_ICON[step.action]), ` ${ACTION_TEXT[step.action]}`);
}

function statusContent(progress: StepProgress | undefined): Node[] {
  if (!progress) return [];
  const content: Node[] = [
    h('span', { className: 'status' }, codicon(STATUS_ICON[progress.status], 'status-icon'), ` ${STATUS_TEXT[progress.status]}`),
  ];
  if (progress.message) content.push(h('div', { className: 'status-message' }, localizeTimes(progress.message)));
  return content;
}

/**
 * The result cell: the id Keap gave on apply ("created as #245"), else the live record the plan
 * matched ("matches live #74" for a likely duplicate, "live #12" for a record found under another id),
 * then the apply status.
 */
export function resultContent(step: PlanStepView, progress: StepProgress | undefined, actions: RowActions): Node[] {
  const noun = ENTITY_NOUN[step.entity].one;
  const out: Node[] = [];
  if (progress?.newId) {
    const verb =
      progress.status === 'linked' || progress.status === 'already-done' ? 'is' : step.action === 'create' ? 'created as' : 'live';
    out.push(
      h(
        'div',
        { className: 'new-id' },
        `${verb} `,
        linkButton(`#${progress.newId}`, `Open ${noun} #${progress.newId} in the account`, () =>
          actions.open(step.entity, progress.newId!, 'live'),
        ),
      ),
    );
  } else if (step.liveId && (step.liveId !== step.oldId || step.action === 'conflict')) {
    out.push(
      h(
        'div',
        { className: 'live-id' },
        step.action === 'conflict' ? 'matches live ' : 'live ',
        linkButton(`#${step.liveId}`, `Open ${noun} #${step.liveId} in the account`, () => actions.open(step.entity, step.liveId!, 'live')),
      ),
    );
  }
  out.push(...statusContent(progress));
  return out;
}

/** True when a row's result cell has something to show (the grid hides the column when no row has). */
export function hasResult(step: PlanStepView, progress: StepProgress | undefined): boolean {
  return !!progress || (!!step.liveId && (step.liveId !== step.oldId || step.action === 'conflict'));
}

function changeLines(step: PlanStepView): HTMLElement | null {
  if (!step.changes?.length) return null;
  const words = step.facts?.changes;
  return h(
    'ul',
    { className: 'changes' },
    ...step.changes.map((c, i) => {
      const w = words?.[i] ?? { field: fieldText(c.path), before: formatValue(c.before), after: formatValue(c.after) };
      return h(
        'li',
        { attrs: { title: c.path } },
        h('span', { className: 'field' }, `${w.field}: `),
        h('span', { className: 'before' }, w.before),
        h('span', { className: 'arrow' }, ' → '),
        h('span', { className: 'visually-hidden' }, 'becomes '),
        h('span', { className: 'after' }, w.after),
      );
    }),
  );
}

function detailCell(step: PlanStepView, plan: PlanView, actions: RowActions, nameOf: (stepId: string) => string): HTMLTableCellElement {
  const cell = h(
    'td',
    { className: 'detail' },
    h('div', { className: 'reason', attrs: { title: step.reason } }, REASON_TEXT[step.reason]),
    step.facts?.about ? h('div', { className: 'about' }, step.facts.about) : null,
    // The planner's own sentence carries the particulars of what will not run as is (which look-alike, which parent).
    step.action === 'conflict' || step.action === 'blocked' ? h('div', { className: 'detail-text' }, localizeTimes(step.detail)) : null,
    changeLines(step),
  );
  if (step.dependsOn.length && step.action !== 'blocked') {
    cell.append(
      h(
        'div',
        { className: 'depends' },
        'Needs ',
        ...step.dependsOn.flatMap((id, i) => [
          i ? ', ' : '',
          linkButton(nameOf(id), `Show ${nameOf(id)} in the list`, () => actions.show(id)),
        ]),
      ),
    );
  }
  const choices = choicesFor(step, plan.options, nameOf);
  if (choices.length) cell.append(h('div', { className: 'choices' }, ...choices.map((c) => choiceControl(c, actions, false))));
  return cell;
}

export interface RowOptions {
  selected: boolean;
  selectable: boolean;
  /** Listed under its order (a payment). */
  child: boolean;
  nameOf(stepId: string): string;
}

export function stepRow(
  step: PlanStepView,
  index: number,
  plan: PlanView,
  progress: StepProgress | undefined,
  actions: RowActions,
  options: RowOptions,
): RowRefs {
  const name = stepName(step);
  const selectCell = h('td', { className: 'select' });
  let checkbox: HTMLInputElement | undefined;
  if (isActionable(step)) {
    const label = `${step.action === 'create' ? 'Restore' : 'Update'} ${name}`;
    checkbox = h('input', { attrs: { type: 'checkbox', 'aria-label': label, title: label } });
    checkbox.checked = options.selected;
    checkbox.disabled = !options.selectable;
    checkbox.addEventListener('change', () => actions.toggle(step.id, checkbox!.checked));
    selectCell.append(checkbox);
  }
  const record = h(
    'td',
    { className: 'record' },
    h('div', { className: 'record-label' }, options.child ? codicon('indent', 'child-mark') : null, name),
    h(
      'div',
      { className: 'ids' },
      linkButton(stepKindAndId(step), `Open the snapshot's ${ENTITY_NOUN[step.entity].one}`, () =>
        actions.open(step.entity, step.oldId, 'snapshot'),
      ),
      step.pulledIn
        ? h('span', { className: 'pulled-in', attrs: { title: 'Added because a selected record needs it' } }, ' · needed by another')
        : null,
      ...(step.entity === 'orders' && actions.relations
        ? [
            ' · ',
            linkButton('Relationships', `Show how ${name} ties to its contact, items, payments and subscriptions`, () =>
              actions.relations!(step.id),
            ),
          ]
        : []),
    ),
  );
  const result = h('td', { className: 'result' }, ...resultContent(step, progress, actions));
  const row = h(
    'tr',
    {
      className: `step action-${step.action}${progress ? ` status-${progress.status}` : ''}${options.child ? ' child' : ''}`,
      attrs: { 'data-step-id': step.id },
    },
    selectCell,
    h('td', { className: 'index' }, index + 1),
    record,
    h('td', { className: 'action-cell' }, actionBadge(step)),
    detailCell(step, plan, actions, options.nameOf),
    result,
  );
  return { row, checkbox, result };
}
