/**
 * Every command goes through here: its disposable is kept, and an error becomes a message the
 * user can act on (and a log line), never an unhandled rejection.
 */
import * as vscode from 'vscode';
import type { CommandId } from '../commandIds';

export function registerCommand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  id: CommandId,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- VS Code passes a command's arguments untyped; each handler declares what it accepts
  handler: (...args: any[]) => unknown,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (err) {
        // The user said no (a modal, a cancelled progress): nothing went wrong.
        if (err instanceof vscode.CancellationError) return undefined;
        const message = (err as Error).message ?? String(err);
        log.error(`${id}: ${message}`);
        void vscode.window.showErrorMessage(`Keap Vault: ${message}`);
        return undefined;
      }
    }),
  );
}
