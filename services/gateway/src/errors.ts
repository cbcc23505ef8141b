import { ERROR_CODES, type ErrorCode } from "@layers/contracts";

export interface FieldError {
  /** RFC 6901 JSON pointer into the request body (or `/<name>` for a query parameter). */
  pointer: string;
  detail: string;
}

export interface ApiErrorExtras {
  reason?: string;
  verdictId?: string;
  runId?: string;
  errors?: FieldError[];
  /** The job's current status, on a cancel that came too late. */
  jobStatus?: string;
  /** Overrides the code's default status (e.g. 413/415 for VALIDATION, 422 for IDEMPOTENCY_CONFLICT). */
  status?: number;
  headers?: Record<string, string>;
}

/**
 * The one error the gateway throws on purpose. The error handler turns it into an RFC 9457 problem;
 * anything else that escapes a handler is an internal error whose text is never shown.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly extras: ApiErrorExtras;
  constructor(code: ErrorCode, detail: string, extras: ApiErrorExtras = {}) {
    super(detail);
    this.name = "ApiError";
    this.code = code;
    this.status = extras.status ?? ERROR_CODES[code].status;
    this.extras = extras;
  }
}

export const notFound = (what: string) => new ApiError("NOT_FOUND", `${what} not found`);
