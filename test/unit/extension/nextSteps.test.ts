/** Which buttons an error notification carries: the fix, Retry, Open Log. Plain Node: no VS Code needed. */
import assert from 'node:assert/strict';
import { KeapAuthError, KeapQuotaWaitError, KeapUnavailableError, KeapValidationError } from '../../../src/core/keap/errors';
import { SnapshotKeyError } from '../../../src/core/snapshot/errors';
import { nextSteps } from '../../../src/extension/nextSteps';
import { UserError } from '../../../src/extension/userError';

const titles = (err: unknown) => nextSteps(err).map((s) => s.title);

describe('VS Code: the next steps an error offers', () => {
  it('a refused credential offers Set Credential… (and the log, which has Keap’s code)', () => {
    assert.deepEqual(titles(new KeapAuthError('Keap did not accept the credential.', 401, 'keymanagement.service.invalid_access_token')), [
      'Set Credential…',
      'Open Log',
    ]);
    assert.deepEqual(titles(new UserError('not-configured', 'No credential for X.', 'set-credential')), ['Set Credential…']);
  });

  it('Keap down or out of quota offers Retry; a refused request only the log', () => {
    assert.deepEqual(titles(new KeapUnavailableError('Keap did not answer.')), ['Retry', 'Open Log']);
    assert.deepEqual(titles(new KeapQuotaWaitError('Quota spent.', new Date())), ['Retry', 'Open Log']);
    assert.deepEqual(titles(new KeapValidationError('Keap refused the order.')), ['Open Log']);
  });

  it('a snapshot that needs its key offers Set Encryption Key…', () => {
    assert.deepEqual(titles(new SnapshotKeyError('Encrypted.')), ['Set Encryption Key…', 'Open Log']);
    assert.deepEqual(titles(new UserError('not-configured', 'No key.', 'set-snapshot-key')), ['Set Encryption Key…']);
  });

  it('"do this first" errors say what in their message and offer no noise; a disk error can be retried', () => {
    assert.deepEqual(titles(new UserError('needs-selection', 'Choose an order first.')), []);
    assert.deepEqual(titles(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', syscall: 'write', path: '/x' })), ['Retry', 'Open Log']);
    assert.deepEqual(titles(new Error('a bug')), ['Open Log']);
  });
});
