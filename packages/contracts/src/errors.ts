import { z } from "zod";

/** Stable error codes of SPEC §10; `type` URIs and titles live here so every edge says the same thing. */
export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401, title: "Authentication required" },
  INSUFFICIENT_SCOPE: { status: 403, title: "The API key lacks a required scope" },
  CUSTOMER_ONLY: { status: 403, title: "Only the customer may do this" },
  AUTHORITY_DENIED: { status: 403, title: "The authority gate denied this write" },
  KILL_SWITCH: { status: 403, title: "Writes are stopped by a kill switch" },
  ORG_SUSPENDED: { status: 403, title: "The organization is suspended; it can read but not write" },
  ORG_ARCHIVED: { status: 403, title: "The organization is archived; it is read-only" },
  NOT_FOUND: { status: 404, title: "Not found" },
  CONFLICT: { status: 409, title: "The resource is not in a state that allows this" },
  IDEMPOTENCY_CONFLICT: { status: 409, title: "Idempotency-Key conflict" },
  VALIDATION: { status: 422, title: "The request is not valid" },
  UNSUPPORTED_ON_PLATFORM: { status: 422, title: "The platform does not support this" },
  RATE_LIMITED: { status: 429, title: "Too many requests" },
  UNAVAILABLE: { status: 503, title: "Temporarily unavailable" },
  INTERNAL: { status: 500, title: "Internal error" },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export const PROBLEM_TYPE_BASE = "https://docs.layers.dev/errors/";

export function problemType(code: ErrorCode): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replaceAll("_", "-");
}

export const fieldErrorSchema = z.object({ pointer: z.string(), detail: z.string() });

/** RFC 9457 problem body with our extension members. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
  requestId: z.string(),
  reason: z.string().optional(),
  verdictId: z.string().optional(),
  /** 409 of an optimizer run request: the layer's run already queued or running. */
  runId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  /** A job that can no longer be canceled: its status now (`POST /v1/jobs/:id/cancel` → 409). */
  jobStatus: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
