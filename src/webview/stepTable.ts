/**
 * The grid of plan steps: sortable column heads, the rows the filter lets through (a page at a
 * time: a plan can hold tens of thousands of steps), payments listed under their order, the
 * select-all box and the "show more" button. One Tab stop for the whole grid (gridNav). A progress
 * message updates one row (updateRow), not the table, so a long apply stays smooth.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { codicon, h } from './dom';
import { filterSteps, sortSteps, type IndexedStep } from './filter';
import { GridNav } from './gridNav';
import { stepName } from './names';
import type { PlanView, PlanViewState, SortKey } from './protocol';
import type { StepGraph } from './selection';
import { hasResult, resultContent, stepRow, type RowActions, type RowRefs } from './stepRow';

/** Rows drawn at once; more on request (a plan can hold tens of thousands of steps). */
export const PAGE_SIZE = 250;

const COLUMNS: Array<{ title: string; sort?: SortKey; className: string }> = [
  { title: '', className: 'select' },
  { title: '#', sort: 'order', className: 'index' },
  { title: 'Record', sort: 'label', className: 'record' },
  { title: 'What happens', sort: 'action', className: 'action-cell' },
  { title: 'Why, and what changes', sort: 'reason', className: 'detail' },
  { title: 'Result', sort: 'status', className: 'result' },
];

/** What the table draws from; the view owns it. */
export interface TableSource {
  plan: PlanView;
  graph: StepGraph;
  indexed: IndexedStep[];
  ui: PlanViewState;
  selected: ReadonlySet<string>;
}

export interface TableActions {
  sort(key: SortKey): void;
  /** The select-all box: select (or drop) every shown create or update. */
  select(stepIds: string[], checked: boolean): void;
}

/**
 * In plan order, a payment right under its order when that order is listed too (apply still runs
 * them in plan order: this is only how they are shown).
 */
export function groupUnderParents(steps: IndexedStep[]): Array<IndexedStep & { child: boolean }> {
  const shown = new Set(steps.map((s) => s.step.id));
  const children = new Map<string, IndexedStep[]>();
  const top: IndexedStep[] = [];
  for (const s of steps) {
    const parent = s.step.facts?.parent;
    if (parent && parent !== s.step.id && shown.has(parent)) children.set(parent, [...(children.get(parent) ?? []), s]);
    else top.push(s);
  }
  return top.flatMap((s) => [{ ...s, child: false }, ...(children.get(s.step.id) ?? []).map((c) => ({ ...c, child: true }))]);
}

export class StepTable {
  readonly shownCount = h('span', { className: 'shown-count', attrs: { 'aria-live': 'polite' } });
  readonly moreButton = h('vscode-button', { className: 'more', attrs: { secondary: true } });
  private readonly thead = h('thead');
  private tbody = h('tbody');
  readonly table = h('table', { className: 'steps', attrs: { 'aria-label': 'Restore steps' } }, this.thead, this.tbody);
  private readonly grid = new GridNav(this.table);
  private readonly selectAll = h('input', {
    attrs: { type: 'checkbox', 'aria-label': 'Select every shown create and update', title: 'Select every shown create and update' },
  });
  private readonly rows = new Map<string, RowRefs>();
  private visible = PAGE_SIZE;

  constructor(
    private readonly source: () => TableSource | undefined,
    private readonly actions: TableActions,
    private readonly rowActions: RowActions,
  ) {
    this.moreButton.addEventListener('click', () => {
      this.visible += PAGE_SIZE;
      this.renderRows();
    });
    this.selectAll.addEventListener('change', () => this.actions.select(this.shownActionable(), this.selectAll.checked));
  }

  /** Back to the first page of rows (a new plan or filter). */
  firstPage(): void {
    this.visible = PAGE_SIZE;
  }

  renderHead(): void {
    const sort = this.source()!.ui.sort;
    this.thead.replaceChildren(
      h(
        'tr',
        {},
        ...COLUMNS.map((col) => {
          if (col.className === 'select') return h('th', { className: 'select', attrs: { scope: 'col' } }, this.selectAll);
          if (!col.sort) return h('th', { className: col.className, attrs: { scope: 'col' } }, col.title);
          const active = sort.key === col.sort;
          const key = col.sort;
          const label = col.title === '#' ? 'plan order' : col.title.toLowerCase();
          return h(
            'th',
            {
              className: col.className,
              attrs: { scope: 'col', 'aria-sort': active ? (sort.descending ? 'descending' : 'ascending') : undefined, 'data-sort': key },
            },
            h(
              'button',
              { className: 'sort', attrs: { type: 'button', title: `Sort by ${label}` }, on: { click: () => this.actions.sort(key) } },
              col.title === '#' ? h('span', { attrs: { 'aria-label': 'Plan order' } }, '#') : col.title,
              active ? codicon(sort.descending ? 'arrow-down' : 'arrow-up') : null,
            ),
          );
        }),
      ),
    );
    this.grid.refresh();
  }

