import { parseRetryAfter } from "./retry.ts";

/** What one delivery attempt saw on the wire. */
export type AttemptResult =
  | { kind: "response"; status: number; retryAfter: string | null }
  /** No answer within WEBHOOK_TIMEOUT_MS (connect, headers or the response excerpt). */
  | { kind: "timeout"; timeoutMs: number }
  /** Refused connection, reset, DNS failure, TLS error… */
  | { kind: "network"; detail: string }
  /** Not sent: the URL guard refused the address, or the request could not be prepared. */
  | { kind: "not_sent"; reason: string };

export type Verdict =
  | { outcome: "succeeded" }
  /** 410 Gone: the receiver asks us to stop; the endpoint is disabled and the delivery fails. */
  | { outcome: "gone"; error: string }
  /** A failed attempt; the ladder decides whether another follows. */
  | { outcome: "failed"; error: string; retryAfterMs?: number };

/** Statuses whose `Retry-After` stretches the next delay. */
const THROTTLE_STATUSES = new Set([429, 503]);

/**
 * Standard Webhooks rules: only 2xx is success; a redirect is a failure (never followed, so a
 * receiver cannot bounce the request to another host); 410 disables the endpoint; anything else,
 * and any transport failure, is a failed attempt.
 */
export function classify(result: AttemptResult, nowMs: number): Verdict {
  switch (result.kind) {
    case "response": {
      const s = result.status;
      if (s >= 200 && s < 300) return { outcome: "succeeded" };
      if (s === 410) return { outcome: "gone", error: "the endpoint answered 410 Gone" };
      if (s >= 300 && s < 400) return { outcome: "failed", error: `the endpoint answered ${s}; redirects are not followed, answer 2xx at the registered URL` };
      const error = `the endpoint answered ${s}`;
      if (THROTTLE_STATUSES.has(s)) {
        const retryAfterMs = parseRetryAfter(result.retryAfter, nowMs);
        if (retryAfterMs !== undefined) return { outcome: "failed", error: `${error} (Retry-After: ${result.retryAfter!.trim().slice(0, 64)})`, retryAfterMs };
      }
      return { outcome: "failed", error };
    }
    case "timeout":
      return { outcome: "failed", error: `no answer within ${result.timeoutMs} ms` };
    case "network":
      return { outcome: "failed", error: `connection failed: ${result.detail}` };
    case "not_sent":
      return { outcome: "failed", error: result.reason };
  }
}
