"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KEAP_TOKEN_URL = void 0;
exports.authHeaders = authHeaders;
exports.secretsOf = secretsOf;
exports.KEAP_TOKEN_URL = 'https://api.infusionsoft.com/token';
function authHeaders(credential) {
    if (credential.kind === 'api-key') {
        return credential.asBearer ? { Authorization: `Bearer ${credential.key}` } : { 'X-Keap-API-Key': credential.key };
    }
    return { Authorization: `Bearer ${credential.tokens.accessToken}` };
}
/** Every secret a credential holds, for redaction. */
function secretsOf(credential) {
    if (credential.kind === 'api-key')
        return [credential.key];
    return [credential.tokens.accessToken, credential.tokens.refreshToken, credential.clientSecret].filter((s) => !!s);
}
//# sourceMappingURL=credentials.js.map