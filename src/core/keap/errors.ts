/**
 * Errors a Keap Vault user can act on. Messages say what happened and what to do next; they are
 * built from our own words and Keap's error message only, never from request configuration, so a
 * credential can never leak into a message or a log line.
 */
import { KeapVaultError } from '../errors';

export type KeapErrorKind =
  'auth' | 'permission' | 'not-found' | 'validation' | 'conflict' | 'throttled' | 'unavailable' | 'uncertain-write' | 'protocol';

/** An answer from Keap (or its absence) turned into something the user can act on. */
export abstract class KeapError extends KeapVaultError<KeapErrorKind> {
  constructor(
    message: string,
    /** HTTP status, when Keap answered. */
    readonly status?: number,
    /** Keap's own error code (`fault.detail.errorcode` or the v2 `status`). */
    readonly keapCode?: string,
    /** `METHOD /path` of the request, without query string or host. */
    readonly request?: string,
  ) {
    super(message);
  }
}

export class KeapAuthError extends KeapError {
  readonly kind = 'auth';
}
export class KeapPermissionError extends KeapError {
  readonly kind = 'permission';
}
export class KeapNotFoundError extends KeapError {
  readonly kind = 'not-found';
}
export class KeapValidationError extends KeapError {
  readonly kind = 'validation';
}
export class KeapConflictError extends KeapError {
  readonly kind = 'conflict';
}
export class KeapThrottledError extends KeapError {
  readonly kind = 'throttled';
  /** When the quota allows requests again, if Keap said. */
  retryAt?: Date;
}
export class KeapUnavailableError extends KeapError {
  readonly kind = 'unavailable';
}
/** A write whose outcome is unknown (the answer was lost): reconcile against live before retrying. */
export class KeapUncertainWriteError extends KeapError {
  readonly kind = 'uncertain-write';
}
export class KeapProtocolError extends KeapError {
  readonly kind = 'protocol';
}

/** Why a base URL was refused: a credential must not be sent there. Nothing was stored or sent. */
export type BaseUrlErrorKind = 'not-a-url' | 'credential-in-url' | 'query-in-url' | 'insecure';

/** A connection's base URL a credential may not be sent to (see `checkedBaseUrl`). */
export class BaseUrlError extends KeapVaultError<BaseUrlErrorKind> {
  constructor(
    readonly kind: BaseUrlErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Why a request was refused before it was sent: a value that must not reach a URL or a filter. */
export type KeapRequestErrorKind = 'filter-field' | 'filter-value' | 'id';

/**
 * A request Keap Vault will not build (a filter field or value, a record id that would change the
 * request's meaning). Nothing was sent. Not a `KeapError`: Keap never saw it.
 */
export class KeapRequestError extends KeapVaultError<KeapRequestErrorKind> {
  constructor(
    readonly kind: KeapRequestErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Why a listing stopped: Keap's page had no list, or its cursor came back again (it would loop). */
export type KeapPagingErrorKind = 'no-list' | 'repeated-page-token';

/**
 * A list answer from Keap that cannot be paged through. Deliberately not a `KeapError` (so not a
 * per-step failure to a restore's applier): the listing as a whole cannot be trusted.
 */
export class KeapPagingError extends KeapVaultError<KeapPagingErrorKind> {
  constructor(
    readonly kind: KeapPagingErrorKind,
    message: string,
    /** `GET /path` of the listing. */
    readonly request: string,
  ) {
    super(message);
  }
}

/** Removes every occurrence of the given secrets from a text (defence in depth for logs). */
export function redact(text: string, secrets: Array<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** What a quota wait waits for: a window of Keap's quota (by its length), a 429, or a free slot. */
export type QuotaWaitCause = 'second' | 'minute' | 'day' | 'throttled' | 'window';

/**
 * A request would have to wait for Keap's quota longer than its caller allows (an exhausted daily
 * quota, say). Nothing was sent. Not a `KeapError` (so not a per-step failure to a restore's
 * applier): no answer came from Keap, the quota simply holds everything until `retryAt`.
 */
export class KeapQuotaWaitError extends KeapVaultError<'quota-wait'> {
  readonly kind = 'quota-wait';
  constructor(
    message: string,
    /** When the quota allows requests again. */
    readonly retryAt: Date,
    /** What it waits for. */
    readonly waitingFor?: QuotaWaitCause,
  ) {
    super(message);
  }
}
