/**
 * Serves the record card's page as VS Code would: the HTML from recordCardHtml (its real CSP, with a
 * nonce), dist/recordCard.js and .css. A stub of acquireVsCodeApi goes in with the page's nonce and
 * records what the page posts on window.__posted.
 */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { recordCardHtml } from '../../../src/extension/recordCard/recordCardHtml';

const DIST = path.resolve(__dirname, '../../../../dist');
const STUB = `window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))) });`;

export interface CardPage {
  url: string;
  close(): void;
}

export async function serveCardPage(): Promise<CardPage> {
  let origin = '';
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', origin).pathname;
    if (pathname === '/') {
      const nonce = 'cardTestNonce0123456789';
      const html = recordCardHtml({
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
    const file = path.join(DIST, path.basename(pathname));
    void fs.readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
