"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EmulatorApiError = void 0;
exports.badRequest = badRequest;
exports.notFound = notFound;
exports.failedPrecondition = failedPrecondition;
const STATUS_NAMES = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    409: 'ALREADY_EXISTS',
    500: 'INTERNAL',
    501: 'UNIMPLEMENTED',
};
/** An error the emulator answers with Keap's v2 application error body. */
class EmulatorApiError extends Error {
    httpStatus;
    statusName;
    resource;
    constructor(httpStatus, message, statusName = STATUS_NAMES[httpStatus] ?? 'UNKNOWN', resource) {
        super(message);
        this.httpStatus = httpStatus;
        this.statusName = statusName;
        this.resource = resource;
    }
    toBody() {
        return {
            code: this.httpStatus,
            message: this.message,
            status: this.statusName,
            details: this.resource ? [{ domain: 'crm', resource: this.resource }] : [],
        };
    }
}
exports.EmulatorApiError = EmulatorApiError;
function badRequest(message) {
    return new EmulatorApiError(400, message);
}
function notFound(resource, id) {
    return new EmulatorApiError(404, `${resource} with id ${id} not found`, 'NOT_FOUND', resource);
}
function failedPrecondition(message) {
    return new EmulatorApiError(400, message, 'FAILED_PRECONDITION');
}
//# sourceMappingURL=apiError.js.map