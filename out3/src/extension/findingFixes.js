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
exports.FindingFixes = void 0;
/**
 * Quick fixes for validation findings on a record document (the lightbulb in the editor, and Quick
 * Fix… in the Problems panel): plan a restore of the order the finding is about, or show the record
 * in the Accounts view. Which record it is comes from the document's URI.
 */
const vscode = __importStar(require("vscode"));
const commandIds_1 = require("./commandIds");
const diagnostics_1 = require("./diagnostics");
const recordDocuments_1 = require("./recordDocuments");
class FindingFixes {
    static metadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
    static register() {
        return vscode.languages.registerCodeActionsProvider({ scheme: recordDocuments_1.RECORD_SCHEME }, new FindingFixes(), FindingFixes.metadata);
    }
    provideCodeActions(document, _range, context) {
        const findings = context.diagnostics.filter((d) => d.source === diagnostics_1.FINDING_SOURCE);
        if (!findings.length)
            return [];
        const { source, entity, id } = (0, recordDocuments_1.parseRecordUri)(document.uri);
        const actions = [];
        if (entity === 'orders' && source.type === 'snapshot') {
            // The node a right-click on the order in the tree would give Plan a Restore of This Order.
            const order = { kind: 'record', source, entity, id, label: `#${id}` };
            actions.push(fix('Plan a restore of this order', findings, { command: commandIds_1.COMMANDS.restoreOrder, title: 'Plan a restore', arguments: [order] }));
        }
        actions.push(fix('Show in Accounts view', findings, { command: commandIds_1.COMMANDS.revealRecord, title: 'Show', arguments: [source, entity, id] }));
        return actions;
    }
}
exports.FindingFixes = FindingFixes;
function fix(title, diagnostics, command) {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = diagnostics;
    action.command = command;
    return action;
}
//# sourceMappingURL=findingFixes.js.map