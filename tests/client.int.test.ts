import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLayersClient, LayersApiError, type LayersClient } from "@layers/client";
import type { SeedDevResult } from "@layers/ops/seed-dev";
import { ledger } from "./support/api.ts";
import { startStack, type E2EStack } from "./support/stack.ts";

const run = promisify(execFile);
const quickstart = fileURLToPath(new URL("../packages/client/examples/quickstart.ts", import.meta.url));

/**
 * `@layers/client` against the real write path (gateway, gate, dispatcher-meta, sandbox): what a
 * partner's TypeScript code sees, and the README's TypeScript example run as written.
 */
describe("@layers/client end to end", () => {
  let stack: E2EStack;
  let seed: SeedDevResult;
  let layers: LayersClient;

  beforeAll(async () => {
    stack = await startStack();
    seed = await stack.seed();
    layers = createLayersClient({ baseUrl: stack.apiUrl, apiKey: seed.apiKey });
  }, 60_000);
  afterAll(async () => stack?.stop());

  const meta = () => ({ projectId: seed.projectId, platform: "meta" as const });
  const createBody = (name: string) => ({
    adAccountId: seed.layers.meta.adAccountId,
    name,
    outcome: "traffic" as const,
    dailyBudgetCents: 4200,
    campaignManagementMode: "draft" as const,
    creativeMode: "draft" as const,
  });

  it("creates a campaign, approves it and waits for its job to land on the platform", async () => {
    const who = await layers.get("/v1/whoami");
    expect(who.organizationId).toBe(seed.orgId);

    const created = await layers.post("/v1/projects/{projectId}/ads/{platform}/campaigns", { params: meta(), body: createBody("Client e2e") });
    expect(created).toMatchObject({ status: "pending_approval", jobId: expect.stringMatching(/^job_/), campaignId: expect.stringMatching(/^cmp_/) });
    const approved = await layers.post("/v1/projects/{projectId}/ads/{platform}/pending/{pendingActionId}/approve", {
      params: { ...meta(), pendingActionId: created.pendingActionId! },
      body: { comment: "ok" },
    });
    expect(approved.jobId).toBe(created.jobId);

    const job = await layers.waitForJob(created.jobId, { timeoutMs: 30_000 });
    expect(job.status, JSON.stringify(job)).toBe("completed");
    const campaign = await layers.get("/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}", { params: { ...meta(), campaignId: created.campaignId! } });
    expect(campaign.platformCampaignId).toMatch(/^\d+$/);
    const onPlatform = (await ledger(stack.sandboxUrl)).filter((e) => e.op === "create" && e.objectId === campaign.platformCampaignId);
    expect(onPlatform).toHaveLength(1);
  });

  it("the same idempotencyKey replays the first answer instead of writing twice", async () => {
    const key = `client-e2e-${Date.now()}`;
    const a = await layers.post("/v1/projects/{projectId}/ads/{platform}/campaigns", { params: meta(), body: createBody("Once"), idempotencyKey: key });
    const b = await layers.post("/v1/projects/{projectId}/ads/{platform}/campaigns", { params: meta(), body: createBody("Once"), idempotencyKey: key });
    expect(b).toEqual(a);
    const jobs = await stack.env.db.selectFrom("jobs").select("id").where("id", "=", a.jobId).execute();
    expect(jobs).toHaveLength(1);
    const other = await layers.post("/v1/projects/{projectId}/ads/{platform}/campaigns", { params: meta(), body: createBody("Once") });
    expect(other.jobId).not.toBe(a.jobId);
  });

  it("the gateway's problems arrive as LayersApiError: code, request id, field errors", async () => {
    const bad = await layers
      .post("/v1/projects/{projectId}/ads/{platform}/campaigns", { params: meta(), body: { ...createBody("Bad"), dailyBudgetCents: -5 } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(LayersApiError);
    const err = bad as LayersApiError;
    expect(err).toMatchObject({ status: 422, code: "VALIDATION", retryable: false });
    expect(err.requestId).toMatch(/^req_/);
    expect(err.errors.map((e) => e.pointer)).toContain("/dailyBudgetCents");

    const stranger = createLayersClient({ baseUrl: stack.apiUrl, apiKey: (await stack.seed()).apiKey });
    await expect(stranger.get("/v1/jobs/{jobId}", { params: { jobId: "job_00000000000000000000000000" } })).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
    await expect(createLayersClient({ baseUrl: stack.apiUrl, apiKey: "lak_live_nope" }).get("/v1/whoami")).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("runs the README's TypeScript example as written (examples/quickstart.ts, included in README.md verbatim)", async () => {
    const source = await readFile(quickstart, "utf8");
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    expect(readme).toContain("```ts\n" + source + "```");

    const { stdout } = await run(process.execPath, [quickstart], {
      env: {
        ...process.env,
        LAYERS_API_URL: stack.apiUrl,
        LAYERS_API_KEY: seed.apiKey,
        LAYERS_PROJECT_ID: seed.projectId,
        LAYERS_AD_ACCOUNT_ID: seed.layers.meta.adAccountId,
      },
    });
    const summary = JSON.parse(stdout.trim().split("\n").at(-1)!) as { campaignId: string; platformCampaignId: string; jobStatus: string; refusedCode: string };
    expect(summary).toMatchObject({ campaignId: expect.stringMatching(/^cmp_/), platformCampaignId: expect.stringMatching(/^\d+$/), jobStatus: "completed", refusedCode: "VALIDATION" });
    const row = await stack.env.db.selectFrom("campaigns").select(["name", "platform_campaign_id"]).where("id", "=", summary.campaignId).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "Q3 prospecting", platform_campaign_id: summary.platformCampaignId });
  }, 60_000);
});
