/**
 * Quick fixes for validation findings on a record document (the lightbulb in the editor, and Quick
 * Fix… in the Problems panel): plan a restore of the order the finding is about, or show the record
 * in the Accounts view. Which record it is comes from the document's URI.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './commandIds';
import { FINDING_SOURCE } from './diagnostics';
import type { ExplorerNode } from './explorer/nodes';
import { parseRecordUri, RECORD_SCHEME } from './recordDocuments';

export class FindingFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  static register(): vscode.Disposable {
    return vscode.languages.registerCodeActionsProvider({ scheme: RECORD_SCHEME }, new FindingFixes(), FindingFixes.metadata);
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = context.diagnostics.filter((d) => d.source === FINDING_SOURCE);
    if (!findings.length) return [];
    const { source, entity, id } = parseRecordUri(document.uri);
    const actions: vscode.CodeAction[] = [];
    if (entity === 'orders' && source.type === 'snapshot') {
      // The node a right-click on the order in the tree would give Plan a Restore of This Order.
      const order: ExplorerNode = { kind: 'record', source, entity, id, label: `#${id}` };
      actions.push(
        fix('Plan a restore of this order', findings, { command: COMMANDS.restoreOrder, title: 'Plan a restore', arguments: [order] }),
      );
    }
    actions.push(
      fix('Show in Accounts view', findings, { command: COMMANDS.revealRecord, title: 'Show', arguments: [source, entity, id] }),
    );
    return actions;
  }
}

function fix(title: string, diagnostics: vscode.Diagnostic[], command: vscode.Command): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = diagnostics;
  action.command = command;
  return action;
}
