/**
 * The restore-plan view: holds the plan and the UI state, turns host messages and clicks into state
 * changes and redraws only the part a change touches (a progress message updates one row, not the
 * table, so a long apply stays smooth).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { codicon, fill, h, type Child } from './dom';
import { filterSteps, sortSteps, type IndexedStep } from './filter';
import {
  PLAN_ACTIONS,
  RESTORE_ORDER,
  type HostToWebview,
  type PlanAction,
  type PlanView,
  type PlanViewState,
  type ReceiptView,
  type ReplanOptions,
  type RestoreEntity,
  type SortKey,
  type StepProgress,
  type WebviewToHost,
} from './protocol';
import {
  ENTITY_LABEL,
  fillConfirmDialog,
  headlineTable,
  newIdContent,
  planMeta,
  receiptSection,
  sideEffectsContent,
  statusContent,
  stepRow,
  type RowActions,
  type RowRefs,
} from './render';
import { applyBlocker, planProblem, StepGraph } from './selection';
import { defaultUiState, isPersistedState, MAX_CACHED_STEPS, mergeUiState, toPlanView, type VsCodeApi } from './state';

/** Rows drawn at once; more on request (a plan can hold tens of thousands of steps). */
export const PAGE_SIZE = 250;
const PERSIST_DELAY_MS = 150;

type SelectElement = HTMLElementTagNameMap['vscode-single-select'];

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

export class PlanPanelView {
  private plan?: PlanView;
  private graph?: StepGraph;
  private indexed: IndexedStep[] = [];
  private ui?: PlanViewState;
  private selected = new Set<string>();
  private stale?: { reason: string };
  private error?: string;
  /** From the host's progress messages; else the size of the selection that was applied. */
  private progressTotal?: number;
  private visible = PAGE_SIZE;
  private readonly rows = new Map<string, RowRefs>();
  private persistTimer?: ReturnType<typeof setTimeout>;

  // Parts redrawn on their own.
  private banners = h('div', { className: 'banners' });
  private actionsBar = h('div', { className: 'actions' });
  private sideEffects = h('section', { className: 'side-effects' });
  private progressArea = h('section', { className: 'progress', attrs: { 'aria-live': 'polite' } });
  private receiptArea = h('div', { className: 'receipt-area' });
  private tbody = h('tbody');
  private thead = h('thead');
  private shownCount = h('span', { className: 'shown-count', attrs: { 'aria-live': 'polite' } });
  private moreButton = h('vscode-button', { className: 'more', attrs: { secondary: true } });
  private textFilter?: HTMLElementTagNameMap['vscode-textfield'];
  private actionFilter?: SelectElement;
  private entityFilter?: SelectElement;
  private selectAll = h('vscode-checkbox', {
    attrs: { 'aria-label': 'Select every shown step', title: 'Select every shown create or update' },
  });
  private dialog = h('dialog', { className: 'confirm', attrs: { 'aria-labelledby': 'confirm-title' } });

  private readonly rowActions: RowActions = {
    toggle: (id, checked) => this.setSelected([id], checked),
    open: (entity, id, where) => this.post({ type: 'openRecord', entity, id, where }),
    show: (stepId) => this.setFilter({ text: stepId, action: 'all', entity: 'all' }),
    replan: (options) => this.replan(options),
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly api: VsCodeApi,
  ) {
    this.moreButton.addEventListener('click', () => {
      this.visible += PAGE_SIZE;
      this.renderRows();
    });
    this.selectAll.addEventListener('change', () => this.setSelected(this.shownActionable(), this.selectAll.checked));
    window.addEventListener('pagehide', () => this.flushState());
  }

  /**
   * Takes up what setState saved (the panel was hidden, reloaded or restored): draws the plan if it
   * was kept, else holds the UI state for the host's init of the same plan.
   */
  restore(): boolean {
    const saved = this.api.getState();
    if (!isPersistedState(saved)) return false;
    if (!saved.plan) {
      this.ui = saved.ui;
      return false;
    }
    this.load(saved.plan, saved.stale, saved.ui);
    return true;
  }

  handle(message: HostToWebview): void {
    switch (message.type) {
      case 'init':
        return this.init(message.plan, message.stale, message.state);
      case 'stale':
        return this.markStale(message.reason);
      case 'progress':
        return this.progress(message.stepId, { status: message.status, newId: message.newId, message: message.message }, message.total);
      case 'receipt':
        return this.receipt(message.receipt);
      case 'error':
        return this.showError(message.message);
    }
  }

