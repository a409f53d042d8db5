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
exports.registerIntegrationIds = registerIntegrationIds;
/**
 * Keap ids beside the integration code: wires the workspace index, the id maps of applied restores,
 * the warnings and quick fixes, the replace-all command and the hover into VS Code.
 */
const vscode = __importStar(require("vscode"));
const commandIds_1 = require("../commandIds");
const register_1 = require("../commands/register");
const recordDocuments_1 = require("../recordDocuments");
const demoIntegration_1 = require("./demoIntegration");
const idHover_1 = require("./idHover");
const remapDiagnostics_1 = require("./remapDiagnostics");
const remapEdits_1 = require("./remapEdits");
const remapSource_1 = require("./remapSource");
const workspaceIdIndex_1 = require("./workspaceIdIndex");
/** Every editor's files, saved or not; never the record documents Keap Vault itself shows. */
const DOCUMENTS = [{ scheme: 'file' }, { scheme: 'untitled' }];
function registerIntegrationIds(context, deps) {
    const { log, connections, snapshots, plans } = deps;
    const index = new workspaceIdIndex_1.WorkspaceIdIndex(log);
    const remaps = new remapSource_1.RemapSource(plans, snapshots, log);
    const diagnostics = new remapDiagnostics_1.RemapDiagnostics(index, remaps);
    const hover = new idHover_1.KeapIdHover(index, remaps, connections, snapshots);
    context.subscriptions.push(index, remaps, diagnostics, vscode.languages.registerHoverProvider(DOCUMENTS, hover), vscode.languages.registerCodeActionsProvider(DOCUMENTS, new remapEdits_1.RemapQuickFixes(index, remaps), {
        providedCodeActionKinds: remapEdits_1.RemapQuickFixes.kinds,
    }));
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.replaceAllRemappedIds, () => (0, remapEdits_1.replaceAllRemappedIds)(index, remaps));
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.rescanWorkspaceIds, async () => {
        await Promise.all([index.rescan(), remaps.refresh()]);
        return index.stats;
    });
    // The hover's "look it up live": the one place a hover leads to a request to Keap, and only when clicked.
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.lookUpIdLive, async (connectionId, entity, id) => {
        await (0, recordDocuments_1.showRecord)((0, recordDocuments_1.recordUri)({ type: 'live', connectionId }, entity, id), { preview: true });
    });
    (0, demoIntegration_1.registerDemoIntegrationCommands)(context, log, connections);
    // In the background: activation returns at once.
    void remaps.refresh();
    void index.rescan();
    return { index, remaps, diagnostics, hover };
}
//# sourceMappingURL=integrationIds.js.map