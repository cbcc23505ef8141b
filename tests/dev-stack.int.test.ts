import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { createServer as createHttpServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.ts";
import { createTestEnv, type TestEnv } from "@layers/testkit";

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

    child.kill("SIGINT");
    expect(await exited).toBe(0);
    await expect(fetch(`${seed.apiBaseUrl}/healthz`)).rejects.toThrow();
  }, 90_000);
});
