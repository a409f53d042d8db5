"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const client_1 = require("../../../src/core/keap/client");
const errors_1 = require("../../../src/core/keap/errors");
const emulator_1 = require("../support/emulator");
describe('Authentication', () => {
    after(emulator_1.closeTestAccounts);
    it('a wrong token gives a typed error whose text does not contain the token', async () => {
        const { emulator } = await (0, emulator_1.startTestAccount)();
        const secret = 'pat-WRONG-0123456789abcdef';
        const client = new client_1.KeapClient({ baseUrl: emulator.apiBaseUrl, credential: { kind: 'api-key', key: secret }, throttle: 'unlimited' });
        const err = await client.ping().then(() => undefined, (e) => e);
        strict_1.default.ok(err instanceof errors_1.KeapAuthError);
        strict_1.default.equal(err.status, 401);
        strict_1.default.match(err.message, /did not accept the credential: the personal access token or service account key is wrong/);
        // Keap's code is kept for the log, not put in front of the user.
        strict_1.default.equal(err.keapCode, 'keymanagement.service.invalid_access_token');
        strict_1.default.ok(!err.message.includes('keymanagement'));
        strict_1.default.ok(!err.message.includes(secret) && !String(err.stack).includes(secret) && !JSON.stringify(err).includes(secret));
    });
    it('accepts the key as X-Keap-API-Key and as a bearer token', async () => {
        const { emulator } = await (0, emulator_1.startTestAccount)();
        for (const asBearer of [false, true]) {
            const client = new client_1.KeapClient({
                baseUrl: emulator.apiBaseUrl,
                credential: { kind: 'api-key', key: emulator.token, asBearer },
                throttle: 'unlimited',
            });
            strict_1.default.equal((await client.ping()).baseUrl, emulator.apiBaseUrl);
        }
    });
    it('refreshes an expired OAuth access token and hands the rotated pair to the caller', async () => {
        const oauth = { clientId: 'client', clientSecret: 'shh-secret', refreshToken: 'refresh-1', accessTokenTtlMs: 200 };
        const { emulator } = await (0, emulator_1.startTestAccount)({ oauth });
        const stored = [];
        const client = new client_1.KeapClient({
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
        strict_1.default.equal(stored.length, 1);
        strict_1.default.notEqual(stored[0].refreshToken, 'refresh-1', 'Keap rotates the refresh token');
        await new Promise((r) => setTimeout(r, 250)); // the new access token expires too
        await client.ping();
        strict_1.default.equal(stored.length, 2);
        // The old refresh token is spent.
        const replay = new client_1.KeapClient({
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
        await strict_1.default.rejects(replay.ping(), (err) => err instanceof errors_1.KeapAuthError && /Invalid Refresh Token/.test(err.message) && !err.message.includes('shh-secret'));
    });
});
//# sourceMappingURL=auth.test.js.map