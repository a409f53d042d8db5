/**
 * The restore-plan view: holds the plan and the UI state, turns host messages and clicks into state
 * changes and redraws only the part a change touches (a progress message updates one row, not the
 * table, so a long apply stays smooth). Each part of the page is drawn by its own module, top to
 * bottom: summary (the sentence, or after Apply the result; the "Keap Vault Ref" note; the counts),
 * banners, decisions (what needs a person), risk (above Apply), actionsBar, progress, receipt,
 * filterBar and stepTable (rows from stepRow). Apply is confirmed by the host, in VS Code's own modal.
 */
import { actionsBarContent } from './actionsBar';
import { bannersContent, failureBanner } from './banners';
import { decisionSections, type DecisionActions } from './decisions';
import { fill, h } from './dom';
import type { IndexedStep } from './filter';
import { FilterBar } from './filterBar';
import { useLocale } from './format';
import { stepName } from './names';
import { progressContent } from './progress';
import type {
  HostToWebview,
  LookAlikeSide,
  PanelContext,
  PlanView,
  PlanViewState,
  ReceiptView,
  ReplanOptions,
  SortKey,
  StepProgress,
  WebviewToHost,
} from './protocol';
import { receiptSection } from './receipt';
import { relationsContent } from './relationsSection';
import type { RelationGraph } from './graph/graphProtocol';
import { riskContent } from './risk';
import { applyBlocker, StepGraph } from './selection';
import { defaultUiState, isPersistedState, MAX_CACHED_STEPS, mergeUiState, toPlanView, type VsCodeApi } from './state';
import type { RowActions } from './stepRow';
import { StepTable, type TableSource } from './stepTable';
import { countsSection, markerNote, planHeader, resultHeader, type ShowSteps } from './summary';

const PERSIST_DELAY_MS = 150;

export class PlanPanelView {
  private plan?: PlanView;
  private graph?: StepGraph;
  private indexed: IndexedStep[] = [];
  private ui?: PlanViewState;
  private selected = new Set<string>();
  private stale?: { reason: string };
  private error?: string;
  private context?: PanelContext;
  /** From the host's progress messages; else the size of the selection that was applied. */
  private progressTotal?: number;
  private persistTimer?: ReturnType<typeof setTimeout>;

  // Parts redrawn on their own.
  private header = h('div', { className: 'header-area' });
  private decisions = h('div', { className: 'decisions-area' });
  /** Likely duplicates the host has shown side by side, by step id. */
  private lookAlikes = new Map<string, [LookAlikeSide, LookAlikeSide]>();
  /** The order whose relationship view is open, with its graph from the host. */
  private relations?: { stepId: string; graph: RelationGraph };
  private relationsArea = h('section', { className: 'relations-area', attrs: { 'aria-labelledby': 'relations-title' } });
  private marker = h('div', { className: 'marker-area' });
  private banners = h('div', { className: 'banners' });
  private actionsBar = h('div', { className: 'actions' });
  private risk = h('section', { className: 'risk', attrs: { 'aria-labelledby': 'risk-title' } });
  private progressArea = h('section', { className: 'progress', attrs: { 'aria-live': 'polite', 'aria-label': 'Apply progress' } });
  private receiptArea = h('div', { className: 'receipt-area' });
  private readonly filterBar = new FilterBar((filter) => this.setFilter(filter));

  private readonly rowActions: RowActions = {
    toggle: (id, checked) => this.setSelected([id], checked),
    open: (entity, id, where) => this.post({ type: 'openRecord', entity, id, where }),
    show: (stepId) => this.setFilter({ text: stepId, action: 'all', entity: 'all' }),
    replan: (options) => this.replan(options),
    relations: (stepId) => this.post({ type: 'showRelations', stepId }),
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
    this.context = saved.context;
    this.load(saved.plan, saved.stale, saved.ui);
    return true;
  }