  renderRows(): void {
    const source = this.source();
    if (!source) return;
    const { plan, ui, selected, graph } = source;
    const sorted = sortSteps(filterSteps(source.indexed, ui.filter, ui.progress), ui.sort.key, ui.sort.descending, ui.progress);
    const listed = ui.sort.key === 'order' && !ui.sort.descending ? groupUnderParents(sorted) : sorted.map((s) => ({ ...s, child: false }));
    const shown = listed.slice(0, this.visible);
    const selectable = !ui.applying && !ui.receipt;
    const nameOf = (id: string) => {
      const step = graph.byId.get(id);
      return step ? stepName(step) : id;
    };
    this.rows.clear();
    const body = h('tbody');
    let anyResult = false;
    for (const { step, index, child } of shown) {
      const progress = ui.progress[step.id];
      anyResult ||= hasResult(step, progress);
      const refs = stepRow(step, index, plan, progress, this.rowActions, { selected: selected.has(step.id), selectable, child, nameOf });
      this.rows.set(step.id, refs);
      body.append(refs.row);
    }
    if (!shown.length)
      body.append(h('tr', { className: 'empty' }, h('td', { attrs: { colspan: String(COLUMNS.length) } }, 'No step matches the filter.')));
    this.tbody.replaceWith(body);
    this.tbody = body;
    // An empty column is noise: the result column appears once some row has a result.
    this.table.classList.toggle('no-result', !anyResult && !Object.keys(ui.progress).length);
    this.shownCount.textContent = `Showing ${shown.length.toLocaleString('en-US')} of ${listed.length.toLocaleString('en-US')} ${listed.length === 1 ? 'step' : 'steps'}; ${plan.steps.length.toLocaleString('en-US')} in the plan`;
    const left = listed.length - shown.length;
    this.moreButton.hidden = left <= 0;
    this.moreButton.textContent = `Show ${Math.min(left, PAGE_SIZE)} more (${left} not shown)`;
    this.selectAll.disabled = !selectable;
    this.syncSelectAll();
    this.grid.refresh();
  }

  /** The selection changed: tick the shown rows' boxes to match, without redrawing them. */
  showSelection(): void {
    const selected = this.source()?.selected;
    if (!selected) return;
    for (const [id, refs] of this.rows) if (refs.checkbox) refs.checkbox.checked = selected.has(id);
    this.syncSelectAll();
  }

  /** Apply started: no box may change the selection any more. */
  lockSelection(): void {
    for (const refs of this.rows.values()) if (refs.checkbox) refs.checkbox.disabled = true;
    this.selectAll.disabled = true;
  }

  /** A step's progress changed: redraw its result cell only. */
  updateRow(stepId: string): void {
    const refs = this.rows.get(stepId);
    const source = this.source();
    const step = source?.graph.byId.get(stepId);
    if (!refs || !step || !source) return;
    const ui = source.ui;
    const progress = ui.progress[stepId];
    refs.result.replaceChildren(...resultContent(step, progress, this.rowActions));
    for (const control of Array.from(refs.result.querySelectorAll<HTMLElement>('button'))) control.tabIndex = -1;
    this.table.classList.remove('no-result');
    refs.row.className = `step action-${step.action}${progress ? ` status-${progress.status}` : ''}${refs.row.classList.contains('child') ? ' child' : ''}`;
    if (refs.checkbox && (ui.applying || ui.receipt)) refs.checkbox.disabled = true;
  }

  private shownActionable(): string[] {
    return [...this.rows.entries()].filter(([, refs]) => refs.checkbox).map(([id]) => id);
  }

  private syncSelectAll(): void {
    const selected = this.source()?.selected ?? new Set<string>();
    const ids = this.shownActionable();
    const chosen = ids.filter((id) => selected.has(id)).length;
    this.selectAll.checked = ids.length > 0 && chosen === ids.length;
    this.selectAll.indeterminate = chosen > 0 && chosen < ids.length;
  }
}
