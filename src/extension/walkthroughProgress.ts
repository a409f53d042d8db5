/**
 * Context keys the Getting Started walkthrough completes its steps on (`onContext:`), set when the
 * user has actually done the step, not merely opened its command.
 */
import * as vscode from 'vscode';
import type { ConnectionStore } from './connections/connections';
import type { SnapshotLibrary } from './snapshots';

export const WALKTHROUGH_KEYS = {
  connected: 'keapVault.hasConnection',
  snapshot: 'keapVault.hasSnapshots',
  validated: 'keapVault.validated',
  planned: 'keapVault.planned',
} as const;

export function markDone(key: (typeof WALKTHROUGH_KEYS)[keyof typeof WALKTHROUGH_KEYS]): void {
  void vscode.commands.executeCommand('setContext', key, true);
}

export function trackWalkthrough(
  connections: ConnectionStore,
  snapshots: SnapshotLibrary,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  const update = async () => {
    await vscode.commands.executeCommand('setContext', WALKTHROUGH_KEYS.connected, connections.list().length > 0);
    try {
      await vscode.commands.executeCommand('setContext', WALKTHROUGH_KEYS.snapshot, (await snapshots.list()).length > 0);
    } catch (err) {
      log.warn(`Listing snapshots: ${(err as Error).message}`);
    }
  };
  void update();
  const subscriptions = [connections.onDidChange(update), snapshots.onDidChange(update)];
  return vscode.Disposable.from(...subscriptions);
}
