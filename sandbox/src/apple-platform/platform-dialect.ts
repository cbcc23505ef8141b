import type { AppleError } from "../apple/apple-error.ts";
import type { AppleOrg } from "../apple/apple-types.ts";
import { contextValue, type AppleDialect } from "../apple/dialect.ts";

/** Apple's example quota; Apple publishes no numbers. The sandbox counts but never refuses on its own: throttling is a fault. */
export const RATE_LIMIT = 100;
export const RATE_WINDOW_MS = 60_000;

/** Top-level `error.code` per HTTP status, as in Apple's examples and status table. */
const TOP_CODE: Record<number, string> = {
  400: "VALIDATION_ERROR",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  429: "RATE_LIMIT_EXCEEDED",
  500: "INTERNAL_SERVER_ERROR",
};

/** v5 detail codes the shared rules raise → the Platform API's detail codes. */
const DETAIL_CODE: Record<string, string> = {
  INVALID_ATTRIBUTE_TYPE: "INVALID_VALUE",
  MISSING_REQUIRED_FIELD: "FIELD_REQUIRED",
  INVALID_JSON_REQUEST: "REQUEST_INVALID",
  INVALID_OPERATION: "INVALID_VALUE",
  REQUEST_LIMIT_EXCEEDED: "RATE_LIMIT_EXCEEDED",
  INTERNAL_ERROR: "INTERNAL_SERVER_ERROR",
};

/** `{error: {code, message, details: [{code, message, info: {field}}]}}`. */
export function platformErrorBody(err: AppleError): Record<string, unknown> {
  return {
    error: {
      code: TOP_CODE[err.status] ?? "BAD_REQUEST",
      message: err.items[0]?.message ?? `HTTP ${err.status}`,
      details: err.items.map((i) => ({
        code: DETAIL_CODE[i.messageCode] ?? i.messageCode,
        message: i.message,
        ...(i.field === null ? {} : { info: { field: i.field } }),
      })),
    },
  };
}

/**
 * The Platform API's side of the pipeline: `X-AP-Context: adAccountId=…` (the same number as the
 * v5 org id), errors in its own shape, and `RateLimit-Limit/Remaining/Reset` on every answer,
 * counted in fixed windows per ad account. A 429 (throttle fault) reads Remaining 0 and carries
 * `Retry-After`.
 */
export function createPlatformDialect(): AppleDialect {
  const windows = new Map<number, { start: number; count: number }>();
  return {
    api: "platform",
    contextId: (h) => contextValue(h, "adAccountId"),
    contextHint: "adAccountId=<adAccountId>",
    renderError: platformErrorBody,
    headers(org, now, err) {
      const extra = err?.headers ?? {};
      if (org === undefined) return extra;
      const t = now.getTime();
      let w = windows.get(org.orgId);
      if (w === undefined || t - w.start >= RATE_WINDOW_MS) {
        w = { start: t, count: 0 };
        windows.set(org.orgId, w);
      }
      w.count++;
      const throttled = err?.status === 429;
      // A throttle fault's window reopens when its Retry-After says (0 = at once), not at the counting window's end.
      const reset = throttled ? Number(extra["retry-after"] ?? 0) : Math.max(1, Math.ceil((w.start + RATE_WINDOW_MS - t) / 1000));
      return {
        ...extra,
        "ratelimit-limit": String(RATE_LIMIT),
        "ratelimit-remaining": String(throttled ? 0 : Math.max(0, RATE_LIMIT - w.count)),
        "ratelimit-reset": String(reset),
      };
    },
  };
}

export type { AppleOrg };
