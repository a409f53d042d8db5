/**
 * Fixing stale ids: the quick fix on one warning ("Replace with 5678"), and "Replace All Remapped
 * Keap IDs in the Workspace…", one WorkspaceEdit whose every change needs confirmation, so VS Code
 * shows it as a refactoring preview (each change ticked, by file) before anything is written. Edits
 * come from the core's rewrite, so a file whose rewrite would not read back is left out and named.
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { KIND_LABEL } from '../../core/integration/idKinds';
import { rewriteText } from '../../core/integration/rewrite';
import { decodeTextFile } from '../../core/integration/textFile';
import { counted } from '../../core/counted';
import { COMMANDS } from '../commandIds';
import { DIAGNOSTIC_SOURCE, REMAPPED_CODE } from './remapDiagnostics';
import type { RemapSource } from './remapSource';
import type { WorkspaceIdIndex } from './workspaceIdIndex';

export class RemapQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly index: WorkspaceIdIndex,
    private readonly remaps: RemapSource,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === REMAPPED_CODE);
    if (!ours.length) return [];
    const occurrences = this.index.scanText(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const offset = document.offsetAt(diagnostic.range.start);
      const o = occurrences.find((x) => x.offset === offset);
      const remap = o && this.remaps.table.lookup(o.kind, o.id);
      if (!o || !remap?.newId) continue;
      const action = new vscode.CodeAction(`Replace with ${remap.newId}`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, diagnostic.range, remap.newId);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    if (actions.length) {
      const all = new vscode.CodeAction('Replace All Remapped Keap IDs in the Workspace…', vscode.CodeActionKind.QuickFix);
      all.command = { command: COMMANDS.replaceAllRemappedIds, title: all.title };
      all.diagnostics = ours;
      actions.push(all);
    }
    return actions;
  }
}

export interface ReplaceAllResult {
  files: number;
  edits: number;
  /** Files left out, and why. */
  refused: Array<{ uri: string; why: string }>;
  /** Whether the user applied the edit in the preview. */
  applied: boolean;
}

/** Builds the workspace-wide edit and hands it to VS Code's refactoring preview. */
export async function replaceAllRemappedIds(index: WorkspaceIdIndex, remaps: RemapSource): Promise<ReplaceAllResult> {
  await index.whenScanned();
  await remaps.whenLoaded();
  const table = remaps.table;
  const edit = new vscode.WorkspaceEdit();
  const result: ReplaceAllResult = { files: 0, edits: 0, refused: [], applied: false };
  for (const { uri, occurrences } of index.files()) {
    if (!occurrences.some((o) => table.lookup(o.kind, o.id)?.newId)) continue;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string;
    if (open) text = open.getText();
    else {
      const decoded = decodeTextFile(await fs.readFile(uri.fsPath));
      if (!decoded?.rewritable) {
        result.refused.push({ uri: uri.toString(), why: 'not UTF-8' });
        continue;
      }
      text = decoded.text;
    }
    const rewrite = rewriteText(text, table, uri.path);
    if ('refused' in rewrite) {
      result.refused.push({ uri: uri.toString(), why: rewrite.message });
      continue;
    }
    if (!rewrite.edits.length) continue;
    result.files++;
    for (const e of rewrite.edits) {
      const remap = rewrite.stale.find((s) => s.occurrence.offset === e.offset)!.remap;
      const start = open ? open.positionAt(e.offset) : new vscode.Position(e.line - 1, e.column - 1);
      // Every change waits for its tick in the preview (a file's box ticks the whole file; grouped by
      // type, one box per restored record ticks all its places); nothing is written before Apply.
      edit.replace(uri, new vscode.Range(start, start.translate(0, e.length)), e.newId, {
        needsConfirmation: true,
        label: `${KIND_LABEL[e.kind]} ${e.oldId} → ${e.newId}`,
        description: `restored ${remap.at.slice(0, 10)}, plan ${remap.planId}`,
      });
      result.edits++;
    }
  }
  const skipped = result.refused.length
    ? ` ${counted(result.refused.length, 'file')} left out: ${result.refused.map((r) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(r.uri))} (${r.why})`).join('; ')}.`
    : '';
  if (!result.edits) {
    void vscode.window.showInformationMessage(`Keap Vault: no remapped Keap ids to replace in the workspace.${skipped}`);
    return result;
  }
  result.applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (skipped) void vscode.window.showWarningMessage(`Keap Vault:${skipped}`);
  return result;
}
