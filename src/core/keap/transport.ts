/**
 * One HTTP exchange with Keap, done right: credential headers, quota-aware admission, retries with
 * backoff for what is safe to retry, typed errors, and the rule that a create is never sent twice
 * unless we can prove the first one did not happen.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { authHeaders, KEAP_TOKEN_URL, secretsOf, type KeapCredential, type OAuthCredential } from './credentials';
import {
  KeapAuthError,
  KeapConflictError,
  KeapError,
  KeapNotFoundError,
  KeapPermissionError,
  KeapProtocolError,
  KeapThrottledError,
  KeapUnavailableError,
  KeapUncertainWriteError,
  KeapValidationError,
  redact,
} from './errors';
import { readQuotaHeaders, retryAfterMs, type QuotaWindowReading } from './quotaHeaders';
import { KEAP_PAT_WINDOWS, RequestThrottle, sleep, type ThrottleOptions } from './throttle';

export const KEAP_API_BASE_URL = 'https://api.infusionsoft.com/crm/rest';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | Array<string | number> | undefined;

export interface RequestSpec<T> {
  method: HttpMethod;
  /** Path under the base URL, e.g. `/v2/orders/12/payments`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Safe to send again after an unknown outcome. Defaults to true for everything but POST. */
  idempotent?: boolean;
  /**
   * For a create: after an unknown outcome, look in Keap for what it would have made. Found: that
   * is the result. Proven absent: the create is sent again. Without it, an unknown outcome is a
   * KeapUncertainWriteError.
   */
  verify?: () => Promise<T | undefined>;
  signal?: AbortSignal;
}

export interface KeapResponse<T> {
  status: number;
  data: T;
  /** True when the result came from `verify` after a lost answer. */
  recovered?: boolean;
}

export interface TransportEvent {
  method: HttpMethod;
  path: string;
  attempt: number;
  status?: number;
  error?: string;
  ms: number;
  retryInMs?: number;
}

export interface TransportOptions {
  baseUrl?: string;
  credential: KeapCredential;
  /** Keap's limits for a personal access token by default; 'unlimited' for an emulator without quotas. */
  throttle?: RequestThrottle | Partial<ThrottleOptions> | 'unlimited';
  timeoutMs?: number;
  maxRetries?: number;
  /** First backoff step for 5xx and network errors; doubles each attempt, with jitter. */
  retryBaseMs?: number;
  /**
   * Largest answer read, in bytes (default 64 MiB; a page of 1,000 records is 1 to 3 MB). A bigger
   * one is cut off as it streams in and refused with a clear error, so that a hostile or broken
   * answer cannot take the process's memory: it is never held whole.
   */
  maxAnswerBytes?: number;
  onEvent?: (event: TransportEvent) => void;
}

export const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024;

interface AttemptState {
  attempt: number;
  /** An earlier attempt may have been carried out. */
  uncertainBefore: boolean;
  refreshed: boolean;
}

type Outcome<T> =
  | { kind: 'ok'; response: KeapResponse<T> }
  | { kind: 'retry'; waitMs: number; error: KeapError; uncertain: boolean }
  | { kind: 'fail'; error: KeapError };

export class KeapTransport {
  readonly baseUrl: string;
  readonly throttle: RequestThrottle;
  /** What Keap's headers said about the quota on the latest answer that carried them. */
  lastQuota: QuotaWindowReading[] = [];
  /** Keap's name for the account (`x-keap-tenant-id`), once an answer carried it. */
  tenantId?: string;

  /** The account this transport reaches: Keap's tenant id once known, else the API's host. */
  get account(): string {
    return this.tenantId ?? new URL(this.baseUrl).host;
  }
  /** Requests sent (every attempt counts: that is what Keap's quota counts). */
  requestCount = 0;
  /** Attempts that were sent again (a 429, a 5xx, a lost answer): for progress lines. */
  retryCount = 0;
  private readonly http: AxiosInstance;
  private readonly credential: KeapCredential;

  /** What kind of credential this transport sends (never the secret itself): the quota depends on it. */
  get credentialKind(): KeapCredential['kind'] {
    return this.credential.kind;
  }
  private refreshing?: Promise<void>;
  private readonly options: TransportOptions;