  /** Something could not be drawn: say so rather than leave the panel half drawn or blank. */
  showFailure(err: unknown): void {
    const message = `The restore plan could not be shown: ${err instanceof Error ? err.message : String(err)}`;
    if (this.plan) {
      this.showError(message);
      return;
    }
    fill(this.root, h('div', { className: 'banner error', attrs: { role: 'alert' } }, codicon('error'), ` ${message}`));
  }

  // ---- host messages ----

  private init(incoming: PlanView, stale: { reason: string } | undefined, hostState: PlanViewState | undefined): void {
    const plan = toPlanView(incoming);
    this.error = undefined;
    this.load(plan, stale, mergeUiState(plan.planId, this.ui, hostState));
    this.schedulePersist();
  }

  private load(plan: PlanView, stale: { reason: string } | undefined, ui: PlanViewState | undefined): void {
    if (this.plan?.planId !== plan.planId) this.progressTotal = undefined;
    this.plan = plan;
    this.graph = new StepGraph(plan.steps);
    this.indexed = plan.steps.map((step, index) => ({ step, index }));
    this.ui = ui ?? defaultUiState(plan, this.graph);
    this.selected = this.graph.select(new Set(), this.graph.sanitize(this.ui.selected));
    this.ui.selected = this.graph.inPlanOrder(this.selected);
    this.stale = stale;
    this.visible = PAGE_SIZE;
    this.renderAll();
  }

  private markStale(reason: string): void {
    this.stale = { reason };
    this.stopApplying();
    this.renderBanners();
    this.renderActions();
    this.renderProgress();
    this.schedulePersist();
  }

  /** Apply was refused or stopped: the selection may change again. */
  private stopApplying(): void {
    if (!this.ui?.applying) return;
    this.ui.applying = false;
    this.renderRows();
  }

  private progress(stepId: string, progress: StepProgress, total: number | undefined): void {
    if (!this.ui) return;
    this.ui.progress[stepId] = progress;
    if (total) this.progressTotal = total;
    const wasApplying = this.ui.applying;
    if (!this.ui.receipt) this.ui.applying = true;
    if (wasApplying) {
      this.updateRow(stepId);
    } else {
      // The host started an apply this view did not ask for (e.g. it was reopened): lock the selection.
      this.renderActions();
      this.renderRows();
    }
    this.renderProgress();
    this.schedulePersist();
  }

  private receipt(receipt: ReceiptView): void {
    if (!this.ui) return;
    this.ui.receipt = receipt;
    this.ui.applying = false;
    // The receipt's id map is the authority on new ids, also for steps whose progress was missed.
    for (const entry of receipt.idMap) {
      const stepId = `${entry.entity}:${entry.oldId}`;
      const known = this.ui.progress[stepId];
      this.ui.progress[stepId] = {
        ...known,
        status: known?.status && known.status !== 'running' ? known.status : 'done',
        newId: entry.newId,
      };
    }
    for (const failed of receipt.failed)
      this.ui.progress[failed.stepId] = { ...this.ui.progress[failed.stepId], status: 'failed', message: failed.message };
    this.renderRows();
    this.renderProgress();
    this.renderActions();
    this.renderReceipt();
    this.schedulePersist();
  }

  private showError(message: string): void {
    this.error = message;
    this.stopApplying();
    this.renderBanners();
    this.renderActions();
    this.renderProgress();
    this.schedulePersist();
  }

  // ---- user actions ----

  private post(message: WebviewToHost): void {
    this.api.postMessage(message);
  }

  private replan(options: ReplanOptions): void {
    this.post({ type: 'replan', options });
  }

  private setSelected(ids: string[], checked: boolean): void {
    if (!this.graph || !this.ui || this.ui.applying || this.ui.receipt) return;
    this.selected = checked ? this.graph.select(this.selected, ids) : this.graph.deselect(this.selected, ids);
    this.ui.selected = this.graph.inPlanOrder(this.selected);
    for (const [id, refs] of this.rows) if (refs.checkbox) refs.checkbox.checked = this.selected.has(id);
    this.syncSelectAll();
    this.renderActions();
    this.schedulePersist();
  }

