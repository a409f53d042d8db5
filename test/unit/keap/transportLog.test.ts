import assert from 'node:assert/strict';
import { describeTransportEvent } from '../../../src/core/keap/transportLog';
import { runCliProcess } from '../support/cliProcess';
import { closeTestAccounts, startTestAccount } from '../support/emulator';

describe('Request log lines (Output channel, CLI --verbose)', () => {
  after(closeTestAccounts);

  it('says when Keap made a request wait or retry, and keeps ordinary answers at debug level', () => {
    assert.deepEqual(describeTransportEvent({ method: 'GET', path: '/v2/orders', attempt: 1, status: 429, ms: 40, retryInMs: 12_000 }), {
      level: 'warn',
      text: "GET /v2/orders: Keap's quota says wait (429): waiting 12.0 s, then retrying",
    });
    assert.deepEqual(
      describeTransportEvent({ method: 'POST', path: '/v2/orders', attempt: 2, error: 'ECONNRESET', ms: 15, retryInMs: 800 }),
      { level: 'warn', text: 'POST /v2/orders: no answer (ECONNRESET) after 15 ms; retrying in 0.8 s, attempt 2' },
    );
    assert.deepEqual(describeTransportEvent({ method: 'GET', path: '/v2/contacts', attempt: 1, status: 200, ms: 31 }), {
      level: 'debug',
      text: 'GET /v2/contacts: 200 in 31 ms',
    });
  });

  it('keap-vault --verbose prints each request, its retries and waits on stderr, and never the credential', async () => {
    const { emulator } = await startTestAccount();
    emulator.faults.configure({ rate: 0.5, seed: 6, kinds: ['503'] }); // seed 6: the first request fails, the retry does not
    const run = await runCliProcess(['--verbose', '--unlimited', 'orders', '--limit', '3'], {
      ...process.env,
      KEAP_API_URL: emulator.apiBaseUrl,
      KEAP_API_KEY: emulator.token,
    });
    emulator.faults.configure({ rate: 0 });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /keap-vault: GET \/v2\/orders: 503 after \d+ ms; retrying in \d+\.\d s/);
    assert.match(run.stderr, /keap-vault: GET \/v2\/orders: 200 in \d+ ms/);
    assert.ok(!run.stderr.includes(emulator.token));
    const quiet = await runCliProcess(['--unlimited', 'orders', '--limit', '3'], {
      ...process.env,
      KEAP_API_URL: emulator.apiBaseUrl,
      KEAP_API_KEY: emulator.token,
    });
    assert.doesNotMatch(quiet.stderr, /GET \/v2\/orders/);
  });
});
