/**
 * An apply lasts as long as Keap's quota makes it (days for a big restore), and a VS Code window
 * does not: when the window that ran it closes, the apply stops between two requests, its ledger
 * consistent. When a window opens again, this asks whether to continue it, naming what was left
 * (and the pause it was in), and continues it from the ledger on Resume: nothing done is sent again,
 * and what was in flight is looked up in Keap first.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { PlanPanel } from '../planPanel/planPanel';
import { resumeQuestion } from './restoreText';
import type { PlanEntry, PlanIndex } from './planIndex';

export const RESUME = 'Resume';
export const OPEN_PREVIEW = 'Open Preview';

/**
 * The applies that were running when the last window closed (read before PlanIndex.markInterrupted
 * turns them into "interrupted").
 */
export function appliesCutShort(plans: PlanIndex): PlanEntry[] {
  return plans.list().filter((e) => e.status === 'applying');
}

/**
 * Asks about each apply the closed window cut short; on Resume opens its preview and continues it.
 * `ask` is VS Code's notification (tests answer it).
 */
export async function offerToResume(
  entries: readonly PlanEntry[],
  connectionName: (entry: PlanEntry) => string,
  ask: (question: string, ...actions: string[]) => Thenable<string | undefined> = (q, ...a) =>
    vscode.window.showInformationMessage(q, ...a),
): Promise<void> {
  for (const entry of entries) {
    const answer = await ask(resumeQuestion(entry, connectionName(entry)), RESUME, OPEN_PREVIEW);
    if (answer !== RESUME && answer !== OPEN_PREVIEW) continue;
    await vscode.commands.executeCommand(COMMANDS.openRestore, entry.planId);
    const panel = PlanPanel.of(entry.planId);
    if (answer !== RESUME || !panel) continue;
    await panel.whenReady();
    void panel.resumeApply().catch((err: unknown) => void vscode.window.showErrorMessage(`Keap Vault: ${(err as Error).message}`));
  }
}
