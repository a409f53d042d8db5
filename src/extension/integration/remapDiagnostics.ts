/**
 * Stale Keap ids as warnings where they stand: "Order 1234 was restored as 5678 on 2026-11-27 (restore
 * plan …)", or, for a record a restore could not bring back, that it is gone. Recomputed for the files
 * the index says changed, and for all of them when the id maps change.
 */
import * as vscode from 'vscode';
import { describeRemap, type RemapTable, type Remapped } from '../../core/integration/idMap';
import type { KeapIdOccurrence } from '../../core/integration/recognize';
import type { RemapSource } from './remapSource';
import type { WorkspaceIdIndex } from './workspaceIdIndex';

export const DIAGNOSTIC_SOURCE = 'Keap Vault';
/** A stale id with a new id to move to (the quick fix replaces it). */
export const REMAPPED_CODE = 'keap-id/remapped';
/** An id of a record gone from Keap that no restore brought back. */
export const NOT_RESTORED_CODE = 'keap-id/not-restored';

export class RemapDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('keap-vault-ids');
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly index: WorkspaceIdIndex,
    private readonly remaps: RemapSource,
  ) {
    this.subscriptions = [
      index.onDidChange((uris) => (uris ? uris.forEach((u) => this.update(u)) : this.updateAll())),
      remaps.onDidChange(() => this.updateAll()),
    ];
  }

  updateAll(): void {
    this.collection.clear();
    for (const { uri } of this.index.files()) this.update(uri);
  }

  update(uri: vscode.Uri): void {
    const table = this.remaps.table;
    const diagnostics = table.size ? staleDiagnostics(this.index.occurrences(uri), table) : [];
    if (diagnostics.length) this.collection.set(uri, diagnostics);
    else this.collection.delete(uri);
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.collection.dispose();
  }
}

export function occurrenceRange(o: KeapIdOccurrence): vscode.Range {
  return new vscode.Range(o.line - 1, o.column - 1, o.line - 1, o.column - 1 + o.length);
}

function staleDiagnostics(occurrences: readonly KeapIdOccurrence[], table: RemapTable): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  for (const o of occurrences) {
    const remap = table.lookup(o.kind, o.id);
    if (remap) out.push(diagnostic(o, remap));
  }
  return out;
}

function diagnostic(o: KeapIdOccurrence, remap: Remapped): vscode.Diagnostic {
  const d = new vscode.Diagnostic(occurrenceRange(o), describeRemap(remap), vscode.DiagnosticSeverity.Warning);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = remap.newId ? REMAPPED_CODE : NOT_RESTORED_CODE;
  return d;
}
