/**
 * The restores this VS Code knows about: every plan made or opened here, where its file is, which
 * connection it targets and how its last apply ended. Kept in global state (no secrets: ids, paths,
 * counts); the plan itself stays in its file and the truth about applied steps in the ledger.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Receipt } from '../../core/restore/applier';
import type { RestorePlan } from '../../core/restore/plan';
import { readPlanFile } from '../../core/restore/planFile';
import type { PlanViewState } from '../../webview/protocol';
import type { ApplyPause } from './pausedText';

export type RestoreStatus = 'planned' | 'applying' | 'applied' | 'applied with problems' | 'interrupted' | 'stale';

export interface PlanEntry {
  planId: string;
  file: string;
  connectionId: string;
  account: string;
  createdAt: string;
  /** What the plan would do, for the history view. */
  creates: number;
  updates: number;
  status: RestoreStatus;
  /** While an apply waits for Keap's daily quota to reset: until when, and the steps left. */
  paused?: ApplyPause;
  /** Set after an apply: counts from its receipt. */
  result?: { created: number; updated: number; failed: number; problems: number; finishedAt: string };
}

const STATE_KEY = 'keapVault.restores';
const UI_KEY = (planId: string) => `keapVault.restoreUi.${planId}`;
/** Above this many steps with progress, only the receipt is kept (global state is not meant for megabytes). */
const MAX_SAVED_PROGRESS = 5_000;

export class PlanIndex implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    this.publishContext();
  }

  list(): PlanEntry[] {
    return this.state.get<PlanEntry[]>(STATE_KEY, []);
  }

  get(planId: string): PlanEntry | undefined {
    return this.list().find((e) => e.planId === planId);
  }

  /** Where a new plan is written: `<snapshot folder>/plans/`. */
  static fileFor(planId: string, folder: string): string {
    return path.join(folder, 'plans', `restore-plan-${planId}.json`);
  }

  /** Records a plan file opened from disk (made here, by the CLI or by a colleague). */
  async remember(plan: RestorePlan, file: string, connectionId: string): Promise<PlanEntry> {
    const count = (action: string) => plan.steps.filter((s) => s.action === action).length;
    const known = this.get(plan.planId);
    const entry: PlanEntry = known
      ? { ...known, file, connectionId }
      : {
          planId: plan.planId,
          file,
          connectionId,
          account: plan.account,
          createdAt: plan.createdAt,
          creates: count('create'),
          updates: count('update'),
          status: 'planned',
        };
    await this.put(entry);
    return entry;
  }

  async read(entry: PlanEntry): Promise<RestorePlan> {
    return readPlanFile(entry.file);
  }

  async setStatus(planId: string, status: RestoreStatus, receipt?: Receipt): Promise<void> {
    const entry = this.get(planId);
    if (!entry) return;
    const result = receipt && {
      created: receipt.created,
      updated: receipt.updated,
      failed: receipt.failed.length,
      problems: receipt.verification.problems.length,
      finishedAt: receipt.finishedAt,
    };
    await this.put({ ...entry, status, paused: undefined, ...(result ? { result } : {}) });
  }

  /** An applying plan paused for Keap's daily quota (or going again: undefined). */
  async setPaused(planId: string, paused: ApplyPause | undefined): Promise<void> {
    const entry = this.get(planId);
    if (!entry || (!paused && !entry.paused)) return;
    await this.put({ ...entry, paused });
  }

  /** The preview's last state for a plan (selection, filter, progress, receipt), so reopening shows it again. */
  savedUi(planId: string): PlanViewState | undefined {
    return this.state.get<PlanViewState>(UI_KEY(planId));
  }

  async saveUi(ui: PlanViewState): Promise<void> {
    const small = Object.keys(ui.progress).length <= MAX_SAVED_PROGRESS;
    // A big receipt's id map stays in the ledger (Export id map reads it there).
    const receipt = ui.receipt && ui.receipt.idMap.length > MAX_SAVED_PROGRESS ? { ...ui.receipt, idMap: [] } : ui.receipt;
    await this.state.update(UI_KEY(ui.planId), { ...ui, applying: false, progress: small ? ui.progress : {}, receipt });
  }

  /** After a window reload no apply is running here any more: one that was, was interrupted. */
  async markInterrupted(): Promise<void> {
    const list = this.list();
    if (!list.some((e) => e.status === 'applying')) return;
    await this.state.update(
      STATE_KEY,
      list.map((e) => (e.status === 'applying' ? { ...e, status: 'interrupted' as const, paused: undefined } : e)),
    );
    this.fireChanged();
  }

  async forget(planId: string): Promise<void> {
    await this.state.update(UI_KEY(planId), undefined);
    await this.state.update(
      STATE_KEY,
      this.list().filter((e) => e.planId !== planId),
    );
    this.fireChanged();
  }

  private async put(entry: PlanEntry): Promise<void> {
    await this.state.update(STATE_KEY, [entry, ...this.list().filter((e) => e.planId !== entry.planId)]);
    this.fireChanged();
  }

  private fireChanged(): void {
    this.publishContext();
    this.changed.fire();
  }

  /**
   * Context keys for `when` clauses: the Restores view shows once there is a plan; Review and Apply
   * is offered while one is not applied yet; Export Id Map once an apply ended (there is an id map).
   */
  private publishContext(): void {
    const list = this.list();
    void vscode.commands.executeCommand('setContext', 'keapVault.hasRestores', list.length > 0);
    void vscode.commands.executeCommand(
      'setContext',
      'keapVault.hasPendingRestores',
      list.some((e) => !e.status.startsWith('applied')),
    );
    void vscode.commands.executeCommand(
      'setContext',
      'keapVault.hasAppliedRestores',
      list.some((e) => !!e.result),
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}
