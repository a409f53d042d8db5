/**
 * The extension's composition root, the one place that builds every service (explicit
 * constructor injection) and wires the core to VS Code: explorer, commands, documents,
 * diagnostics, secrets. Nothing below src/core knows VS Code exists.
 */
import * as vscode from 'vscode';
import { DEFAULT_APPLY_RESERVE } from '../core/restore/applier';
import { COMMANDS } from './commandIds';
import { registerCompareCommands } from './commands/compareCommands';
import { registerConnectionCommands } from './commands/connectionCommands';
import { registerRestoreCommands } from './commands/restoreCommands';
import { registerCommand } from './commands/register';
import { registerSnapshotCommands } from './commands/snapshotCommands';
import { registerValidateCommands } from './commands/validateCommands';
import { ConnectionStore } from './connections/connections';
import { FindingsView } from './diagnostics';
import { registerIntegrationIds, type IntegrationIdsApi } from './integration/integrationIds';
import { ExplorerProvider } from './explorer/explorerProvider';
import { PlanPanel } from './planPanel/planPanel';
import { RECORD_SCHEME, RecordDocuments } from './recordDocuments';
import { PlanIndex } from './restore/planIndex';
import { RestoreHistoryProvider } from './restore/restoreHistory';
import { SNAPSHOT_KEY_SECRET, SnapshotLibrary } from './snapshots';
import { trackWalkthrough } from './walkthroughProgress';

export interface KeapVaultApi {
  connections: ConnectionStore;
  snapshots: SnapshotLibrary;
  explorer: ExplorerProvider;
  findings: FindingsView;
  plans: PlanIndex;
  /** The open preview of a plan, if any (its `receive` is the webview's message path). */
  planPanel(planId: string): PlanPanel | undefined;
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
  void plans.markInterrupted();
  const history = new RestoreHistoryProvider(plans);
  context.subscriptions.push(
    log,
    connections,
    snapshots,
    explorer,
    findings,
    plans,
    history,
    trackWalkthrough(connections, snapshots, log),
  );
  const explorerView = vscode.window.createTreeView('keapVault.explorer', { treeDataProvider: explorer, showCollapseAll: true });
  context.subscriptions.push(
    explorerView,
    vscode.window.createTreeView('keapVault.restores', { treeDataProvider: history }),
    vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, new RecordDocuments(connections, snapshots)),
  );

  registerConnectionCommands(context, log, connections);
  registerSnapshotCommands(context, log, connections, snapshots, explorer);
  registerValidateCommands(context, log, snapshots, findings);
  registerCompareCommands(context, log, snapshots, connections);
  // Read when an apply starts: a changed setting holds from the next apply on.
  const applySettings = () => ({
    reserve: vscode.workspace.getConfiguration('keapVault.quota').get<number>('reserve', DEFAULT_APPLY_RESERVE),
  });
  registerRestoreCommands(context, { log, connections, snapshots, plans, applySettings });
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
  const integrationIds = registerIntegrationIds(context, { log, connections, snapshots, plans, explorer, explorerView });
  // Kept for scripts and the first tests: starts the demo and returns its API base URL.
  registerCommand(context, log, COMMANDS.startDemoEmulator, () => vscode.commands.executeCommand(COMMANDS.tryDemo));

  log.info('Keap Vault activated');
  return { connections, snapshots, explorer, findings, plans, planPanel: (planId) => PlanPanel.of(planId), integrationIds };
}

export function deactivate(): void {
  // Disposables registered on the context stop the emulator and close snapshots.
}