  handle(message: HostToWebview): void {
    switch (message.type) {
      case 'init':
        return this.init(message.plan, message.stale, message.state, message.context);
      case 'stale':
        return this.markStale(message.reason);
      case 'applyStarted':
        return this.applyStarted(message.total);
      case 'lookAlike':
        this.lookAlikes.set(message.stepId, message.sides);
        return this.renderDecisions();
      case 'relations':
        this.relations = { stepId: message.stepId, graph: message.graph };
        this.renderRelations();
        // Take the reader to what they asked for.
        this.relationsArea.querySelector<HTMLElement>('#relations-title')?.focus();
        return;
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

  private init(
    incoming: PlanView,
    stale: { reason: string } | undefined,
    hostState: PlanViewState | undefined,
    context: PanelContext | undefined,
  ): void {
    const plan = toPlanView(incoming);
    if (context) this.context = context;
    this.error = undefined;
    this.load(plan, stale, mergeUiState(plan.planId, this.ui, hostState));
    this.schedulePersist();
  }

  private load(plan: PlanView, stale: { reason: string } | undefined, ui: PlanViewState | undefined): void {
    if (this.plan?.planId !== plan.planId) {
      this.progressTotal = undefined;
      this.lookAlikes.clear();
      this.relations = undefined;
    }
    this.plan = plan;
    useLocale(this.context?.locale);
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

  private applyStarted(total: number): void {
    if (!this.ui) return;
    this.ui.applying = true;
    this.ui.receipt = undefined;
    this.progressTotal = total;
    this.renderHeader();
    this.renderBanners();
    this.renderActions();
    this.renderProgress();
    this.table.lockSelection();
    this.schedulePersist();
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
      this.renderHeader();
      this.renderActions();
      this.table.renderRows();
    }
    this.renderProgress();
    if (this.relations) this.renderRelations();
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
    this.renderHeader();
    this.renderProgress();
    this.renderActions();
    this.renderReceipt();
    this.schedulePersist();
    this.renderRelations();
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

  /**
   * Asks the host to apply the selection. The host confirms in VS Code's own modal (naming the
   * connection and the counts) before anything is written, and says `applyStarted` once it runs: the
   * page changes nothing before that, so a Cancel in the modal leaves it as it was.
   */
  private requestApply(): void {
    if (!this.plan || !this.ui || !this.graph || applyBlocker(this.plan, this.ui, this.stale, this.selected.size)) return;
    const stepIds = this.graph.inPlanOrder(this.selected);
    this.error = undefined;
    this.progressTotal = stepIds.length;
    this.post({ type: 'apply', stepIds });
    this.renderBanners();
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
    this.api.setState({ version: 1, plan, stale: this.stale, ui: this.ui, context: this.context });
    this.post({ type: 'setState', state: this.ui });
  }

  // ---- rendering ----

  private readonly showSteps: ShowSteps = (entity, action) => {
    this.setFilter({ text: '', entity, action });
    this.table.table.scrollIntoView({ block: 'start' });
  };

  private nameOf(stepId: string): string {
    const step = this.graph?.byId.get(stepId);
    return step ? stepName(step) : stepId;
  }

  private renderAll(): void {
    const plan = this.plan!;
    const ui = this.ui!;
    fill(
      this.root,
      this.header,
      this.banners,
      this.marker,
      this.decisions,
      this.relationsArea,
      this.risk,
      this.actionsBar,
      this.progressArea,
      this.receiptArea,
      countsSection(plan, this.showSteps),
      h('h2', { className: 'steps-title' }, 'Steps'),
      this.filterBar.build(plan, ui.filter, this.table.shownCount),
      this.table.table,
      this.table.moreButton,
    );
    this.renderHeader();
    this.renderDecisions();
    this.renderRelations();
    this.renderBanners();
    this.renderActions();
    this.renderProgress();
    this.renderReceipt();
    this.table.renderHead();
    this.table.renderRows();
  }

  private readonly decisionActions: DecisionActions = {
    ...this.rowActions,
    compare: (stepId) => this.post({ type: 'compareLookAlike', stepId }),
  };

  private renderDecisions(): void {
    if (!this.plan) return;
    fill(this.decisions, ...decisionSections(this.plan, this.showSteps, this.decisionActions, this.lookAlikes));
  }

  /** The sentence of what Apply will do; after Apply, what it did, with what to do next. */
  private renderHeader(): void {
    if (!this.plan || !this.ui) return;
    const connection = this.context?.connection ?? this.plan.account;
    fill(
      this.header,
      this.ui.receipt
        ? resultHeader(this.plan, connection, this.ui.receipt, this.ui.progress, {
            exportIdMap: (format) => this.post({ type: 'exportIdMap', format }),
            compareWithLive: () => this.post({ type: 'compareWithLive' }),
          })
        : planHeader(this.plan, connection, this.ui.applying),
    );
    // Said before Apply, about what it will write; after it, the result says what was written.
    fill(this.marker, this.ui.receipt ? null : markerNote(this.plan));
  }

  private renderRelations(): void {
    const shown = this.relations && this.graph && this.ui;
    this.relationsArea.hidden = !shown;
    if (!shown) return void this.relationsArea.replaceChildren();
    fill(
      this.relationsArea,
      ...relationsContent(
        this.relations!.graph,
        { steps: this.graph!.byId, identical: this.plan?.identical, progress: this.ui!.progress, receipt: this.ui!.receipt },
        {
          open: (entity, id, where) => this.post({ type: 'openRecord', entity, id, where }),
          close: () => {
            this.relations = undefined;
            this.renderRelations();
          },
        },
      ),
    );
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
    const selected = this.graph.inPlanOrder(this.selected).flatMap((id) => this.graph?.byId.get(id) ?? []);
    // After Apply the result header takes over: no Apply bar, no risk callout for what is done.
    const done = !!this.ui.receipt;
    this.actionsBar.hidden = done;
    this.risk.hidden = done || !selected.length;
    fill(
      this.actionsBar,
      ...actionsBarContent(
        { blocker, selected, applying: this.ui.applying },
        { apply: () => this.requestApply(), cancel: () => this.post({ type: 'cancelApply' }) },
      ),
    );
    fill(this.risk, ...(done ? [] : riskContent(selected)));
  }

  private renderProgress(): void {
    this.progressArea.replaceChildren(...progressContent(this.ui, this.progressTotal ?? this.selected.size));
  }

  private renderReceipt(): void {
    this.receiptArea.replaceChildren(
      ...(this.ui?.receipt ? [receiptSection(this.ui.receipt, this.rowActions, (id) => this.nameOf(id))] : []),
    );
  }
}
