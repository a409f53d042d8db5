/**
 * Every command goes through here: its disposable is kept, and an error becomes a message the
 * user can act on (and a log line), never an unhandled rejection. A typed error (`KeapVaultError`:
 * the core's families, the extension's `UserError`) is written for the user and shown as it is; any
 * other error is a bug or a failure from below (the file system, VS Code): its message is shown too,
 * and its stack goes to the log.
 */
import * as vscode from 'vscode';
import { KeapVaultError } from '../../core/errors';
import type { CommandId } from '../commandIds';
import { describeSystemError } from '../../core/fs/systemErrors';

/** What the user sees (after "Keap Vault: "): a typed error's message as it is, else whatever the error says. */
export function userMessage(err: unknown): string {
  if (err instanceof KeapVaultError) return err.message;
  return describeSystemError(err) ?? (err as Error | undefined)?.message ?? String(err);
}

/** The log line: the message, with a typed error's class and kind, or an untyped error's stack. */
export function logLine(id: string, err: unknown): string {
  const message = userMessage(err);
  if (err instanceof KeapVaultError) return `${id}: ${message} (${err.name}, ${err.kind})`;
  const stack = err instanceof Error && err.stack ? `\n${err.stack}` : '';
  return `${id}: ${message}${stack}`;
}

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
        log.error(logLine(id, err));
        void vscode.window.showErrorMessage(`Keap Vault: ${userMessage(err)}`);
        return undefined;
      }
    }),
  );
}
