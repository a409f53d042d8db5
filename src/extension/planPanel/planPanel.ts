/**
 * The restore-plan preview as a VS Code webview panel: the host side of the protocol in
 * src/webview/protocol.ts. One panel per plan. The page is built by planPanelHtml (strict CSP, a
 * fresh nonce per load, resources only from dist/); the plan is sent after the page says `ready`,
 * and sent again on every `ready` (a hidden panel's page is discarded and reloads when shown).
 *
 * The host keeps its own copy of the UI state (the webview's last setState plus the progress and
 * receipt of an apply that may run while the panel is hidden) and gives it back in `init`; the
 * serializer revives panels after a reload of the window from the plan file named in the index.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Receipt } from '../../core/restore/applier';
import { readLiveAccount } from '../../core/restore/liveRead';
import { Ledger } from '../../core/restore/ledger';
import type { RestorePlan } from '../../core/restore/plan';
import { describeChanges, liveChangesSince } from '../../core/restore/staleness';
import type { SnapshotEntity } from '../../core/snapshot/entities';
import { isWebviewMessage, type HostToWebview, type PlanViewState, type ReplanOptions, type WebviewToHost } from '../../webview/protocol';
import { mergeUiState, toPlanView } from '../../webview/state';
import { COMMANDS } from '../commandIds';
import type { ConnectionStore } from '../connections/connections';
import { recordUri, showRecord } from '../recordDocuments';
import { ledgerFileOf, type PlanEntry, type PlanIndex } from '../restore/planIndex';
import type { SnapshotLibrary } from '../snapshots';
import { ApplyRun, type RunMessage } from './applyRun';
import { newNonce, planPanelHtml } from './planPanelHtml';

export const PLAN_VIEW_TYPE = 'keapVault.planPreview';

export interface PlanPanelServices {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  connections: ConnectionStore;
  snapshots: SnapshotLibrary;
  plans: PlanIndex;
  /** Makes a new plan from the same snapshot with other options (the preview's "re-plan"). */
  replan(entry: PlanEntry, plan: RestorePlan, options: ReplanOptions): Promise<{ entry: PlanEntry; plan: RestorePlan }>;
}

/** Records the preview may open, as the explorer's record documents know them. */
const OPENABLE: Partial<Record<string, SnapshotEntity>> = {
  tags: 'tags',
  companies: 'companies',
  contacts: 'contacts',
  products: 'products',
  orders: 'orders',
  payments: 'payments',
  subscriptions: 'subscriptions',
  campaigns: 'campaigns',
};

