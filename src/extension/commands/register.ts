/**
 * Every command goes through here: its disposable is kept, and an error becomes a message the
 * user can act on (and a log line), never an unhandled rejection. A typed error (`KeapVaultError`:
 * the core's families, the extension's `UserError`) is written for the user and shown as it is; any
 * other error is a bug or a failure from below (the file system, VS Code): its message is shown too,
 * and its stack goes to the log. The notification carries the next steps (nextSteps.ts): Set
 * Credential…, Retry (the same command, the same arguments), Open Log.
 */
import * as vscode from 'vscode';
import { KeapVaultError } from '../../core/errors';
import { KeapError } from '../../core/keap/errors';
import type { CommandId } from '../commandIds';
import { describeSystemError } from '../../core/fs/systemErrors';
import { nextSteps } from '../nextSteps';

/** What the user sees (after "Keap Vault: "): a typed error's message as it is, else whatever the error says. */
export function userMessage(err: unknown): string {
  if (err instanceof KeapVaultError) return err.message;
  return describeSystemError(err) ?? (err as Error | undefined)?.message ?? String(err);
}

/** The log line: the message, with a typed error's class and kind, or an untyped error's stack. */
export function logLine(id: string, err: unknown): string {
  const message = userMessage(err);
  // Keap's own error code (keymanagement.service.invalid_access_token…) is for the log, not the notification.
  const code = err instanceof KeapError && err.keapCode ? `, Keap: ${err.keapCode}` : '';
  if (err instanceof KeapVaultError) return `${id}: ${message} (${err.name}, ${err.kind}${code})`;
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
        void showError(err, log, () => vscode.commands.executeCommand(id, ...args));
        return undefined;
      }
    }),
  );
}

/** The error's message, with its next steps as buttons; the one chosen is run. */
export async function showError(err: unknown, log: vscode.LogOutputChannel, retry?: () => Thenable<unknown>): Promise<void> {
  const steps = nextSteps(err).filter((step) => !('retry' in step) || retry);
  const chosen = await vscode.window.showErrorMessage(`Keap Vault: ${userMessage(err)}`, ...steps.map((step) => step.title));
  const step = steps.find((s) => s.title === chosen);
  if (!step) return;
  if ('openLog' in step) log.show();
  else if ('retry' in step) await retry?.();
  else await vscode.commands.executeCommand(step.command);
}
