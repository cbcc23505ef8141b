import { adsContentListSchema, adsMetricsResponseSchema, jobSchema, optimizerRunAcceptedSchema, optimizerRunSchema, problemSchema } from "@layers/contracts";
import { json } from "@layers/db";
import { mintApiKey } from "@layers/ops/orgs";
import { storeCampaign, storeChild, storeTenant } from "@layers/optimizer/testing";
import { createSandboxClient, type SandboxClient } from "@layers/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, eventually, type ApiClient } from "../support/api.ts";
import { expectContract } from "../support/contract.ts";
import { lastDays, startTestOptimizer } from "../support/optimizer.ts";
import { startStack, type E2EStack } from "../support/stack.ts";

let stack: E2EStack;
let sandbox: SandboxClient;
let optimizer: Awaited<ReturnType<typeof startTestOptimizer>>;

beforeAll(async () => {
  stack = await startStack();
  sandbox = createSandboxClient(stack.sandboxUrl);
  optimizer = await startTestOptimizer(stack);
}, 60_000);
afterAll(async () => {
  await optimizer?.close();
  await stack?.stop();
});

const TIRED = { primaryText: "Summer sale", linkUrl: "https://shop.example/" };
const FRESH = { primaryText: "Autumn drop", linkUrl: "https://shop.example/new" };

