/**
 * Restore from VS Code: plan (a whole snapshot, or one order and what it needs), open a plan file,
 * review and apply in the preview, export the id map. Planning reads the live account once; apply
 * runs only from the preview, where the user has seen the plan.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { counted } from '../../core/counted';
import { writeFileAtomic } from '../../core/fs/atomicWrite';
import { idMapCsv, ledgerFileFor } from '../../core/restore/ledger';
import type { PlanOptions, RestorePlan } from '../../core/restore/plan';
import { readPlanFile } from '../../core/restore/planFile';
import { readIdMap } from '../../core/snapshot/ledgerIdMap';
import { ledgerFileForPlan } from '../../core/usecases/applyRestore';
import { planRestoreFromSnapshot } from '../../core/usecases/planRestore';
import { COMMANDS } from '../commandIds';
import type { Connection, ConnectionStore } from '../connections/connections';
import type { ExplorerNode } from '../explorer/nodes';
import { PLAN_VIEW_TYPE, PlanPanel, type PlanPanelServices } from '../planPanel/planPanel';
import type { ApplySettings } from '../planPanel/applyRun';
import { PlanIndex, type PlanEntry } from '../restore/planIndex';
import type { SnapshotLibrary } from '../snapshots';
import type { Activity } from '../status/activity';
import { UserError } from '../userError';
import { fileOf, pickConnectionFor, pickSnapshot } from './pickers';
import { withCancellableProgress } from './cancellableProgress';
import { registerCommand } from './register';
import { markDone } from '../walkthroughProgress';

interface RestoreDeps {
  log: vscode.LogOutputChannel;
  connections: ConnectionStore;
  snapshots: SnapshotLibrary;
  plans: PlanIndex;
  activity: Activity;
  applySettings(): ApplySettings;
}

export function registerRestoreCommands(context: vscode.ExtensionContext, deps: RestoreDeps): PlanPanelServices {
  const { log, connections, snapshots, plans } = deps;

  /**
   * Checks the account first (one request), then reads live, plans against the account's ledger,
   * writes the plan file and records it. Cancelling stops the live read.
   */
  const makePlan = async (
    snapshotFile: string,
    connection: Connection,
    options: PlanOptions,
    signal?: AbortSignal,
  ): Promise<{ entry: PlanEntry; plan: RestorePlan }> => {
    const client = await connections.client(connection.id);
    const folder = await snapshots.folder();
    const { file, account } = await snapshots.use(snapshotFile, (snapshot) =>
      planRestoreFromSnapshot({
        client,
        snapshot,
        snapshotFile,
        planFile: (head) => PlanIndex.fileFor(head.planId, folder),
        options,
        signal,
        // The estimate's pace: the share of the quota the apply will leave to other traffic (the setting).
        reserve: deps.applySettings().reserve,
        confirmOtherAccount: async (from, to) => {
          const ok = await vscode.window.showWarningMessage(
            `This snapshot is of the account ${from}, and ${connection.name} is ${to}. Plan restoring it into a different account?`,
            { modal: true },
            'Plan Anyway',
          );
          if (ok !== 'Plan Anyway') throw new vscode.CancellationError();
          return true;
        },
      }),
    );
    await connections.noteAccount(connection.id, account);
    // The preview shows every step: read back whole from the file the use case wrote.
    const plan = await readPlanFile(file);
    const entry = await plans.remember(plan, file, connection.id);
    log.info(`Planned restore ${plan.planId} from ${snapshotFile}: ${entry.creates} creates, ${entry.updates} updates (${entry.file})`);
    return { entry, plan };
  };

  /** makePlan in a notification with Cancel (and in the status bar). */
  const planWithProgress = (title: string, snapshotFile: string, connection: Connection, options: PlanOptions) =>
    deps.activity.track(connection.id, 'planning a restore', () =>
      withCancellableProgress(title, (signal) => makePlan(snapshotFile, connection, options, signal)),
    );

  const services: PlanPanelServices = {
    extensionUri: context.extensionUri,
    log,
    connections,
    snapshots,
    plans,
    applySettings: deps.applySettings,
    replan: async (entry, plan, options) => {
      const connection = connections.get(entry.connectionId);
      if (!connection || !plan.snapshot.file)
        throw new UserError('gone', "The plan's connection or snapshot is gone: plan again from the snapshot.");
      return planWithProgress('Keap Vault: re-planning (reading the live account)…', plan.snapshot.file, connection, {
        ...plan.options,
        ...options,
      });
    },
  };

  const planAndShow = async (snapshotFile: string, connection: Connection, options: PlanOptions, title: string): Promise<string> => {
    const made = await planWithProgress(title, snapshotFile, connection, options);
    PlanPanel.show(services, made.entry, made.plan);
    markDone(context.globalState, 'planned');
    return made.plan.planId;
  };

  registerCommand(context, log, COMMANDS.planRestore, async (node?: ExplorerNode | string) => {
    const snapshot = await pickSnapshot(snapshots, node, 'Restore from which snapshot?');
    if (!snapshot) return;
    const file = fileOf(snapshot);
    const connection = await pickConnectionFor(connections, (await snapshots.db(file)).meta().account, node);
    if (!connection) return;
    return planAndShow(file, connection, {}, `Keap Vault: planning the restore into ${connection.name} (reading the live account)…`);
  });

  registerCommand(context, log, COMMANDS.restoreOrder, async (node?: ExplorerNode) => {
    if (node?.kind !== 'record' || node.entity !== 'orders' || node.source.type !== 'snapshot') {
      throw new UserError('needs-selection', 'Choose an order under a snapshot in the Keap Vault explorer.');
    }
    const file = node.source.file;
    const connection = await pickConnectionFor(connections, (await snapshots.db(file)).meta().account);
    if (!connection) return;
    return planAndShow(file, connection, { records: [`orders:${node.id}`] }, `Keap Vault: planning the restore of order ${node.id}…`);
  });

  registerCommand(context, log, COMMANDS.openPlan, async (arg?: vscode.Uri | string) => {
    const uri =
      typeof arg === 'string'
        ? vscode.Uri.file(arg)
        : arg instanceof vscode.Uri
          ? arg
          : (await vscode.window.showOpenDialog({ filters: { 'Restore plan': ['json'] }, openLabel: 'Open Plan' }))?.[0];
    if (!uri) return;
    const plan = await readPlanFile(uri.fsPath);
    const known = plans.get(plan.planId);
    const connection = (known && connections.get(known.connectionId)) ?? (await pickConnectionFor(connections, plan.account));
    if (!connection) return;
    const entry = await plans.remember(plan, uri.fsPath, connection.id);
    PlanPanel.show(services, entry, plan, { checkStale: true });
    return plan.planId;
  });

  registerCommand(context, log, COMMANDS.openRestore, async (planIdOrEntry?: string | PlanEntry) => {
    const planId = typeof planIdOrEntry === 'string' ? planIdOrEntry : planIdOrEntry?.planId;
    const entry = planId ? plans.get(planId) : undefined;
    if (!entry) throw new UserError('gone', 'That restore is no longer in the history.');
    if (!existsSync(entry.file)) throw new UserError('gone', `The plan file ${entry.file} is gone.`);
    PlanPanel.show(services, entry, await plans.read(entry), {
      checkStale: !entry.status.startsWith('applied') && entry.status !== 'applying',
    });
  });

  registerCommand(context, log, COMMANDS.forgetRestore, async (entry?: PlanEntry) => {
    if (entry?.planId) await plans.forget(entry.planId);
  });

  // Apply happens in the preview, after review; from the palette this brings the preview forward.
  registerCommand(context, log, COMMANDS.applyPlan, async () => {
    const latest = plans.list().find((e) => !e.status.startsWith('applied'));
    if (!latest) throw new UserError('nothing-yet', 'No restore plan to apply: plan one from a snapshot first.');
    await vscode.commands.executeCommand(COMMANDS.openRestore, latest.planId);
    void vscode.window.showInformationMessage('Keap Vault: review the plan, choose what to restore, and press Apply in the preview.');
  });

  registerCommand(context, log, COMMANDS.exportIdMap, async (ledgerArg?: string | PlanEntry, formatArg?: 'csv' | 'json') => {
    const ledgerFile = typeof ledgerArg === 'string' ? ledgerArg : await pickLedger(plans, snapshots, ledgerArg);
    if (!ledgerFile) return;
    if (!existsSync(ledgerFile)) throw new UserError('nothing-yet', 'Nothing has been restored into this account yet: there is no id map.');
    const entries = await readIdMap(ledgerFile);
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(
        path.join(path.dirname(ledgerFile), `${path.basename(ledgerFile, '.kvledger')}-idmap.${formatArg ?? 'csv'}`),
      ),
      filters: { CSV: ['csv'], JSON: ['json'] },
      saveLabel: 'Export Id Map',
    });
    if (!target) return;
    const json = formatArg === 'json' || (!formatArg && target.fsPath.endsWith('.json'));
    await writeFileAtomic(target.fsPath, json ? JSON.stringify(entries, null, 2) : idMapCsv(entries));
    void vscode.window.showInformationMessage(`Keap Vault: id map of ${counted(entries.length, 'record')} written to ${target.fsPath}.`);
    return target.fsPath;
  });

  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(PLAN_VIEW_TYPE, PlanPanel.serializer(services)));
  return services;
}

async function pickLedger(plans: PlanIndex, snapshots: SnapshotLibrary, entry?: PlanEntry): Promise<string | undefined> {
  const folder = await snapshots.folder();
  const ledgerOf = async (e: PlanEntry) => {
    const plan = await plans.read(e).catch(() => undefined);
    return plan ? ledgerFileForPlan(plan, folder) : ledgerFileFor(folder, e.account);
  };
  if (entry) return ledgerOf(entry);
  const accounts = [...new Map(plans.list().map((e) => [e.account, e])).values()];
  if (!accounts.length) throw new UserError('nothing-yet', 'Nothing has been restored from this VS Code yet: there is no id map.');
  const picked =
    accounts.length === 1
      ? accounts[0]
      : (
          await vscode.window.showQuickPick(
            accounts.map((e) => ({ label: e.account, entry: e })),
            { placeHolder: 'Id map of which account?' },
          )
        )?.entry;
  return picked && ledgerOf(picked);
}
