"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.FindingsView = exports.FINDING_SOURCE = void 0;
/**
 * Validation findings in the Problems panel: snapshot findings on the record's own document (so
 * clicking one opens the record, and the Problems panel groups them under the record's name, "Order
 * 137 · Megan Wilson"), file findings at their exact line and column. Each carries the rule's
 * explanation; findingFixes.ts offers the quick fixes.
 */
const vscode = __importStar(require("vscode"));
const recordDocuments_1 = require("./recordDocuments");
const recordNames_1 = require("./recordNames");
/** The `source` of every diagnostic Keap Vault puts in the Problems panel (its quick fixes look for it). */
exports.FINDING_SOURCE = 'Keap Vault';
const SEVERITY = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    info: vscode.DiagnosticSeverity.Information,
};
class FindingsView {
    collection = vscode.languages.createDiagnosticCollection('keap-vault');
    /** URIs each source (a snapshot file or a validated document) filled, to replace them on the next run. */
    bySource = new Map();
    showSnapshotFindings(snapshotFile, findings, explain, labelOf = () => undefined) {
        const grouped = new Map();
        const source = { type: 'snapshot', file: snapshotFile };
        for (const f of findings) {
            const uri = (0, recordDocuments_1.recordUri)(source, f.entity, f.recordId, labelOf(f.entity, f.recordId));
            const entry = grouped.get(uri.toString()) ?? { uri, diagnostics: [] };
            entry.diagnostics.push(this.diagnostic(f, new vscode.Range(0, 0, 0, 1), explain, snapshotFile, labelOf));
            grouped.set(uri.toString(), entry);
        }
        this.replace(`snapshot:${snapshotFile}`, [...grouped.values()]);
    }
    /** The snapshot is gone: its findings would open nothing. */
    clearSnapshot(snapshotFile) {
        this.replace(`snapshot:${snapshotFile}`, []);
    }
    showFileFindings(document, findings, explain) {
        const diagnostics = findings.map((f) => {
            const p = f.position;
            const range = p
                ? new vscode.Range(p.line - 1, p.column - 1, (p.endLine ?? p.line) - 1, Math.max((p.endColumn ?? p.column + 1) - 1, p.column))
                : new vscode.Range(0, 0, 0, 1);
            return this.diagnostic(f, range, explain);
        });
        this.replace(`file:${document.toString()}`, [{ uri: document, diagnostics }]);
    }
    diagnostic(f, range, explain, snapshotFile, labelOf = () => undefined) {
        const why = explain(f.ruleId);
        const d = new vscode.Diagnostic(range, why ? `${f.message}\n${why}` : f.message, SEVERITY[f.severity]);
        d.source = exports.FINDING_SOURCE;
        d.code = f.ruleId;
        if (snapshotFile && f.related.length) {
            d.relatedInformation = f.related.slice(0, 10).map((r) => {
                const label = labelOf(r.entity, r.id);
                return new vscode.DiagnosticRelatedInformation(new vscode.Location((0, recordDocuments_1.recordUri)({ type: 'snapshot', file: snapshotFile }, r.entity, r.id, label), new vscode.Position(0, 0)), (0, recordNames_1.recordTitle)(r.entity, r.id, label));
            });
        }
        return d;
    }
    replace(source, entries) {
        for (const uri of this.bySource.get(source) ?? [])
            this.collection.delete(uri);
        for (const e of entries)
            this.collection.set(e.uri, e.diagnostics);
        this.bySource.set(source, entries.map((e) => e.uri));
    }
    dispose() {
        this.collection.dispose();
    }
}
exports.FindingsView = FindingsView;
//# sourceMappingURL=diagnostics.js.map