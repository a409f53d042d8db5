"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeapQuotaWaitError = exports.KeapPagingError = exports.KeapRequestError = exports.BaseUrlError = exports.KeapProtocolError = exports.KeapUncertainWriteError = exports.KeapUnavailableError = exports.KeapThrottledError = exports.KeapConflictError = exports.KeapValidationError = exports.KeapNotFoundError = exports.KeapPermissionError = exports.KeapAuthError = exports.KeapError = void 0;
exports.redact = redact;
/**
 * Errors a Keap Vault user can act on. Messages say what happened and what to do next; they are
 * built from our own words and Keap's error message only, never from request configuration, so a
 * credential can never leak into a message or a log line.
 */
const errors_1 = require("../errors");
/** An answer from Keap (or its absence) turned into something the user can act on. */
class KeapError extends errors_1.KeapVaultError {
    status;
    keapCode;
    request;
    constructor(message, 
    /** HTTP status, when Keap answered. */
    status, 
    /** Keap's own error code (`fault.detail.errorcode` or the v2 `status`). */
    keapCode, 
    /** `METHOD /path` of the request, without query string or host. */
    request) {
        super(message);
        this.status = status;
        this.keapCode = keapCode;
        this.request = request;
    }
}
exports.KeapError = KeapError;
class KeapAuthError extends KeapError {
    kind = 'auth';
}
exports.KeapAuthError = KeapAuthError;
class KeapPermissionError extends KeapError {
    kind = 'permission';
}
exports.KeapPermissionError = KeapPermissionError;
class KeapNotFoundError extends KeapError {
    kind = 'not-found';
}
exports.KeapNotFoundError = KeapNotFoundError;
class KeapValidationError extends KeapError {
    kind = 'validation';
}
exports.KeapValidationError = KeapValidationError;
class KeapConflictError extends KeapError {
    kind = 'conflict';
}
exports.KeapConflictError = KeapConflictError;
class KeapThrottledError extends KeapError {
    kind = 'throttled';
    /** When the quota allows requests again, if Keap said. */
    retryAt;
}
exports.KeapThrottledError = KeapThrottledError;
class KeapUnavailableError extends KeapError {
    kind = 'unavailable';
}
exports.KeapUnavailableError = KeapUnavailableError;
/** A write whose outcome is unknown (the answer was lost): reconcile against live before retrying. */
class KeapUncertainWriteError extends KeapError {
    kind = 'uncertain-write';
}
exports.KeapUncertainWriteError = KeapUncertainWriteError;
class KeapProtocolError extends KeapError {
    kind = 'protocol';
}
exports.KeapProtocolError = KeapProtocolError;
/** A connection's base URL a credential may not be sent to (see `checkedBaseUrl`). */
class BaseUrlError extends errors_1.KeapVaultError {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
exports.BaseUrlError = BaseUrlError;
/**
 * A request Keap Vault will not build (a filter field or value, a record id that would change the
 * request's meaning). Nothing was sent. Not a `KeapError`: Keap never saw it.
 */
class KeapRequestError extends errors_1.KeapVaultError {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
exports.KeapRequestError = KeapRequestError;
/**
 * A list answer from Keap that cannot be paged through. Deliberately not a `KeapError` (so not a
 * per-step failure to a restore's applier): the listing as a whole cannot be trusted.
 */
class KeapPagingError extends errors_1.KeapVaultError {
    kind;
    request;
    constructor(kind, message, 
    /** `GET /path` of the listing. */
    request) {
        super(message);
        this.kind = kind;
        this.request = request;
    }
}
exports.KeapPagingError = KeapPagingError;
/** Removes every occurrence of the given secrets from a text (defence in depth for logs). */
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        if (secret && secret.length >= 4)
            out = out.split(secret).join('[redacted]');
    }
    return out;
}
/**
 * A request would have to wait for Keap's quota longer than its caller allows (an exhausted daily
 * quota, say). Nothing was sent. Not a `KeapError` (so not a per-step failure to a restore's
 * applier): no answer came from Keap, the quota simply holds everything until `retryAt`.
 */
class KeapQuotaWaitError extends errors_1.KeapVaultError {
    retryAt;
    waitingFor;
    kind = 'quota-wait';
    constructor(message, 
    /** When the quota allows requests again. */
    retryAt, 
    /** What it waits for. */
    waitingFor) {
        super(message);
        this.retryAt = retryAt;
        this.waitingFor = waitingFor;
    }
}
exports.KeapQuotaWaitError = KeapQuotaWaitError;
//# sourceMappingURL=errors.js.map