export class PlanPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, PlanPanel>();

  private ready = false;
  private disposed = false;
  /** A re-plan is running: apply and another re-plan wait for it. */
  private replanning = false;
  /** Bumped when an apply or re-plan starts, so a staleness check begun before it does not speak after. */
  private generation = 0;
  /** Messages said while the page was not listening; progress is not queued (the state carries it). */
  private queue: HostToWebview[] = [];
  private ui?: PlanViewState;
  private stale?: { reason: string };
  private readonly onRun = (message: RunMessage) => this.runSaid(message);
  private readonly disposables: vscode.Disposable[] = [];
  private readyWaiters: Array<() => void> = [];

  /** Opens (or reveals) the preview of a plan. `checkStale`: re-read live first (a plan opened later). */
  static show(services: PlanPanelServices, entry: PlanEntry, plan: RestorePlan, options: { checkStale?: boolean } = {}): PlanPanel {
    const open = PlanPanel.panels.get(entry.planId);
    if (open) {
      open.panel.reveal();
      return open;
    }
    const panel = vscode.window.createWebviewPanel(
      PLAN_VIEW_TYPE,
      titleOf(plan),
      vscode.ViewColumn.Active,
      webviewOptions(services.extensionUri),
    );
    const created = new PlanPanel(services, panel, entry, plan, services.plans.savedUi(plan.planId));
    if (options.checkStale) void created.checkStale();
    return created;
  }

  /** The serializer: a panel VS Code restores after a window reload, with the webview's saved state. */
  static serializer(services: PlanPanelServices): vscode.WebviewPanelSerializer {
    return {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown) {
        const pageUi = (saved as { ui?: PlanViewState } | undefined)?.ui;
        const entry = typeof pageUi?.planId === 'string' ? services.plans.get(pageUi.planId) : undefined;
        panel.webview.options = webviewOptions(services.extensionUri);
        if (!entry || !existsSync(entry.file)) {
          panel.webview.html =
            '<!DOCTYPE html><html><body><p>This restore plan is no longer available. Open the plan file again with "Keap Vault: Open Restore Plan File…".</p></body></html>';
          return;
        }
        try {
          const plan = await services.plans.read(entry);
          // The page's state is the newest for what the user chose; the host's copy knows how an apply ended.
          const revived = new PlanPanel(
            services,
            panel,
            entry,
            plan,
            mergeUiState(entry.planId, pageUi, services.plans.savedUi(entry.planId)),
          );
          if (!entry.status.startsWith('applied')) void revived.checkStale();
        } catch (err) {
          panel.webview.html = '<!DOCTYPE html><html><body><p>The restore plan could not be read.</p></body></html>';
          services.log.error(`Reopening plan ${entry.planId}: ${(err as Error).message}`);
        }
      },
    };
  }

  /** The open preview of a plan (for tests and commands). */
  static of(planId: string): PlanPanel | undefined {
    return PlanPanel.panels.get(planId);
  }

  private constructor(
    private readonly services: PlanPanelServices,
    readonly panel: vscode.WebviewPanel,
    private entry: PlanEntry,
    private plan: RestorePlan,
    savedUi: PlanViewState | undefined,
  ) {
    this.ui = savedUi?.planId === plan.planId ? { ...savedUi, applying: false } : undefined;
    PlanPanel.panels.set(plan.planId, this);
    this.attachToRun();
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'keap-vault.svg');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        // The page is untrusted input: only the message shapes the protocol defines get through.
        if (isWebviewMessage(message)) void this.receive(message);
        else
          this.services.log.warn(
            `Plan preview: ignored a malformed message of type ${JSON.stringify(String((message as { type?: unknown } | null)?.type)).slice(0, 60)}`,
          );
      }),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    this.load();
  }

  get planId(): string {
    return this.plan.planId;
  }

  /** The host's copy of the preview's state: what the user selected and what apply did. */
  get state(): PlanViewState | undefined {
    return this.ui;
  }

  get isApplying(): boolean {
    return !!ApplyRun.of(this.plan.planId);
  }

  /** An apply of this plan still running (started from this preview or an earlier one): show it. */
  private attachToRun(): void {
    const run = ApplyRun.of(this.plan.planId);
    if (!run) return;
    run.attach(this.onRun);
    this.ui = { ...(this.ui ?? this.freshUi([])), applying: true, progress: { ...this.ui?.progress, ...run.progress } };
  }

  private freshUi(selected: string[]): PlanViewState {
    return {
      planId: this.plan.planId,
      filter: { text: '', action: 'all', entity: 'all' },
      sort: { key: 'order', descending: false },
      selected,
      progress: {},
      applying: false,
    };
  }

  private load(): void {
    const webview = this.panel.webview;
    const dist = vscode.Uri.joinPath(this.services.extensionUri, 'dist');
    this.ready = false;
    webview.html = planPanelHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString()],
      codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'codicons', 'codicon.css')).toString(),
      title: titleOf(this.plan),
    });
  }

  private post(message: HostToWebview): void {
    if (this.ready) {
      void this.panel.webview.postMessage(message);
    } else if (message.type !== 'progress') {
      this.queue.push(message);
    }
  }

  private sendInit(): void {
    void this.panel.webview.postMessage({
      type: 'init',
      plan: toPlanView(this.plan),
      stale: this.stale,
      state: this.ui,
    } satisfies HostToWebview);
  }

  /** Everything the page says arrives here; exposed so the host tests drive the same path. */
  async receive(message: WebviewToHost): Promise<void> {
    try {
      switch (message?.type) {
        case 'ready': {
          this.ready = true;
          this.sendInit();
          const queued = this.queue.filter((m) => m.type !== 'init');
          this.queue = [];
          for (const m of queued) void this.panel.webview.postMessage(m);
          for (const resolve of this.readyWaiters.splice(0)) resolve();
          return;
        }
        case 'setState':
          if (message.state?.planId !== this.plan.planId) return;
          // Apply's progress and receipt are the host's to say; the rest is the user's.
          this.ui = { ...mergeUiState(this.plan.planId, message.state, this.ui)!, applying: this.isApplying };
          return;
        case 'apply':
          await this.apply(message.stepIds);
          return;
        case 'cancelApply':
          ApplyRun.of(this.plan.planId)?.cancel();
          return;
        case 'exportIdMap':
          await vscode.commands.executeCommand(COMMANDS.exportIdMap, await this.ledgerFile(), message.format);
          return;
        case 'openRecord':
          await this.openRecord(message.entity, message.id, message.where);
          return;
        case 'replan':
          try {
            await this.replan(message.options);
          } catch (err) {
            if (!(err instanceof vscode.CancellationError)) throw err;
          }
          return;
        default:
          this.services.log.warn(`Plan preview: ignored an unknown message ${JSON.stringify((message as { type?: unknown })?.type)}`);
      }
    } catch (err) {
      this.services.log.error(`Plan preview (${message?.type}): ${(err as Error).message}`);
      this.post({ type: 'error', message: (err as Error).message });
    }
  }

  private async ledgerFile(): Promise<string> {
    return ledgerFileOf(this.plan, await this.services.snapshots.folder());
  }

  /**
   * Re-reads live and tells the page whether Apply may run. Says nothing if an apply or re-plan began
   * meanwhile (its own writes would look like changes), or if the preview was closed.
   */
  async checkStale(): Promise<boolean> {
    const generation = this.generation;
    const plan = this.plan;
    try {
      const client = await this.services.connections.client(this.entry.connectionId);
      const ledger = await Ledger.open(await this.ledgerFile());
      const started = ledger.stepsOf(plan.planId).map((s) => s.stepId);
      ledger.close();
      const { db } = await readLiveAccount(client);
      let changed;
      try {
        changed = liveChangesSince(plan, db, started);
      } finally {
        db.close();
      }
      if (this.disposed || generation !== this.generation || this.isApplying || !changed.length) return false;
      this.markStale(
        `The account changed since this plan was made: ${describeChanges(changed)}. Re-plan to see what a restore would do now.`,
      );
      return true;
    } catch (err) {
      const message = `Could not check whether the plan is still current: ${(err as Error).message}`;
      this.services.log.warn(`Plan ${plan.planId}: ${message}`);
      if (!this.disposed && generation === this.generation) this.post({ type: 'error', message });
      return false;
    }
  }

  private markStale(reason: string): void {
    this.stale = { reason };
    const status = this.services.plans.get(this.plan.planId)?.status;
    if (status === 'planned' || status === 'interrupted') void this.services.plans.setStatus(this.plan.planId, 'stale');
    this.post({ type: 'stale', reason });
  }

  private async apply(stepIds: string[]): Promise<Receipt | undefined> {
    if (this.replanning) throw new Error('Wait for the re-plan to finish.');
    if (this.isApplying) throw new Error('This plan is being applied already.');
    if (this.stale) throw new Error(this.stale.reason);
    const actionable = new Set(this.plan.steps.filter((s) => s.action === 'create' || s.action === 'update').map((s) => s.id));
    const chosen = stepIds.filter((id) => actionable.has(id));
    if (!chosen.length) throw new Error('Nothing selected to apply.');
    this.generation++;
    const run = ApplyRun.start(this.services, this.entry, this.plan, chosen, await this.ledgerFile());
    this.ui = { ...(this.ui ?? this.freshUi(chosen)), selected: chosen, receipt: undefined };
    this.attachToRun();
    return run.done;
  }

  /** What the running apply says, for this preview (kept in the host's state, posted when the page listens). */
  private runSaid(message: RunMessage): void {
    const ui = this.ui ?? this.freshUi([]);
    switch (message.type) {
      case 'progress':
        this.ui = {
          ...ui,
          applying: true,
          progress: { ...ui.progress, [message.stepId]: { status: message.status, newId: message.newId, message: message.message } },
        };
        break;
      case 'receipt':
        this.ui = { ...ui, applying: false, receipt: message.receipt };
        void this.services.plans.saveUi(this.ui);
        break;
      case 'stale':
        this.ui = { ...ui, applying: false };
        this.stale = { reason: message.reason };
        break;
      case 'error':
        this.ui = { ...ui, applying: false };
        break;
    }
    if (!this.disposed) this.post(message);
  }

  private async openRecord(entity: string, id: string, where: 'snapshot' | 'live'): Promise<void> {
    const known = OPENABLE[entity];
    if (!known) throw new Error(`Records of ${entity} cannot be opened on their own; open their parent.`);
    const step = this.plan.steps.find((s) => s.entity === entity && (s.oldId === id || s.liveId === id));
    const uri =
      where === 'snapshot'
        ? this.plan.snapshot.file
          ? recordUri({ type: 'snapshot', file: this.plan.snapshot.file }, known, step?.oldId ?? id)
          : undefined
        : recordUri(
            { type: 'live', connectionId: this.entry.connectionId },
            known,
            this.ui?.progress[step?.id ?? '']?.newId ?? step?.liveId ?? id,
          );
    if (!uri) throw new Error('This plan does not say where its snapshot is.');
    await showRecord(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  private async replan(options: ReplanOptions): Promise<void> {
    if (this.isApplying) throw new Error('Wait for the apply to finish before re-planning.');
    if (this.replanning) return;
    this.replanning = true;
    this.generation++;
    let next: { entry: PlanEntry; plan: RestorePlan };
    try {
      next = await this.services.replan(this.entry, this.plan, options);
    } finally {
      this.replanning = false;
    }
    if (this.disposed) return; // the new plan is in the Restores view
    if (this.ui) void this.services.plans.saveUi(this.ui);
    PlanPanel.panels.delete(this.plan.planId);
    this.entry = next.entry;
    this.plan = next.plan;
    PlanPanel.panels.set(this.plan.planId, this);
    this.stale = undefined;
    this.ui = undefined;
    this.panel.title = titleOf(this.plan);
    if (this.ready) this.sendInit();
  }

  /** Resolves once the page has said `ready` (and so has been sent the plan). */
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (PlanPanel.panels.get(this.plan.planId) === this) PlanPanel.panels.delete(this.plan.planId);
    ApplyRun.of(this.plan.planId)?.detach(this.onRun);
    if (this.ui) void this.services.plans.saveUi(this.ui);
    // Closing the preview does not stop an apply (see ApplyRun): reopening the plan shows it again.
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
    retainContextWhenHidden: false,
    enableFindWidget: true,
  };
}

function titleOf(plan: RestorePlan): string {
  const creates = plan.steps.filter((s) => s.action === 'create').length;
  return `Restore plan: ${creates} to create (${plan.account})`;
}
