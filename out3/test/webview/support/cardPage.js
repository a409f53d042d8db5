"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.serveCardPage = serveCardPage;
/**
 * Serves the record card's page as VS Code would: the HTML from recordCardHtml (its real CSP, with a
 * nonce), dist/recordCard.js and .css. A stub of acquireVsCodeApi goes in with the page's nonce and
 * records what the page posts on window.__posted.
 */
const node_fs_1 = require("node:fs");
const node_http_1 = __importDefault(require("node:http"));
const node_path_1 = __importDefault(require("node:path"));
const recordCardHtml_1 = require("../../../src/extension/recordCard/recordCardHtml");
const DIST = node_path_1.default.resolve(__dirname, '../../../../dist');
const STUB = `window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))) });`;
async function serveCardPage() {
    let origin = '';
    const server = node_http_1.default.createServer((req, res) => {
        const pathname = new URL(req.url ?? '/', origin).pathname;
        if (pathname === '/') {
            const nonce = 'cardTestNonce0123456789';
            const html = (0, recordCardHtml_1.recordCardHtml)({
                cspSource: `'self' ${origin}`,
                scriptUri: `${origin}/dist/recordCard.js`,
                styleUri: `${origin}/dist/recordCard.css`,
                title: 'Record card',
                nonce,
            });
            const marker = `<script nonce="${nonce}" src=`;
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            res.end(html.replace(marker, `<script nonce="${nonce}">${STUB}</script>\n${marker}`));
            return;
        }
        const file = node_path_1.default.join(DIST, node_path_1.default.basename(pathname));
        void node_fs_1.promises.readFile(file).then((body) => res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(body), () => res.writeHead(404).end());
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    return {
        url: `${origin}/`,
        close: () => {
            server.closeAllConnections();
            server.close();
        },
    };
}
//# sourceMappingURL=cardPage.js.map