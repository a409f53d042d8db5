"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeapTransport = exports.DEFAULT_MAX_ANSWER_BYTES = exports.KEAP_API_BASE_URL = void 0;
exports.serializeQuery = serializeQuery;
/**
 * One HTTP exchange with Keap, done right: credential headers, quota-aware admission, retries with
 * backoff for what is safe to retry, typed errors, and the rule that a create is never sent twice
 * unless we can prove the first one did not happen.
 */
const axios_1 = __importDefault(require("axios"));
const credentials_1 = require("./credentials");
const errors_1 = require("./errors");
const quotaHeaders_1 = require("./quotaHeaders");
const throttle_1 = require("./throttle");
exports.KEAP_API_BASE_URL = 'https://api.infusionsoft.com/crm/rest';
exports.DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024;
class KeapTransport {
    baseUrl;
    throttle;
    /** What Keap's headers said about the quota on the latest answer that carried them. */
    lastQuota = [];
    /** Keap's name for the account (`x-keap-tenant-id`), once an answer carried it. */
    tenantId;
    /** The account this transport reaches: Keap's tenant id once known, else the API's host. */
    get account() {
        return this.tenantId ?? new URL(this.baseUrl).host;
    }
    /** Requests sent (every attempt counts: that is what Keap's quota counts). */
    requestCount = 0;
    /** Attempts that were sent again (a 429, a 5xx, a lost answer): for progress lines. */
    retryCount = 0;
    http;
    credential;
    /** What kind of credential this transport sends (never the secret itself): the quota depends on it. */
    get credentialKind() {
        return this.credential.kind;
    }
    refreshing;
    options;
    constructor(options) {
        this.options = options;
        this.baseUrl = (options.baseUrl ?? exports.KEAP_API_BASE_URL).replace(/\/+$/, '');
        this.credential = options.credential;
        this.throttle =
            options.throttle instanceof throttle_1.RequestThrottle
                ? options.throttle
                : new throttle_1.RequestThrottle(options.throttle === 'unlimited'
                    ? { windows: [], maxConcurrent: 8 }
                    : // 50 ms more per window for timer jitter: latency needs none, as the throttle counts each
                        // request from its answer, which Keap's count of it always precedes.
                        { windows: throttle_1.KEAP_PAT_WINDOWS, maxConcurrent: 4, marginMs: 50, maxWaitMs: 15 * 60_000, ...options.throttle });
        const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(this.baseUrl);
        this.http = axios_1.default.create({
            baseURL: this.baseUrl,
            timeout: options.timeoutMs ?? 30_000,
            maxRedirects: 0, // never carry the credential to another host
            responseType: 'text', // parse ourselves: a truncated body must be noticed, not passed on as a string
            transformResponse: [(data) => data],
            validateStatus: () => true,
            maxContentLength: options.maxAnswerBytes ?? exports.DEFAULT_MAX_ANSWER_BYTES,
            transitional: { clarifyTimeoutError: true, silentJSONParsing: false, forcedJSONParsing: false },
            proxy: loopback ? false : undefined,
            headers: { Accept: 'application/json', 'User-Agent': 'keap-vault/0.1' },
        });
    }
    async request(spec) {
        const idempotent = isIdempotent(spec);
        const maxRetries = this.options.maxRetries ?? 6;
        const state = { attempt: 0, uncertainBefore: false, refreshed: false };
        let lastError;
        for (; state.attempt <= maxRetries; state.attempt++) {
            await this.refreshIfExpiring();
            const outcome = await this.attempt(spec, state);
            if (outcome.kind === 'ok')
                return outcome.response;
            if (outcome.kind === 'fail')
                throw outcome.error;
            lastError = outcome.error;
            this.retryCount++;
            if (outcome.uncertain && !idempotent) {
                if (!spec.verify) {
                    throw new errors_1.KeapUncertainWriteError(`${describe(spec)}: the answer was lost (${outcome.error.message}); Keap may or may not have done it. Check before sending it again.`, outcome.error.status, outcome.error.keapCode, describe(spec));
                }
                const found = await spec.verify();
                if (found !== undefined)
                    return { status: 200, data: found, recovered: true };
                // Proven not to have happened: sending it again cannot duplicate anything.
            }
            state.uncertainBefore ||= outcome.uncertain;
            if (outcome.waitMs > 0)
                await (0, throttle_1.sleep)(outcome.waitMs, spec.signal);
        }
        throw lastError ?? new errors_1.KeapUnavailableError(`${describe(spec)} failed`);
    }
    async attempt(spec, state) {
        const attempt = state.attempt;
        const release = await this.throttle.acquire(spec.signal);
        this.requestCount++;
        const started = Date.now();
        let response;
        let networkError;
        try {
            response = await this.http.request({
                method: spec.method,
                url: spec.path + serializeQuery(spec.query),
                data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
                headers: { ...(0, credentials_1.authHeaders)(this.credential), ...(spec.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
                signal: spec.signal,
            });
        }
        catch (err) {
            if (spec.signal?.aborted)
                throw spec.signal.reason;
            const e = err;
            networkError = { code: e.code, message: this.redacted(e.message ?? 'network error') };
        }
        finally {
            release();
        }
        const event = {
            method: spec.method,
            path: spec.path,
            attempt,
            status: response?.status,
            error: networkError?.code,
            ms: Date.now() - started,
        };
        const outcome = response ? await this.classify(spec, response, state) : this.networkOutcome(spec, networkError, attempt);
        if (outcome.kind === 'retry')
            event.retryInMs = Math.round(outcome.waitMs);
        this.options.onEvent?.(event);
        return outcome;
    }
    async classify(spec, res, state) {
        const attempt = state.attempt;
        const headers = res.headers;
        if (typeof headers['x-keap-tenant-id'] === 'string')
            this.tenantId = headers['x-keap-tenant-id'];
        const quota = (0, quotaHeaders_1.readQuotaHeaders)(headers);
        if (quota.length)
            this.lastQuota = quota;
        this.throttle.observe(quota);
        const status = res.status;
        const body = parseJson(res.data);
        const where = describe(spec);
        if (status >= 200 && status < 300) {
            if (status === 204 || !res.data)
                return { kind: 'ok', response: { status, data: undefined } };
            if (body.ok)
                return { kind: 'ok', response: { status, data: body.value } };
            // The write happened, but its answer is unreadable.
            return {
                kind: 'retry',
                waitMs: this.backoff(attempt),
                uncertain: true,
                error: new errors_1.KeapProtocolError(`${where}: Keap's answer was not valid JSON`, status, undefined, where),
            };
        }
        const { message, code } = errorText(body.ok ? body.value : undefined, res.data);
        const detail = this.redacted(message);
        if (status === 429) {
            const waitMs = this.throttle.throttled((0, quotaHeaders_1.retryAfterMs)(headers['retry-after']), attempt);
            const error = new errors_1.KeapThrottledError(`${where}: Keap's rate limit was reached (${detail}); retried with backoff until giving up`, status, code, where);
            error.retryAt = new Date(Date.now() + waitMs);
            return { kind: 'retry', waitMs: 0, uncertain: false, error };
        }
        if (status === 401) {
            if (this.canRefresh() && !state.refreshed) {
                state.refreshed = true;
                await this.refresh();
                return {
                    kind: 'retry',
                    waitMs: 0,
                    uncertain: false,
                    error: new errors_1.KeapAuthError(`${where}: access token expired`, status, code, where),
                };
            }
            return {
                kind: 'fail',
                error: new errors_1.KeapAuthError(
                // In words only: Keap's code (keymanagement.service.invalid_access_token…) is `keapCode`, for logs.
                `Keap did not accept the credential: the personal access token or service account key is wrong, expired or revoked. Set it again.`, status, code, where),
            };
        }
        if (status === 403)
            return {
                kind: 'fail',
                error: new errors_1.KeapPermissionError(`${where}: the credential may not do this (${detail}). A personal access token has its user's permissions.`, status, code, where),
            };
        if (status === 404) {
            // A DELETE whose earlier answer was lost and now finds nothing: it was done.
            if (spec.method === 'DELETE' && state.uncertainBefore)
                return { kind: 'ok', response: { status: 204, data: undefined } };
            return { kind: 'fail', error: new errors_1.KeapNotFoundError(`${where}: not found (${detail})`, status, code, where) };
        }
        if (status === 409)
            return { kind: 'fail', error: new errors_1.KeapConflictError(`${where}: ${detail}`, status, code, where) };
        if (status >= 400 && status < 500)
            return { kind: 'fail', error: new errors_1.KeapValidationError(`${where}: Keap refused the request: ${detail}`, status, code, where) };
        const error = new errors_1.KeapUnavailableError(`${where}: Keap answered ${status} (${detail}); try again later`, status, code, where);
        return { kind: 'retry', waitMs: this.backoff(attempt), uncertain: true, error };
    }
    networkOutcome(spec, err, attempt) {
        const where = describe(spec);
        if (isTooLarge(err)) {
            const limit = this.options.maxAnswerBytes ?? exports.DEFAULT_MAX_ANSWER_BYTES;
            const error = new errors_1.KeapProtocolError(`${where}: Keap's answer was larger than ${mebibytes(limit)}, the most Keap Vault reads at once; it was refused part way, ` +
                'and nothing of it was kept. A page this big is not one Keap sends: check the API address, or ask for smaller pages.', undefined, undefined, where);
            // Asking again would meet the same answer. A create it answered did happen: that is an uncertain
            // write, which request() settles by looking the record up (or refuses to send again).
            return isIdempotent(spec) ? { kind: 'fail', error } : { kind: 'retry', waitMs: 0, uncertain: true, error };
        }
        // Refused or unresolvable: the request never reached Keap, so even a create may go again.
        const neverSent = err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN';
        const what = err.code === 'ETIMEDOUT' || err.code === 'ECONNABORTED' ? 'timed out' : `failed (${err.code ?? err.message})`;
        const error = new errors_1.KeapUnavailableError(`${where}: the connection to Keap ${what}`, undefined, err.code, where);
        return { kind: 'retry', waitMs: this.backoff(attempt), uncertain: !neverSent, error };
    }
    backoff(attempt) {
        const base = this.options.retryBaseMs ?? 250;
        return Math.min(30_000, base * 2 ** attempt) * (0.5 + Math.random() / 2);
    }
    redacted(text) {
        return (0, errors_1.redact)(text, (0, credentials_1.secretsOf)(this.credential));
    }
    canRefresh() {
        const c = this.credential;
        return c.kind === 'oauth' && !!c.tokens.refreshToken && !!c.clientId && !!c.clientSecret;
    }
    async refreshIfExpiring() {
        const c = this.credential;
        if (c.kind === 'oauth' && c.tokens.expiresAt && c.tokens.expiresAt - Date.now() < 60_000 && this.canRefresh())
            await this.refresh();
    }
    /** Single-flight refresh; Keap rotates the refresh token, so the new pair goes to `onTokens`. */
    refresh() {
        this.refreshing ??= this.doRefresh(this.credential).finally(() => (this.refreshing = undefined));
        return this.refreshing;
    }
    async doRefresh(c) {
        const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: c.tokens.refreshToken ?? '' });
        const res = await axios_1.default.post(c.tokenUrl ?? credentials_1.KEAP_TOKEN_URL, form.toString(), {
            headers: {
                'Content-Type': 'application/x-www-form-urlencoded',
                Authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
            },
            responseType: 'text',
            transformResponse: [(d) => d],
            validateStatus: () => true,
            maxRedirects: 0,
            timeout: this.options.timeoutMs ?? 30_000,
            proxy: /^https?:\/\/(127\.0\.0\.1|localhost)/.test(c.tokenUrl ?? '') ? false : undefined,
        });
        const body = parseJson(res.data);
        const value = (body.ok ? body.value : {});
        if (res.status !== 200 || !value.access_token) {
            throw new errors_1.KeapAuthError(`Refreshing the Keap OAuth token failed (${this.redacted(value.error_description ?? value.error ?? String(res.status))}); connect the account again.`, res.status, value.error);
        }
        c.tokens = {
            accessToken: value.access_token,
            refreshToken: value.refresh_token ?? c.tokens.refreshToken,
            expiresAt: value.expires_in ? Date.now() + value.expires_in * 1000 : undefined,
        };
        await c.onTokens?.(c.tokens);
    }
}
exports.KeapTransport = KeapTransport;
/** Repeated keys for arrays (Keap's `update_mask` form); values percent-encoded (`==` as `%3D%3D`). */
function serializeQuery(query) {
    if (!query)
        return '';
    const parts = [];
    for (const [key, value] of Object.entries(query)) {
        if (value === undefined)
            continue;
        for (const v of Array.isArray(value) ? value : [value])
            parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
    }
    return parts.length ? `?${parts.join('&')}` : '';
}
function describe(spec) {
    return `${spec.method} ${spec.path}`;
}
function parseJson(text) {
    if (text === undefined || text === '')
        return { ok: false };
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
/** Keap's error bodies: v2 `{code,message,status}`, Apigee `{fault:{faultstring,detail:{errorcode}}}`, v1 `{message}`. */
function errorText(body, raw) {
    const b = body;
    if (b?.fault)
        return { message: String(b.fault.faultstring ?? 'gateway error'), code: b.fault.detail?.errorcode };
    if (b && typeof b.message === 'string')
        return { message: b.message, code: typeof b.status === 'string' ? b.status : undefined };
    if (b && typeof b.error_description === 'string')
        return { message: b.error_description, code: b.error };
    return { message: (raw ?? '').slice(0, 200) || 'no details' };
}
/** Whether sending the request twice does no more than sending it once: all but a POST, unless the spec says. */
function isIdempotent(spec) {
    return spec.idempotent ?? spec.method !== 'POST';
}
/** axios's way of saying an answer passed `maxContentLength` (it stops reading there). */
function isTooLarge(err) {
    return err.code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(err.message);
}
function mebibytes(bytes) {
    return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
//# sourceMappingURL=transport.js.map