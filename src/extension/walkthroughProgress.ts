/**
 * Context keys the Getting Started walkthrough completes its steps on (`onContext:`), set when the
 * user has actually done the step, not merely opened its command. They are set again at every
 * activation from what exists (connections, snapshots, plans, and a validation run remembered in
 * global state), so a walkthrough opened after the user did everything shows everything done:
 * opening it activates the extension (VS Code's `onWalkthrough:` event), and VS Code checks the keys
 * as they are set.
 */
import * as vscode from 'vscode';
import type { ConnectionStore } from './connections/connections';
import type { PlanIndex } from './restore/planIndex';
import type { SnapshotLibrary } from './snapshots';

export const WALKTHROUGH_KEYS = {
  connected: 'keapVault.hasConnection',
  snapshot: 'keapVault.hasSnapshots',
  validated: 'keapVault.validated',
  planned: 'keapVault.planned',
} as const;

export type WalkthroughStep = keyof typeof WALKTHROUGH_KEYS;

/** Steps nothing else remembers (findings are gone after a reload): global state keeps that they were done. */
const DONE_KEY = 'keapVault.walkthrough';

export function markDone(state: vscode.Memento, step: WalkthroughStep): void {
  void vscode.commands.executeCommand('setContext', WALKTHROUGH_KEYS[step], true);
  const done = state.get<Partial<Record<WalkthroughStep, boolean>>>(DONE_KEY, {});
  if (!done[step]) void state.update(DONE_KEY, { ...done, [step]: true });
}

export class WalkthroughProgress implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  /** The steps as last set (host tests read them: VS Code has no API to read a context key). */
  done: Record<WalkthroughStep, boolean> = { connected: false, snapshot: false, validated: false, planned: false };

  constructor(
    private readonly state: vscode.Memento,
    private readonly connections: ConnectionStore,
    private readonly snapshots: SnapshotLibrary,
    private readonly plans: PlanIndex,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const update = () => void this.update();
    this.subscriptions = [connections.onDidChange(update), snapshots.onDidChange(update), plans.onDidChange(update)];
    update();
  }

  /** Sets every step's key from what exists now. */
  async update(): Promise<Record<WalkthroughStep, boolean>> {
    const remembered = this.state.get<Partial<Record<WalkthroughStep, boolean>>>(DONE_KEY, {});
    let snapshots = false;
    try {
      snapshots = (await this.snapshots.list()).length > 0;
    } catch (err) {
      this.log.warn(`Listing snapshots: ${(err as Error).message}`);
    }
    this.done = {
      connected: this.connections.list().length > 0,
      snapshot: snapshots,
      validated: !!remembered.validated,
      planned: this.plans.list().length > 0 || !!remembered.planned,
    };
    for (const step of Object.keys(WALKTHROUGH_KEYS) as WalkthroughStep[])
      await vscode.commands.executeCommand('setContext', WALKTHROUGH_KEYS[step], this.done[step]);
    return this.done;
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }
}
