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
exports.registerDemoIntegrationCommands = registerDemoIntegrationCommands;
/**
 * The demo's integration project: "Copy the Demo Integration Project into the Workspace" puts
 * media/demo-integration in the workspace (its ids are the demo account's), and "Simulate Data Loss
 * in the Demo" deletes the orders it holds from the demo's emulator, so that a restore gives them new
 * ids and the warnings show where the sample still has the old ones.
 */
const vscode = __importStar(require("vscode"));
const counted_1 = require("../../core/counted");
const commandIds_1 = require("../commandIds");
const register_1 = require("../commands/register");
const connections_1 = require("../connections/connections");
const demoAccount_1 = require("../demoAccount");
const userError_1 = require("../userError");
function registerDemoIntegrationCommands(context, log, connections) {
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.openDemoIntegration, async () => {
        const source = vscode.Uri.joinPath(context.extensionUri, ...demoAccount_1.DEMO_INTEGRATION.source);
        const folder = vscode.workspace.workspaceFolders?.[0];
        if (!folder) {
            // Hovers and warnings cover the workspace's files: the sample must be opened as a folder.
            const target = vscode.Uri.joinPath(context.globalStorageUri, demoAccount_1.DEMO_INTEGRATION.folderName);
            await vscode.workspace.fs.copy(source, target, { overwrite: true });
            const open = await vscode.window.showInformationMessage('Keap Vault: the demo integration project is ready. Open it as the workspace (this window reloads)?', 'Open Folder');
            if (open === 'Open Folder')
                await vscode.commands.executeCommand('vscode.openFolder', target);
            return target.fsPath;
        }
        const target = vscode.Uri.joinPath(folder.uri, demoAccount_1.DEMO_INTEGRATION.folderName);
        const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
        if (!exists)
            await vscode.workspace.fs.copy(source, target);
        await vscode.window.showTextDocument(vscode.Uri.joinPath(target, ...demoAccount_1.DEMO_INTEGRATION.firstFile), { preview: false });
        return target.fsPath;
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.simulateDemoLoss, async () => {
        const emulator = await connections.demoEmulator();
        if (!emulator || !connections.get(connections_1.DEMO_CONNECTION_ID))
            throw new userError_1.UserError('not-possible', 'This only works on the demo: start it with "Keap Vault: Try the Demo (built-in Keap emulator)" first.');
        const res = await fetch(`${emulator.url}/__emulator/disasters/delete-orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'X-Keap-API-Key': emulator.token },
            body: JSON.stringify({ ids: demoAccount_1.DEMO_INTEGRATION.lostOrders }),
        });
        if (!res.ok)
            throw new userError_1.UserError('not-possible', `The demo emulator refused: ${res.status} ${await res.text()}`);
        const lost = (await res.json()).affected;
        const orders = lost.orders ?? [];
        void vscode.window.showInformationMessage(orders.length
            ? `Keap Vault: orders ${orders.join(', ')} and ${(0, counted_1.counted)(lost.payments?.length ?? 0, 'payment')} are gone from the demo account. Plan a restore from a snapshot taken before to bring them back under new ids.`
            : 'Keap Vault: those orders are already gone from the demo account.');
        return orders;
    });
}
//# sourceMappingURL=demoIntegration.js.map