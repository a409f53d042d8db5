/**
 * One apply of a plan from VS Code, independent of the preview that started it: closing the preview
 * does not stop it, and a preview opened again attaches to it (progress, Cancel, the receipt).
 * At most one run per plan in this window; the core's lock keeps it to one per account everywhere.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { counted } from '../../core/counted';
import { ApplyCancelledError, type ApplyProgress, type Receipt } from '../../core/restore/applier';
import { ApplyLockedError } from '../../core/restore/lock';
import type { RestorePlan } from '../../core/restore/plan';
import type { KeapClient } from '../../core/keap/client';
import type { SnapshotDb } from '../../core/snapshot/snapshotDb';
import { StalePlanError } from '../../core/restore/staleness';
import { applyRestorePlan, PlanAccountError, receiptProblems } from '../../core/usecases/applyRestore';
import type { HostToWebview, StepProgress } from '../../webview/protocol';
import { resultSentence } from '../../webview/sentences';
import { COMMANDS } from '../commandIds';
import type { ConnectionStore } from '../connections/connections';
import type { PlanEntry, PlanIndex, RestoreStatus } from '../restore/planIndex';
import { pausedText, type ApplyPause } from '../restore/pausedText';
import type { SnapshotLibrary } from '../snapshots';
import { UserError } from '../userError';

export interface ApplyRunServices {
  log: vscode.LogOutputChannel;
  connections: ConnectionStore;
  snapshots: SnapshotLibrary;
  plans: PlanIndex;
  /** The settings an apply starts with (read by the composition root). */
  applySettings(): ApplySettings;
}

export interface ApplySettings {
  /** Share of Keap's quota left to other traffic on the account (keapVault.quota.reserve). */
  reserve: number;
}

/** What a run says, for the preview showing it (the same messages the page understands). */
export type RunMessage = Extract<HostToWebview, { type: 'progress' | 'receipt' | 'paused' | 'stale' | 'error' }>;

/** How far the applies into one account are: what Keap Vault's status bar item shows while they run. */
export interface ApplyCount {
  done: number;
  total: number;
}

export class ApplyRun {
  private static readonly running = new Map<string, ApplyRun>();
  private static readonly changed = new vscode.EventEmitter<void>();
  /** A run started, went one step further, or ended. */
  static readonly onDidChange = ApplyRun.changed.event;

  /** Per step id, what Keap answered so far (for a preview that attaches late). */
  readonly progress: Record<string, StepProgress> = {};
  readonly done: Promise<Receipt | undefined>;
  private readonly controller = new AbortController();
  private listener?: (message: RunMessage) => void;

  static of(planId: string): ApplyRun | undefined {
    return ApplyRun.running.get(planId);
  }

  /** Steps done of those chosen, over the runs into this connection's account (usually one: the lock allows one per account). */
  static countFor(connectionId: string): ApplyCount | undefined {
    const runs = [...ApplyRun.running.values()].filter((r) => r.entry.connectionId === connectionId);
    if (!runs.length) return undefined;
    return {
      done: runs.reduce((n, r) => n + r.stepsDone, 0),
      total: runs.reduce((n, r) => n + r.stepIds.length, 0),
    };
  }

  /** Chosen steps Keap has answered for (done, skipped, failed, linked…), not counting one in flight. */
  private get stepsDone(): number {
    return this.stepIds.filter((id) => this.progress[id] && this.progress[id].status !== 'running').length;
  }

  /**
   * Starts applying the chosen create/update steps of a plan. `resuming`: the user already said to
   * continue an apply a closed window cut short, so the lock that window left is broken without
   * asking again (only a lock whose process is gone is ever broken).
   */
  static start(
    services: ApplyRunServices,
    entry: PlanEntry,
    plan: RestorePlan,
    stepIds: string[],
    ledgerFile: string,
    options: { resuming?: boolean } = {},
  ): ApplyRun {
    if (ApplyRun.running.has(plan.planId)) throw new UserError('busy', 'This plan is being applied already.');
    return new ApplyRun(services, entry, plan, stepIds, ledgerFile, !!options.resuming);
  }

  private constructor(
    private readonly services: ApplyRunServices,
    private readonly entry: PlanEntry,
    private readonly plan: RestorePlan,
    private readonly stepIds: string[],
    private readonly ledgerFile: string,
    private readonly resuming: boolean,
  ) {
    ApplyRun.running.set(plan.planId, this);
    ApplyRun.changed.fire();
    this.done = this.run().finally(() => {
      ApplyRun.running.delete(plan.planId);
      ApplyRun.changed.fire();
    });
  }

  attach(listener: (message: RunMessage) => void): void {
    this.listener = listener;
  }

  detach(listener: (message: RunMessage) => void): void {
    if (this.listener === listener) this.listener = undefined;
  }

  cancel(): void {
    this.controller.abort(new ApplyCancelledError('Apply cancelled between steps; the ledger is consistent: apply again to continue.'));
  }

  private say(message: RunMessage): void {
    this.listener?.(message);
  }

