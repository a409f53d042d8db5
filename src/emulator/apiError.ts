import type { KeapErrorBody } from '../core/model';

const STATUS_NAMES: Record<number, string> = {
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
export class EmulatorApiError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
    readonly statusName = STATUS_NAMES[httpStatus] ?? 'UNKNOWN',
    readonly resource?: string,
  ) {
    super(message);
  }

  toBody(): KeapErrorBody {
    return {
      code: this.httpStatus,
      message: this.message,
      status: this.statusName,
      details: this.resource ? [{ domain: 'crm', resource: this.resource }] : [],
    };
  }
}

export function badRequest(message: string): EmulatorApiError {
  return new EmulatorApiError(400, message);
}

export function notFound(resource: string, id: string | number): EmulatorApiError {
  return new EmulatorApiError(404, `${resource} with id ${id} not found`, 'NOT_FOUND', resource);
}

export function failedPrecondition(message: string): EmulatorApiError {
  return new EmulatorApiError(400, message, 'FAILED_PRECONDITION');
}
