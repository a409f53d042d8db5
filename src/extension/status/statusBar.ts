/**
 * Keap Vault's one status bar item (as MongoDB for VS Code and SQLTools have): the connection the
 * user works with (chosen in the Accounts view, or the last one a command used), a warning with Set
 * Credential… when Keap refused it, and the work running against it (a snapshot, a live read, a
 * restore with its steps done, and its pause for Keap's daily quota; an apply has no status bar
 * entry of its own). statusText.ts has the words.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Connection, ConnectionStore } from '../connections/connections';
import type { PlanIndex } from '../restore/planIndex';
import type { Activity } from './activity';
import { statusText, type StatusText } from './statusText';

/** How far the applies into an account are (ApplyRun's): an apply shows its progress here only, not in an entry of its own. */
export interface ApplyCounts {
  onDidChange: vscode.Event<void>;
  countFor(connectionId: string): { done: number; total: number } | undefined;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  private activeId?: string;
  /** What the item shows now (host tests read it). */
  shown?: StatusText;

  constructor(
    private readonly connections: ConnectionStore,
    private readonly activity: Activity,
    private readonly plans: PlanIndex,
    private readonly applies: ApplyCounts,
  ) {
    this.item.name = 'Keap Vault';
    const update = () => void this.update();
    this.subscriptions = [
      connections.onDidChange(update),
      connections.onDidChangeHealth(update),
      connections.onDidUse((id) => this.setActive(id)),
      activity.onDidChange(update),
      plans.onDidChange(update),
      applies.onDidChange(update),
    ];
    update();
  }

  /** The connection the user now works with (a row chosen in the Accounts view, a command's connection). */
  setActive(connectionId: string | undefined): void {
    if (!connectionId || connectionId === this.activeId) return;
    this.activeId = connectionId;
    void this.update();
  }

  /** Running work outranks the chosen connection: it is what the user waits for. */
  private current(): Connection | undefined {
    const list = this.connections.list();
    const busy = this.activity.list()[0]?.connectionId ?? this.plans.list().find((e) => e.status === 'applying')?.connectionId;
    return list.find((c) => c.id === busy) ?? list.find((c) => c.id === this.activeId) ?? list[0];
  }

  private async update(): Promise<void> {
    const connection = this.current();
    const applying = connection && this.plans.list().find((e) => e.status === 'applying' && e.connectionId === connection.id);
    const text =
      connection &&
      statusText({
        connection,
        problem: await this.connections.problem(connection.id),
        work: this.activity
          .list()
          .filter((w) => w.connectionId === connection.id)
          .map((w) => w.what),
        applying: applying ? { paused: applying.paused, ...this.applies.countFor(connection.id) } : undefined,
      });
    this.shown = text;
    if (!text || !connection) return this.item.hide();
    this.item.text = text.text;
    this.item.tooltip = text.tooltip;
    this.item.accessibilityInformation = { label: text.spoken };
    this.item.backgroundColor = text.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command =
      text.click === 'set-credential'
        ? { command: COMMANDS.setCredential, title: 'Set Credential…', arguments: [{ kind: 'connection', connection }] }
        : { command: 'workbench.view.extension.keapVault', title: 'Open the Accounts view' };
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.item.dispose();
  }
}
