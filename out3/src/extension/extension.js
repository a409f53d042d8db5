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
exports.activate = activate;
exports.deactivate = deactivate;
/**
 * The extension's composition root, the one place that builds every service (explicit
 * constructor injection) and wires the core to VS Code: explorer, commands, documents, record
 * cards, diagnostics and their quick fixes, the status bar, the walkthrough, secrets. Nothing below
 * src/core knows VS Code exists.
 */
const vscode = __importStar(require("vscode"));
const applier_1 = require("../core/restore/applier");
const commandIds_1 = require("./commandIds");
const compareCommands_1 = require("./commands/compareCommands");
const connectionCommands_1 = require("./commands/connectionCommands");
const restoreCommands_1 = require("./commands/restoreCommands");
const resumePrompt_1 = require("./restore/resumePrompt");
const register_1 = require("./commands/register");
const snapshotCommands_1 = require("./commands/snapshotCommands");
const validateCommands_1 = require("./commands/validateCommands");
const connections_1 = require("./connections/connections");
const diagnostics_1 = require("./diagnostics");
const integrationIds_1 = require("./integration/integrationIds");
const explorerProvider_1 = require("./explorer/explorerProvider");
const revealRecord_1 = require("./explorer/revealRecord");
const findingFixes_1 = require("./findingFixes");
const applyRun_1 = require("./planPanel/applyRun");
const planPanel_1 = require("./planPanel/planPanel");
const recordCardPanel_1 = require("./recordCard/recordCardPanel");
const recordDocuments_1 = require("./recordDocuments");
const planIndex_1 = require("./restore/planIndex");
const restoreHistory_1 = require("./restore/restoreHistory");
const snapshots_1 = require("./snapshots");
const activity_1 = require("./status/activity");
const statusBar_1 = require("./status/statusBar");
const walkthroughProgress_1 = require("./walkthroughProgress");
function activate(context) {
    const log = vscode.window.createOutputChannel('Keap Vault', { log: true });
    const connections = new connections_1.ConnectionStore(context.globalState, context.secrets, log);
    const snapshots = new snapshots_1.SnapshotLibrary(context.globalStorageUri, context.secrets);
    const explorer = new explorerProvider_1.ExplorerProvider(connections, snapshots, log);
    const findings = new diagnostics_1.FindingsView();
    context.subscriptions.push(snapshots.onDidDelete((file) => findings.clearSnapshot(file)));
    const plans = new planIndex_1.PlanIndex(context.globalState);
    // Applies the last window was running: asked about below, once the commands exist.
    const cutShort = (0, resumePrompt_1.appliesCutShort)(plans);
    void plans.markInterrupted();
    const history = new restoreHistory_1.RestoreHistoryProvider(plans, connections);
    const activity = new activity_1.Activity();
    const statusBar = new statusBar_1.StatusBar(connections, activity, plans, applyRun_1.ApplyRun);
    const walkthrough = new walkthroughProgress_1.WalkthroughProgress(context.globalState, connections, snapshots, plans, log);
    context.subscriptions.push(log, connections, snapshots, explorer, findings, plans, history, activity, statusBar, walkthrough);
    const explorerView = vscode.window.createTreeView('keapVault.explorer', { treeDataProvider: explorer, showCollapseAll: true });
    context.subscriptions.push(explorerView, 
    // The connection of the row the user chose is the one the status bar shows.
    explorerView.onDidChangeSelection((e) => statusBar.setActive(explorer.connectionOf(e.selection[0]))), vscode.window.createTreeView('keapVault.restores', { treeDataProvider: history }), vscode.workspace.registerTextDocumentContentProvider(recordDocuments_1.RECORD_SCHEME, new recordDocuments_1.RecordDocuments(connections, snapshots)), (0, recordDocuments_1.showRecordsAsJson)(), findingFixes_1.FindingFixes.register());
    (0, connectionCommands_1.registerConnectionCommands)(context, log, connections);
    (0, snapshotCommands_1.registerSnapshotCommands)(context, log, connections, snapshots, explorer, activity);
    (0, validateCommands_1.registerValidateCommands)(context, log, snapshots, findings);
    (0, compareCommands_1.registerCompareCommands)(context, log, snapshots, connections, activity);
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.revealRecord, async (source, entity, id) => {
        const node = await (0, revealRecord_1.findRecordNode)(explorer, connections, snapshots, source, entity, id);
        await explorerView.reveal(node, { select: true, focus: true, expand: false });
        return node;
    });
    // Read when an apply starts: a changed setting holds from the next apply on.
    const applySettings = () => ({
        reserve: vscode.workspace.getConfiguration('keapVault.quota').get('reserve', applier_1.DEFAULT_APPLY_RESERVE),
    });
    (0, restoreCommands_1.registerRestoreCommands)(context, { log, connections, snapshots, plans, activity, applySettings });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.setSnapshotKey, async () => {
        if (await snapshots.key()) {
            const ok = await vscode.window.showWarningMessage('Replace the snapshot encryption key? Snapshots encrypted with the current key open only with it: keep a copy of it first.', { modal: true }, 'Replace Key');
            if (ok !== 'Replace Key')
                return;
        }
        const key = await vscode.window.showInputBox({
            prompt: 'Key for encrypting snapshots (kept in secret storage)',
            password: true,
            ignoreFocusOut: true,
        });
        if (key)
            await context.secrets.store(snapshots_1.SNAPSHOT_KEY_SECRET, key);
    });
    const integrationIds = (0, integrationIds_1.registerIntegrationIds)(context, { log, connections, snapshots, plans });
    // Kept for scripts and the first tests: starts the demo and returns its API base URL.
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.startDemoEmulator, () => vscode.commands.executeCommand(commandIds_1.COMMANDS.tryDemo));
    const resume = (entries, ask) => (0, resumePrompt_1.offerToResume)(entries, (e) => connections.get(e.connectionId)?.name ?? e.account, ask);
    if (cutShort.length)
        void resume(cutShort);
    log.info('Keap Vault activated');
    return {
        offerToResume: resume,
        connections,
        snapshots,
        explorer,
        findings,
        plans,
        planPanel: (planId) => planPanel_1.PlanPanel.of(planId),
        recordCard: (source, id, entity) => recordCardPanel_1.RecordCardPanel.of(source, id, entity),
        walkthrough,
        statusBar,
        integrationIds,
    };
}
function deactivate() {
    // Disposables registered on the context stop the emulator and close snapshots.
}
//# sourceMappingURL=extension.js.map