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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * A connection's credential lives in SecretStorage only: not in settings, not in the extension's
 * global state, not in its log, not in an error message, even when Keap refuses it.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const support_1 = require("./support");
describe('credentials', function () {
    this.timeout(60_000);
    it('are kept in secret storage and appear in no setting, state or log, even when refused', async () => {
        const api = await (0, support_1.extensionApi)();
        const baseUrl = await (0, support_1.demoBaseUrl)();
        const secret = `kvtest-${(0, node_crypto_1.randomBytes)(12).toString('hex')}`;
        const connection = await api.connections.add('Credential check', baseUrl);
        await api.connections.setCredential(connection.id, secret);
        strict_1.default.equal(await api.connections.hasCredential(connection.id), true);
        // A wrong credential: Keap (the emulator) answers 401, the command fails and logs why.
        const result = await vscode.commands.executeCommand('keapVault.takeSnapshot', { kind: 'connection', connection });
        strict_1.default.equal(result, undefined, 'the snapshot failed');
        // The log channel's file: below the user data folder (globalStorage/<ext>/snapshots is four levels down).
        const userData = path.resolve(await api.snapshots.folder(), '..', '..', '..', '..');
        const logFile = await (0, support_1.waitFor)('the Keap Vault log to record the failure', () => (0, support_1.findFiles)(userData, /Keap Vault\.log$/).find((f) => /keapVault\.takeSnapshot: .*(401|credential|Unauthorized|API key)/i.test(fs.readFileSync(f, 'utf8'))));
        const log = fs.readFileSync(logFile, 'utf8');
        strict_1.default.ok(!log.includes(secret), 'the credential is not in the log');
        const settings = JSON.stringify(vscode.workspace.getConfiguration('keapVault'));
        strict_1.default.ok(!settings.includes(secret), 'not in the keapVault settings');
        for (const file of (0, support_1.findFiles)(userData, /settings\.json$/))
            strict_1.default.ok(!fs.readFileSync(file, 'utf8').includes(secret), `not in ${file}`);
        strict_1.default.ok(!JSON.stringify(api.connections.list()).includes(secret), 'not in the connection list (global state)');
        for (const file of (0, support_1.findFiles)(userData, /\.(json|log|vscdb|kvsnap)$/)) {
            if (/secret/i.test(file))
                continue;
            strict_1.default.ok(!fs.readFileSync(file).includes(secret), `not in ${path.relative(userData, file)}`);
        }
        await api.connections.remove(connection.id);
        strict_1.default.equal(await api.connections.hasCredential(connection.id), false, 'removing the connection clears its credential');
    });
});
//# sourceMappingURL=secrets.test.js.map