/**
 * Work running against an account that the user started and may be waiting for (a snapshot, a
 * live read for a plan or a compare), so the status bar can say so while its notification is
 * hidden. One list for every command, kept by the composition root.
 */
import * as vscode from 'vscode';

export interface RunningWork {
  connectionId: string;
  /** What is being done, as the end of a sentence: "taking a snapshot". */
  what: string;
}

export class Activity implements vscode.Disposable {
  private readonly running = new Set<RunningWork>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  list(): RunningWork[] {
    return [...this.running];
  }

  /** Shows `what` while `work` runs; returns its result (or failure) unchanged. */
  async track<T>(connectionId: string, what: string, work: () => PromiseLike<T>): Promise<T> {
    const entry = { connectionId, what };
    this.running.add(entry);
    this.changed.fire();
    try {
      return await work();
    } finally {
      this.running.delete(entry);
      this.changed.fire();
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
