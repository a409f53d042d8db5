/**
 * The first test inside a real extension host: the packaged extension (dist/extension.js, as the manifest's
 * `main` says) activates, and its demo command starts the built-in Keap emulator and hands back a base URL
 * that answers like Keap.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

// The id VS Code gives the extension is publisher.name from the manifest; read it rather than repeat it.
// Compiled to out/test/vscode/suite/, four levels below the repo root.
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
  publisher: string;
  name: string;
};
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
// The emulator's fixed demo credential (see the demo connection); not a secret.
const DEMO_TOKEN = 'keap-vault-demo-token';

describe('extension activation', () => {
  it(`finds and activates ${EXTENSION_ID}`, async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded (engines.vscode too new for this VS Code?)`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    // `npm run test:vsix`: the extension under test is the installed package, not this checkout.
    const root = path.resolve(__dirname, '../../../..');
    if (process.env.VSCODE_TEST_VSIX)
      assert.notEqual(path.resolve(extension.extensionPath), root, 'running the checkout instead of the installed VSIX');
    else assert.equal(path.resolve(extension.extensionPath), root);
  });

  it('keapVault.startDemoEmulator returns the emulator base URL, which answers', async () => {
    const baseUrl = await vscode.commands.executeCommand<string | undefined>('keapVault.startDemoEmulator');
    assert.ok(baseUrl, 'the command returned nothing (it failed: see the Keap Vault output channel)');
    assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/crm\/rest$/);
    const res = await fetch(`${baseUrl}/v2/tags`, { headers: { 'X-Keap-API-Key': DEMO_TOKEN } });
    assert.equal(res.status, 200, await res.text());
  });
});
