import { setTimeout as sleep } from "node:timers/promises";
import { optimizerRunReplySchema, type OptimizerRunRequest, type Platform } from "@layers/contracts";
import { json } from "@layers/db";
import { createRunJob, startRunJob } from "@layers/lifecycle";
import { mintApiKey } from "@layers/ops/orgs";
import { storeCampaign, storeChild, storeTenant, type TestTenant } from "@layers/optimizer/testing";
import { createSandboxClient, type SandboxClient } from "@layers/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, eventually, ledger } from "../support/api.ts";
import { lastDays, startTestOptimizer, waitForRun } from "../support/optimizer.ts";
import { startStack, type E2EStack } from "../support/stack.ts";

let stack: E2EStack;
let sandbox: SandboxClient;
let optimizer: Awaited<ReturnType<typeof startTestOptimizer>>;

beforeAll(async () => {
  stack = await startStack({ platforms: ["meta", "tiktok", "apple"] });
  sandbox = createSandboxClient(stack.sandboxUrl);
  optimizer = await startTestOptimizer(stack);
}, 60_000);
afterAll(async () => {
  await optimizer?.close();
  await stack?.stop();
});

const AUTO = { creative: "auto", tactical: "auto", structural: "auto" };
const DRAFT = { creative: "draft", tactical: "draft", structural: "draft" };

async function setDefaults(t: TestTenant, defaults: object, extra: { kill_switch_active?: boolean } = {}) {
  await stack.env.db.updateTable("layers").set({ defaults: json(defaults), ...extra }).where("id", "=", t.layerId).execute();
}

async function requestRun(t: TestTenant, dryRun = false) {
  const req: OptimizerRunRequest = { organizationId: t.organizationId, projectId: t.projectId, layerId: t.layerId, platform: t.platform, dryRun, requestId: `test-${Date.now()}` };
  const msg = await stack.env.nats.nc.request(stack.env.names.subjects.optimizerRun, JSON.stringify(req), { timeout: 5000 });
  return optimizerRunReplySchema.parse(msg.json());
}

async function run(t: TestTenant, dryRun = false) {
  const reply = await requestRun(t, dryRun);
  if (!reply.ok) throw new Error(`run refused: ${reply.code} ${reply.message}`);
  const row = await waitForRun(stack, reply.runId);
  const proposals = await stack.env.db.selectFrom("optimizer_proposals").selectAll().where("run_id", "=", reply.runId).orderBy("position").execute();
  return { runId: reply.runId, row, proposals };
}

/** A Meta account with one campaign, one ad set and the named ads, known to Layers. */
async function metaTenant(ads: string[]) {
  const acct = await sandbox.createMetaAdAccount({ currency: "USD", campaigns: [{ name: "Prospecting", objective: "OUTCOME_SALES", adsets: [{ name: "Broad", daily_budget: 5000, ads: ads.map((name) => ({ name })) }] }] } as never);
  const t = await storeTenant(stack.env.db, "meta", { platformAccountId: acct.platformAccountId, accessToken: acct.accessToken, currency: "USD" });
  const c = acct.campaigns[0]!;
  const campaignId = await storeCampaign(stack.env.db, t, c.id, { name: c.name });
  const adSetId = await storeChild(stack.env.db, t, "adset", campaignId, null, c.adsets[0]!.id, { name: "Broad" });
  const adIds: string[] = [];
  for (const ad of c.adsets[0]!.ads) adIds.push(await storeChild(stack.env.db, t, "ad", campaignId, adSetId, ad.id, { name: ad.name }));
  return { t, acct, campaignId, adIds, platformAdIds: c.adsets[0]!.ads.map((a) => a.id) };
}

/** The layer's CPA comes from this converting ad: $20.00 per conversion. */
const CONVERTING = lastDays(10, { spend: 2000, impressions: 1000, clicks: 20, conversions: 1 });
/** $30.00 a day, never converts: $300 over 10 days ≥ 2 × CPA. */
const WASTING = lastDays(10, { spend: 3000, impressions: 1000, clicks: 10, conversions: 0 });

