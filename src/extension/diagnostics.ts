/**
 * Validation findings in the Problems panel: snapshot findings on the record's own document (so
 * clicking one opens the record), file findings at their exact line and column. Each carries the
 * rule's explanation.
 */
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/validate/rule';
import { recordUri } from './recordDocuments';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class FindingsView implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('keap-vault');
  /** URIs each source (a snapshot file or a validated document) filled, to replace them on the next run. */
  private readonly bySource = new Map<string, vscode.Uri[]>();

  showSnapshotFindings(snapshotFile: string, findings: Finding[], explain: (ruleId: string) => string | undefined): void {
    const grouped = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const f of findings) {
      const uri = recordUri({ type: 'snapshot', file: snapshotFile }, f.entity, f.recordId);
      const entry = grouped.get(uri.toString()) ?? { uri, diagnostics: [] };
      entry.diagnostics.push(this.diagnostic(f, new vscode.Range(0, 0, 0, 1), explain, snapshotFile));
      grouped.set(uri.toString(), entry);
    }
    this.replace(`snapshot:${snapshotFile}`, [...grouped.values()]);
  }

  /** The snapshot is gone: its findings would open nothing. */
  clearSnapshot(snapshotFile: string): void {
    this.replace(`snapshot:${snapshotFile}`, []);
  }

  showFileFindings(document: vscode.Uri, findings: Finding[], explain: (ruleId: string) => string | undefined): void {
    const diagnostics = findings.map((f) => {
      const p = f.position;
      const range = p
        ? new vscode.Range(p.line - 1, p.column - 1, (p.endLine ?? p.line) - 1, Math.max((p.endColumn ?? p.column + 1) - 1, p.column))
        : new vscode.Range(0, 0, 0, 1);
      return this.diagnostic(f, range, explain);
    });
    this.replace(`file:${document.toString()}`, [{ uri: document, diagnostics }]);
  }

  private diagnostic(
    f: Finding,
    range: vscode.Range,
    explain: (ruleId: string) => string | undefined,
    snapshotFile?: string,
  ): vscode.Diagnostic {
    const why = explain(f.ruleId);
    const d = new vscode.Diagnostic(range, why ? `${f.message}\n${why}` : f.message, SEVERITY[f.severity]);
    d.source = 'Keap Vault';
    d.code = f.ruleId;
    if (snapshotFile && f.related.length) {
      d.relatedInformation = f.related
        .slice(0, 10)
        .map(
          (r) =>
            new vscode.DiagnosticRelatedInformation(
              new vscode.Location(recordUri({ type: 'snapshot', file: snapshotFile }, r.entity, r.id), new vscode.Position(0, 0)),
              `${r.entity} ${r.id}`,
            ),
        );
    }
    return d;
  }

  private replace(source: string, entries: Array<{ uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>): void {
    for (const uri of this.bySource.get(source) ?? []) this.collection.delete(uri);
    for (const e of entries) this.collection.set(e.uri, e.diagnostics);
    this.bySource.set(
      source,
      entries.map((e) => e.uri),
    );
  }

  dispose(): void {
    this.collection.dispose();
  }
}
