"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DIST = void 0;
exports.servePlanPage = servePlanPage;
/**
 * Serves the restore-plan webview to a browser the way VS Code would: the page from planPanelHtml
 * (a fresh nonce per load, the same CSP), dist/webview.js, dist/webview.css and the codicons from
 * dist/ only. A small stub of acquireVsCodeApi goes in as an inline script carrying the page's nonce,
 * so the CSP applies to the test page unchanged: it records posted messages on window.__posted and
 * keeps setState in sessionStorage, so a reload finds it as VS Code would.
 */
const node_fs_1 = require("node:fs");
const node_http_1 = __importDefault(require("node:http"));
const node_path_1 = __importDefault(require("node:path"));
const planPanelHtml_1 = require("../../../src/extension/planPanel/planPanelHtml");
exports.DIST = node_path_1.default.resolve(__dirname, '../../../../dist');
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };
const STUB = `(() => {
  const KEY = 'keap-vault-webview-state';
  window.__posted = [];
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => { window.__posted.push(JSON.parse(JSON.stringify(message))); },
    getState: () => { const saved = sessionStorage.getItem(KEY); return saved ? JSON.parse(saved) : undefined; },
    setState: (state) => { sessionStorage.setItem(KEY, JSON.stringify(state)); return state; },
  });
})();`;
async function servePlanPage() {
    const nonces = [];
    let origin = '';
    const server = node_http_1.default.createServer((req, res) => {
        void handle(req.url ?? '/', res).catch((err) => {
            res.writeHead(500).end(err.message);
        });
    });
    async function handle(url, res) {
        const pathname = new URL(url, origin).pathname;
        if (pathname === '/') {
            const nonce = (0, planPanelHtml_1.newNonce)();
            nonces.push(nonce);
            const html = (0, planPanelHtml_1.planPanelHtml)({
                // VS Code's cspSource has this form: 'self' plus the resource origin.
                cspSource: `'self' ${origin}`,
                nonce,
                scriptUri: `${origin}/dist/webview.js`,
                styleUris: [`${origin}/dist/webview.css`],
                codiconsUri: `${origin}/dist/codicons/codicon.css`,
            });
            const marker = `<script nonce="${nonce}" src=`;
            if (!html.includes(marker))
                throw new Error('planPanelHtml no longer has the script tag the stub goes before');
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
            res.end(html.replace(marker, `<script nonce="${nonce}">${STUB}</script>\n${marker}`));
            return;
        }
        // Only files under dist/, as localResourceRoots allows in the extension.
        const file = node_path_1.default.resolve(exports.DIST, `.${decodeURIComponent(pathname.replace(/^\/dist/, ''))}`);
        if (!pathname.startsWith('/dist/') || !file.startsWith(exports.DIST + node_path_1.default.sep)) {
            res.writeHead(404).end();
            return;
        }
        const body = await node_fs_1.promises.readFile(file).catch(() => undefined);
        if (!body) {
            res.writeHead(404).end();
            return;
        }
        res.writeHead(200, { 'content-type': TYPES[node_path_1.default.extname(file)] ?? 'application/octet-stream' });
        res.end(body);
    }
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    return {
        url: `${origin}/`,
        origin,
        nonces,
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}
//# sourceMappingURL=planPage.js.map