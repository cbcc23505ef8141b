import { describe, expect, it } from "vitest";
import { applePlatformReportReader } from "./apple-platform-report.ts";
import { ReportError } from "./report-row.ts";

const account = { platformAccountId: "4000", accessToken: "tok", currency: "USD" };
const window = { since: "2026-11-01", until: "2026-11-02" };

/** A platform that answers every call with `status` and `body`, recording what was asked. */
function answering(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as unknown as typeof fetch;
  return { fetchFn, calls };
}

describe("Apple Ads Platform API report reader: failures", () => {
  it.each([
    ["a throttle (429)", 429, { error: { code: "RATE_LIMIT_EXCEEDED", message: "slow down" } }, true],
    ["a server error", 500, { error: { code: "INTERNAL_SERVER_ERROR", message: "boom" } }, true],
    ["an error inside a 200", 200, { result: null, error: { code: "X", message: "partial" } }, true],
    ["a refusal (401)", 401, { error: { code: "UNAUTHORIZED", message: "token revoked" } }, false],
    ["a bad request (400)", 400, { error: { code: "VALIDATION_ERROR", message: "bad filter" } }, false],
  ])("%s is a ReportError saying whether a later sync may succeed", async (_what, status, body, retryable) => {
    const { fetchFn, calls } = answering(status, body);
    const err = await applePlatformReportReader({ baseUrl: "https://apple.example", timeoutMs: 1000, fetch: fetchFn })(account, window).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportError);
    expect((err as ReportError).retryable).toBe(retryable);
    expect((err as ReportError).message).toContain((body as { error: { message: string } }).error.message);
    // The first call lists the account's campaigns, with the ad account as context.
    expect(calls[0]!.url).toBe("https://apple.example/v1/campaigns/query");
    expect(new Headers(calls[0]!.init.headers).get("x-ap-context")).toBe("adAccountId=4000");
  });
});
