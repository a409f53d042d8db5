/** The toolbar above the step table: a text filter and the action and entity pickers. */
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { h } from './dom';
import { ACTION_TEXT, entityTitle } from './labels';
import { PLAN_ACTIONS, RESTORE_ORDER, type PlanView, type RestoreEntity, type StepFilter } from './protocol';

type SelectElement = HTMLElementTagNameMap['vscode-single-select'];

export class FilterBar {
  private textFilter?: HTMLElementTagNameMap['vscode-textfield'];
  private actionFilter?: SelectElement;
  private entityFilter?: SelectElement;

  constructor(private readonly onChange: (filter: Partial<StepFilter>) => void) {}

  /** Fresh fields for a plan (its entities only), showing `filter`; `extra` goes at the end of the bar. */
  build(plan: PlanView, filter: StepFilter, extra: HTMLElement): HTMLElement {
    this.textFilter = h('vscode-textfield', {
      className: 'text-filter',
      attrs: { placeholder: 'Filter by name, id or reason…', 'aria-label': 'Filter steps by text' },
    });
    this.textFilter.value = filter.text;
    this.textFilter.addEventListener('input', () => this.onChange({ text: this.textFilter!.value }));
    this.actionFilter = select(
      'action-filter',
      'Show',
      [['relevant', 'Will run or needs you'], ['all', 'All steps'], ...PLAN_ACTIONS.map((a): [string, string] => [a, ACTION_TEXT[a]])],
      filter.action,
      (value) => this.onChange({ action: value as StepFilter['action'] }),
    );
    const entities = RESTORE_ORDER.filter((e) => plan.steps.some((s) => s.entity === e));
    this.entityFilter = select(
      'entity-filter',
      'Kind of record',
      [['all', 'All kinds of record'], ...entities.map((e): [string, string] => [e, entityTitle(e)])],
      filter.entity,
      (value) => this.onChange({ entity: value as RestoreEntity | 'all' }),
    );
    return h('section', { className: 'toolbar', attrs: { role: 'search' } }, this.textFilter, this.actionFilter, this.entityFilter, extra);
  }

  /** The filter was set from elsewhere (a count, a link): show it in the fields. */
  show(filter: StepFilter): void {
    if (this.textFilter && this.textFilter.value !== filter.text) this.textFilter.value = filter.text;
    if (this.actionFilter && this.actionFilter.value !== filter.action) this.actionFilter.value = filter.action;
    if (this.entityFilter && this.entityFilter.value !== filter.entity) this.entityFilter.value = filter.entity;
  }
}

function select(
  className: string,
  label: string,
  options: Array<[string, string]>,
  value: string,
  onChange: (value: string) => void,
): SelectElement {
  const element = h(
    'vscode-single-select',
    { className, attrs: { 'aria-label': label, title: label } },
    ...options.map(([v, text]) => h('vscode-option', { attrs: { value: v, selected: v === value } }, text)),
  );
  // The host's aria-label does not reach the combobox inside the element's shadow root; `label` does.
  element.label = label;
  element.addEventListener('change', () => onChange(element.value));
  return element;
}
