/** The panel page builder: its CSP, nonce and escaping (pure, no browser). */
import assert from 'node:assert/strict';
import { escapeHtml, newNonce, planPanelCsp, planPanelHtml } from '../../src/extension/planPanel/planPanelHtml';

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
    assert.equal(
      planPanelCsp(VS_CODE_CSP_SOURCE, 'AbCd+/12=='),
      "default-src 'none'; img-src 'self' https://*.vscode-cdn.net data:; style-src 'self' https://*.vscode-cdn.net; font-src 'self' https://*.vscode-cdn.net; script-src 'nonce-AbCd+/12==';",
    );
    const html = planPanelHtml(options);
    assert.ok(html.includes(`content="${escapeHtml(planPanelCsp(VS_CODE_CSP_SOURCE, 'AbCd+/12=='))}"`));
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
  });

  it('loads the bundle with the nonce, the styles and the codicons under the id vscode-icon looks for', () => {
    const html = planPanelHtml(options);
    assert.ok(html.includes(`<script nonce="AbCd+/12==" src="${options.scriptUri}"></script>`));
    assert.ok(html.includes(`<link rel="stylesheet" href="${options.styleUris[0]}">`));
    assert.ok(html.includes(`<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${options.codiconsUri}">`));
    assert.equal(html.match(/<script/g)?.length, 1, 'one script, no inline code');
    assert.doesNotMatch(html, /style="/, 'no inline style');
  });

  it('escapes every value it writes', () => {
    const html = planPanelHtml({ ...options, scriptUri: 'x"><script>alert(1)</script>', styleUris: ["a'b"], title: '<b>Plan</b>' });
    assert.ok(html.includes('src="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
    assert.ok(html.includes('href="a&#39;b"'));
    assert.ok(html.includes('<title>&lt;b&gt;Plan&lt;/b&gt;</title>'));
  });

  it('refuses a source list or nonce that would loosen the policy', () => {
    assert.throws(() => planPanelCsp("'self' 'unsafe-inline'", 'abc'), /Not a CSP source list/);
    assert.throws(() => planPanelCsp('https://x; script-src *', 'abc'), /Not a CSP source list/);
    assert.throws(() => planPanelCsp('https://x', "abc' 'unsafe-inline"), /nonce/);
  });

  it('makes a new 128-bit base64 nonce each time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    assert.equal(nonces.size, 1000);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });
});
