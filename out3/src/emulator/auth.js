"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Gateway = void 0;
/**
 * Keap's gateway: it authenticates before routing (an unknown path without a valid credential is a
 * 401, never a 404) and answers with Apigee `fault` bodies. Accepts the configured personal access
 * token / service account key in `X-Keap-API-Key` or as a bearer token, and OAuth access tokens it
 * issued itself through the refresh-token grant at `POST /token` (refresh tokens rotate, as Keap's do).
 */
const node_crypto_1 = require("node:crypto");
function fault(faultstring, errorcode) {
    return { fault: { faultstring, detail: { errorcode } } };
}
class Gateway {
    apiKey;
    oauth;
    now;
    accessTokens = new Map();
    refreshTokens = new Set();
    constructor(apiKey, oauth, now = () => Date.now()) {
        this.apiKey = apiKey;
        this.oauth = oauth;
        this.now = now;
        if (oauth)
            this.refreshTokens.add(oauth.refreshToken);
    }
    authenticate(headers) {
        const key = headerValue(headers['x-keap-api-key']);
        const authorization = headerValue(headers.authorization);
        const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
        const presented = key ?? bearer;
        if (!presented)
            return { ok: false, fault: fault('Invalid access token', 'oauth.v2.InvalidAccessToken') };
        if (presented === this.apiKey)
            return { ok: true };
        const expiry = this.accessTokens.get(presented);
        if (expiry !== undefined) {
            if (expiry > this.now())
                return { ok: true };
            return { ok: false, fault: fault('Access Token expired', 'keymanagement.service.access_token_expired') };
        }
        return { ok: false, fault: fault('Invalid Access Token', 'keymanagement.service.invalid_access_token') };
    }
    /** `POST /token` with `grant_type=refresh_token`, client credentials in HTTP Basic auth. */
    token(headers, form) {
        if (!this.oauth)
            return { status: 400, body: { error: 'invalid_client', error_description: 'OAuth is not enabled on this emulator' } };
        const grant = form.get('grant_type');
        if (!grant)
            return { status: 400, body: { error: 'invalid_request', error_description: 'response_type or grant_type is required' } };
        if (grant !== 'refresh_token')
            return { status: 400, body: { error: 'unsupported_grant_type', error_description: `grant_type ${grant} is not supported` } };
        const basic = headerValue(headers.authorization)?.match(/^Basic\s+(.+)$/i)?.[1];
        const [clientId, clientSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
        if (clientId !== this.oauth.clientId || clientSecret !== this.oauth.clientSecret) {
            return { status: 401, body: { error: 'invalid_client', error_description: 'Invalid client credentials' } };
        }
        const refresh = form.get('refresh_token') ?? '';
        if (!this.refreshTokens.delete(refresh)) {
            return { status: 400, body: { error: 'invalid_request', error_description: 'Invalid Refresh Token' } };
        }
        const ttl = this.oauth.accessTokenTtlMs ?? 24 * 3600 * 1000;
        const accessToken = (0, node_crypto_1.randomBytes)(18).toString('base64url');
        const refreshToken = (0, node_crypto_1.randomBytes)(18).toString('base64url');
        this.accessTokens.set(accessToken, this.now() + ttl);
        this.refreshTokens.add(refreshToken);
        return {
            status: 200,
            body: {
                access_token: accessToken,
                refresh_token: refreshToken,
                token_type: 'bearer',
                expires_in: Math.floor(ttl / 1000),
                scope: 'full',
            },
        };
    }
}
exports.Gateway = Gateway;
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
//# sourceMappingURL=auth.js.map