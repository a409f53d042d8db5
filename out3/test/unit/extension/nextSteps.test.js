"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/** Which buttons an error notification carries: the fix, Retry, Open Log. Plain Node: no VS Code needed. */
const strict_1 = __importDefault(require("node:assert/strict"));
const errors_1 = require("../../../src/core/keap/errors");
const errors_2 = require("../../../src/core/snapshot/errors");
const nextSteps_1 = require("../../../src/extension/nextSteps");
const userError_1 = require("../../../src/extension/userError");
const titles = (err) => (0, nextSteps_1.nextSteps)(err).map((s) => s.title);
describe('VS Code: the next steps an error offers', () => {
    it('a refused credential offers Set Credential… (and the log, which has Keap’s code)', () => {
        strict_1.default.deepEqual(titles(new errors_1.KeapAuthError('Keap did not accept the credential.', 401, 'keymanagement.service.invalid_access_token')), [
            'Set Credential…',
            'Open Log',
        ]);
        strict_1.default.deepEqual(titles(new userError_1.UserError('not-configured', 'No credential for X.', 'set-credential')), ['Set Credential…']);
    });
    it('Keap down or out of quota offers Retry; a refused request only the log', () => {
        strict_1.default.deepEqual(titles(new errors_1.KeapUnavailableError('Keap did not answer.')), ['Retry', 'Open Log']);
        strict_1.default.deepEqual(titles(new errors_1.KeapQuotaWaitError('Quota spent.', new Date())), ['Retry', 'Open Log']);
        strict_1.default.deepEqual(titles(new errors_1.KeapValidationError('Keap refused the order.')), ['Open Log']);
    });
    it('a snapshot that needs its key offers Set Encryption Key…', () => {
        strict_1.default.deepEqual(titles(new errors_2.SnapshotKeyError('Encrypted.')), ['Set Encryption Key…', 'Open Log']);
        strict_1.default.deepEqual(titles(new userError_1.UserError('not-configured', 'No key.', 'set-snapshot-key')), ['Set Encryption Key…']);
    });
    it('"do this first" errors say what in their message and offer no noise; a disk error can be retried', () => {
        strict_1.default.deepEqual(titles(new userError_1.UserError('needs-selection', 'Choose an order first.')), []);
        strict_1.default.deepEqual(titles(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', syscall: 'write', path: '/x' })), ['Retry', 'Open Log']);
        strict_1.default.deepEqual(titles(new Error('a bug')), ['Open Log']);
    });
});
//# sourceMappingURL=nextSteps.test.js.map