describe("optimizer → gate (Meta, draft layer)", () => {
  it("queues a pause for each wasting ad with its rationale; approve lands on the sandbox, reject does not; the next run proposes nothing again", async () => {
    const m = await metaTenant(["Winner", "Waster A", "Waster B", "Newcomer"]);
    await setDefaults(m.t, DRAFT);
    await sandbox.setPerformance("meta", m.platformAdIds[0]!, CONVERTING);
    await sandbox.setPerformance("meta", m.platformAdIds[1]!, WASTING);
    await sandbox.setPerformance("meta", m.platformAdIds[2]!, WASTING);
    // Wastes as much, but only 5 days of data: the minimum-data rail holds it back.
    await sandbox.setPerformance("meta", m.platformAdIds[3]!, lastDays(5, { spend: 9000, impressions: 1000, clicks: 10, conversions: 0 }));

    const first = await run(m.t);
    expect(first.row.status).toBe("completed");
    expect(first.proposals.map((p) => [p.action_type, p.entity_id, p.decision])).toEqual([
      ["pause_ad", m.adIds[1], "queue_for_approval"],
      ["pause_ad", m.adIds[2], "queue_for_approval"],
    ]);
    const p = first.proposals[0]!;
    expect(p.rationale).toBe("Spent $300.00 over 10 days with 0 conversions; the layer's CPA is $125.00.");
    const pending = await stack.env.db.selectFrom("pending_actions").selectAll().where("id", "=", p.pending_action_id!).executeTakeFirstOrThrow();
    expect(pending).toMatchObject({ status: "pending", action_type: "pause_ad", entity_name: "Waster A", rationale: p.rationale, actor_type: "optimizer" });
    expect(pending.current_value).toEqual({ status: "active" });
    expect(pending.new_value).toEqual({ status: "paused" });
    expect((pending.proposed_action as { detail: { evidence: { spendCents: number } } }).detail.evidence.spendCents).toBe(30_000);

    const key = await mintApiKey(stack.env.db, { orgId: m.t.organizationId, scopes: ["*"] });
    const partner = apiClient(stack.apiUrl, key.secret);
    const before = await ledger(stack.sandboxUrl, `act_${m.acct.platformAccountId}`);
    expect((await partner.post(`/v1/projects/${m.t.projectId}/ads/meta/pending/${p.pending_action_id}/approve`, {})).status).toBe(202);
    expect((await partner.post(`/v1/projects/${m.t.projectId}/ads/meta/pending/${first.proposals[1]!.pending_action_id}/reject`, { reason: "keep testing" })).status).toBe(200);
    const landed = await eventually(async () => {
      const entries = (await ledger(stack.sandboxUrl, `act_${m.acct.platformAccountId}`)).slice(before.length);
      return entries.length > 0 ? entries : undefined;
    }, "the approved pause on the ledger");
    await sleep(300);
    const after = (await ledger(stack.sandboxUrl, `act_${m.acct.platformAccountId}`)).slice(before.length);
    expect(after.map((e) => [e.op, e.objectId, e.fields.status])).toEqual([["update", m.platformAdIds[1], "PAUSED"]]);
    expect(landed).toHaveLength(1);

    const events = await stack.env.db.selectFrom("event_outbox").select(["subject_type", "payload"]).where("subject_type", "like", "ads.optimizer.%").execute();
    const mine = events.filter((e) => (e.payload as { data: { runId: string } }).data.runId === first.runId);
    expect(mine.map((e) => e.subject_type).sort()).toEqual(["ads.optimizer.action", "ads.optimizer.action", "ads.optimizer.run.completed"]);

    // The paused ad is no longer active; the rejected one is in cooldown (a decided proposal): nothing again.
    await eventually(async () => {
      const row = await stack.env.db.selectFrom("ad_entities").select("status").where("id", "=", m.adIds[1]!).executeTakeFirstOrThrow();
      return row.status === "paused" ? true : undefined;
    }, "the landed pause on the Layers row");
    const second = await run(m.t);
    expect(second.proposals).toEqual([]);
    expect((second.row.summary as { held: Array<{ entityId: string; reason: string }> }).held).toEqual([{ entityId: m.adIds[2], actionType: "pause_ad", reason: "cooldown" }]);
  }, 60_000);

  it("dryRun proposes with the verdict the gate would give and changes nothing", async () => {
    const m = await metaTenant(["Winner", "Waster"]);
    await setDefaults(m.t, DRAFT);
    await sandbox.setPerformance("meta", m.platformAdIds[0]!, CONVERTING);
    await sandbox.setPerformance("meta", m.platformAdIds[1]!, WASTING);
    const ledgerBefore = await ledger(stack.sandboxUrl, `act_${m.acct.platformAccountId}`);
    const dry = await run(m.t, true);
    expect(dry.proposals.map((p) => [p.action_type, p.entity_id, p.decision, p.pending_action_id, p.intent_id])).toEqual([["pause_ad", m.adIds[1], "queue_for_approval", null, null]]);
    expect(await stack.env.db.selectFrom("pending_actions").select("id").where("layer_id", "=", m.t.layerId).execute()).toEqual([]);
    expect(await stack.env.db.selectFrom("write_intents").select("id").where("layer_id", "=", m.t.layerId).execute()).toEqual([]);
    expect(await ledger(stack.sandboxUrl, `act_${m.acct.platformAccountId}`)).toEqual(ledgerBefore);
    const events = (await stack.env.db.selectFrom("event_outbox").select(["subject_type", "payload"]).execute()).filter((e) => (e.payload as { data: { runId?: string } }).data.runId === dry.runId);
    expect(events.map((e) => e.subject_type)).toEqual(["ads.optimizer.run.completed"]);
    expect((events[0]!.payload as { data: { dryRun: boolean } }).data.dryRun).toBe(true);
    // A dry run decides nothing, so it puts nothing in cooldown: a real run still proposes.
    const real = await run(m.t);
    expect(real.proposals.map((p) => p.entity_id)).toEqual([m.adIds[1]]);
  }, 60_000);

  it("answers CONFLICT with the open run's id while a run of the layer is queued or running", async () => {
    const m = await metaTenant(["Only"]);
    const staleJob = await createRunJob(stack.env.db, { organizationId: m.t.organizationId, projectId: m.t.projectId, runId: "opr_00000000000000000000000001", dryRun: false });
    await startRunJob(stack.env.db, staleJob);
    const open = await stack.env.db
      .insertInto("optimizer_runs")
      .values({ id: "opr_00000000000000000000000001", organization_id: m.t.organizationId, project_id: m.t.projectId, layer_id: m.t.layerId, platform: "meta", status: "running", trigger: "api", dry_run: false, window_since: "2026-11-01", window_until: "2026-11-30", job_id: staleJob })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(await requestRun(m.t)).toEqual({ ok: false, code: "CONFLICT", message: expect.any(String), runId: open.id });
    // Left open by a stopped instance past the stale limit, it no longer holds the layer.
    await stack.env.db.updateTable("optimizer_runs").set({ created_at: new Date(Date.now() - 31 * 60_000) }).where("id", "=", open.id).execute();
    const reply = await requestRun(m.t);
    expect(reply.ok).toBe(true);
    const stale = await stack.env.db.selectFrom("optimizer_runs").select(["status", "error"]).where("id", "=", open.id).executeTakeFirstOrThrow();
    expect(stale).toMatchObject({ status: "failed", error: { code: "INTERRUPTED" } });
    // Its job fails with it; the new run has its own job.
    expect(await stack.env.db.selectFrom("jobs").select(["status", "error"]).where("id", "=", staleJob).executeTakeFirstOrThrow()).toMatchObject({ status: "failed", error: { code: "INTERRUPTED" } });
    if (reply.ok) expect(reply.jobId).not.toBe(staleJob);
    if (reply.ok) await waitForRun(stack, reply.runId);
  });
});

