/**
 * A connection's credential lives in SecretStorage only: not in settings, not in the extension's
 * global state, not in its log, not in an error message, even when Keap refuses it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { demoBaseUrl, extensionApi, findFiles, waitFor } from './support';

describe('credentials', function () {
  this.timeout(60_000);

  it('are kept in secret storage and appear in no setting, state or log, even when refused', async () => {
    const api = await extensionApi();
    const baseUrl = await demoBaseUrl();
    const secret = `kvtest-${randomBytes(12).toString('hex')}`;
    const connection = await api.connections.add('Credential check', baseUrl);
    await api.connections.setCredential(connection.id, secret);
    assert.equal(await api.connections.hasCredential(connection.id), true);

    // A wrong credential: Keap (the emulator) answers 401, the command fails and logs why.
    const result = await vscode.commands.executeCommand('keapVault.takeSnapshot', { kind: 'connection', connection });
    assert.equal(result, undefined, 'the snapshot failed');

    // The log channel's file: below the user data folder (globalStorage/<ext>/snapshots is four levels down).
    const userData = path.resolve(await api.snapshots.folder(), '..', '..', '..', '..');
    const logFile = await waitFor('the Keap Vault log to record the failure', () =>
      findFiles(userData, /Keap Vault\.log$/).find((f) =>
        /keapVault\.takeSnapshot: .*(401|credential|Unauthorized|API key)/i.test(fs.readFileSync(f, 'utf8')),
      ),
    );
    const log = fs.readFileSync(logFile, 'utf8');
    assert.ok(!log.includes(secret), 'the credential is not in the log');

    const settings = JSON.stringify(vscode.workspace.getConfiguration('keapVault'));
    assert.ok(!settings.includes(secret), 'not in the keapVault settings');
    for (const file of findFiles(userData, /settings\.json$/)) assert.ok(!fs.readFileSync(file, 'utf8').includes(secret), `not in ${file}`);
    assert.ok(!JSON.stringify(api.connections.list()).includes(secret), 'not in the connection list (global state)');
    for (const file of findFiles(userData, /\.(json|log|vscdb|kvsnap)$/)) {
      if (/secret/i.test(file)) continue;
      assert.ok(!fs.readFileSync(file).includes(secret), `not in ${path.relative(userData, file)}`);
    }

    await api.connections.remove(connection.id);
    assert.equal(await api.connections.hasCredential(connection.id), false, 'removing the connection clears its credential');
  });
});
