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
exports.registerValidateCommands = registerValidateCommands;
const vscode = __importStar(require("vscode"));
const counted_1 = require("../../core/counted");
const engine_1 = require("../../core/validate/engine");
const catalogue_1 = require("../../core/validate/catalogue");
const validateFile_1 = require("../../core/validate/files/validateFile");
const query_1 = require("../../core/snapshot/query");
const commandIds_1 = require("../commandIds");
const recordLabels_1 = require("../explorer/recordLabels");
const userError_1 = require("../userError");
const pickers_1 = require("./pickers");
const register_1 = require("./register");
const walkthroughProgress_1 = require("../walkthroughProgress");
const cancellableProgress_1 = require("./cancellableProgress");
const path = __importStar(require("node:path"));
function ruleSettings() {
    return vscode.workspace.getConfiguration('keapVault').get('validation.rules') ?? {};
}
/** The rules' severities and thresholds, from the settings. */
function validationOptions() {
    const config = vscode.workspace.getConfiguration('keapVault');
    return {
        rules: ruleSettings(),
        settings: {
            ...(config.get('validation.roundingToleranceCents') !== undefined
                ? { roundingToleranceCents: config.get('validation.roundingToleranceCents') }
                : {}),
            ...(config.get('validation.duplicateWindowMinutes') !== undefined
                ? { duplicateWindowMinutes: config.get('validation.duplicateWindowMinutes') }
                : {}),
        },
    };
}
function registerValidateCommands(context, log, snapshots, findings) {
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.validateSnapshot, async (node) => {
        const snapshot = await (0, pickers_1.pickSnapshot)(snapshots, node, 'Validate which snapshot?');
        if (!snapshot)
            return;
        const file = (0, pickers_1.fileOf)(snapshot);
        // Held while the rules run and the findings are named (never closed for the memory budget meanwhile).
        // One notification with Cancel covers opening (when not open yet) and the rules, which yield to the
        // extension host between batches, so trees and other commands stay live meanwhile.
        const report = await (0, cancellableProgress_1.withWorkProgress)(`Keap Vault: validating ${path.basename(file)}`, (control) => snapshots.use(file, async (db) => {
            const validated = await (0, engine_1.validateSnapshotInSlices)(db, validationOptions(), control);
            findings.showSnapshotFindings(file, validated.findings, catalogue_1.explanationOf, (entity, id) => {
                const record = (0, query_1.getRecord)(db, entity, id);
                return record && (0, recordLabels_1.recordLabel)(entity, record).label;
            });
            return validated;
        }, control));
        (0, walkthroughProgress_1.markDone)(context.globalState, 'validated');
        log.info(`Validated ${file}: ${report.counts.error} errors, ${report.counts.warning} warnings, ${report.counts.info} notes`);
        const summary = `${report.counts.error} errors, ${report.counts.warning} warnings`;
        if (report.findings.length)
            void vscode.commands.executeCommand('workbench.actions.view.problems');
        void vscode.window.showInformationMessage(`Keap Vault: ${report.findings.length ? summary : 'no problems found'} (${report.rules.length} rules).`);
        return report.counts;
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.validateCurrentFile, async (snapshotArg) => {
        const editor = vscode.window.activeTextEditor;
        if (!editor)
            throw new userError_1.UserError('needs-selection', 'Open the JSON, NDJSON or CSV file to validate first.');
        const snapshot = await (0, pickers_1.pickSnapshot)(snapshots, snapshotArg, 'Check the file against which snapshot?');
        if (!snapshot)
            return;
        const document = editor.document;
        const result = (0, validateFile_1.validateSourceFile)(await snapshots.db((0, pickers_1.fileOf)(snapshot)), document.fileName, document.getText(), {
            rules: ruleSettings(),
        });
        findings.showFileFindings(document.uri, result.findings, catalogue_1.explanationOf);
        void vscode.window.showInformationMessage(`Keap Vault: ${(0, counted_1.counted)(result.findings.length, 'finding')} in ${(0, counted_1.counted)(result.records, 'record')}${result.skipped ? `, ${result.skipped} of unknown kind skipped` : ''}.`);
        return result.findings.length;
    });
}
//# sourceMappingURL=validateCommands.js.map