  constructor(options: TransportOptions) {
    this.options = options;
    this.baseUrl = (options.baseUrl ?? KEAP_API_BASE_URL).replace(/\/+$/, '');
    this.credential = options.credential;
    this.throttle =
      options.throttle instanceof RequestThrottle
        ? options.throttle
        : new RequestThrottle(
            options.throttle === 'unlimited'
              ? { windows: [], maxConcurrent: 8 }
              : // 50 ms more per window for timer jitter: latency needs none, as the throttle counts each
                // request from its answer, which Keap's count of it always precedes.
                { windows: KEAP_PAT_WINDOWS, maxConcurrent: 4, marginMs: 50, maxWaitMs: 15 * 60_000, ...options.throttle },
          );
    const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(this.baseUrl);
    this.http = axios.create({
      baseURL: this.baseUrl,
      timeout: options.timeoutMs ?? 30_000,
      maxRedirects: 0, // never carry the credential to another host
      responseType: 'text', // parse ourselves: a truncated body must be noticed, not passed on as a string
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxContentLength: options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: false, forcedJSONParsing: false },
      proxy: loopback ? false : undefined,
      headers: { Accept: 'application/json', 'User-Agent': 'keap-vault/0.1' },
    });
  }

  async request<T>(spec: RequestSpec<T>): Promise<KeapResponse<T>> {
    const idempotent = isIdempotent(spec);
    const maxRetries = this.options.maxRetries ?? 6;
    const state: AttemptState = { attempt: 0, uncertainBefore: false, refreshed: false };
    let lastError: KeapError | undefined;
    for (; state.attempt <= maxRetries; state.attempt++) {
      await this.refreshIfExpiring();
      const outcome = await this.attempt(spec, state);
      if (outcome.kind === 'ok') return outcome.response;
      if (outcome.kind === 'fail') throw outcome.error;
      lastError = outcome.error;
      this.retryCount++;
      if (outcome.uncertain && !idempotent) {
        if (!spec.verify) {
          throw new KeapUncertainWriteError(
            `${describe(spec)}: the answer was lost (${outcome.error.message}); Keap may or may not have done it. Check before sending it again.`,
            outcome.error.status,
            outcome.error.keapCode,
            describe(spec),
          );
        }
        const found = await spec.verify();
        if (found !== undefined) return { status: 200, data: found, recovered: true };
        // Proven not to have happened: sending it again cannot duplicate anything.
      }
      state.uncertainBefore ||= outcome.uncertain;
      if (outcome.waitMs > 0) await sleep(outcome.waitMs, spec.signal);
    }
    throw lastError ?? new KeapUnavailableError(`${describe(spec)} failed`);
  }

  private async attempt<T>(spec: RequestSpec<T>, state: AttemptState): Promise<Outcome<T>> {
    const attempt = state.attempt;
    const release = await this.throttle.acquire(spec.signal);
    this.requestCount++;
    const started = Date.now();
    let response: AxiosResponse<string> | undefined;
    let networkError: { code?: string; message: string } | undefined;
    try {
      response = await this.http.request<string>({
        method: spec.method,
        url: spec.path + serializeQuery(spec.query),
        data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        headers: { ...authHeaders(this.credential), ...(spec.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        signal: spec.signal,
      });
    } catch (err) {
      if (spec.signal?.aborted) throw spec.signal.reason;
      const e = err as { code?: string; message?: string };
      networkError = { code: e.code, message: this.redacted(e.message ?? 'network error') };
    } finally {
      release();
    }
    const event: TransportEvent = {
      method: spec.method,
      path: spec.path,
      attempt,
      status: response?.status,
      error: networkError?.code,
      ms: Date.now() - started,
    };
    const outcome = response ? await this.classify(spec, response, state) : this.networkOutcome(spec, networkError!, attempt);
    if (outcome.kind === 'retry') event.retryInMs = Math.round(outcome.waitMs);
    this.options.onEvent?.(event);
    return outcome;
  }

  private async classify<T>(spec: RequestSpec<T>, res: AxiosResponse<string>, state: AttemptState): Promise<Outcome<T>> {
    const attempt = state.attempt;
    const headers = res.headers as Record<string, unknown>;
    if (typeof headers['x-keap-tenant-id'] === 'string') this.tenantId = headers['x-keap-tenant-id'];
    const quota = readQuotaHeaders(headers);
    if (quota.length) this.lastQuota = quota;
    this.throttle.observe(quota);
    const status = res.status;
    const body = parseJson(res.data);
    const where = describe(spec);

    if (status >= 200 && status < 300) {
      if (status === 204 || !res.data) return { kind: 'ok', response: { status, data: undefined as T } };
      if (body.ok) return { kind: 'ok', response: { status, data: body.value as T } };
      // The write happened, but its answer is unreadable.
      return {
        kind: 'retry',
        waitMs: this.backoff(attempt),
        uncertain: true,
        error: new KeapProtocolError(`${where}: Keap's answer was not valid JSON`, status, undefined, where),
      };
    }
    const { message, code } = errorText(body.ok ? body.value : undefined, res.data);
    const detail = this.redacted(message);
    if (status === 429) {
      const waitMs = this.throttle.throttled(retryAfterMs(headers['retry-after']), attempt);
      const error = new KeapThrottledError(
        `${where}: Keap's rate limit was reached (${detail}); retried with backoff until giving up`,
        status,
        code,
        where,
      );
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
          error: new KeapAuthError(`${where}: access token expired`, status, code, where),
        };
      }
      return {
        kind: 'fail',
        error: new KeapAuthError(
          // In words only: Keap's code (keymanagement.service.invalid_access_token…) is `keapCode`, for logs.
          `Keap did not accept the credential: the personal access token or service account key is wrong, expired or revoked. Set it again.`,
          status,
          code,
          where,
        ),
      };
    }
    if (status === 403)
      return {
        kind: 'fail',
        error: new KeapPermissionError(
          `${where}: the credential may not do this (${detail}). A personal access token has its user's permissions.`,
          status,
          code,
          where,
        ),
      };
    if (status === 404) {
      // A DELETE whose earlier answer was lost and now finds nothing: it was done.
      if (spec.method === 'DELETE' && state.uncertainBefore) return { kind: 'ok', response: { status: 204, data: undefined as T } };
      return { kind: 'fail', error: new KeapNotFoundError(`${where}: not found (${detail})`, status, code, where) };
    }
    if (status === 409) return { kind: 'fail', error: new KeapConflictError(`${where}: ${detail}`, status, code, where) };
    if (status >= 400 && status < 500)
      return { kind: 'fail', error: new KeapValidationError(`${where}: Keap refused the request: ${detail}`, status, code, where) };
    const error = new KeapUnavailableError(`${where}: Keap answered ${status} (${detail}); try again later`, status, code, where);
    return { kind: 'retry', waitMs: this.backoff(attempt), uncertain: true, error };
  }

  private networkOutcome<T>(spec: RequestSpec<T>, err: { code?: string; message: string }, attempt: number): Outcome<T> {
    const where = describe(spec);
    if (isTooLarge(err)) {
      const limit = this.options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
      const error = new KeapProtocolError(
        `${where}: Keap's answer was larger than ${mebibytes(limit)}, the most Keap Vault reads at once; it was refused part way, ` +
          'and nothing of it was kept. A page this big is not one Keap sends: check the API address, or ask for smaller pages.',
        undefined,
        undefined,
        where,
      );
      // Asking again would meet the same answer. A create it answered did happen: that is an uncertain
      // write, which request() settles by looking the record up (or refuses to send again).
      return isIdempotent(spec) ? { kind: 'fail', error } : { kind: 'retry', waitMs: 0, uncertain: true, error };
    }
    // Refused or unresolvable: the request never reached Keap, so even a create may go again.
    const neverSent = err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN';
    const what = err.code === 'ETIMEDOUT' || err.code === 'ECONNABORTED' ? 'timed out' : `failed (${err.code ?? err.message})`;
    const error = new KeapUnavailableError(`${where}: the connection to Keap ${what}`, undefined, err.code, where);
    return { kind: 'retry', waitMs: this.backoff(attempt), uncertain: !neverSent, error };
  }

  private backoff(attempt: number): number {
    const base = this.options.retryBaseMs ?? 250;
    return Math.min(30_000, base * 2 ** attempt) * (0.5 + Math.random() / 2);
  }

  private redacted(text: string): string {
    return redact(text, secretsOf(this.credential));
  }

  private canRefresh(): boolean {
    const c = this.credential;
    return c.kind === 'oauth' && !!c.tokens.refreshToken && !!c.clientId && !!c.clientSecret;
  }

  private async refreshIfExpiring(): Promise<void> {
    const c = this.credential;
    if (c.kind === 'oauth' && c.tokens.expiresAt && c.tokens.expiresAt - Date.now() < 60_000 && this.canRefresh()) await this.refresh();
  }

  /** Single-flight refresh; Keap rotates the refresh token, so the new pair goes to `onTokens`. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh(this.credential as OAuthCredential).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async doRefresh(c: OAuthCredential): Promise<void> {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: c.tokens.refreshToken ?? '' });
    const res = await axios.post<string>(c.tokenUrl ?? KEAP_TOKEN_URL, form.toString(), {
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
      },
      responseType: 'text',
      transformResponse: [(d: unknown) => d],
      validateStatus: () => true,
      maxRedirects: 0,
      timeout: this.options.timeoutMs ?? 30_000,
      proxy: /^https?:\/\/(127\.0\.0\.1|localhost)/.test(c.tokenUrl ?? '') ? false : undefined,
    });
    const body = parseJson(res.data);
    const value = (body.ok ? body.value : {}) as {
      access_token?: string;
      refresh_token?: string;
      expires_in?: number;
      error_description?: string;
      error?: string;
    };
    if (res.status !== 200 || !value.access_token) {
      throw new KeapAuthError(
        `Refreshing the Keap OAuth token failed (${this.redacted(value.error_description ?? value.error ?? String(res.status))}); connect the account again.`,
        res.status,
        value.error,
      );
    }
    c.tokens = {
      accessToken: value.access_token,
      refreshToken: value.refresh_token ?? c.tokens.refreshToken,
      expiresAt: value.expires_in ? Date.now() + value.expires_in * 1000 : undefined,
    };
    await c.onTokens?.(c.tokens);
  }
}

/** Repeated keys for arrays (Keap's `update_mask` form); values percent-encoded (`==` as `%3D%3D`). */
export function serializeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function describe(spec: { method: string; path: string }): string {
  return `${spec.method} ${spec.path}`;
}