  private async run(): Promise<Receipt | undefined> {
    const { plans, log } = this.services;
    const planId = this.plan.planId;
    const before = plans.get(planId)?.status ?? 'planned';
    await plans.setStatus(planId, 'applying');
    let status: RestoreStatus = 'interrupted';
    try {
      const receipt = await this.apply();
      const problems = receiptProblems(receipt);
      status = problems ? 'applied with problems' : 'applied';
      await plans.setStatus(planId, status, receipt);
      log.info(
        `Applied plan ${planId}: ${receipt.created} created, ${receipt.updated} updated, ${receipt.linked?.length ?? 0} linked, ${receipt.conflicts?.length ?? 0} conflicts, ${receipt.failed.length} failed, verification ${receipt.verification.problems.length ? 'found differences' : 'ok'} (${receipt.requests} requests)`,
      );
      this.say({ type: 'receipt', receipt });
      this.notifyDone(receipt, problems);
      return receipt;
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      if (err instanceof StalePlanError) {
        status = 'stale';
        this.say({ type: 'stale', reason: message });
      } else {
        // Another apply holds the account: this one never started, so the plan keeps its status.
        if (err instanceof ApplyLockedError) status = before;
        this.say({ type: 'error', message });
      }
      log.warn(`Apply of plan ${planId}: ${message}`);
      await plans.setStatus(planId, status);
      return undefined;
    }
  }

  /**
   * The completion notification says what the preview's header says, with the same next steps: the id
   * map, and a compare of the snapshot with the account as it is now.
   */
  private notifyDone(receipt: Receipt, problems: number): void {
    const connection = this.services.connections.get(this.entry.connectionId)?.name ?? this.plan.account;
    const exportIdMap = 'Export Id Map…';
    const compare = 'Compare with Live';
    const snapshotFile = this.plan.snapshot.file;
    const actions = snapshotFile && existsSync(snapshotFile) ? [exportIdMap, compare] : [exportIdMap];
    const text = `Keap Vault: ${resultSentence(receipt)} in ${connection}.${problems ? ` ${counted(problems, 'problem')}: see the preview.` : ''}`;
    const shown = problems ? vscode.window.showWarningMessage(text, ...actions) : vscode.window.showInformationMessage(text, ...actions);
    void shown.then(async (choice) => {
      try {
        if (choice === exportIdMap) await vscode.commands.executeCommand(COMMANDS.exportIdMap, this.ledgerFile);
        else if (choice === compare) await vscode.commands.executeCommand(COMMANDS.compareWithLive, snapshotFile);
      } catch (err) {
        this.services.log.warn(`After the apply of plan ${this.plan.planId}: ${(err as Error).message}`);
      }
    });
  }

  private async apply(): Promise<Receipt> {
    const { connections, snapshots } = this.services;
    const client = await connections.client(this.entry.connectionId);
    const snapshotFile = this.plan.snapshot.file;
    // Held for the whole apply (days, maybe): verification reads it at the end.
    const held = snapshotFile && existsSync(snapshotFile) ? await snapshots.hold(snapshotFile) : undefined;
    try {
      return await this.applyWith(client, held?.db);
    } finally {
      held?.release();
    }
  }

  private async applyWith(client: KeapClient, snapshot: SnapshotDb | undefined): Promise<Receipt> {
    const { log } = this.services;
    const only = new Set(this.stepIds);
    const ordinal = new Map(this.stepIds.map((id, i) => [id, i]));
    const { reserve } = this.services.applySettings();
    log.info(
      `Applying plan ${this.plan.planId}: ${counted(this.stepIds.length, 'step')} into ${this.plan.account}, leaving ${Math.round(reserve * 100)}% of Keap's quota to other traffic`,
    );
    let paused: ApplyPause | undefined;
    const setPaused = (pause: ApplyPause | undefined) => {
      if (!pause && !paused) return;
      paused = pause;
      void this.services.plans.setPaused(this.plan.planId, pause);
    };
    // No progress of its own in the status bar: Keap Vault's one item there says "restoring 12/40" (ApplyRun.countFor).
    const attempt = (breakLock: boolean) =>
      applyRestorePlan({
        client,
        plan: this.plan,
        ledgerFile: this.ledgerFile,
        snapshot,
        only,
        // The preview shows what the ledger already holds and asks before a stale lock is broken.
        resume: true,
        breakLock,
        signal: this.controller.signal,
        reserve,
        onProgress: (p) => {
          setPaused(undefined);
          if (!only.has(p.step.id)) return;
          this.stepDone(p, ordinal.get(p.step.id)!);
        },
        // The daily quota is spent: the apply waits for its reset, keeping its lock, lease and ledger.
        onWait: (w) => {
          if (w.kind !== 'paused') return;
          const pause = { until: w.until.toISOString(), stepsLeft: w.stepsLeft };
          setPaused(pause);
          this.say({ type: 'paused', ...pause });
          log.info(`Apply of plan ${this.plan.planId}: ${pausedText(pause)} (Keap's daily quota resets at ${pause.until})`);
        },
      }).catch((err: unknown) => {
        if (err instanceof PlanAccountError)
          throw new UserError('wrong-account', `${err.message} Open the plan with a connection to ${err.planAccount}.`);
        throw err;
      });
    try {
      return await attempt(this.resuming);
    } catch (err) {
      if (!(err instanceof ApplyLockedError) || !err.stale || this.resuming) throw err;
      // A window reload or a crash stopped an earlier apply; its ledger says what was done.
      const choice = await vscode.window.showWarningMessage(
        `An earlier apply on ${this.plan.account} stopped without finishing (process ${err.owner.pid}, started ${err.owner.startedAt}). Resume it? Steps already done are not sent again.`,
        { modal: true },
        'Resume',
      );
      if (choice !== 'Resume') throw err;
      return attempt(true);
    }
  }

  private stepDone(p: ApplyProgress, index: number): void {
    this.progress[p.step.id] = { status: p.status, newId: p.newId, message: p.message };
    ApplyRun.changed.fire();
    this.say({
      type: 'progress',
      stepId: p.step.id,
      status: p.status,
      newId: p.newId,
      message: p.message,
      index,
      total: this.stepIds.length,
    });
  }
}
