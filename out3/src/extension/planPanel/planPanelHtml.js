"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newNonce = newNonce;
exports.escapeHtml = escapeHtml;
exports.planPanelCsp = planPanelCsp;
exports.webviewPageHtml = webviewPageHtml;
exports.planPanelHtml = planPanelHtml;
/**
 * The restore-plan webview's page. Pure (no vscode import) so it can be unit-tested and served to
 * headless Chromium as is; the panel class passes `webview.cspSource` and `asWebviewUri(...)` strings.
 *
 * Content-Security-Policy: nothing by default; scripts only with this load's nonce; styles, fonts
 * and images only from the extension's own resources. No 'unsafe-inline' anywhere:
 * @vscode-elements (Lit) styles its shadow roots with constructable stylesheets, which style-src
 * does not govern, and vscode-icon loads codicon.css through a <link> from cspSource.
 */
const node_crypto_1 = require("node:crypto");
/** 16 random bytes, base64: unguessable, and only characters a CSP nonce allows. */
function newNonce() {
    return (0, node_crypto_1.randomBytes)(16).toString('base64');
}
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** For text and double-quoted attribute values. */
function escapeHtml(value) {
    return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
function planPanelCsp(cspSource, nonce) {
    // VS Code gives `'self' https://*.vscode-cdn.net`. Anything else quoted ('unsafe-inline'), or a
    // semicolon or comma, would loosen or add directives: refuse it rather than write it.
    const sources = cspSource.trim().split(/\s+/);
    // invariant: the list is VS Code's webview.cspSource, never a user's or a file's; this only guards against a host bug.
    if (!sources.every((s) => s === "'self'" || /^[^'";,]+$/.test(s)))
        throw new Error(`Not a CSP source list: ${cspSource}`);
    // invariant: the nonce is always ours (base64 from crypto), never a user's or a file's.
    if (!/^[A-Za-z0-9+/_=-]+$/.test(nonce))
        throw new Error('A CSP nonce is base64 characters only.');
    return ([
        `default-src 'none'`,
        `img-src ${cspSource} data:`,
        `style-src ${cspSource}`,
        `font-src ${cspSource}`,
        `script-src 'nonce-${nonce}'`,
    ].join('; ') + ';');
}
/** One webview page of this extension: the CSP above, its styles, a loading line, and its one script. */
function webviewPageHtml(page) {
    const attr = escapeHtml;
    const links = page.styles.map((s) => `<link rel="stylesheet"${s.id ? ` id="${attr(s.id)}"` : ''} href="${attr(s.href)}">`);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(planPanelCsp(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links.join('\n')}
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<main id="app"><p${page.loadingClass ? ` class="${attr(page.loadingClass)}"` : ''}>${escapeHtml(page.loading)}</p></main>
<script nonce="${attr(page.nonce)}" src="${attr(page.scriptUri)}"></script>
</body>
</html>
`;
}
function planPanelHtml(options) {
    const { cspSource, nonce, scriptUri, styleUris, codiconsUri, title = 'Restore plan' } = options;
    return webviewPageHtml({
        cspSource,
        nonce,
        styles: [...styleUris.map((href) => ({ href })), { href: codiconsUri, id: 'vscode-codicon-stylesheet' }],
        title,
        loading: 'Loading the plan…',
        loadingClass: 'loading',
        scriptUri,
    });
}
//# sourceMappingURL=planPanelHtml.js.map