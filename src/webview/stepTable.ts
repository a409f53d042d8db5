/**
 * The table of plan steps: sortable column heads, the rows the filter lets through (a page at a
 * time: a plan can hold tens of thousands of steps), the select-all box and the "show more" button.
 * A progress message updates one row (updateRow), not the table, so a long apply stays smooth.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { codicon, h } from './dom';
import { filterSteps, sortSteps, type IndexedStep } from './filter';
import type { PlanView, PlanViewState, SortKey } from './protocol';
import type { StepGraph } from './selection';
import { newIdContent, statusContent, stepRow, type RowActions, type RowRefs } from './stepRow';

/** Rows drawn at once; more on request (a plan can hold tens of thousands of steps). */
export const PAGE_SIZE = 250;

const COLUMNS: Array<{ title: string; sort?: SortKey; className?: string }> = [
  { title: '', className: 'select' },
  { title: '#', sort: 'order' },
  { title: 'Entity', sort: 'entity' },
  { title: 'Action', sort: 'action' },
  { title: 'Record', sort: 'label' },
  { title: 'Reason and detail', sort: 'reason' },
  { title: 'Depends on' },
  { title: 'New id' },
  { title: 'Status', sort: 'status' },
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

export class StepTable {
  readonly shownCount = h('span', { className: 'shown-count', attrs: { 'aria-live': 'polite' } });
  readonly moreButton = h('vscode-button', { className: 'more', attrs: { secondary: true } });
  private readonly thead = h('thead');
  private tbody = h('tbody');
  readonly table = h('table', { className: 'steps' }, this.thead, this.tbody);
  private readonly selectAll = h('vscode-checkbox', {
    attrs: { 'aria-label': 'Select every shown step', title: 'Select every shown create or update' },
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
          if (!col.sort) return h('th', { attrs: { scope: 'col' } }, col.title);
          const active = sort.key === col.sort;
          const key = col.sort;
          return h(
            'th',
            { attrs: { scope: 'col', 'aria-sort': active ? (sort.descending ? 'descending' : 'ascending') : undefined, 'data-sort': key } },
            h(
              'button',
              {
                className: 'sort',
                attrs: { type: 'button', title: `Sort by ${col.title.toLowerCase()}` },
                on: { click: () => this.actions.sort(key) },
              },
              col.title,
              active ? codicon(sort.descending ? 'arrow-down' : 'arrow-up') : null,
            ),
          );
        }),
      ),
    );
  }

  renderRows(): void {
    const source = this.source();
    if (!source) return;
    const { plan, ui, selected } = source;
    const filtered = sortSteps(filterSteps(source.indexed, ui.filter, ui.progress), ui.sort.key, ui.sort.descending, ui.progress);
    const shown = filtered.slice(0, this.visible);
    const selectable = !ui.applying && !ui.receipt;
    this.rows.clear();
    const body = h('tbody');
    for (const { step, index } of shown) {
      const refs = stepRow(step, index, plan, selected.has(step.id), selectable, ui.progress[step.id], this.rowActions);
      this.rows.set(step.id, refs);
      body.append(refs.row);
    }
    if (!shown.length)
      body.append(h('tr', { className: 'empty' }, h('td', { attrs: { colspan: String(COLUMNS.length) } }, 'No step matches the filter.')));
    this.tbody.replaceWith(body);
    this.tbody = body;
    this.shownCount.textContent = `Showing ${shown.length} of ${filtered.length} matching step(s); ${plan.steps.length} in the plan`;
    const left = filtered.length - shown.length;
    this.moreButton.hidden = left <= 0;
    this.moreButton.textContent = `Show ${Math.min(left, PAGE_SIZE)} more (${left} not shown)`;
    this.selectAll.disabled = !selectable;
    this.syncSelectAll();
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

  /** A step's progress changed: redraw its new-id and status cells only. */
  updateRow(stepId: string): void {
    const refs = this.rows.get(stepId);
    const source = this.source();
    const step = source?.graph.byId.get(stepId);
    if (!refs || !step || !source) return;
    const ui = source.ui;
    const progress = ui.progress[stepId];
    refs.newId.replaceChildren(...newIdContent(step, progress, this.rowActions));
    refs.status.replaceChildren(...statusContent(progress));
    refs.row.className = `step action-${step.action}${progress ? ` status-${progress.status}` : ''}`;
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
