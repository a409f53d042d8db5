"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const transportLog_1 = require("../../../src/core/keap/transportLog");
const cliProcess_1 = require("../support/cliProcess");
const emulator_1 = require("../support/emulator");
describe('Request log lines (Output channel, CLI --verbose)', () => {
    after(emulator_1.closeTestAccounts);
    it('says when Keap made a request wait or retry, and keeps ordinary answers at debug level', () => {
        strict_1.default.deepEqual((0, transportLog_1.describeTransportEvent)({ method: 'GET', path: '/v2/orders', attempt: 1, status: 429, ms: 40, retryInMs: 12_000 }), {
            level: 'warn',
            text: "GET /v2/orders: Keap's quota says wait (429): waiting 12.0 s, then retrying",
        });
        strict_1.default.deepEqual((0, transportLog_1.describeTransportEvent)({ method: 'POST', path: '/v2/orders', attempt: 2, error: 'ECONNRESET', ms: 15, retryInMs: 800 }), { level: 'warn', text: 'POST /v2/orders: no answer (ECONNRESET) after 15 ms; retrying in 0.8 s, attempt 2' });
        strict_1.default.deepEqual((0, transportLog_1.describeTransportEvent)({ method: 'GET', path: '/v2/contacts', attempt: 1, status: 200, ms: 31 }), {
            level: 'debug',
            text: 'GET /v2/contacts: 200 in 31 ms',
        });
    });
    it('keap-vault --verbose prints each request, its retries and waits on stderr, and never the credential', async () => {
        const { emulator } = await (0, emulator_1.startTestAccount)();
        emulator.faults.configure({ rate: 0.5, seed: 6, kinds: ['503'] }); // seed 6: the first request fails, the retry does not
        const run = await (0, cliProcess_1.runCliProcess)(['--verbose', '--unlimited', 'orders', '--limit', '3'], {
            ...process.env,
            KEAP_API_URL: emulator.apiBaseUrl,
            KEAP_API_KEY: emulator.token,
        });
        emulator.faults.configure({ rate: 0 });
        strict_1.default.equal(run.code, 0, run.stderr);
        strict_1.default.match(run.stderr, /keap-vault: GET \/v2\/orders: 503 after \d+ ms; retrying in \d+\.\d s/);
        strict_1.default.match(run.stderr, /keap-vault: GET \/v2\/orders: 200 in \d+ ms/);
        strict_1.default.ok(!run.stderr.includes(emulator.token));
        const quiet = await (0, cliProcess_1.runCliProcess)(['--unlimited', 'orders', '--limit', '3'], {
            ...process.env,
            KEAP_API_URL: emulator.apiBaseUrl,
            KEAP_API_KEY: emulator.token,
        });
        strict_1.default.doesNotMatch(quiet.stderr, /GET \/v2\/orders/);
    });
});
//# sourceMappingURL=transportLog.test.js.map