/** One item of Apple's `error.errors` list. */
export interface AppleErrorItem {
  messageCode: string;
  message: string;
  field: string | null;
}

/** Apple's response envelope: every answer has all three keys. */
export interface AppleEnvelope<T> {
  data: T | null;
  pagination: ApplePagination | null;
  error: { errors: AppleErrorItem[] } | null;
}

export interface ApplePagination {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
}

/** An Apple API failure, thrown anywhere in request handling and rendered once by the pipeline. */
export class AppleError extends Error {
  readonly status: number;
  readonly items: AppleErrorItem[];
  readonly headers: Record<string, string>;

  constructor(status: number, items: AppleErrorItem[], headers: Record<string, string> = {}) {
    super(items[0]?.message ?? `HTTP ${status}`);
    this.status = status;
    this.items = items;
    this.headers = headers;
  }

  toBody(): AppleEnvelope<never> {
    return { data: null, pagination: null, error: { errors: this.items } };
  }
}

export function success<T>(data: T, pagination: ApplePagination | null = null): AppleEnvelope<T> {
  return { data, pagination, error: null };
}

const err = (status: number, messageCode: string, message: string, field: string | null = null, headers: Record<string, string> = {}) =>
  new AppleError(status, [{ messageCode, message, field }], headers);

export const invalidInput = (field: string, message: string) => err(400, "INVALID_ATTRIBUTE_TYPE", message, field);
export const missingField = (field: string) => err(400, "MISSING_REQUIRED_FIELD", `${field} is a required field`, field);
export const invalidJson = (message: string) => err(400, "INVALID_JSON_REQUEST", message);
export const duplicateName = (field: string, message: string) => err(400, "DUPLICATE_NAME", message, field);
export const invalidState = (message: string, field: string | null = null) => err(400, "INVALID_OPERATION", message, field);
export const unauthorized = () => err(401, "UNAUTHORIZED", "The token is invalid or expired");
export const forbidden = (message: string) => err(403, "FORBIDDEN", message, "X-AP-Context");
export const notFound = (what: string, id: string) => err(404, "NOT_FOUND", `${what} ${id} was not found`);
export const unknownPath = (path: string) => err(404, "NOT_FOUND", `No resource found at ${path}`);
export const rateLimited = (retryAfterSeconds: number) =>
  err(429, "REQUEST_LIMIT_EXCEEDED", "Too many requests", null, retryAfterSeconds > 0 ? { "retry-after": String(retryAfterSeconds) } : {});
export const serverError = () => err(500, "INTERNAL_ERROR", "Internal server error");
