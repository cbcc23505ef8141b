import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLayersClient, LayersApiError, LayersJobTimeoutError, type LayersClientOptions } from "./index.ts";

/**
 * The client against a stub HTTP server that answers from a script per test: what goes over the
 * wire (headers, retries, bodies) is what is checked. `sleep` is recorded instead of waited.
 */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Answer = { status: number; body?: unknown; text?: string; headers?: Record<string, string> };

let seen: Seen[] = [];
let script: Answer[] = [];
let baseUrl = "";
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString()));
  req.on("end", () => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
    const a = script.shift() ?? { status: 500, body: { code: "INTERNAL", detail: "the stub ran out of answers" } };
    const text = a.text ?? (a.body === undefined ? "" : JSON.stringify(a.body));
    res.writeHead(a.status, { "content-type": a.text ? "text/html" : "application/json", ...a.headers });
    res.end(text);
  });
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
  script = [];
});

const slept: number[] = [];
const client = (opts: Partial<LayersClientOptions> = {}) =>
  createLayersClient({ baseUrl, apiKey: "lak_test_x", sleep: async (ms) => void slept.push(ms), ...opts });

const problem = (status: number, code: string, extra: object = {}) => ({
  type: `https://docs.layers.dev/errors/${code.toLowerCase()}`,
  title: code,
  status,
  detail: `${code} detail`,
  code,
  requestId: "req_abc",
  ...extra,
});
const accepted = { status: "accepted", jobId: "job_01kaw0000000000000000000000" };
const job = (status: string) => ({ id: "job_01kaw0000000000000000000000", kind: "campaign.create", status, organizationId: "org_1", projectId: null, verdict: null, pendingActionId: null, result: null, error: null, createdAt: "", updatedAt: "", completedAt: null });
const createArgs = {
  params: { projectId: "7c9e6679-7425-40de-944b-e07fc1f90ae7", platform: "meta" as const },
  body: { adAccountId: "aa_1", name: "Q3", outcome: "conversions" as const, dailyBudgetCents: 5000, campaignManagementMode: "draft" as const, creativeMode: "draft" as const },
};

describe("requests", () => {
  it("fills path parameters, sends the credential and the JSON body, and returns the parsed answer", async () => {
    script = [{ status: 202, body: accepted }];
    const out = await client().post("/v1/projects/{projectId}/ads/{platform}/campaigns", createArgs);
    expect(out).toEqual(accepted);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe("POST");
    expect(seen[0]!.url).toBe("/v1/projects/7c9e6679-7425-40de-944b-e07fc1f90ae7/ads/meta/campaigns");
    expect(seen[0]!.headers.authorization).toBe("Bearer lak_test_x");
    expect(seen[0]!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(seen[0]!.body)).toEqual(createArgs.body);
  });

  it("encodes query values and sends X-Layers-Organization when acting inside a child org", async () => {
    script = [{ status: 200, body: { data: [], nextCursor: null } }];
    await client({ organizationId: "org_child" }).get("/v1/projects", { query: { limit: 5, cursor: "a b" } });
    expect(seen[0]!.url).toBe("/v1/projects?limit=5&cursor=a+b");
    expect(seen[0]!.headers["x-layers-organization"]).toBe("org_child");
  });
});

describe("Idempotency-Key", () => {
  it("every POST gets a fresh random UUID; reads and PATCHes get none", async () => {
    script = [{ status: 202, body: accepted }, { status: 202, body: accepted }, { status: 200, body: job("queued") }, { status: 202, body: accepted }];
    const c = client();
    await c.post("/v1/projects/{projectId}/ads/{platform}/campaigns", createArgs);
    await c.post("/v1/projects/{projectId}/ads/{platform}/campaigns", createArgs);
    await c.get("/v1/jobs/{jobId}", { params: { jobId: accepted.jobId } });
    await c.patch("/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/budget", { params: { ...createArgs.params, campaignId: "cmp_1" }, body: { dailyBudgetCents: 100 } });
    const [a, b, get, patch] = seen.map((s) => s.headers["idempotency-key"]);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    expect(get).toBeUndefined();
    expect(patch).toBeUndefined();
  });

  it("a key given by the caller is sent as is", async () => {
    script = [{ status: 202, body: accepted }];
    await client().post("/v1/projects/{projectId}/ads/{platform}/campaigns", { ...createArgs, idempotencyKey: "order-42" });
    expect(seen[0]!.headers["idempotency-key"]).toBe("order-42");
  });
});

