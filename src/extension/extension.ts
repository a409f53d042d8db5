/**
 * The extension's composition root: the only place that wires the core to VS Code. This first
 * cut offers the built-in Keap emulator; explorer, snapshots, validation and restore plug in here.
 */
import * as vscode from 'vscode';
import { KeapClient } from '../core/keap/client';
import { startSeededEmulator, type RunningEmulator } from '../emulator';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Keap Vault', { log: true });
  context.subscriptions.push(log);
  let emulator: RunningEmulator | undefined;
  context.subscriptions.push({ dispose: () => void emulator?.close() });

  context.subscriptions.push(
    vscode.commands.registerCommand('keapVault.startDemoEmulator', async () => {
      emulator ??= await startSeededEmulator({ seed: 'demo', size: 200 });
      const client = new KeapClient({ baseUrl: emulator.apiBaseUrl, credential: { kind: 'api-key', key: emulator.token } });
      const ping = await client.ping();
      log.info(`Keap emulator running on ${emulator.apiBaseUrl}; ping ${ping.ms} ms`);
      vscode.window.showInformationMessage(`Keap emulator (demo) running on ${emulator.apiBaseUrl}`);
      return emulator.apiBaseUrl;
    }),
  );
}

export function deactivate(): void {
  // Disposables registered on the context stop the emulator.
}
