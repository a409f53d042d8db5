import * as vscode from 'vscode';

/**
 * Runs long work (a live read) in a notification with Cancel. Cancelling aborts the work's signal
 * and ends it as a CancellationError, which commands treat as "the user said no", not a failure.
 */
export function withCancellableProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
      try {
        return await work(controller.signal);
      } catch (err) {
        if (controller.signal.aborted) throw new vscode.CancellationError();
        throw err;
      }
    },
  );
}