describe("retries", () => {
  beforeEach(() => void slept.splice(0));

  it("429: waits at least Retry-After, then sends the same request with the same Idempotency-Key", async () => {
    script = [{ status: 429, body: problem(429, "RATE_LIMITED"), headers: { "retry-after": "2" } }, { status: 202, body: accepted }];
    const out = await client().post("/v1/projects/{projectId}/ads/{platform}/campaigns", createArgs);
    expect(out).toEqual(accepted);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.headers["idempotency-key"]).toBe(seen[0]!.headers["idempotency-key"]);
    expect(seen[1]!.body).toBe(seen[0]!.body);
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThanOrEqual(2000);
    expect(slept[0]).toBeLessThanOrEqual(2400);
  });

  it("503 on a POST (it has an Idempotency-Key) is retried; without Retry-After it backs off", async () => {
    script = [{ status: 503, body: problem(503, "UNAVAILABLE") }, { status: 503, body: problem(503, "UNAVAILABLE") }, { status: 202, body: accepted }];
    await client({ retry: { baseDelayMs: 100 } }).post("/v1/projects/{projectId}/ads/{platform}/campaigns", createArgs);
    expect(seen).toHaveLength(3);
    expect(slept[0]).toBeGreaterThanOrEqual(50);
    expect(slept[0]).toBeLessThanOrEqual(100);
    expect(slept[1]).toBeGreaterThanOrEqual(100);
    expect(slept[1]).toBeLessThanOrEqual(200);
  });

  it("503 on a PATCH without a key is not retried (the write may have started)", async () => {
    script = [{ status: 503, body: problem(503, "UNAVAILABLE"), headers: { "retry-after": "1" } }];
    const err = await client()
      .patch("/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/budget", { params: { ...createArgs.params, campaignId: "cmp_1" }, body: { dailyBudgetCents: 100 } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LayersApiError);
    expect(err).toMatchObject({ status: 503, code: "UNAVAILABLE", retryable: true });
    expect(seen).toHaveLength(1);
  });

  it("is bounded: after maxAttempts the last answer is thrown", async () => {
    script = Array.from({ length: 5 }, () => ({ status: 429, body: problem(429, "RATE_LIMITED"), headers: { "retry-after": "1" } }));
    const err = await client({ retry: { maxAttempts: 3 } })
      .get("/v1/whoami")
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "LayersApiError", status: 429, code: "RATE_LIMITED", retryable: true });
    expect(seen).toHaveLength(3);
    expect(slept).toHaveLength(2);
  });

  it("a Retry-After beyond maxDelayMs is not waited for", async () => {
    script = [{ status: 429, body: problem(429, "RATE_LIMITED"), headers: { "retry-after": "120" } }];
    const err = await client({ retry: { maxDelayMs: 10_000 } })
      .get("/v1/whoami")
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 429 });
    expect(seen).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it("other errors are never retried", async () => {
    script = [{ status: 409, body: problem(409, "CONFLICT") }];
    await expect(client().get("/v1/whoami")).rejects.toMatchObject({ status: 409, code: "CONFLICT", retryable: false });
    expect(seen).toHaveLength(1);
  });
});

describe("problem bodies", () => {
  it("become a LayersApiError with status, code, requestId, detail and the field errors", async () => {
    const errors = [{ pointer: "/dailyBudgetCents", detail: "must be positive" }];
    script = [{ status: 422, body: problem(422, "VALIDATION", { errors }) }];
    const err = (await client()
      .post("/v1/projects/{projectId}/ads/{platform}/campaigns", createArgs)
      .catch((e: unknown) => e)) as LayersApiError;
    expect(err).toBeInstanceOf(LayersApiError);
    expect(err).toMatchObject({ name: "LayersApiError", status: 422, code: "VALIDATION", requestId: "req_abc", detail: "VALIDATION detail", errors, retryable: false });
    expect(err.message).toContain("VALIDATION");
  });

  it("keep the gate's reason and verdict id", async () => {
    script = [{ status: 403, body: problem(403, "AUTHORITY_DENIED", { reason: "kill_switch_active", verdictId: "0b6f1f3e-6b1a-4d53-9d4e-0c6b3d0f4a11" }) }];
    await expect(client().post("/v1/projects/{projectId}/ads/{platform}/campaigns", createArgs)).rejects.toMatchObject({
      code: "AUTHORITY_DENIED",
      reason: "kill_switch_active",
      verdictId: "0b6f1f3e-6b1a-4d53-9d4e-0c6b3d0f4a11",
    });
  });

  it("an answer that is not a problem (a proxy's page) still throws, with the X-Request-Id header and the raw text", async () => {
    script = [{ status: 502, text: "<html>bad gateway</html>", headers: { "x-request-id": "req_proxy" } }];
    const err = (await client()
      .get("/v1/whoami")
      .catch((e: unknown) => e)) as LayersApiError;
    expect(err).toMatchObject({ status: 502, code: "UNKNOWN", requestId: "req_proxy", errors: [], body: "<html>bad gateway</html>" });
  });
});

describe("waitForJob", () => {
  it("polls GET /v1/jobs/{jobId} until a terminal status and returns the job", async () => {
    script = [{ status: 200, body: job("queued") }, { status: 200, body: job("running") }, { status: 200, body: job("failed") }];
    const out = await client().waitForJob(accepted.jobId, { intervalMs: 10 });
    expect(out.status).toBe("failed");
    expect(seen.map((s) => s.url)).toEqual(Array(3).fill(`/v1/jobs/${accepted.jobId}`));
  });

  it("gives up after timeoutMs with a LayersJobTimeoutError naming the last status", async () => {
    // Real sleeps here: the deadline is wall-clock time.
    script = Array.from({ length: 50 }, () => ({ status: 200, body: job("running") }));
    const err = await createLayersClient({ baseUrl, apiKey: "k" })
      .waitForJob(accepted.jobId, { timeoutMs: 60, intervalMs: 20 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LayersJobTimeoutError);
    expect(err).toMatchObject({ jobId: accepted.jobId, lastStatus: "running", retryable: true });
  });

  it("a 404 for the job is thrown at once", async () => {
    script = [{ status: 404, body: problem(404, "NOT_FOUND") }];
    await expect(client().waitForJob("job_01kaw0000000000000000000000")).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
  });
});