  private setFilter(filter: Partial<PlanViewState['filter']>): void {
    if (!this.ui) return;
    this.ui.filter = { ...this.ui.filter, ...filter };
    if (this.textFilter && this.textFilter.value !== this.ui.filter.text) this.textFilter.value = this.ui.filter.text;
    if (this.actionFilter && this.actionFilter.value !== this.ui.filter.action) this.actionFilter.value = this.ui.filter.action;
    if (this.entityFilter && this.entityFilter.value !== this.ui.filter.entity) this.entityFilter.value = this.ui.filter.entity;
    this.visible = PAGE_SIZE;
    this.renderRows();
    this.schedulePersist();
  }

  private setSort(key: SortKey): void {
    if (!this.ui) return;
    this.ui.sort = { key, descending: this.ui.sort.key === key ? !this.ui.sort.descending : false };
    this.renderHead();
    this.renderRows();
    this.schedulePersist();
  }

  private openConfirm(): void {
    if (!this.plan || !this.ui || !this.graph) return;
    if (applyBlocker(this.plan, this.ui, this.stale, this.selected.size)) return;
    const confirm = fillConfirmDialog(this.dialog, this.plan.account, this.graph.countSelected(this.selected), () => {
      this.dialog.close();
      this.startApply();
    });
    this.dialog.showModal();
    confirm.focus();
  }

  private startApply(): void {
    if (!this.plan || !this.ui || !this.graph || applyBlocker(this.plan, this.ui, this.stale, this.selected.size)) return;
    const stepIds = this.graph.inPlanOrder(this.selected);
    this.ui.applying = true;
    this.error = undefined;
    this.progressTotal = stepIds.length;
    this.post({ type: 'apply', stepIds });
    this.renderBanners();
    this.renderActions();
    this.renderProgress();
    for (const refs of this.rows.values()) if (refs.checkbox) refs.checkbox.disabled = true;
    this.selectAll.disabled = true;
    this.schedulePersist();
  }

  // ---- persistence ----

