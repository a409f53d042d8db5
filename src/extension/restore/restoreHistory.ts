/**
 * The "Restores" view: each plan made or opened here, newest first, led by how its apply ended
 * (restoreText.ts has the words). Shown once there is one (context key keapVault.hasRestores); a
 * click opens the preview; Export Id Map is offered on the entries that applied something.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { ConnectionStore } from '../connections/connections';
import type { PlanEntry, PlanIndex, RestoreStatus } from './planIndex';
import { restoreText } from './restoreText';

const ICONS: Record<RestoreStatus, string> = {
  planned: 'checklist',
  applying: 'sync~spin',
  applied: 'pass',
  'applied with problems': 'warning',
  interrupted: 'debug-pause',
  stale: 'history',
};

export class RestoreHistoryProvider implements vscode.TreeDataProvider<PlanEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly plans: PlanIndex,
    private readonly connections: ConnectionStore,
  ) {
    this.subscription = vscode.Disposable.from(
      plans.onDidChange(() => this.changed.fire()),
      connections.onDidChange(() => this.changed.fire()),
    );
  }

  getChildren(entry?: PlanEntry): PlanEntry[] {
    return entry ? [] : this.plans.list();
  }

  getTreeItem(entry: PlanEntry): vscode.TreeItem {
    const text = restoreText(entry, this.connections.get(entry.connectionId)?.name, vscode.env.language);
    const item = new vscode.TreeItem(text.label);
    item.id = entry.planId;
    item.description = text.description;
    item.tooltip = text.tooltip;
    item.accessibilityInformation = { label: text.spoken };
    const paused = entry.status === 'applying' && entry.paused;
    item.iconPath = new vscode.ThemeIcon(paused ? 'watch' : ICONS[entry.status]);
    // An apply ended: the ledger has its id map to export.
    item.contextValue = entry.result ? 'restore.applied' : 'restore';
    item.command = { command: COMMANDS.openRestore, title: 'Open Restore Plan', arguments: [entry.planId] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