describe("optimizer → gate (TikTok auto, Apple kill switch)", () => {
  it("TikTok on auto: moves budget from the worse campaign to the better one and both land", async () => {
    const adv = await sandbox.createTiktokAdvertiser({
      currency: "USD",
      campaigns: [
        { campaign_name: "Good", budget_mode: "BUDGET_MODE_DAY", budget: 100 },
        { campaign_name: "Poor", budget_mode: "BUDGET_MODE_DAY", budget: 100 },
      ],
    } as never);
    const t = await storeTenant(stack.env.db, "tiktok", { platformAccountId: adv.advertiserId, accessToken: adv.accessToken, currency: "USD" });
    await setDefaults(t, AUTO);
    const good = await storeCampaign(stack.env.db, t, adv.campaigns[0]!.campaign_id, { name: "Good", dailyBudgetCents: 10_000 });
    const poor = await storeCampaign(stack.env.db, t, adv.campaigns[1]!.campaign_id, { name: "Poor", dailyBudgetCents: 10_000 });
    await sandbox.setPerformance("tiktok", adv.campaigns[0]!.campaign_id, lastDays(10, { spend: 5000, impressions: 2000, clicks: 40, conversions: 5 }));
    await sandbox.setPerformance("tiktok", adv.campaigns[1]!.campaign_id, lastDays(10, { spend: 5000, impressions: 2000, clicks: 40, conversions: 1 }));

    const r = await run(t);
    expect(r.proposals.map((p) => [p.action_type, p.entity_id, p.new_value, p.decision])).toEqual([
      ["update_budget", good, { dailyBudgetCents: 12_000 }, "allow"],
      ["update_budget", poor, { dailyBudgetCents: 8_000 }, "allow"],
    ]);
    const entries = await eventually(async () => {
      const e = (await ledger(stack.sandboxUrl, adv.advertiserId, "tiktok")).filter((x) => x.op === "update");
      return e.length >= 2 ? e : undefined;
    }, "both budgets on the TikTok ledger");
    expect(entries.map((e) => [e.objectId, e.fields.budget]).sort()).toEqual([[adv.campaigns[0]!.campaign_id, 120], [adv.campaigns[1]!.campaign_id, 80]].sort());
  }, 60_000);

  it("TikTok with the layer's budget cap at the best campaign's budget: only the worse one is lowered", async () => {
    const adv = await sandbox.createTiktokAdvertiser({
      currency: "USD",
      campaigns: [
        { campaign_name: "Capped good", budget_mode: "BUDGET_MODE_DAY", budget: 100 },
        { campaign_name: "Capped poor", budget_mode: "BUDGET_MODE_DAY", budget: 100 },
      ],
    } as never);
    const t = await storeTenant(stack.env.db, "tiktok", { platformAccountId: adv.advertiserId, accessToken: adv.accessToken, currency: "USD" });
    await setDefaults(t, DRAFT);
    await stack.env.db.updateTable("layers").set({ max_daily_budget_cents: 10_000 }).where("id", "=", t.layerId).execute();
    await storeCampaign(stack.env.db, t, adv.campaigns[0]!.campaign_id, { name: "Capped good", dailyBudgetCents: 10_000 });
    const poor = await storeCampaign(stack.env.db, t, adv.campaigns[1]!.campaign_id, { name: "Capped poor", dailyBudgetCents: 10_000 });
    await sandbox.setPerformance("tiktok", adv.campaigns[0]!.campaign_id, lastDays(10, { spend: 5000, impressions: 2000, clicks: 40, conversions: 5 }));
    await sandbox.setPerformance("tiktok", adv.campaigns[1]!.campaign_id, lastDays(10, { spend: 5000, impressions: 2000, clicks: 40, conversions: 1 }));
    const r = await run(t);
    expect(r.proposals.map((p) => [p.action_type, p.entity_id, p.new_value, p.decision])).toEqual([["update_budget", poor, { dailyBudgetCents: 8_000 }, "queue_for_approval"]]);
    const pending = await stack.env.db.selectFrom("pending_actions").selectAll().where("id", "=", r.proposals[0]!.pending_action_id!).executeTakeFirstOrThrow();
    expect(pending).toMatchObject({ entity_name: "Capped poor", action_type: "update_budget" });
    expect(pending.current_value).toEqual({ dailyBudgetCents: 10_000 });
  }, 60_000);

  it("Apple with the kill switch on: the keyword pause is proposed, denied with an audit row, and nothing lands", async () => {
    const org = await sandbox.createAppleOrg({ campaigns: [{ name: "Brand", adGroups: [{ name: "Exact", keywords: [{ text: "layers" }, { text: "ads api" }] }] }] } as never);
    const t = await storeTenant(stack.env.db, "apple", { platformAccountId: String(org.orgId), accessToken: org.accessToken, currency: org.currency });
    await setDefaults(t, AUTO, { kill_switch_active: true });
    const c = org.campaigns[0]!;
    const campaignId = await storeCampaign(stack.env.db, t, String(c.id), { name: "Brand" });
    const groupId = await storeChild(stack.env.db, t, "adgroup", campaignId, null, String(c.adGroups[0]!.id), { name: "Exact" });
    const good = await storeChild(stack.env.db, t, "keyword", campaignId, groupId, String(c.adGroups[0]!.keywords[0]!.id), { name: "layers" });
    const waste = await storeChild(stack.env.db, t, "keyword", campaignId, groupId, String(c.adGroups[0]!.keywords[1]!.id), { name: "ads api" });
    await sandbox.setPerformance("apple", String(c.adGroups[0]!.keywords[0]!.id), CONVERTING);
    await sandbox.setPerformance("apple", String(c.adGroups[0]!.keywords[1]!.id), WASTING);

    const r = await run(t);
    expect(r.proposals.map((p) => [p.action_type, p.entity_id, p.decision, p.reason])).toEqual([["pause_keyword", waste, "deny", "kill_switch_active"]]);
    expect(good).not.toBe(waste);
    const audit = await stack.env.db.selectFrom("audit_log").selectAll().where("id", "=", r.proposals[0]!.verdict_id!).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_type: "optimizer", decision: "deny", reason: "kill_switch_active" });
    await sleep(300);
    expect((await ledger(stack.sandboxUrl, String(org.orgId), "apple")).filter((e) => e.op !== "create")).toEqual([]);
  }, 60_000);
});

