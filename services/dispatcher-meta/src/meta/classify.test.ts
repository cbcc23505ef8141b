import { describe, expect, it } from "vitest";
import { classifyGraphFailure, classifyNetworkError, regainAccessMs } from "./classify.ts";
import { MetaRequestError, MetaThrottledError, MetaTokenError, MetaTransientError } from "./errors.ts";

const body = (error: Record<string, unknown>) => ({ error: { type: "OAuthException", fbtrace_id: "AbC", is_transient: false, ...error } });
const usage = (minutes: number) => JSON.stringify({ "act_1": [{ type: "ads_management", call_count: 100, total_cputime: 20, total_time: 20, estimated_time_to_regain_access: minutes }] });

describe("classifyGraphFailure", () => {
  it.each([
    ["app throttle", 400, body({ code: 4, message: "(#4) Application request limit reached" }), MetaThrottledError],
    ["account throttle", 400, body({ code: 17, error_subcode: 2446079, message: "(#17) User request limit reached" }), MetaThrottledError],
    ["pages throttle", 400, body({ code: 32, message: "(#32) Page request limit reached" }), MetaThrottledError],
    ["ad-account throttle", 400, body({ code: 613, message: "(#613) Calls within one hour" }), MetaThrottledError],
    ["BUC first", 400, body({ code: 80000, message: "(#80000)" }), MetaThrottledError],
    ["BUC ads_management", 400, body({ code: 80004, message: "(#80004)" }), MetaThrottledError],
    ["BUC last", 400, body({ code: 80014, message: "(#80014)" }), MetaThrottledError],
    ["bare 429", 429, undefined, MetaThrottledError],
    ["expired token", 400, body({ code: 190, error_subcode: 463, message: "Error validating access token: Session has expired." }), MetaTokenError],
    ["invalid token", 400, body({ code: 190, message: "Invalid OAuth access token" }), MetaTokenError],
    ["session error", 400, body({ code: 102, message: "Session key invalid" }), MetaTokenError],
    ["unknown error", 500, body({ code: 1, message: "An unknown error occurred" }), MetaTransientError],
    ["service error", 500, body({ code: 2, message: "Service temporarily unavailable", is_transient: true }), MetaTransientError],
    ["code 2 on a 400", 400, body({ code: 2, message: "retry" }), MetaTransientError],
    ["is_transient flag", 400, body({ code: 100, message: "x", is_transient: true }), MetaTransientError],
    ["bare 503", 503, undefined, MetaTransientError],
    ["html 502", 502, "<html>bad gateway</html>", MetaTransientError],
    ["invalid parameter", 400, body({ code: 100, message: "(#100) Invalid parameter" }), MetaRequestError],
    ["unknown object", 400, body({ code: 100, error_subcode: 33, message: "Unsupported post request." }), MetaRequestError],
    ["permission", 403, body({ code: 200, message: "(#200) Permissions error" }), MetaRequestError],
    ["80015 is not a throttle", 400, body({ code: 80015, message: "x" }), MetaRequestError],
    ["bare 404", 404, undefined, MetaRequestError],
  ])("%s → %s", (_name, httpStatus, b, kind) => {
    const err = classifyGraphFailure({ httpStatus, body: b });
    expect(err).toBeInstanceOf(kind);
    expect(err.retryable).toBe(kind === MetaThrottledError || kind === MetaTransientError);
    expect(err.detail.httpStatus).toBe(httpStatus);
  });

  it("keeps Meta's code, subcode and trace id, and names the failure for the job", () => {
    const err = classifyGraphFailure({ httpStatus: 400, body: body({ code: 190, error_subcode: 463, message: "Session has expired." }) });
    expect(err).toBeInstanceOf(MetaTokenError);
    expect((err as MetaTokenError).code).toBe("token_expired");
    expect(err.detail).toEqual({ httpStatus: 400, code: 190, subcode: 463, fbtraceId: "AbC" });
    expect(err.message).toBe("Session has expired.");
  });

  it("passes Meta's message and user message through on a refusal", () => {
    const err = classifyGraphFailure({
      httpStatus: 400,
      body: body({ code: 100, message: "(#100) Invalid parameter", error_user_title: "Budget Is Too Low", error_user_msg: "The budget must be at least $1.00" }),
    });
    expect(err).toBeInstanceOf(MetaRequestError);
    expect((err as MetaRequestError).code).toBe("platform_rejected");
    expect(err.message).toBe("(#100) Invalid parameter: The budget must be at least $1.00");
  });

  it("takes a throttle's delay from the usage header, in minutes", () => {
    const err = classifyGraphFailure({ httpStatus: 400, body: body({ code: 17, message: "limit" }), usageHeader: usage(3) });
    expect(err).toBeInstanceOf(MetaThrottledError);
    expect(err.retryAfterMs).toBe(180_000);
  });

  it("leaves the delay to the caller's ladder when Meta says 0 minutes or nothing", () => {
    expect(classifyGraphFailure({ httpStatus: 400, body: body({ code: 17, message: "x" }), usageHeader: usage(0) }).retryAfterMs).toBeUndefined();
    expect(classifyGraphFailure({ httpStatus: 400, body: body({ code: 17, message: "x" }) }).retryAfterMs).toBeUndefined();
  });

  it("does not read a delay into non-throttle errors", () => {
    expect(classifyGraphFailure({ httpStatus: 500, body: body({ code: 2, message: "x" }), usageHeader: usage(5) }).retryAfterMs).toBeUndefined();
  });
});

describe("regainAccessMs", () => {
  it("takes the longest regain time over every account and use case", () => {
    const h = JSON.stringify({
      "1": [{ type: "ads_management", estimated_time_to_regain_access: 1 }, { type: "ads_insights", estimated_time_to_regain_access: 4 }],
      "2": [{ type: "ads_management", estimated_time_to_regain_access: 2 }],
    });
    expect(regainAccessMs(h)).toBe(240_000);
  });

  it.each([[null], [""], ["not json"], ["[]"], ['{"1":"x"}'], ['{"1":[{"estimated_time_to_regain_access":"5"}]}']])("ignores %j", (h) => {
    expect(regainAccessMs(h)).toBeUndefined();
  });
});

describe("classifyNetworkError", () => {
  it("treats timeouts and dropped connections as transient, keeping the cause", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const t = classifyNetworkError(timeout);
    expect(t).toBeInstanceOf(MetaTransientError);
    expect(t.message).toMatch(/timed out/);
    expect(t.cause).toBe(timeout);

    const refused = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:1") });
    const r = classifyNetworkError(refused);
    expect(r.retryable).toBe(true);
    expect(r.message).toMatch(/ECONNREFUSED/);
  });
});
