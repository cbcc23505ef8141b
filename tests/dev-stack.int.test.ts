import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { createServer as createHttpServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.ts";
import { createTestEnv, promSample, type TestEnv } from "@layers/testkit";

const stackMain = fileURLToPath(new URL("../tools/ops/src/stack.ts", import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** `./dev start` runs this: the whole stack as separate processes, a seeded tenant printed, Ctrl-C drains it. */
describe("dev stack (./dev start)", () => {
  let env: TestEnv;
  let dir: string;
  beforeAll(async () => {
    env = await createTestEnv();
    dir = mkdtempSync(join(tmpdir(), "layers-stack-"));
  });
  afterAll(async () => {
    await env.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("starts every service, prints a working dev tenant, and drains on SIGINT", async () => {
    const [apiPort, sandboxPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, [stackMain], {
      env: { ...process.env, ...env.env, API_PORT: String(apiPort), SANDBOX_PORT: String(sandboxPort), STACK_DIR: dir, SERVICE_LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    const deadline = Date.now() + 45_000;
    while (!/\}\s*$/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    expect(err).toContain("dev stack is up");
    const seed = JSON.parse(out);
    expect(seed.apiBaseUrl).toBe(`http://127.0.0.1:${apiPort}`);
    expect(JSON.parse(readFileSync(join(dir, "dev.json"), "utf8"))).toEqual(seed);

    const partner = apiClient(seed.apiBaseUrl, seed.apiKey);
    expect((await partner.get("/v1/whoami")).status).toBe(200);
    const list = await partner.get(`/v1/projects/${seed.projectId}/ads/meta/campaigns`);
    expect(list.body.data).toHaveLength(2);

    // The dev stack allowlists 127.0.0.1: a partner's local receiver gets a signed test event.
    const received: Array<{ headers: Record<string, unknown>; body: string }> = [];
    const receiver = createHttpServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
    const port = (receiver.address() as { port: number }).port;
    const endpoint = await partner.post("/v1/webhooks/endpoints", { url: `http://127.0.0.1:${port}/hooks`, events: ["ads.*"] });
    expect(endpoint.status).toBe(201);
    expect(endpoint.body.secret).toMatch(/^whsec_/);
    const test = await partner.post(`/v1/webhooks/endpoints/${endpoint.body.id}/test`, {});
    expect(test.status).toBe(202);
    const deadline2 = Date.now() + 15_000;
    while (received.length === 0 && Date.now() < deadline2) await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(1);
    expect(received[0]!.headers["webhook-id"]).toBe(test.body.eventId);
    expect(String(received[0]!.headers["webhook-signature"])).toMatch(/^v1,/);
    await new Promise((r) => receiver.close(() => r(undefined)));

    // A write that lands on the platform: created as a draft, approved, dispatched by dispatcher-meta.
    const metaAccount = seed.layers.meta.adAccountId;
    const created = await partner.post(`/v1/projects/${seed.projectId}/ads/meta/campaigns`, {
      adAccountId: metaAccount,
      name: "Metrics probe",
      outcome: "conversions",
      dailyBudgetCents: 5000,
      campaignManagementMode: "draft",
      creativeMode: "autopilot",
    });
    expect(created.status).toBe(202);
    const approved = await partner.post(`/v1/projects/${seed.projectId}/ads/meta/pending/${created.body.pendingActionId}/approve`, {});
    expect(approved.status).toBeLessThan(300);
    const landBy = Date.now() + 20_000;
    let job = await partner.get(`/v1/jobs/${created.body.jobId}`);
    while ((job.body.status === "queued" || job.body.status === "running") && Date.now() < landBy) {
      await new Promise((r) => setTimeout(r, 200));
      job = await partner.get(`/v1/jobs/${created.body.jobId}`);
    }
    expect(job.body.status).toBe("completed");

    // Every service's base URL is listed; each answers /healthz, /readyz and /metrics with its own series.
    expect(Object.keys(seed.services).sort()).toEqual(["dispatcher-apple", "dispatcher-meta", "dispatcher-tiktok", "gate", "gateway", "sandbox", "webhooks"]);
    expect(seed.services.gateway).toBe(seed.apiBaseUrl);
    // Series by name and labels, after the traffic above (a value of undefined: no such series).
    type Want = [name: string, labels: Record<string, string>, check: (v: number | undefined) => boolean];
    const atLeastZero = (v: number | undefined) => v !== undefined && v >= 0;
    const one = (v: number | undefined) => v === 1;
    const expected: Record<string, Want[]> = {
      gateway: [
        ["http_requests_total", { method: "POST", route: "/v1/projects/:projectId/ads/:platform/campaigns", status: "202" }, one],
        ["http_request_duration_seconds_count", { route: "/v1/projects/:projectId/ads/:platform/campaigns", status: "202" }, one],
      ],
      gate: [
        ["gate_decisions_total", { decision: "queue_for_approval", platform: "meta" }, one],
        ["jetstream_consumer_pending_messages", { durable: "gate" }, atLeastZero],
        ["outbox_oldest_unpublished_age_seconds", {}, atLeastZero],
      ],
      "dispatcher-meta": [
        ["dispatch_attempts_total", { platform: "meta", outcome: "landed" }, one],
        ["dispatch_duration_seconds_count", { platform: "meta", outcome: "landed" }, one],
        ["jetstream_consumer_pending_messages", { durable: "dispatcher-meta" }, (v) => v === 0],
      ],
      "dispatcher-tiktok": [["jetstream_consumer_pending_messages", { durable: "dispatcher-tiktok" }, atLeastZero]],
      "dispatcher-apple": [["jetstream_consumer_ack_pending_messages", { durable: "dispatcher-apple" }, atLeastZero]],
      webhooks: [
        ["webhook_attempts_total", { outcome: "succeeded" }, (v) => v !== undefined && v >= 1],
        // The receiver closed before the campaign's ads.* events: the endpoint now fails and retries.
        ["webhook_attempts_total", { outcome: "retrying" }, (v) => v !== undefined && v >= 1],
        ["webhook_endpoints", { state: "failing" }, one],
        ["jetstream_consumer_pending_messages", { durable: "webhooks" }, atLeastZero],
      ],
    };
    for (const [name, wants] of Object.entries(expected)) {
      const base = seed.services[name] as string;
      expect((await fetch(`${base}/healthz`)).status, `${name} /healthz`).toBe(200);
      expect((await fetch(`${base}/readyz`)).status, `${name} /readyz`).toBe(200);
      const common: Want[] = [
        ["pg_pool_connections", { service: name, state: "max" }, (v) => v !== undefined && v > 0],
        ["nodejs_eventloop_lag_seconds", { service: name }, atLeastZero],
      ];
      // Deliveries and acks trail the job's completion by a moment: scrape until the series settle.
      const scrapeBy = Date.now() + 10_000;
      let metrics = "";
      const failing = () => [...wants, ...common].filter(([metric, labels, check]) => !check(promSample(metrics, metric, labels)));
      do {
        metrics = await (await fetch(`${base}/metrics`)).text();
        if (failing().length === 0) break;
        await new Promise((r) => setTimeout(r, 250));
      } while (Date.now() < scrapeBy);
      for (const [metric, labels, check] of [...wants, ...common]) {
        const v = promSample(metrics, metric, labels);
        expect(check(v), `${name}: ${metric}${JSON.stringify(labels)} = ${v} in:\n${metrics.split("\n").filter((l) => l.startsWith(metric)).join("\n")}`).toBe(true);
      }
    }

    child.kill("SIGINT");
    expect(await exited).toBe(0);
    await expect(fetch(`${seed.apiBaseUrl}/healthz`)).rejects.toThrow();
    // Every service it started is gone too (each inherited this run's STACK_DIR): none left orphaned.
    expect(processesWithEnv(`STACK_DIR=${dir}`), "services still running after the stack exited").toEqual([]);
  }, 90_000);
});

/** Live processes whose environment holds `entry` (exactly, as one NAME=value), with their command lines. */
function processesWithEnv(entry: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(entry)) found.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ")}`);
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}
