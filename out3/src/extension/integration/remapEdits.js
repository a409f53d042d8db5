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
exports.RemapQuickFixes = void 0;
exports.replaceAllRemappedIds = replaceAllRemappedIds;
/**
 * Fixing stale ids: the quick fix on one warning ("Replace with 5678"), and "Replace All Remapped
 * Keap IDs in the Workspace…", one WorkspaceEdit whose every change needs confirmation, so VS Code
 * shows it as a refactoring preview (each change ticked, by file) before anything is written. Edits
 * come from the core's rewrite, so a file whose rewrite would not read back is left out and named.
 */
const node_fs_1 = require("node:fs");
const vscode = __importStar(require("vscode"));
const idKinds_1 = require("../../core/integration/idKinds");
const rewrite_1 = require("../../core/integration/rewrite");
const textFile_1 = require("../../core/integration/textFile");
const counted_1 = require("../../core/counted");
const commandIds_1 = require("../commandIds");
const remapDiagnostics_1 = require("./remapDiagnostics");
class RemapQuickFixes {
    index;
    remaps;
    static kinds = [vscode.CodeActionKind.QuickFix];
    constructor(index, remaps) {
        this.index = index;
        this.remaps = remaps;
    }
    provideCodeActions(document, _range, context) {
        const ours = context.diagnostics.filter((d) => d.source === remapDiagnostics_1.DIAGNOSTIC_SOURCE && d.code === remapDiagnostics_1.REMAPPED_CODE);
        if (!ours.length)
            return [];
        const occurrences = this.index.scanText(document);
        const actions = [];
        for (const diagnostic of ours) {
            const offset = document.offsetAt(diagnostic.range.start);
            const o = occurrences.find((x) => x.offset === offset);
            const remap = o && this.remaps.table.lookup(o.kind, o.id);
            if (!o || !remap?.newId)
                continue;
            const action = new vscode.CodeAction(`Replace with ${remap.newId}`, vscode.CodeActionKind.QuickFix);
            action.edit = new vscode.WorkspaceEdit();
            action.edit.replace(document.uri, diagnostic.range, remap.newId);
            action.diagnostics = [diagnostic];
            action.isPreferred = true;
            actions.push(action);
        }
        if (actions.length) {
            const all = new vscode.CodeAction('Replace All Remapped Keap IDs in the Workspace…', vscode.CodeActionKind.QuickFix);
            all.command = { command: commandIds_1.COMMANDS.replaceAllRemappedIds, title: all.title };
            all.diagnostics = ours;
            actions.push(all);
        }
        return actions;
    }
}
exports.RemapQuickFixes = RemapQuickFixes;
/** Builds the workspace-wide edit and hands it to VS Code's refactoring preview. */
async function replaceAllRemappedIds(index, remaps) {
    await index.whenScanned();
    await remaps.whenLoaded();
    const table = remaps.table;
    const edit = new vscode.WorkspaceEdit();
    const result = { files: 0, edits: 0, refused: [], applied: false };
    for (const { uri, occurrences } of index.files()) {
        if (!occurrences.some((o) => table.lookup(o.kind, o.id)?.newId))
            continue;
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        let text;
        if (open)
            text = open.getText();
        else {
            const decoded = (0, textFile_1.decodeTextFile)(await node_fs_1.promises.readFile(uri.fsPath));
            if (!decoded?.rewritable) {
                result.refused.push({ uri: uri.toString(), why: 'not UTF-8' });
                continue;
            }
            text = decoded.text;
        }
        const rewrite = (0, rewrite_1.rewriteText)(text, table, uri.path);
        if ('refused' in rewrite) {
            result.refused.push({ uri: uri.toString(), why: rewrite.message });
            continue;
        }
        if (!rewrite.edits.length)
            continue;
        result.files++;
        for (const e of rewrite.edits) {
            const remap = rewrite.stale.find((s) => s.occurrence.offset === e.offset).remap;
            const start = open ? open.positionAt(e.offset) : new vscode.Position(e.line - 1, e.column - 1);
            // Every change waits for its tick in the preview (a file's box ticks the whole file; grouped by
            // type, one box per restored record ticks all its places); nothing is written before Apply.
            edit.replace(uri, new vscode.Range(start, start.translate(0, e.length)), e.newId, {
                needsConfirmation: true,
                label: `${idKinds_1.KIND_LABEL[e.kind]} ${e.oldId} → ${e.newId}`,
                description: `restored ${remap.at.slice(0, 10)}, plan ${remap.planId}`,
            });
            result.edits++;
        }
    }
    const skipped = result.refused.length
        ? ` ${(0, counted_1.counted)(result.refused.length, 'file')} left out: ${result.refused.map((r) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(r.uri))} (${r.why})`).join('; ')}.`
        : '';
    if (!result.edits) {
        void vscode.window.showInformationMessage(`Keap Vault: no remapped Keap ids to replace in the workspace.${skipped}`);
        return result;
    }
    result.applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
    if (skipped)
        void vscode.window.showWarningMessage(`Keap Vault:${skipped}`);
    return result;
}
//# sourceMappingURL=remapEdits.js.map