"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkedBaseUrl = checkedBaseUrl;
/** Checking where a Keap credential may be sent, before it is stored or used. */
const errors_1 = require("./errors");
/**
 * A base URL a credential may be sent to: https (plain http only to this machine, e.g. the emulator),
 * and nothing secret-looking in it (user info, a query such as `?access_token=`, a fragment).
 */
function checkedBaseUrl(value) {
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        throw new errors_1.BaseUrlError('not-a-url', `Not a URL: ${value}`);
    }
    if (url.username || url.password)
        throw new errors_1.BaseUrlError('credential-in-url', 'Put the credential in its own field, not in the URL.');
    if (url.search || url.hash)
        throw new errors_1.BaseUrlError('query-in-url', 'The base URL takes no query or fragment (a token belongs in the credential field).');
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new errors_1.BaseUrlError('insecure', 'Use https: the credential would travel in clear text (plain http is allowed only to this machine).');
    }
    return url.toString().replace(/\/$/, '');
}
//# sourceMappingURL=baseUrl.js.map