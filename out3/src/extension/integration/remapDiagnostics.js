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
exports.RemapDiagnostics = exports.NOT_RESTORED_CODE = exports.REMAPPED_CODE = exports.DIAGNOSTIC_SOURCE = void 0;
exports.occurrenceRange = occurrenceRange;
/**
 * Stale Keap ids as warnings where they stand: "Order 1234 was restored as 5678 on 2026-11-27 (restore
 * plan …)", or, for a record a restore could not bring back, that it is gone. Recomputed for the files
 * the index says changed, and for all of them when the id maps change.
 */
const vscode = __importStar(require("vscode"));
const idMap_1 = require("../../core/integration/idMap");
exports.DIAGNOSTIC_SOURCE = 'Keap Vault';
/** A stale id with a new id to move to (the quick fix replaces it). */
exports.REMAPPED_CODE = 'keap-id/remapped';
/** An id of a record gone from Keap that no restore brought back. */
exports.NOT_RESTORED_CODE = 'keap-id/not-restored';
class RemapDiagnostics {
    index;
    remaps;
    collection = vscode.languages.createDiagnosticCollection('keap-vault-ids');
    subscriptions;
    constructor(index, remaps) {
        this.index = index;
        this.remaps = remaps;
        this.subscriptions = [
            index.onDidChange((uris) => (uris ? uris.forEach((u) => this.update(u)) : this.updateAll())),
            remaps.onDidChange(() => this.updateAll()),
        ];
    }
    updateAll() {
        this.collection.clear();
        for (const { uri } of this.index.files())
            this.update(uri);
    }
    update(uri) {
        const table = this.remaps.table;
        const diagnostics = table.size ? staleDiagnostics(this.index.occurrences(uri), table) : [];
        if (diagnostics.length)
            this.collection.set(uri, diagnostics);
        else
            this.collection.delete(uri);
    }
    dispose() {
        this.subscriptions.forEach((d) => d.dispose());
        this.collection.dispose();
    }
}
exports.RemapDiagnostics = RemapDiagnostics;
function occurrenceRange(o) {
    return new vscode.Range(o.line - 1, o.column - 1, o.line - 1, o.column - 1 + o.length);
}
function staleDiagnostics(occurrences, table) {
    const out = [];
    for (const o of occurrences) {
        const remap = table.lookup(o.kind, o.id);
        if (remap)
            out.push(diagnostic(o, remap));
    }
    return out;
}
function diagnostic(o, remap) {
    const d = new vscode.Diagnostic(occurrenceRange(o), (0, idMap_1.describeRemap)(remap), vscode.DiagnosticSeverity.Warning);
    d.source = exports.DIAGNOSTIC_SOURCE;
    d.code = remap.newId ? exports.REMAPPED_CODE : exports.NOT_RESTORED_CODE;
    return d;
}
//# sourceMappingURL=remapDiagnostics.js.map