/**
 * The "Restores" view: each plan made or opened here, newest first, with how its apply ended.
 * Shown once there is one (context key keapVault.hasRestores); a click opens the preview.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { pausedText } from './pausedText';
import type { PlanEntry, PlanIndex, RestoreStatus } from './planIndex';

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

  constructor(private readonly plans: PlanIndex) {
    this.subscription = plans.onDidChange(() => this.changed.fire());
    void vscode.commands.executeCommand('setContext', 'keapVault.hasRestores', plans.list().length > 0);
  }

  getChildren(entry?: PlanEntry): PlanEntry[] {
    return entry ? [] : this.plans.list();
  }

  getTreeItem(entry: PlanEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(`${entry.createdAt.replace('T', ' ').slice(0, 16)} · ${entry.account}`);
    const result = entry.result
      ? `: ${entry.result.created} created, ${entry.result.updated} updated${entry.result.failed ? `, ${entry.result.failed} failed` : ''}`
      : `: ${entry.creates} to create, ${entry.updates} to update`;
    const paused = entry.status === 'applying' && entry.paused;
    item.description = paused ? pausedText(paused) : `${entry.status}${result}`;
    item.tooltip = `Plan ${entry.planId}\n${entry.file}${paused ? "\nWaiting for Keap's daily quota to reset; the apply goes on by itself (keep VS Code open)." : ''}`;
    item.iconPath = new vscode.ThemeIcon(paused ? 'watch' : ICONS[entry.status]);
    item.contextValue = 'restore';
    item.command = { command: COMMANDS.openRestore, title: 'Open Restore Plan', arguments: [entry.planId] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