describe("optimizer over HTTP: runs, metrics and the creative pool", () => {
  let api: ApiClient;
  let projectId: string;
  let layerId: string;
  let tiredAd: string;
  let freshAd: string;

  beforeAll(async () => {
    const acct = await sandbox.createMetaAdAccount({ currency: "USD", campaigns: [{ name: "C", objective: "OUTCOME_SALES", adsets: [{ name: "S", daily_budget: 5000, ads: [{ name: "Tired" }, { name: "Fresh" }] }] }] } as never);
    const t = await storeTenant(stack.env.db, "meta", { platformAccountId: acct.platformAccountId, accessToken: acct.accessToken, currency: "USD" });
    await stack.env.db.updateTable("layers").set({ defaults: json({ creative: "draft", tactical: "draft", structural: "draft" }) }).where("id", "=", t.layerId).execute();
    const c = acct.campaigns[0]!;
    const campaignId = await storeCampaign(stack.env.db, t, c.id, { name: "C" });
    const setId = await storeChild(stack.env.db, t, "adset", campaignId, null, c.adsets[0]!.id, { name: "S" });
    tiredAd = await storeChild(stack.env.db, t, "ad", campaignId, setId, c.adsets[0]!.ads[0]!.id, { name: "Tired", creative: TIRED });
    freshAd = await storeChild(stack.env.db, t, "ad", campaignId, setId, c.adsets[0]!.ads[1]!.id, { name: "Fresh", creative: FRESH });
    // Tired: CTR 2 % its first week, 1 % the last; Fresh: 3 % throughout. Both convert (no pause).
    const early = lastDays(14, { spend: 1000, impressions: 1000, clicks: 20, conversions: 1 }).slice(0, 7);
    const late = lastDays(7, { spend: 1000, impressions: 1000, clicks: 10, conversions: 1 });
    await sandbox.setPerformance("meta", c.adsets[0]!.ads[0]!.id, [...early, ...late]);
    await sandbox.setPerformance("meta", c.adsets[0]!.ads[1]!.id, lastDays(14, { spend: 1000, impressions: 1000, clicks: 30, conversions: 1 }));
    const key = await mintApiKey(stack.env.db, { orgId: t.organizationId, scopes: ["*"] });
    api = apiClient(stack.apiUrl, key.secret);
    projectId = t.projectId;
    layerId = t.layerId;
  });

  async function runOverHttp(dryRun: boolean) {
    const res = await api.post(`/v1/projects/${projectId}/ads/optimizer/run`, { layerId, platform: "meta_ads", dryRun });
    expect(res.status).toBe(202);
    const accepted = expectContract(optimizerRunAcceptedSchema, res.body);
    const run = await eventually(async () => {
      const got = await api.get(`/v1/projects/${projectId}/ads/optimizer/runs/${accepted.runId}`);
      const run = expectContract(optimizerRunSchema, got.body);
      return run.status === "completed" || run.status === "failed" ? run : undefined;
    }, "the run to finish");
    expect(run.jobId).toBe(accepted.jobId);
    // The run's job tells the same story through the jobs API, in the same transaction as the run.
    const job = expectContract(jobSchema, (await api.get(`/v1/jobs/${accepted.jobId}`)).body);
    expect(job).toMatchObject({ id: accepted.jobId, kind: "ads.optimizer.run", status: "completed", projectId, result: { runId: accepted.runId, dryRun, proposals: run.summary!.proposals } });
    expect(job.completedAt).not.toBeNull();
    return run;
  }

  it("a fatigued ad gets the best-scoring creative of the pool; excluding it leaves none eligible, said in the summary", async () => {
    const run = await runOverHttp(true);
    expect(run).toMatchObject({ status: "completed", trigger: "api", dryRun: true, layerId, platform: "meta_ads" });
    expect(run.proposals.map((p) => [p.actionType, p.entity, p.verdict.decision])).toEqual([["replace_creative", { level: "ad", id: tiredAd, name: "Tired" }, "queue_for_approval"]]);
    expect(run.proposals[0]!.newValue).toMatchObject({ creative: FRESH });
    expect(run.proposals[0]!.rationale).toMatch(/^CTR fell 50 % from 2.00 % in its first 7 days to 1.00 % in the last 7/);

    const pool = expectContract(adsContentListSchema, (await api.get(`/v1/projects/${projectId}/ads-content`)).body);
    const fresh = pool.data.find((c) => c.adIds.includes(freshAd))!;
    expect(fresh).toMatchObject({ creative: FRESH, override: null, impressions: 14_000, clicks: 420 });
    const patched = await api.patch(`/v1/projects/${projectId}/ads-content/${fresh.id}`, { override: "exclude" });
    expect(patched.status).toBe(200);
    expect(patched.body.override).toBe("exclude");
    expect((await api.patch(`/v1/projects/${projectId}/ads-content/crv_000000000000000000000000`, { override: "include" })).status).toBe(404);
    expect((await api.patch(`/v1/projects/${projectId}/ads-content/${fresh.id}`, { override: "maybe" })).status).toBe(422);

    const again = await runOverHttp(true);
    expect(again.proposals).toEqual([]);
    expect(again.summary!.notes).toEqual([expect.stringMatching(/^Tired: CTR fell 50 % .* no eligible creative/)]);

    const list = await api.get(`/v1/projects/${projectId}/ads/optimizer/runs?layerId=${layerId}`);
    expect(list.body.data.map((r: { id: string }) => r.id)).toEqual([again.id, run.id]);
  }, 60_000);

  it("serves the synced metrics with totals in minor units", async () => {
    const res = await api.get(`/v1/projects/${projectId}/ads-metrics?platform=meta_ads&level=ad&entityId=${freshAd}`);
    expect(res.status).toBe(200);
    const body = expectContract(adsMetricsResponseSchema, res.body);
    expect(body.data).toHaveLength(14);
    expect(body.totals).toEqual({ spendCents: 14_000, impressions: 14_000, clicks: 420, conversions: 14 });
    expect((await api.get(`/v1/projects/${projectId}/ads-metrics?level=galaxy`)).status).toBe(422);
  });

  it("a second run request while one is open is 409 CONFLICT naming the open run in runId; and makes no job", async () => {
    const { organization_id } = await stack.env.db.selectFrom("projects").select("organization_id").where("id", "=", projectId).executeTakeFirstOrThrow();
    const open = await stack.env.db
      .insertInto("optimizer_runs")
      .values({ id: "opr_00000000000000000000000009", organization_id, project_id: projectId, layer_id: layerId, platform: "meta", status: "queued", trigger: "api", dry_run: false, window_since: "2026-11-01", window_until: "2026-11-30" })
      .returning("id")
      .executeTakeFirstOrThrow();
    try {
      const jobsBefore = await stack.env.db.selectFrom("jobs").select("id").where("kind", "=", "ads.optimizer.run").execute();
      const res = await api.post(`/v1/projects/${projectId}/ads/optimizer/run`, { layerId, platform: "meta_ads", dryRun: false });
      expect(res.status).toBe(409);
      const problem = expectContract(problemSchema, res.body);
      expect(problem).toMatchObject({ code: "CONFLICT", runId: open.id, reason: "open_run" });
      expect(problem.detail).toContain(open.id);
      // The refused request made no job: the job and the run are stored together or not at all.
      expect(await stack.env.db.selectFrom("jobs").select("id").where("kind", "=", "ads.optimizer.run").execute()).toEqual(jobsBefore);
    } finally {
      await stack.env.db.deleteFrom("optimizer_runs").where("id", "=", open.id).execute();
    }
  });

  it("refuses a run for a layer of another platform and a malformed body without starting anything", async () => {
    const before = await stack.env.db.selectFrom("optimizer_runs").select("id").execute();
    expect((await api.post(`/v1/projects/${projectId}/ads/optimizer/run`, { layerId, platform: "tiktok_ads" })).status).toBe(404);
    expect((await api.post(`/v1/projects/${projectId}/ads/optimizer/run`, { layerId: "nope", platform: "meta_ads" })).status).toBe(422);
    expect(await stack.env.db.selectFrom("optimizer_runs").select("id").execute()).toEqual(before);
  });
});
