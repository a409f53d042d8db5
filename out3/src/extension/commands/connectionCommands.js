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
exports.registerConnectionCommands = registerConnectionCommands;
const vscode = __importStar(require("vscode"));
const baseUrl_1 = require("../../core/keap/baseUrl");
const commandIds_1 = require("../commandIds");
const pickers_1 = require("./pickers");
const register_1 = require("./register");
function registerConnectionCommands(context, log, connections) {
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.addConnection, async () => {
        const name = await vscode.window.showInputBox({
            title: 'Add Keap connection (1/3)',
            prompt: 'A name for this account',
            placeHolder: 'My Keap account',
            ignoreFocusOut: true,
        });
        if (name === undefined)
            return;
        const baseUrl = await askBaseUrl('Add Keap connection (2/3)', 'https://api.infusionsoft.com/crm/rest');
        if (baseUrl === undefined)
            return;
        const connection = await connections.add(name, baseUrl);
        const key = await vscode.window.showInputBox({
            title: 'Add Keap connection (3/3)',
            prompt: "Personal access token or service account key (stored in VS Code's secret storage only)",
            password: true,
            ignoreFocusOut: true,
        });
        if (key)
            await connections.setCredential(connection.id, key);
        return connection.id;
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.editConnection, async (node) => {
        const connection = await (0, pickers_1.pickConnection)(connections, node);
        if (!connection)
            return;
        const name = await vscode.window.showInputBox({
            title: `Edit ${connection.name} (1/2)`,
            prompt: 'Name',
            value: connection.name,
            ignoreFocusOut: true,
        });
        if (name === undefined)
            return;
        const baseUrl = await askBaseUrl(`Edit ${connection.name} (2/2)`, connection.baseUrl);
        if (baseUrl === undefined)
            return;
        const { credentialCleared } = await connections.edit(connection.id, { name, baseUrl });
        if (credentialCleared)
            void vscode.window.showInformationMessage(`Keap Vault: ${name || connection.name} now points at another host, so its credential was cleared: set it again.`);
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.setCredential, async (node) => {
        const connection = await (0, pickers_1.pickConnectionToFix)(connections, node);
        if (!connection)
            return;
        const key = await vscode.window.showInputBox({
            title: `Credential for ${connection.name}`,
            prompt: 'Personal access token or service account key',
            password: true,
            ignoreFocusOut: true,
        });
        if (!key)
            return;
        await connections.setCredential(connection.id, key);
        void vscode.window.showInformationMessage(`Keap Vault: credential for ${connection.name} saved in secret storage.`);
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.clearCredential, async (node) => {
        const connection = await (0, pickers_1.pickConnection)(connections, node);
        if (connection)
            await connections.clearCredential(connection.id);
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.removeConnection, async (node) => {
        const connection = await (0, pickers_1.pickConnection)(connections, node);
        if (!connection)
            return;
        const ok = await vscode.window.showWarningMessage(`Remove the connection "${connection.name}" and its stored credential? Snapshots stay.`, { modal: true }, 'Remove');
        if (ok === 'Remove')
            await connections.remove(connection.id);
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.tryDemo, async () => {
        const connection = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Starting the Keap emulator with demo data…' }, () => connections.ensureDemo());
        return connection.baseUrl;
    });
}
/** The API base URL, checked as the user types (a URL a credential may be sent to: https, no credentials in it). */
function askBaseUrl(title, value) {
    return vscode.window.showInputBox({
        title,
        prompt: 'Keap REST API base URL',
        value,
        ignoreFocusOut: true,
        validateInput: (v) => {
            try {
                (0, baseUrl_1.checkedBaseUrl)(v);
                return undefined;
            }
            catch (err) {
                return err.message;
            }
        },
    });
}
//# sourceMappingURL=connectionCommands.js.map