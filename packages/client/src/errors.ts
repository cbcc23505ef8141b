import type { components } from "./schema.ts";

/** The RFC 9457 problem body every Layers error answers with (its `code` is stable). */
export type Problem = components["schemas"]["Problem"];
export type ProblemCode = Problem["code"];
export type FieldError = NonNullable<Problem["errors"]>[number];

/** Statuses whose request was not executed and may simply be sent again later. */
const RETRYABLE_STATUSES = new Set([429, 503]);

/**
 * A non-2xx answer of the Layers API, carrying its problem body. `retryable` says whether sending
 * the same request again later can succeed (429 / 503; the client already retried those as often
 * as it was allowed to before throwing).
 */
export class LayersApiError extends Error {
  override name = "LayersApiError";
  readonly status: number;
  readonly code: ProblemCode | "UNKNOWN";
  readonly requestId: string | null;
  readonly detail: string;
  readonly errors: FieldError[];
  /** The gate's reason for an `AUTHORITY_DENIED` (e.g. `kill_switch_active`). */
  readonly reason: string | null;
  readonly verdictId: string | null;
  readonly retryable: boolean;
  /** The body as received (a problem, or whatever a proxy in between answered). */
  readonly body: unknown;

  constructor(init: { status: number; problem: Partial<Problem> | null; body: unknown; requestId: string | null; method: string; path: string }) {
    const p = init.problem ?? {};
    const detail = p.detail ?? p.title ?? `HTTP ${init.status}`;
    super(`${init.method} ${init.path} → ${init.status} ${p.code ?? "UNKNOWN"}: ${detail}`);
    this.status = init.status;
    this.code = p.code ?? "UNKNOWN";
    this.requestId = p.requestId ?? init.requestId;
    this.detail = detail;
    this.errors = p.errors ?? [];
    this.reason = p.reason ?? null;
    this.verdictId = p.verdictId ?? null;
    this.retryable = RETRYABLE_STATUSES.has(init.status);
    this.body = init.body;
  }
}

/** `waitForJob` gave up before the job reached a terminal status; the job itself goes on. */
export class LayersJobTimeoutError extends Error {
  override name = "LayersJobTimeoutError";
  /** Waiting again can succeed: the job was still moving. */
  readonly retryable = true;
  readonly jobId: string;
  readonly lastStatus: string | null;
  readonly timeoutMs: number;
  constructor(jobId: string, lastStatus: string | null, timeoutMs: number) {
    super(`job ${jobId} did not finish within ${timeoutMs} ms (last status: ${lastStatus ?? "unknown"})`);
    this.jobId = jobId;
    this.lastStatus = lastStatus;
    this.timeoutMs = timeoutMs;
  }
}

/** The request never got an answer (connection refused, reset, aborted); `cause` says why. */
export class LayersNetworkError extends Error {
  override name = "LayersNetworkError";
  readonly method: string;
  readonly path: string;
  /** Whether sending it again is safe: a GET, or a write with an Idempotency-Key. */
  readonly retryable: boolean;
  constructor(method: string, path: string, retryable: boolean, options: { cause: unknown }) {
    super(`${method} ${path}: no answer (${options.cause instanceof Error ? options.cause.message : String(options.cause)})`, options);
    this.method = method;
    this.path = path;
    this.retryable = retryable;
  }
}

/** Turns an answer's body into a `LayersApiError`; tolerant of bodies that are not problems. */
export function toApiError(init: { status: number; bodyText: string; requestIdHeader: string | null; method: string; path: string }): LayersApiError {
  let body: unknown = init.bodyText;
  try {
    body = init.bodyText ? JSON.parse(init.bodyText) : null;
  } catch {
    // Not JSON (a proxy's HTML page): kept as text on `body`.
  }
  const problem = isProblemLike(body) ? body : null;
  return new LayersApiError({ status: init.status, problem, body, requestId: init.requestIdHeader, method: init.method, path: init.path });
}

function isProblemLike(v: unknown): v is Partial<Problem> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && ("code" in v || "detail" in v || "title" in v);
}