  private schedulePersist(): void {
    if (this.persistTimer !== undefined) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => this.flushState(), PERSIST_DELAY_MS);
  }

  private flushState(): void {
    if (this.persistTimer !== undefined) clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    if (!this.plan || !this.ui) return;
    const plan = this.plan.steps.length <= MAX_CACHED_STEPS ? this.plan : undefined;
    this.api.setState({ version: 1, plan, stale: this.stale, ui: this.ui });
    this.post({ type: 'setState', state: this.ui });
  }

  // ---- rendering ----

  private renderAll(): void {
    const plan = this.plan!;
    const ui = this.ui!;
    this.rows.clear();
    this.textFilter = h('vscode-textfield', {
      className: 'text-filter',
      attrs: { placeholder: 'Filter: name, id, reason…', 'aria-label': 'Filter steps' },
    });
    this.textFilter.value = ui.filter.text;
    this.textFilter.addEventListener('input', () => this.setFilter({ text: this.textFilter!.value }));
    this.actionFilter = this.select(
      'action-filter',
      'Action',
      [['all', 'All actions'], ...PLAN_ACTIONS.map((a): [string, string] => [a, a])],
      ui.filter.action,
      (value) => this.setFilter({ action: value as PlanAction | 'all' }),
    );
    const entities = RESTORE_ORDER.filter((e) => plan.steps.some((s) => s.entity === e));
    this.entityFilter = this.select(
      'entity-filter',
      'Entity',
      [['all', 'All entities'], ...entities.map((e): [string, string] => [e, ENTITY_LABEL[e]])],
      ui.filter.entity,
      (value) => this.setFilter({ entity: value as RestoreEntity | 'all' }),
    );

    const conflicts = plan.steps.filter((s) => s.action === 'conflict').length;
    // "Skip" counts both unchanged records and records that differ but are not updated: say the latter apart.
    const differing = plan.steps.filter((s) => s.action === 'skip' && s.changes?.length).length;
    const blocked = plan.steps.filter((s) => s.action === 'blocked').length;
    const sideEffectTexts = new Set(plan.steps.flatMap((s) => s.sideEffects ?? []));
    const warnings = plan.warnings.filter((w) => !sideEffectTexts.has(w));

    fill(
      this.root,
      h('header', { className: 'plan-header' }, h('h1', {}, 'Restore plan'), planMeta(plan)),
      this.banners,
      h(
        'section',
        { className: 'summary' },
        headlineTable(plan, (entity, action) => this.setFilter({ text: '', entity, action })),
      ),
      warnings.length
        ? h(
            'section',
            { className: 'warnings' },
            h('h2', {}, codicon('warning'), ' Warnings'),
            h('ul', {}, ...warnings.map((w) => h('li', {}, w))),
          )
        : null,
      conflicts + blocked
        ? h(
            'section',
            { className: 'attention' },
            codicon('report'),
            ` ${conflicts} conflict(s) and ${blocked} blocked step(s) will not run; each row lists its reason and the choices. `,
            conflicts ? this.filterLink(`Show conflicts`, 'conflict') : null,
            conflicts && blocked ? ' ' : null,
            blocked ? this.filterLink('Show blocked', 'blocked') : null,
          )
        : null,
      differing
        ? h(
            'section',
            { className: 'attention differs' },
            codicon('diff'),
            ` ${differing} record(s) in the account differ from the snapshot and will not be changed (their "skip" rows list what differs). `,
            plan.options.updateExisting
              ? "Keap's API cannot change those fields."
              : 'To overwrite them with the snapshot, plan again with "update existing records".',
          )
        : null,
      this.actionsBar,
      this.sideEffects,
      this.progressArea,
      this.receiptArea,
      h(
        'section',
        { className: 'toolbar', attrs: { role: 'search' } },
        this.textFilter,
        this.actionFilter,
        this.entityFilter,
        this.shownCount,
      ),
      h('table', { className: 'steps' }, this.thead, this.tbody),
      this.moreButton,
      this.dialog,
    );
    this.renderBanners();
    this.renderActions();
    this.renderProgress();
    this.renderReceipt();
    this.renderHead();
    this.renderRows();
  }

  private filterLink(label: string, action: PlanAction): HTMLButtonElement {
    return h(
      'button',
      { className: 'link', attrs: { type: 'button' }, on: { click: () => this.setFilter({ text: '', entity: 'all', action }) } },
      label,
    );
  }

  private select(
    className: string,
    label: string,
    options: Array<[string, string]>,
    value: string,
    onChange: (value: string) => void,
  ): SelectElement {
    const select = h(
      'vscode-single-select',
      { className, attrs: { 'aria-label': label, title: label } },
      ...options.map(([v, text]) => h('vscode-option', { attrs: { value: v, selected: v === value } }, text)),
    );
    select.addEventListener('change', () => onChange(select.value));
    return select;
  }

  private renderBanners(): void {
    const banners: Child[] = [];
    const problem = this.plan && planProblem(this.plan);
    if (problem) banners.push(h('div', { className: 'banner error', attrs: { role: 'alert' } }, codicon('error'), ` ${problem}`));
    if (this.stale) {
      banners.push(
        h(
          'div',
          { className: 'banner stale', attrs: { role: 'alert' } },
          codicon('warning'),
          ' This plan is stale: ',
          this.stale.reason,
          ' ',
          h('vscode-button', { attrs: { secondary: true, icon: 'refresh' }, on: { click: () => this.replan({}) } }, 'Plan again'),
        ),
      );
    }
    if (this.error) {
      banners.push(
        h(
          'div',
          { className: 'banner error', attrs: { role: 'alert' } },
          codicon('error'),
          ' ',
          this.error,
          ' ',
          h(
            'button',
            {
              className: 'link',
              attrs: { type: 'button', title: 'Dismiss' },
              on: {
                click: () => {
                  this.error = undefined;
                  this.renderBanners();
                },
              },
            },
            'Dismiss',
          ),
        ),
      );
    }
    fill(this.banners, ...banners);
  }

  private renderActions(): void {
    if (!this.plan || !this.ui || !this.graph) return;
    const blocker = applyBlocker(this.plan, this.ui, this.stale, this.selected.size);
    const { creates, updates } = this.graph.countSelected(this.selected);
    const apply = h(
      'vscode-button',
      { className: 'apply', attrs: { icon: 'play', title: blocker ?? `Apply ${creates} create(s) and ${updates} update(s)` } },
      'Apply…',
    );
    apply.disabled = !!blocker;
    apply.addEventListener('click', () => {
      if (!apply.disabled) this.openConfirm();
    });
    const exportButton = (format: 'csv' | 'json') =>
      h(
        'vscode-button',
        {
          className: `export-${format}`,
          attrs: { secondary: true, icon: 'export' },
          on: { click: () => this.post({ type: 'exportIdMap', format }) },
        },
        `Export id map (${format.toUpperCase()})`,
      );
    fill(
      this.actionsBar,
      apply,
      this.ui.applying
        ? h(
            'vscode-button',
            {
              className: 'cancel',
              attrs: { secondary: true, icon: 'debug-stop' },
              on: { click: () => this.post({ type: 'cancelApply' }) },
            },
            'Cancel',
          )
        : null,
      h('span', { className: 'selection-summary' }, `${creates} create(s), ${updates} update(s) selected`),
      blocker ? h('span', { className: 'apply-blocker' }, blocker) : null,
      h('span', { className: 'spacer' }),
      exportButton('csv'),
      exportButton('json'),
    );
    this.renderSideEffects();
  }

  private renderSideEffects(): void {
    const selectedSteps = [...this.selected].flatMap((id) => this.graph?.byId.get(id) ?? []);
    fill(this.sideEffects, ...sideEffectsContent(selectedSteps));
  }

  private renderProgress(): void {
    const ui = this.ui;
    const entries = ui ? Object.values(ui.progress) : [];
    if (!ui || (!ui.applying && !entries.length)) {
      this.progressArea.replaceChildren();
      return;
    }
    const finished = entries.filter((p) => p.status !== 'running').length;
    const failed = entries.filter((p) => p.status === 'failed').length;
    const total = Math.max(this.progressTotal ?? this.selected.size, finished);
    const bar = h('vscode-progress-bar', { attrs: { 'aria-label': 'Apply progress' } });
    bar.max = total || 1;
    bar.value = ui.receipt ? bar.max : finished;
    const state = ui.applying ? 'Applying' : ui.receipt ? 'Finished' : 'Stopped';
    this.progressArea.replaceChildren(
      bar,
      h('div', { className: 'progress-text' }, `${state}: ${finished} of ${total} step(s)${failed ? `, ${failed} failed` : ''}`),
    );
  }

  private renderReceipt(): void {
    this.receiptArea.replaceChildren(...(this.ui?.receipt ? [receiptSection(this.ui.receipt, this.rowActions)] : []));
  }

  private renderHead(): void {
    const sort = this.ui!.sort;
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
                on: { click: () => this.setSort(key) },
              },
              col.title,
              active ? codicon(sort.descending ? 'arrow-down' : 'arrow-up') : null,
            ),
          );
        }),
      ),
    );
  }

  private filtered(): IndexedStep[] {
    const ui = this.ui!;
    return sortSteps(filterSteps(this.indexed, ui.filter, ui.progress), ui.sort.key, ui.sort.descending, ui.progress);
  }

  private shownActionable(): string[] {
    return [...this.rows.entries()].filter(([, refs]) => refs.checkbox).map(([id]) => id);
  }

  private renderRows(): void {
    if (!this.plan || !this.ui) return;
    const ui = this.ui;
    const filtered = this.filtered();
    const shown = filtered.slice(0, this.visible);
    const selectable = !ui.applying && !ui.receipt;
    this.rows.clear();
    const body = h('tbody');
    for (const { step, index } of shown) {
      const refs = stepRow(step, index, this.plan, this.selected.has(step.id), selectable, ui.progress[step.id], this.rowActions);
      this.rows.set(step.id, refs);
      body.append(refs.row);
    }
    if (!shown.length)
      body.append(h('tr', { className: 'empty' }, h('td', { attrs: { colspan: String(COLUMNS.length) } }, 'No step matches the filter.')));
    this.tbody.replaceWith(body);
    this.tbody = body;
    this.shownCount.textContent = `Showing ${shown.length} of ${filtered.length} matching step(s); ${this.plan.steps.length} in the plan`;
    const left = filtered.length - shown.length;
    this.moreButton.hidden = left <= 0;
    this.moreButton.textContent = `Show ${Math.min(left, PAGE_SIZE)} more (${left} not shown)`;
    this.selectAll.disabled = !selectable;
    this.syncSelectAll();
  }

  private syncSelectAll(): void {
    const ids = this.shownActionable();
    const chosen = ids.filter((id) => this.selected.has(id)).length;
    this.selectAll.checked = ids.length > 0 && chosen === ids.length;
    this.selectAll.indeterminate = chosen > 0 && chosen < ids.length;
  }

  private updateRow(stepId: string): void {
    const refs = this.rows.get(stepId);
    const step = this.graph?.byId.get(stepId);
    if (!refs || !step || !this.ui) return;
    const progress = this.ui.progress[stepId];
    refs.newId.replaceChildren(...newIdContent(step, progress, this.rowActions));
    refs.status.replaceChildren(...statusContent(progress));
    refs.row.className = `step action-${step.action}${progress ? ` status-${progress.status}` : ''}`;
    if (refs.checkbox && (this.ui.applying || this.ui.receipt)) refs.checkbox.disabled = true;
  }
}
