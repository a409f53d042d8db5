import * as vscode from 'vscode';
import { checkedBaseUrl } from '../../core/keap/baseUrl';
import { COMMANDS } from '../commandIds';
import type { ConnectionStore } from '../connections/connections';
import type { ExplorerNode } from '../explorer/nodes';
import { pickConnection, pickConnectionToFix } from './pickers';
import { registerCommand } from './register';

export function registerConnectionCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  connections: ConnectionStore,
): void {
  registerCommand(context, log, COMMANDS.addConnection, async () => {
    const name = await vscode.window.showInputBox({
      title: 'Add Keap connection (1/3)',
      prompt: 'A name for this account',
      placeHolder: 'My Keap account',
      ignoreFocusOut: true,
    });
    if (name === undefined) return;
    const baseUrl = await askBaseUrl('Add Keap connection (2/3)', 'https://api.infusionsoft.com/crm/rest');
    if (baseUrl === undefined) return;
    const connection = await connections.add(name, baseUrl);
    const key = await vscode.window.showInputBox({
      title: 'Add Keap connection (3/3)',
      prompt: "Personal access token or service account key (stored in VS Code's secret storage only)",
      password: true,
      ignoreFocusOut: true,
    });
    if (key) await connections.setCredential(connection.id, key);
    return connection.id;
  });

  registerCommand(context, log, COMMANDS.editConnection, async (node?: ExplorerNode) => {
    const connection = await pickConnection(connections, node);
    if (!connection) return;
    const name = await vscode.window.showInputBox({
      title: `Edit ${connection.name} (1/2)`,
      prompt: 'Name',
      value: connection.name,
      ignoreFocusOut: true,
    });
    if (name === undefined) return;
    const baseUrl = await askBaseUrl(`Edit ${connection.name} (2/2)`, connection.baseUrl);
    if (baseUrl === undefined) return;
    const { credentialCleared } = await connections.edit(connection.id, { name, baseUrl });
    if (credentialCleared)
      void vscode.window.showInformationMessage(
        `Keap Vault: ${name || connection.name} now points at another host, so its credential was cleared: set it again.`,
      );
  });

  registerCommand(context, log, COMMANDS.setCredential, async (node?: ExplorerNode) => {
    const connection = await pickConnectionToFix(connections, node);
    if (!connection) return;
    const key = await vscode.window.showInputBox({
      title: `Credential for ${connection.name}`,
      prompt: 'Personal access token or service account key',
      password: true,
      ignoreFocusOut: true,
    });
    if (!key) return;
    await connections.setCredential(connection.id, key);
    void vscode.window.showInformationMessage(`Keap Vault: credential for ${connection.name} saved in secret storage.`);
  });

  registerCommand(context, log, COMMANDS.clearCredential, async (node?: ExplorerNode) => {
    const connection = await pickConnection(connections, node);
    if (connection) await connections.clearCredential(connection.id);
  });

  registerCommand(context, log, COMMANDS.removeConnection, async (node?: ExplorerNode) => {
    const connection = await pickConnection(connections, node);
    if (!connection) return;
    const ok = await vscode.window.showWarningMessage(
      `Remove the connection "${connection.name}" and its stored credential? Snapshots stay.`,
      { modal: true },
      'Remove',
    );
    if (ok === 'Remove') await connections.remove(connection.id);
  });

  registerCommand(context, log, COMMANDS.tryDemo, async () => {
    const connection = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Starting the Keap emulator with demo data…' },
      () => connections.ensureDemo(),
    );
    return connection.baseUrl;
  });
}

/** The API base URL, checked as the user types (a URL a credential may be sent to: https, no credentials in it). */
function askBaseUrl(title: string, value: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: 'Keap REST API base URL',
    value,
    ignoreFocusOut: true,
    validateInput: (v) => {
      try {
        checkedBaseUrl(v);
        return undefined;
      } catch (err) {
        return (err as Error).message;
      }
    },
  });
}
