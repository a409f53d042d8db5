/**
 * The demo's integration project: "Copy the Demo Integration Project into the Workspace" puts
 * media/demo-integration in the workspace (its ids are the demo account's), and "Simulate Data Loss
 * in the Demo" deletes the orders it holds from the demo's emulator, so that a restore gives them new
 * ids and the warnings show where the sample still has the old ones.
 */
import * as vscode from 'vscode';
import { counted } from '../../core/counted';
import { COMMANDS } from '../commandIds';
import { registerCommand } from '../commands/register';
import { DEMO_CONNECTION_ID, type ConnectionStore } from '../connections/connections';
import { DEMO_INTEGRATION } from '../demoAccount';
import { UserError } from '../userError';

export function registerDemoIntegrationCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  connections: ConnectionStore,
): void {
  registerCommand(context, log, COMMANDS.openDemoIntegration, async (): Promise<string | undefined> => {
    const source = vscode.Uri.joinPath(context.extensionUri, ...DEMO_INTEGRATION.source);
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      // Hovers and warnings cover the workspace's files: the sample must be opened as a folder.
      const target = vscode.Uri.joinPath(context.globalStorageUri, DEMO_INTEGRATION.folderName);
      await vscode.workspace.fs.copy(source, target, { overwrite: true });
      const open = await vscode.window.showInformationMessage(
        'Keap Vault: the demo integration project is ready. Open it as the workspace (this window reloads)?',
        'Open Folder',
      );
      if (open === 'Open Folder') await vscode.commands.executeCommand('vscode.openFolder', target);
      return target.fsPath;
    }
    const target = vscode.Uri.joinPath(folder.uri, DEMO_INTEGRATION.folderName);
    const exists = await vscode.workspace.fs.stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) await vscode.workspace.fs.copy(source, target);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(target, ...DEMO_INTEGRATION.firstFile), { preview: false });
    return target.fsPath;
  });

  registerCommand(context, log, COMMANDS.simulateDemoLoss, async (): Promise<string[]> => {
    const emulator = await connections.demoEmulator();
    if (!emulator || !connections.get(DEMO_CONNECTION_ID))
      throw new UserError(
        'not-possible',
        'This only works on the demo: start it with "Keap Vault: Try the Demo (built-in Keap emulator)" first.',
      );
    const res = await fetch(`${emulator.url}/__emulator/disasters/delete-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Keap-API-Key': emulator.token },
      body: JSON.stringify({ ids: DEMO_INTEGRATION.lostOrders }),
    });
    if (!res.ok) throw new UserError('not-possible', `The demo emulator refused: ${res.status} ${await res.text()}`);
    const lost = ((await res.json()) as { affected: Record<string, string[]> }).affected;
    const orders = lost.orders ?? [];
    void vscode.window.showInformationMessage(
      orders.length
        ? `Keap Vault: orders ${orders.join(', ')} and ${counted(lost.payments?.length ?? 0, 'payment')} are gone from the demo account. Plan a restore from a snapshot taken before to bring them back under new ids.`
        : 'Keap Vault: those orders are already gone from the demo account.',
    );
    return orders;
  });
}
