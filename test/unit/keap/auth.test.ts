import assert from 'node:assert/strict';
import { KeapClient } from '../../../src/core/keap/client';
import { KeapAuthError } from '../../../src/core/keap/errors';
import type { OAuthTokens } from '../../../src/core/keap/credentials';
import { closeTestAccounts, startTestAccount } from '../support/emulator';

describe('Authentication', () => {
  after(closeTestAccounts);

  it('a wrong token gives a typed error whose text does not contain the token', async () => {
    const { emulator } = await startTestAccount();
    const secret = 'pat-WRONG-0123456789abcdef';
    const client = new KeapClient({ baseUrl: emulator.apiBaseUrl, credential: { kind: 'api-key', key: secret }, throttle: 'unlimited' });
    const err = await client.ping().then(
      () => undefined,
      (e: Error) => e,
    );
    assert.ok(err instanceof KeapAuthError);
    assert.equal(err.status, 401);
    assert.match(err.message, /did not accept the credential: the personal access token or service account key is wrong/);
    // Keap's code is kept for the log, not put in front of the user.
    assert.equal(err.keapCode, 'keymanagement.service.invalid_access_token');
    assert.ok(!err.message.includes('keymanagement'));
    assert.ok(!err.message.includes(secret) && !String(err.stack).includes(secret) && !JSON.stringify(err).includes(secret));
  });

  it('accepts the key as X-Keap-API-Key and as a bearer token', async () => {
    const { emulator } = await startTestAccount();
    for (const asBearer of [false, true]) {
      const client = new KeapClient({
        baseUrl: emulator.apiBaseUrl,
        credential: { kind: 'api-key', key: emulator.token, asBearer },
        throttle: 'unlimited',
      });
      assert.equal((await client.ping()).baseUrl, emulator.apiBaseUrl);
    }
  });

  it('refreshes an expired OAuth access token and hands the rotated pair to the caller', async () => {
    const oauth = { clientId: 'client', clientSecret: 'shh-secret', refreshToken: 'refresh-1', accessTokenTtlMs: 200 };
    const { emulator } = await startTestAccount({ oauth });
    const stored: OAuthTokens[] = [];
    const client = new KeapClient({
      baseUrl: emulator.apiBaseUrl,
      throttle: 'unlimited',
      credential: {
        kind: 'oauth',
        tokens: { accessToken: 'stale', refreshToken: 'refresh-1' },
        clientId: 'client',
        clientSecret: 'shh-secret',
        tokenUrl: `${emulator.url}/token`,
        onTokens: (t) => void stored.push(t),
      },
    });
    await client.ping(); // 401 for the stale token -> refresh -> retry
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0].refreshToken, 'refresh-1', 'Keap rotates the refresh token');
    await new Promise((r) => setTimeout(r, 250)); // the new access token expires too
    await client.ping();
    assert.equal(stored.length, 2);
    // The old refresh token is spent.
    const replay = new KeapClient({
      baseUrl: emulator.apiBaseUrl,
      throttle: 'unlimited',
      credential: {
        kind: 'oauth',
        tokens: { accessToken: 'stale', refreshToken: 'refresh-1' },
        clientId: 'client',
        clientSecret: 'shh-secret',
        tokenUrl: `${emulator.url}/token`,
      },
    });
    await assert.rejects(
      replay.ping(),
      (err: Error) => err instanceof KeapAuthError && /Invalid Refresh Token/.test(err.message) && !err.message.includes('shh-secret'),
    );
  });
});
