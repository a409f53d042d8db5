import * as vscode from 'vscode';
import { CancelledError } from '../../core/work/cancelled';
import { describeProgress, type WorkControl, type WorkProgress } from '../../core/work/progress';

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

/**
 * Long core work that reports its progress (opening a large snapshot, validating it) in a
 * notification with Cancel; the message says what it is doing and how far it is. The core's CancelledError ends it as a CancellationError, as for other cancelled commands.
 */
export function withWorkProgress<T>(title: string, work: (control: Required<WorkControl>) => Promise<T>): Thenable<T> {
  return withCancellableProgressBar(title, (signal, onProgress) => work({ signal, onProgress }));
}

/** As withWorkProgress, with the signal and the progress listener given apart. */
export function withCancellableProgressBar<T>(
  title: string,
  work: (signal: AbortSignal, onProgress: (p: WorkProgress) => void) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
      const bar = progressBar(progress);
      try {
        return await work(controller.signal, bar);
      } catch (err) {
        if (controller.signal.aborted || err instanceof CancelledError) throw new vscode.CancellationError();
        throw err;
      }
    },
  );
}

/**
 * The message says what the work does and how far it is ("Rule 3 of 16: … (19%)"). The bar itself
 * stays indeterminate: VS Code's only moves forward by increments, and a command that opens and then
 * validates has two stages, each from 0 to 100%.
 */
function progressBar(progress: vscode.Progress<{ message?: string }>): (p: WorkProgress) => void {
  let last = '';
  return (p) => {
    const message = describeProgress(p);
    if (message !== last) progress.report({ message });
    last = message;
  };
}
