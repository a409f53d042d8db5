import * as vscode from 'vscode';
import { counted } from '../../core/counted';
import { validateSnapshotInSlices, type RuleSetting, type ValidationOptions } from '../../core/validate/engine';
import { explanationOf } from '../../core/validate/catalogue';
import { validateSourceFile } from '../../core/validate/files/validateFile';
import { getRecord } from '../../core/snapshot/query';
import { COMMANDS } from '../commandIds';
import type { FindingsView } from '../diagnostics';
import type { ExplorerNode } from '../explorer/nodes';
import { recordLabel } from '../explorer/recordLabels';
import type { SnapshotLibrary } from '../snapshots';
import { UserError } from '../userError';
import { fileOf, pickSnapshot } from './pickers';
import { registerCommand } from './register';
import { markDone } from '../walkthroughProgress';
import { withWorkProgress } from './cancellableProgress';
import * as path from 'node:path';

function ruleSettings(): Record<string, RuleSetting> {
  return vscode.workspace.getConfiguration('keapVault').get<Record<string, RuleSetting>>('validation.rules') ?? {};
}

/** The rules' severities and thresholds, from the settings. */
function validationOptions(): ValidationOptions {
  const config = vscode.workspace.getConfiguration('keapVault');
  return {
    rules: ruleSettings(),
    settings: {
      ...(config.get<number>('validation.roundingToleranceCents') !== undefined
        ? { roundingToleranceCents: config.get<number>('validation.roundingToleranceCents') }
        : {}),
      ...(config.get<number>('validation.duplicateWindowMinutes') !== undefined
        ? { duplicateWindowMinutes: config.get<number>('validation.duplicateWindowMinutes') }
        : {}),
    },
  };
}

export function registerValidateCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  snapshots: SnapshotLibrary,
  findings: FindingsView,
): void {
  registerCommand(context, log, COMMANDS.validateSnapshot, async (node?: ExplorerNode | string) => {
    const snapshot = await pickSnapshot(snapshots, node, 'Validate which snapshot?');
    if (!snapshot) return;
    const file = fileOf(snapshot);
    // Held while the rules run and the findings are named (never closed for the memory budget meanwhile).
    // One notification with Cancel covers opening (when not open yet) and the rules, which yield to the
    // extension host between batches, so trees and other commands stay live meanwhile.
    const report = await withWorkProgress(`Keap Vault: validating ${path.basename(file)}`, (control) =>
      snapshots.use(
        file,
        async (db) => {
          const validated = await validateSnapshotInSlices(db, validationOptions(), control);
          findings.showSnapshotFindings(file, validated.findings, explanationOf, (entity, id) => {
            const record = getRecord(db, entity, id);
            return record && recordLabel(entity, record).label;
          });
          return validated;
        },
        control,
      ),
    );
    markDone(context.globalState, 'validated');
    log.info(`Validated ${file}: ${report.counts.error} errors, ${report.counts.warning} warnings, ${report.counts.info} notes`);
    const summary = `${report.counts.error} errors, ${report.counts.warning} warnings`;
    if (report.findings.length) void vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(
      `Keap Vault: ${report.findings.length ? summary : 'no problems found'} (${report.rules.length} rules).`,
    );
    return report.counts;
  });

  registerCommand(context, log, COMMANDS.validateCurrentFile, async (snapshotArg?: string) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new UserError('needs-selection', 'Open the JSON, NDJSON or CSV file to validate first.');
    const snapshot = await pickSnapshot(snapshots, snapshotArg, 'Check the file against which snapshot?');
    if (!snapshot) return;
    const document = editor.document;
    const result = validateSourceFile(await snapshots.db(fileOf(snapshot)), document.fileName, document.getText(), {
      rules: ruleSettings(),
    });
    findings.showFileFindings(document.uri, result.findings, explanationOf);
    void vscode.window.showInformationMessage(
      `Keap Vault: ${counted(result.findings.length, 'finding')} in ${counted(result.records, 'record')}${result.skipped ? `, ${result.skipped} of unknown kind skipped` : ''}.`,
    );
    return result.findings.length;
  });
}
