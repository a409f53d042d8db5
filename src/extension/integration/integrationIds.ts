/**
 * Keap ids beside the integration code: wires the workspace index, the id maps of applied restores,
 * the warnings and quick fixes, the replace-all command and the hover into VS Code.
 */
import * as vscode from 'vscode';
import type { SnapshotEntity } from '../../core/snapshot/entities';
import { COMMANDS } from '../commandIds';
import { registerCommand } from '../commands/register';
import type { ConnectionStore } from '../connections/connections';
import type { PlanIndex } from '../restore/planIndex';
import { recordUri, showRecord } from '../recordDocuments';
import type { SnapshotLibrary } from '../snapshots';
import { registerDemoIntegrationCommands } from './demoIntegration';
import { KeapIdHover } from './idHover';
import { RemapDiagnostics } from './remapDiagnostics';
import { RemapQuickFixes, replaceAllRemappedIds, type ReplaceAllResult } from './remapEdits';
import { RemapSource } from './remapSource';
import { WorkspaceIdIndex } from './workspaceIdIndex';

export interface IntegrationIdsApi {
  index: WorkspaceIdIndex;
  remaps: RemapSource;
  diagnostics: RemapDiagnostics;
  hover: KeapIdHover;
}

/** Every editor's files, saved or not; never the record documents Keap Vault itself shows. */
const DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

export function registerIntegrationIds(
  context: vscode.ExtensionContext,
  deps: {
    log: vscode.LogOutputChannel;
    connections: ConnectionStore;
    snapshots: SnapshotLibrary;
    plans: PlanIndex;
  },
): IntegrationIdsApi {
  const { log, connections, snapshots, plans } = deps;
  const index = new WorkspaceIdIndex(log);
  const remaps = new RemapSource(plans, snapshots, log);
  const diagnostics = new RemapDiagnostics(index, remaps);
  const hover = new KeapIdHover(index, remaps, connections, snapshots);
  context.subscriptions.push(
    index,
    remaps,
    diagnostics,
    vscode.languages.registerHoverProvider(DOCUMENTS, hover),
    vscode.languages.registerCodeActionsProvider(DOCUMENTS, new RemapQuickFixes(index, remaps), {
      providedCodeActionKinds: RemapQuickFixes.kinds,
    }),
  );
  registerCommand(context, log, COMMANDS.replaceAllRemappedIds, (): Promise<ReplaceAllResult> => replaceAllRemappedIds(index, remaps));
  registerCommand(context, log, COMMANDS.rescanWorkspaceIds, async () => {
    await Promise.all([index.rescan(), remaps.refresh()]);
    return index.stats;
  });
  // The hover's "look it up live": the one place a hover leads to a request to Keap, and only when clicked.
  registerCommand(context, log, COMMANDS.lookUpIdLive, async (connectionId: string, entity: SnapshotEntity, id: string) => {
    await showRecord(recordUri({ type: 'live', connectionId }, entity, id), { preview: true });
  });
  registerDemoIntegrationCommands(context, log, connections);
  // In the background: activation returns at once.
  void remaps.refresh();
  void index.rescan();
  return { index, remaps, diagnostics, hover };
}
