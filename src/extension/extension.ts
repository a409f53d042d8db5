/**
 * The extension's composition root, the one place that builds every service (explicit
 * constructor injection) and wires the core to VS Code: explorer, commands, documents, record
 * cards, diagnostics and their quick fixes, the status bar, the walkthrough, secrets. Nothing below
 * src/core knows VS Code exists.
 */
import * as vscode from 'vscode';
import { DEFAULT_APPLY_RESERVE } from '../core/restore/applier';
import type { SnapshotEntity } from '../core/snapshot/entities';
import { COMMANDS } from './commandIds';
import { registerCompareCommands } from './commands/compareCommands';
import { registerConnectionCommands } from './commands/connectionCommands';
import { registerRestoreCommands } from './commands/restoreCommands';
import { appliesCutShort, offerToResume } from './restore/resumePrompt';
import { registerCommand } from './commands/register';
import { registerSnapshotCommands } from './commands/snapshotCommands';
import { registerValidateCommands } from './commands/validateCommands';
import { ConnectionStore } from './connections/connections';
import { FindingsView } from './diagnostics';
import { registerIntegrationIds, type IntegrationIdsApi } from './integration/integrationIds';
import { ExplorerProvider } from './explorer/explorerProvider';
import type { RecordSource } from './explorer/nodes';
import { findRecordNode } from './explorer/revealRecord';
import { FindingFixes } from './findingFixes';
import { ApplyRun } from './planPanel/applyRun';
import { PlanPanel } from './planPanel/planPanel';
import { RecordCardPanel, type CardEntity } from './recordCard/recordCardPanel';
import { RECORD_SCHEME, RecordDocuments, showRecordsAsJson } from './recordDocuments';
import { PlanIndex, type PlanEntry } from './restore/planIndex';
import { RestoreHistoryProvider } from './restore/restoreHistory';
import { SNAPSHOT_KEY_SECRET, SnapshotLibrary } from './snapshots';
import { Activity } from './status/activity';
import { StatusBar } from './status/statusBar';
import { WalkthroughProgress } from './walkthroughProgress';

export interface KeapVaultApi {
  connections: ConnectionStore;
  snapshots: SnapshotLibrary;
  explorer: ExplorerProvider;
  findings: FindingsView;
  plans: PlanIndex;
  /** The open preview of a plan, if any (its `receive` is the webview's message path). */
  planPanel(planId: string): PlanPanel | undefined;
  /** The open card of an order (or of a contact), if any. */
  recordCard(source: RecordSource, id: string, entity?: CardEntity): RecordCardPanel | undefined;
  walkthrough: WalkthroughProgress;
  statusBar: StatusBar;
  /** Asks about applies a closed window cut short and continues them on Resume (done at activation; tests answer `ask`). */
  offerToResume(
    entries: readonly PlanEntry[],
    ask?: (question: string, ...actions: string[]) => Thenable<string | undefined>,
  ): Promise<void>;
  /** Keap ids in the workspace: the index, the id maps of applied restores, their warnings, the hover. */
  integrationIds: IntegrationIdsApi;
}

export function activate(context: vscode.ExtensionContext): KeapVaultApi {
  const log = vscode.window.createOutputChannel('Keap Vault', { log: true });
  const connections = new ConnectionStore(context.globalState, context.secrets, log);
  const snapshots = new SnapshotLibrary(context.globalStorageUri, context.secrets);
  const explorer = new ExplorerProvider(connections, snapshots, log);
  const findings = new FindingsView();
  context.subscriptions.push(snapshots.onDidDelete((file) => findings.clearSnapshot(file)));
  const plans = new PlanIndex(context.globalState);
  // Applies the last window was running: asked about below, once the commands exist.
  const cutShort = appliesCutShort(plans);
  void plans.markInterrupted();
  const history = new RestoreHistoryProvider(plans, connections);
  const activity = new Activity();
  const statusBar = new StatusBar(connections, activity, plans, ApplyRun);
  const walkthrough = new WalkthroughProgress(context.globalState, connections, snapshots, plans, log);
  context.subscriptions.push(log, connections, snapshots, explorer, findings, plans, history, activity, statusBar, walkthrough);
  const explorerView = vscode.window.createTreeView('keapVault.explorer', { treeDataProvider: explorer, showCollapseAll: true });
  context.subscriptions.push(
    explorerView,
    // The connection of the row the user chose is the one the status bar shows.
    explorerView.onDidChangeSelection((e) => statusBar.setActive(explorer.connectionOf(e.selection[0]))),
    vscode.window.createTreeView('keapVault.restores', { treeDataProvider: history }),
    vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, new RecordDocuments(connections, snapshots)),
    showRecordsAsJson(),
    FindingFixes.register(),
  );

  registerConnectionCommands(context, log, connections);
  registerSnapshotCommands(context, log, connections, snapshots, explorer, activity);
  registerValidateCommands(context, log, snapshots, findings);
  registerCompareCommands(context, log, snapshots, connections, activity);
  registerCommand(context, log, COMMANDS.revealRecord, async (source: RecordSource, entity: SnapshotEntity, id: string) => {
    const node = await findRecordNode(explorer, connections, snapshots, source, entity, id);
    await explorerView.reveal(node, { select: true, focus: true, expand: false });
    return node;
  });
  // Read when an apply starts: a changed setting holds from the next apply on.
  const applySettings = () => ({
    reserve: vscode.workspace.getConfiguration('keapVault.quota').get<number>('reserve', DEFAULT_APPLY_RESERVE),
  });
  registerRestoreCommands(context, { log, connections, snapshots, plans, activity, applySettings });
  registerCommand(context, log, COMMANDS.setSnapshotKey, async () => {
    if (await snapshots.key()) {
      const ok = await vscode.window.showWarningMessage(
        'Replace the snapshot encryption key? Snapshots encrypted with the current key open only with it: keep a copy of it first.',
        { modal: true },
        'Replace Key',
      );
      if (ok !== 'Replace Key') return;
    }
    const key = await vscode.window.showInputBox({
      prompt: 'Key for encrypting snapshots (kept in secret storage)',
      password: true,
      ignoreFocusOut: true,
    });
    if (key) await context.secrets.store(SNAPSHOT_KEY_SECRET, key);
  });
  const integrationIds = registerIntegrationIds(context, { log, connections, snapshots, plans });
  // Kept for scripts and the first tests: starts the demo and returns its API base URL.
  registerCommand(context, log, COMMANDS.startDemoEmulator, () => vscode.commands.executeCommand(COMMANDS.tryDemo));

  const resume = (entries: readonly PlanEntry[], ask?: Parameters<typeof offerToResume>[2]) =>
    offerToResume(entries, (e) => connections.get(e.connectionId)?.name ?? e.account, ask);
  if (cutShort.length) void resume(cutShort);

  log.info('Keap Vault activated');
  return {
    offerToResume: resume,
    connections,
    snapshots,
    explorer,
    findings,
    plans,
    planPanel: (planId) => PlanPanel.of(planId),
    recordCard: (source, id, entity) => RecordCardPanel.of(source, id, entity),
    walkthrough,
    statusBar,
    integrationIds,
  };
}

export function deactivate(): void {
  // Disposables registered on the context stop the emulator and close snapshots.
}
