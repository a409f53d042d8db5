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
exports.webviewOptions = webviewOptions;
exports.pageHtml = pageHtml;
exports.titleOf = titleOf;
/**
 * The webview side of the panel as VS Code sees it: the options (scripts on, resources only from
 * dist/, the page discarded when hidden), the page with this load's URIs and a fresh nonce (see
 * planPanelHtml for the CSP), and the panel's title.
 */
const vscode = __importStar(require("vscode"));
const counted_1 = require("../../core/counted");
const sentences_1 = require("../../webview/sentences");
const planPanelHtml_1 = require("./planPanelHtml");
function webviewOptions(extensionUri) {
    return {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
        retainContextWhenHidden: false,
        enableFindWidget: true,
    };
}
/** The page that loads dist/webview.js, for this webview (its cspSource and resource URIs). */
function pageHtml(webview, extensionUri, title) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    return (0, planPanelHtml_1.planPanelHtml)({
        cspSource: webview.cspSource,
        nonce: (0, planPanelHtml_1.newNonce)(),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
        styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString()],
        codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'codicons', 'codicon.css')).toString(),
        title,
    });
}
/**
 * The tab's title leads with the status, then says where: "Restore plan: 7 to create (Keap (acme))",
 * "Applying restore (…)", "Restored 21 records (…)", "Applied with problems (…)", "Stale restore plan (…)".
 */
function titleOf(plan, state) {
    const where = `(${state.connection})`;
    const receipt = state.ui?.receipt;
    if (receipt)
        return (0, sentences_1.receiptHasProblems)(receipt) ? `Applied with problems ${where}` : `Restored ${(0, counted_1.counted)(receipt.created, 'record')} ${where}`;
    if (state.applying)
        return `Applying restore ${where}`;
    if (state.stale)
        return `Stale restore plan ${where}`;
    const creates = plan.steps.filter((s) => s.action === 'create').length;
    return `Restore plan: ${creates} to create ${where}`;
}
//# sourceMappingURL=panelWebview.js.map