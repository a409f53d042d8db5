/**
 * Serves the restore-plan webview to a browser the way VS Code would: the page from planPanelHtml
 * (a fresh nonce per load, the same CSP), dist/webview.js, dist/webview.css and the codicons from
 * dist/ only. A small stub of acquireVsCodeApi goes in as an inline script carrying the page's nonce,
 * so the CSP applies to the test page unchanged: it records posted messages on window.__posted and
 * keeps setState in sessionStorage, so a reload finds it as VS Code would.
 */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { newNonce, planPanelHtml } from '../../../src/extension/planPanel/planPanelHtml';

export const DIST = path.resolve(__dirname, '../../../../dist');

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };

const STUB = `(() => {
  const KEY = 'keap-vault-webview-state';
  window.__posted = [];
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => { window.__posted.push(JSON.parse(JSON.stringify(message))); },
    getState: () => { const saved = sessionStorage.getItem(KEY); return saved ? JSON.parse(saved) : undefined; },
    setState: (state) => { sessionStorage.setItem(KEY, JSON.stringify(state)); return state; },
  });
})();`;

export interface PlanPage {
  url: string;
  origin: string;
  /** Nonces of every page served, to check each load got its own. */
  nonces: string[];
  close(): Promise<void>;
}

export async function servePlanPage(): Promise<PlanPage> {
  const nonces: string[] = [];
  let origin = '';
  const server = http.createServer((req, res) => {
    void handle(req.url ?? '/', res).catch((err: Error) => {
      res.writeHead(500).end(err.message);
    });
  });

  async function handle(url: string, res: http.ServerResponse): Promise<void> {
    const pathname = new URL(url, origin).pathname;
    if (pathname === '/') {
      const nonce = newNonce();
      nonces.push(nonce);
      const html = planPanelHtml({
        // VS Code's cspSource has this form: 'self' plus the resource origin.
        cspSource: `'self' ${origin}`,
        nonce,
        scriptUri: `${origin}/dist/webview.js`,
        styleUris: [`${origin}/dist/webview.css`],
        codiconsUri: `${origin}/dist/codicons/codicon.css`,
      });
      const marker = `<script nonce="${nonce}" src=`;
      if (!html.includes(marker)) throw new Error('planPanelHtml no longer has the script tag the stub goes before');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html.replace(marker, `<script nonce="${nonce}">${STUB}</script>\n${marker}`));
      return;
    }
    // Only files under dist/, as localResourceRoots allows in the extension.
    const file = path.resolve(DIST, `.${decodeURIComponent(pathname.replace(/^\/dist/, ''))}`);
    if (!pathname.startsWith('/dist/') || !file.startsWith(DIST + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    const body = await fs.readFile(file).catch(() => undefined);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    nonces,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
