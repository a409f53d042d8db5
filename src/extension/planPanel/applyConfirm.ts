/**
 * The commit point of a restore: VS Code's own modal, not a dialog drawn in the page, naming the
 * connection, what will be written per kind of record, and what Keap cannot undo. VS Code adds the
 * Cancel button itself (Escape or closing the dialog is Cancel too). The text is built apart from the
 * modal so it can be read in tests; a host test replaces `confirm` on the panel (see PlanPanel.confirmApply).
 */
import * as vscode from 'vscode';
import type { PlanStep } from '../../core/restore/planTypes';
import { countsText, stepCounts } from '../../webview/sentences';

export interface ApplyConfirmation {
  message: string;
  detail: string;
  /** The button that applies; anything else (Cancel, Escape) applies nothing. */
  confirm: string;
}

export type ConfirmApply = (question: ApplyConfirmation) => Promise<boolean>;

export function applyConfirmation(connection: string, steps: readonly PlanStep[]): ApplyConfirmation {
  const creates = countsText(stepCounts(steps, 'create'));
  const updates = countsText(stepCounts(steps, 'update'));
  const acting = steps.filter((s) => s.sideEffects?.length).length;
  const lines = [
    `This writes to the Keap account now:`,
    ...(creates ? [`• create ${creates}`] : []),
    ...(updates ? [`• update ${updates}`] : []),
    '',
    'Keap cannot undo payments; restored orders get new ids.',
    ...(acting
      ? [
          `Keap may act on its own for ${acting === 1 ? '1 of these records' : `${acting.toLocaleString('en-US')} of these records`}: receipts, invoices, automations.`,
        ]
      : []),
    'Nothing is deleted. Apply reads the account again first and stops if it changed since the plan was made.',
  ];
  return { message: `Restore into ${connection}?`, detail: lines.join('\n'), confirm: 'Apply' };
}

/** VS Code's modal warning; true only for the Apply button. */
export const confirmInModal: ConfirmApply = async (question) =>
  (await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, question.confirm)) ===
  question.confirm;
