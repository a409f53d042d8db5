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
 * The first test inside a real extension host: the packaged extension (dist/extension.js, as the manifest's
 * `main` says) activates, and its demo command starts the built-in Keap emulator and hands back a base URL
 * that answers like Keap.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
// The id VS Code gives the extension is publisher.name from the manifest; read it rather than repeat it.
// Compiled to out/test/vscode/suite/, four levels below the repo root.
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
// The emulator's fixed demo credential (see the demo connection); not a secret.
const DEMO_TOKEN = 'keap-vault-demo-token';
describe('extension activation', () => {
    it(`finds and activates ${EXTENSION_ID}`, async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        strict_1.default.ok(extension, `${EXTENSION_ID} is not loaded (engines.vscode too new for this VS Code?)`);
        await extension.activate();
        strict_1.default.equal(extension.isActive, true);
        // `npm run test:vsix`: the extension under test is the installed package, not this checkout.
        const root = path.resolve(__dirname, '../../../..');
        if (process.env.VSCODE_TEST_VSIX)
            strict_1.default.notEqual(path.resolve(extension.extensionPath), root, 'running the checkout instead of the installed VSIX');
        else
            strict_1.default.equal(path.resolve(extension.extensionPath), root);
    });
    it('keapVault.startDemoEmulator returns the emulator base URL, which answers', async () => {
        const baseUrl = await vscode.commands.executeCommand('keapVault.startDemoEmulator');
        strict_1.default.ok(baseUrl, 'the command returned nothing (it failed: see the Keap Vault output channel)');
        strict_1.default.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/crm\/rest$/);
        const res = await fetch(`${baseUrl}/v2/tags`, { headers: { 'X-Keap-API-Key': DEMO_TOKEN } });
        strict_1.default.equal(res.status, 200, await res.text());
    });
});
//# sourceMappingURL=activation.test.js.map