describe("schedule", () => {
  it("two optimizer instances make exactly one run per layer per tick; a layer without consent gets its metrics synced, no run", async () => {
    const tenants: TestTenant[] = [];
    for (const _ of [1, 2]) {
      const m = await metaTenant(["Ad"]);
      tenants.push(m.t);
    }
    const quiet = await metaTenant(["Watched"]);
    await sandbox.setPerformance("meta", quiet.platformAdIds[0]!, lastDays(3, { spend: 700, impressions: 100, clicks: 5, conversions: 1 }));
    // Only these layers consent; every other layer of this file stops being scheduled.
    await stack.env.db.updateTable("layers").set({ partner_writes_enabled: false }).where("id", "not in", tenants.map((t) => t.layerId)).execute();
    const a = await startTestOptimizer(stack, { OPTIMIZER_INTERVAL_MS: "1000" });
    const b = await startTestOptimizer(stack, { OPTIMIZER_INTERVAL_MS: "1000" });
    await sleep(3_600);
    await a.close();
    await b.close();
    const runs = await stack.env.db.selectFrom("optimizer_runs").select(["layer_id", "tick", "trigger", "status"]).where("trigger", "=", "schedule").execute();
    for (const t of tenants) {
      const ticks = runs.filter((r) => r.layer_id === t.layerId).map((r) => Number(r.tick));
      // A tick may find the previous run still open on a busy machine (then it is skipped), never two runs.
      expect(ticks.length).toBeGreaterThanOrEqual(1);
      expect(new Set(ticks).size).toBe(ticks.length);
    }
    expect(runs.every((r) => tenants.some((t) => t.layerId === r.layer_id))).toBe(true);
    // Both instances tried every layer on every tick; between them they stored exactly the runs there are.
    const [sa, sb] = [a.schedule.stats(), b.schedule.stats()];
    expect(sa.started + sb.started).toBe(runs.length);
    expect(sa.started + sa.skipped).toBeGreaterThanOrEqual(tenants.length);
    expect(sb.started + sb.skipped).toBeGreaterThanOrEqual(tenants.length);
    // Each stored run was also attempted by the other instance, which found its tick taken.
    expect(sa.skipped + sb.skipped).toBeGreaterThanOrEqual(1);
    // The layer without consent: no run, but the schedule synced its metrics.
    expect(runs.some((r) => r.layer_id === quiet.t.layerId)).toBe(false);
    expect(sa.synced + sb.synced).toBeGreaterThanOrEqual(1);
    const watched = await stack.env.db.selectFrom("ad_metrics_daily").select(["spend_cents"]).where("layer_id", "=", quiet.t.layerId).where("level", "=", "ad").execute();
    expect(watched.map((r) => Number(r.spend_cents))).toEqual([700, 700, 700]);
  }, 30_000);
});
