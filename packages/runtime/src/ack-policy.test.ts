import { describe, expect, it } from "vitest";
import { decideAck, type RetryPolicy } from "./ack-policy.ts";
import { MalformedMessageError, PermanentError, RetryableError } from "./errors.ts";

const policy: RetryPolicy = { maxAttempts: 3, backoffMs: [100, 1_000] };

describe("decideAck", () => {
  it("acks done work and naks deferred work with its delay", () => {
    expect(decideAck({ kind: "done" }, 1, policy)).toEqual({ action: "ack" });
    expect(decideAck({ kind: "defer", delayMs: 150 }, 7, policy)).toEqual({ action: "nak", delayMs: 150 });
  });

  it("walks the backoff ladder for retryable errors, repeating its last step", () => {
    const err = { kind: "error" as const, error: new RetryableError("503") };
    expect(decideAck(err, 1, policy)).toEqual({ action: "nak", delayMs: 100 });
    expect(decideAck(err, 2, policy)).toEqual({ action: "nak", delayMs: 1_000 });
  });

  it("honours a delay the failure asked for", () => {
    expect(decideAck({ kind: "error", error: new RetryableError("throttled", { retryAfterMs: 60_000 }) }, 1, policy)).toEqual({ action: "nak", delayMs: 60_000 });
  });

  it("terminates after bounded attempts and keeps the reason", () => {
    const a = decideAck({ kind: "error", error: new RetryableError("503") }, 3, policy);
    expect(a.action).toBe("term");
    expect(a.action === "term" && a.deadLetterReason).toMatch(/gave up after 3 attempts: RetryableError: 503/);
  });

  it("terminates permanent and malformed failures at once", () => {
    expect(decideAck({ kind: "error", error: new PermanentError("bad", "no") }, 1, policy).action).toBe("term");
    expect(decideAck({ kind: "error", error: new MalformedMessageError("junk") }, 1, policy).action).toBe("term");
  });

  it("treats unknown errors as retryable", () => {
    expect(decideAck({ kind: "error", error: new Error("ECONNRESET") }, 1, policy)).toEqual({ action: "nak", delayMs: 100 });
  });
});