function parseJson(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined || text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The fields of an error body that errorText reads; any of them may be missing (or of another type). */
interface ErrorBody {
  fault?: { faultstring?: unknown; detail?: { errorcode?: string } };
  message?: unknown;
  status?: unknown;
  error_description?: unknown;
  error?: string;
}

/** Keap's error bodies: v2 `{code,message,status}`, Apigee `{fault:{faultstring,detail:{errorcode}}}`, v1 `{message}`. */
function errorText(body: unknown, raw: string | undefined): { message: string; code?: string } {
  const b = body as ErrorBody | undefined;
  if (b?.fault) return { message: String(b.fault.faultstring ?? 'gateway error'), code: b.fault.detail?.errorcode };
  if (b && typeof b.message === 'string') return { message: b.message, code: typeof b.status === 'string' ? b.status : undefined };
  if (b && typeof b.error_description === 'string') return { message: b.error_description, code: b.error };
  return { message: (raw ?? '').slice(0, 200) || 'no details' };
}

/** Whether sending the request twice does no more than sending it once: all but a POST, unless the spec says. */
function isIdempotent(spec: RequestSpec<unknown>): boolean {
  return spec.idempotent ?? spec.method !== 'POST';
}

/** axios's way of saying an answer passed `maxContentLength` (it stops reading there). */
function isTooLarge(err: { code?: string; message: string }): boolean {
  return err.code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(err.message);
}

function mebibytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
