/**
 * Validation findings in the Problems panel: snapshot findings on the record's own document (so
 * clicking one opens the record, and the Problems panel groups them under the record's name, "Order
 * 137 · Megan Wilson"), file findings at their exact line and column. Each carries the rule's
 * explanation; findingFixes.ts offers the quick fixes.
 */
import * as vscode from 'vscode';
import type { SnapshotEntity } from '../core/snapshot/entities';
import type { Finding, Severity } from '../core/validate/rule';
import { recordUri } from './recordDocuments';
import { recordTitle } from './recordNames';

/** The `source` of every diagnostic Keap Vault puts in the Problems panel (its quick fixes look for it). */
export const FINDING_SOURCE = 'Keap Vault';

/** A record's one-line label in the snapshot, if it is there (its document and related records are named by it). */
export type LabelOf = (entity: SnapshotEntity, id: string) => string | undefined;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class FindingsView implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('keap-vault');
  /** URIs each source (a snapshot file or a validated document) filled, to replace them on the next run. */
  private readonly bySource = new Map<string, vscode.Uri[]>();

  showSnapshotFindings(
    snapshotFile: string,
    findings: Finding[],
    explain: (ruleId: string) => string | undefined,
    labelOf: LabelOf = () => undefined,
  ): void {
    const grouped = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    const source = { type: 'snapshot', file: snapshotFile } as const;
    for (const f of findings) {
      const uri = recordUri(source, f.entity, f.recordId, labelOf(f.entity, f.recordId));
      const entry = grouped.get(uri.toString()) ?? { uri, diagnostics: [] };
      entry.diagnostics.push(this.diagnostic(f, new vscode.Range(0, 0, 0, 1), explain, snapshotFile, labelOf));
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
    labelOf: LabelOf = () => undefined,
  ): vscode.Diagnostic {
    const why = explain(f.ruleId);
    const d = new vscode.Diagnostic(range, why ? `${f.message}\n${why}` : f.message, SEVERITY[f.severity]);
    d.source = FINDING_SOURCE;
    d.code = f.ruleId;
    if (snapshotFile && f.related.length) {
      d.relatedInformation = f.related.slice(0, 10).map((r) => {
        const label = labelOf(r.entity, r.id);
        return new vscode.DiagnosticRelatedInformation(
          new vscode.Location(recordUri({ type: 'snapshot', file: snapshotFile }, r.entity, r.id, label), new vscode.Position(0, 0)),
          recordTitle(r.entity, r.id, label),
        );
      });
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
