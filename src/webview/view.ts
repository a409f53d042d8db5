/**
 * The restore-plan view: holds the plan and the UI state, turns host messages and clicks into state
 * changes and redraws only the part a change touches (a progress message updates one row, not the
 * table, so a long apply stays smooth). Each part of the page is drawn by its own module: summary
 * (header and counts), attention, banners, actionsBar, sideEffects, progress, receipt, filterBar,
 * stepTable (rows from stepRow) and confirmDialog.
 */
import { actionsBarContent } from './actionsBar';
import { attentionSections } from './attention';
import { bannersContent, failureBanner } from './banners';
import { fillConfirmDialog } from './confirmDialog';
import { fill, h } from './dom';
import type { IndexedStep } from './filter';
import { FilterBar } from './filterBar';
import { progressContent } from './progress';
import type {
  HostToWebview,
  PlanAction,
  PlanView,
  PlanViewState,
  ReceiptView,
  ReplanOptions,
  RestoreEntity,
  SortKey,
  StepProgress,
  WebviewToHost,
} from './protocol';
import { receiptSection } from './receipt';
import { applyBlocker, StepGraph } from './selection';
import { sideEffectsContent } from './sideEffects';
import { defaultUiState, isPersistedState, MAX_CACHED_STEPS, mergeUiState, toPlanView, type VsCodeApi } from './state';
import type { RowActions } from './stepRow';
import { StepTable, type TableSource } from './stepTable';
import { planHeader, summarySection } from './summary';

const PERSIST_DELAY_MS = 150;

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
  private persistTimer?: ReturnType<typeof setTimeout>;

  // Parts redrawn on their own.
  private banners = h('div', { className: 'banners' });
  private actionsBar = h('div', { className: 'actions' });
  private sideEffects = h('section', { className: 'side-effects' });
  private progressArea = h('section', { className: 'progress', attrs: { 'aria-live': 'polite' } });
  private receiptArea = h('div', { className: 'receipt-area' });
  private dialog = h('dialog', { className: 'confirm', attrs: { 'aria-labelledby': 'confirm-title' } });
  private readonly filterBar = new FilterBar((filter) => this.setFilter(filter));

  private readonly rowActions: RowActions = {
    toggle: (id, checked) => this.setSelected([id], checked),
    open: (entity, id, where) => this.post({ type: 'openRecord', entity, id, where }),
    show: (stepId) => this.setFilter({ text: stepId, action: 'all', entity: 'all' }),
    replan: (options) => this.replan(options),
  };
  private readonly table = new StepTable(
    () => this.tableSource(),
    { sort: (key) => this.setSort(key), select: (ids, checked) => this.setSelected(ids, checked) },
    this.rowActions,
  );

  constructor(
    private readonly root: HTMLElement,
    private readonly api: VsCodeApi,
  ) {
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
      case 'paused':
        return this.paused({ until: message.until, stepsLeft: message.stepsLeft });
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
    fill(this.root, failureBanner(message));
  }

  private tableSource(): TableSource | undefined {
    if (!this.plan || !this.graph || !this.ui) return undefined;
    return { plan: this.plan, graph: this.graph, indexed: this.indexed, ui: this.ui, selected: this.selected };
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
    this.table.firstPage();
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
    this.table.renderRows();
  }

  private paused(pause: { until: string; stepsLeft: number }): void {
    if (!this.ui) return;
    this.ui.paused = pause;
    this.renderProgress();
    this.schedulePersist();
  }

  private progress(stepId: string, progress: StepProgress, total: number | undefined): void {
    if (!this.ui) return;
    this.ui.paused = undefined;
    this.ui.progress[stepId] = progress;
    if (total) this.progressTotal = total;
    const wasApplying = this.ui.applying;
    if (!this.ui.receipt) this.ui.applying = true;
    if (wasApplying) {
      this.table.updateRow(stepId);
    } else {
      // The host started an apply this view did not ask for (e.g. it was reopened): lock the selection.
      this.renderActions();
      this.table.renderRows();
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
    this.table.renderRows();
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
    this.table.showSelection();
    this.renderActions();
    this.schedulePersist();
  }

  private setFilter(filter: Partial<PlanViewState['filter']>): void {
    if (!this.ui) return;
    this.ui.filter = { ...this.ui.filter, ...filter };
    this.filterBar.show(this.ui.filter);
    this.table.firstPage();
    this.table.renderRows();
    this.schedulePersist();
  }

  private setSort(key: SortKey): void {
    if (!this.ui) return;
    this.ui.sort = { key, descending: this.ui.sort.key === key ? !this.ui.sort.descending : false };
    this.table.renderHead();
    this.table.renderRows();
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
    this.table.lockSelection();
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
    const showSteps = (entity: RestoreEntity | 'all', action: PlanAction | 'all') => this.setFilter({ text: '', entity, action });
    fill(
      this.root,
      planHeader(plan),
      this.banners,
      summarySection(plan, showSteps),
      ...attentionSections(plan, showSteps),
      this.actionsBar,
      this.sideEffects,
      this.progressArea,
      this.receiptArea,
      this.filterBar.build(plan, ui.filter, this.table.shownCount),
      this.table.table,
      this.table.moreButton,
      this.dialog,
    );
    this.renderBanners();
    this.renderActions();
    this.renderProgress();
    this.renderReceipt();
    this.table.renderHead();
    this.table.renderRows();
  }

  private renderBanners(): void {
    fill(
      this.banners,
      ...bannersContent(this.plan, this.stale, this.error, {
        replan: () => this.replan({}),
        dismissError: () => {
          this.error = undefined;
          this.renderBanners();
        },
      }),
    );
  }

  private renderActions(): void {
    if (!this.plan || !this.ui || !this.graph) return;
    const blocker = applyBlocker(this.plan, this.ui, this.stale, this.selected.size);
    const { creates, updates } = this.graph.countSelected(this.selected);
    fill(
      this.actionsBar,
      ...actionsBarContent(
        { blocker, creates, updates, applying: this.ui.applying },
        {
          apply: () => this.openConfirm(),
          cancel: () => this.post({ type: 'cancelApply' }),
          exportIdMap: (format) => this.post({ type: 'exportIdMap', format }),
        },
      ),
    );
    this.renderSideEffects();
  }

  private renderSideEffects(): void {
    const selectedSteps = [...this.selected].flatMap((id) => this.graph?.byId.get(id) ?? []);
    fill(this.sideEffects, ...sideEffectsContent(selectedSteps));
  }

  private renderProgress(): void {
    this.progressArea.replaceChildren(...progressContent(this.ui, this.progressTotal ?? this.selected.size));
  }

  private renderReceipt(): void {
    this.receiptArea.replaceChildren(...(this.ui?.receipt ? [receiptSection(this.ui.receipt, this.rowActions)] : []));
  }
}
