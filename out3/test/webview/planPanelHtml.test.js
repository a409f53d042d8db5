"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/** The panel page builder: its CSP, nonce and escaping (pure, no browser). */
const strict_1 = __importDefault(require("node:assert/strict"));
const planPanelHtml_1 = require("../../src/extension/planPanel/planPanelHtml");
const VS_CODE_CSP_SOURCE = "'self' https://*.vscode-cdn.net";
const options = {
    cspSource: VS_CODE_CSP_SOURCE,
    nonce: 'AbCd+/12==',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
    styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.css'],
    codiconsUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css',
};
describe('planPanelHtml', () => {
    it('sets a CSP with nothing by default, nonce-only scripts and no unsafe-inline', () => {
        strict_1.default.equal((0, planPanelHtml_1.planPanelCsp)(VS_CODE_CSP_SOURCE, 'AbCd+/12=='), "default-src 'none'; img-src 'self' https://*.vscode-cdn.net data:; style-src 'self' https://*.vscode-cdn.net; font-src 'self' https://*.vscode-cdn.net; script-src 'nonce-AbCd+/12==';");
        const html = (0, planPanelHtml_1.planPanelHtml)(options);
        strict_1.default.ok(html.includes(`content="${(0, planPanelHtml_1.escapeHtml)((0, planPanelHtml_1.planPanelCsp)(VS_CODE_CSP_SOURCE, 'AbCd+/12=='))}"`));
        strict_1.default.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    });
    it('loads the bundle with the nonce, the styles and the codicons under the id vscode-icon looks for', () => {
        const html = (0, planPanelHtml_1.planPanelHtml)(options);
        strict_1.default.ok(html.includes(`<script nonce="AbCd+/12==" src="${options.scriptUri}"></script>`));
        strict_1.default.ok(html.includes(`<link rel="stylesheet" href="${options.styleUris[0]}">`));
        strict_1.default.ok(html.includes(`<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${options.codiconsUri}">`));
        strict_1.default.equal(html.match(/<script/g)?.length, 1, 'one script, no inline code');
        strict_1.default.doesNotMatch(html, /style="/, 'no inline style');
    });
    it('escapes every value it writes', () => {
        const html = (0, planPanelHtml_1.planPanelHtml)({ ...options, scriptUri: 'x"><script>alert(1)</script>', styleUris: ["a'b"], title: '<b>Plan</b>' });
        strict_1.default.ok(html.includes('src="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
        strict_1.default.ok(html.includes('href="a&#39;b"'));
        strict_1.default.ok(html.includes('<title>&lt;b&gt;Plan&lt;/b&gt;</title>'));
    });
    it('refuses a source list or nonce that would loosen the policy', () => {
        strict_1.default.throws(() => (0, planPanelHtml_1.planPanelCsp)("'self' 'unsafe-inline'", 'abc'), /Not a CSP source list/);
        strict_1.default.throws(() => (0, planPanelHtml_1.planPanelCsp)('https://x; script-src *', 'abc'), /Not a CSP source list/);
        strict_1.default.throws(() => (0, planPanelHtml_1.planPanelCsp)('https://x', "abc' 'unsafe-inline"), /nonce/);
    });
    it('makes a new 128-bit base64 nonce each time', () => {
        const nonces = new Set(Array.from({ length: 1000 }, () => (0, planPanelHtml_1.newNonce)()));
        strict_1.default.equal(nonces.size, 1000);
        for (const nonce of nonces)
            strict_1.default.equal(Buffer.from(nonce, 'base64').length, 16);
    });
});
//# sourceMappingURL=planPanelHtml.test.js.map