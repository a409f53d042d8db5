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
exports.DEMO_TOKEN = exports.EXTENSION_ID = void 0;
exports.extensionApi = extensionApi;
exports.demoBaseUrl = demoBaseUrl;
exports.emulatorAdmin = emulatorAdmin;
exports.emulatorCounts = emulatorCounts;
exports.waitFor = waitFor;
exports.screenshot = screenshot;
exports.findFiles = findFiles;
/** What the host tests share: the extension's API, the demo emulator's admin endpoints, waiting. */
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
// Compiled to out/test/vscode/suite/, four levels below the repo root.
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8'));
exports.EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
/** The emulator's fixed demo credential (not a secret: the demo account is generated). */
exports.DEMO_TOKEN = 'keap-vault-demo-token';
async function extensionApi() {
    const extension = vscode.extensions.getExtension(exports.EXTENSION_ID);
    strict_1.default.ok(extension, `${exports.EXTENSION_ID} is not loaded`);
    return extension.activate();
}
/** Starts (or finds) the demo and returns its API base URL. */
async function demoBaseUrl() {
    const baseUrl = await vscode.commands.executeCommand('keapVault.tryDemo');
    strict_1.default.ok(baseUrl, 'keapVault.tryDemo failed: see the Keap Vault output channel');
    return baseUrl;
}
/** The emulator's own admin endpoints (not Keap's API): counts and disasters. */
async function emulatorAdmin(baseUrl, method, adminPath, body) {
    const origin = new URL(baseUrl).origin;
    const res = await fetch(`${origin}/__emulator${adminPath}`, {
        method,
        body: body && JSON.stringify(body),
        headers: { 'content-type': 'application/json', 'X-Keap-API-Key': exports.DEMO_TOKEN },
    });
    strict_1.default.equal(res.status, 200, await res.clone().text());
    return (await res.json());
}
async function emulatorCounts(baseUrl) {
    return (await emulatorAdmin(baseUrl, 'GET', '/stats')).counts;
}
/**
 * Polls until `probe` gives a value. Generous by default: in code-server a webview's first load can
 * stall for about 30 s on its service worker (seen now and then when panels open and close quickly).
 */
async function waitFor(what, probe, timeoutMs = 90_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined && value !== false)
            return value;
        if (Date.now() > deadline)
            throw new Error(`Timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
    }
}
/**
 * Asks the launcher to photograph the workbench now, after `click=SELECTOR` / `scroll=SELECTOR` in the
 * active webview (README images; only when
 * VSCODE_TEST_SCREENSHOT_DIR is set, which the launcher passes down to this extension host).
 */
async function screenshot(name, ...webviewActions) {
    if (!process.env.VSCODE_TEST_SCREENSHOT_DIR)
        return;
    // A clean picture: no toasts, no bottom panel.
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await new Promise((r) => setTimeout(r, 1500)); // let the workbench paint
    console.log(['[screenshot]', name, ...webviewActions].join(' '));
    await new Promise((r) => setTimeout(r, 2500));
}
/** Every file below a folder whose name matches. */
function findFiles(dir, match) {
    const out = [];
    if (!fs.existsSync(dir))
        return out;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory())
            out.push(...findFiles(full, match));
        else if (match.test(entry.name))
            out.push(full);
    }
    return out;
}
//# sourceMappingURL=support.js.map