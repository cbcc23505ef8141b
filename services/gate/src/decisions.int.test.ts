import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchSchema, eventSchema, newId, verdictSchema } from "@layers/contracts";
import { GateHarness, spanIdOf, traceIdOf, type Tenant } from "./testing/gate-harness.ts";

const AUTO = { creative: "auto", tactical: "auto", structural: "auto" } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let h: GateHarness;
beforeAll(async () => {
  // The relay stays out of the way here: every intent in this file is published by the test.
  h = await GateHarness.start({ RELAY_AFTER_MS: "600000" });
});
afterAll(async () => h.close());

describe("gate - allow", () => {
  it("writes the audit row, publishes the dispatch and sets the job running", async () => {
    const t = await h.seedTenant({ defaults: AUTO, currency: "EUR" });
    const campaignId = await h.seedCampaign(t);
    const s = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 7_500 } });

    const verdict = verdictSchema.parse(await s.verdict());
    expect(verdict).toEqual({ intentId: s.intent.intentId, jobId: s.intent.jobId, verdictId: expect.stringMatching(UUID), decision: "allow", axis: "tactical" });

    const [audit, ...more] = await h.auditRowsFor(s.intent.intentId);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({
      id: verdict.verdictId,
      organization_id: t.orgId,
      project_id: t.projectId,
      layer_id: t.layerId,
      platform: "meta",
      actor_type: "partner",
      actor_organization_id: t.orgId,
      actor_api_key_id: s.intent.actor.apiKeyId,
      actor_user_id: null,
      operation: "update_budget",
      axis: "tactical",
      decision: "allow",
      reason: null,
      intent_id: s.intent.intentId,
      entity_key: `campaign:${campaignId}`,
      pending_action_id: null,
      request_id: s.intent.requestId,
    });
    expect(audit!.intent).toEqual(s.intent);

    const dispatches = await h.dispatchesFor(s.intent.intentId);
    expect(dispatches).toHaveLength(1);
    expect(dispatches[0]!.subject).toBe(h.env.names.subjects.dispatch("meta"));
    expect(dispatches[0]!.headers?.get("Nats-Msg-Id")).toBe(s.intent.intentId);
    expect(dispatchSchema.parse(dispatches[0]!.body)).toEqual({
      intentId: s.intent.intentId,
      jobId: s.intent.jobId,
      verdictId: verdict.verdictId,
      organizationId: t.orgId,
      projectId: t.projectId,
      layerId: t.layerId,
      platform: "meta",
      operation: "update_budget",
      entityKey: `campaign:${campaignId}`,
      entitySeq: s.intent.entitySeq,
      params: { campaignId, dailyBudgetCents: 7_500 },
      currency: "EUR",
      // Read with the campaign: the dispatcher knows the account before any Postgres work.
      adAccountId: t.adAccountId,
      requestId: s.intent.requestId,
    });

    expect(await h.job(s.intent.jobId)).toMatchObject({ status: "running", verdict_id: verdict.verdictId, decision: "allow", reason: null, error: null });
    const row = await h.intentRow(s.intent.intentId);
    expect(row).toMatchObject({ state: "allowed", verdict_id: verdict.verdictId, lease_until: null, finished_at: null });
    expect(row.decided_at).toBeInstanceOf(Date);
    expect(await h.eventsFor(s.intent.intentId)).toEqual([]);
  });

  it("carries the request id and continues the trace on the dispatch (same trace id, new span)", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    const s = await h.submit(t, { operation: "pause_campaign", params: { campaignId }, requestId: "req-trace-check-1", traceparent });
    await s.verdict();

    const sent = s.headers!.get("traceparent");
    const [d] = await h.dispatchesFor(s.intent.intentId);
    const hop = d!.headers!.get("traceparent");
    expect(d!.headers!.get("X-Request-Id")).toBe("req-trace-check-1");
    expect(d!.body.requestId).toBe("req-trace-check-1");
    expect(hop).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(traceIdOf(hop)).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(spanIdOf(hop)).not.toBe(spanIdOf(sent));
    expect(spanIdOf(hop)).not.toBe("00f067aa0ba902b7");
  });
});

describe("gate - queue for approval", () => {
  it("stores a pending action with every field and leaves the job queued", async () => {
    const t = await h.seedTenant({ defaults: { creative: "auto", tactical: "draft", structural: "auto" } });
    const campaignId = await h.seedCampaign(t, { name: "Spring sale", dailyBudgetCents: 5_000, platformCampaignId: "238500001" });
    const s = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 7_500 } });

    const verdict = await s.verdict();
    expect(verdict).toEqual({
      intentId: s.intent.intentId,
      jobId: s.intent.jobId,
      verdictId: expect.stringMatching(UUID),
      decision: "queue_for_approval",
      axis: "tactical",
      pendingActionId: expect.stringMatching(/^pa_[0-9a-z]{26}$/),
    });

    const pa = await h.env.db.selectFrom("pending_actions").selectAll().where("id", "=", verdict.pendingActionId!).executeTakeFirstOrThrow();
    expect(pa).toMatchObject({
      organization_id: t.orgId,
      project_id: t.projectId,
      layer_id: t.layerId,
      platform: "meta",
      campaign_id: campaignId,
      intent_id: s.intent.intentId,
      job_id: s.intent.jobId,
      action_type: "update_budget",
      entity_name: "Spring sale",
      current_value: { dailyBudgetCents: 5_000 },
      new_value: { dailyBudgetCents: 7_500 },
      status: "pending",
      actor_type: "partner",
      actor_organization_id: t.orgId,
      actor_api_key_id: s.intent.actor.apiKeyId,
      actor_user_id: null,
      dispatched_at: null,
      dispatched_failure_reason: null,
    });
    expect(pa.rationale).toBe(`Partner ${t.orgId} (key ${s.intent.actor.apiKeyId}) asked to change the daily budget of "Spring sale" from 50.00 to 75.00 USD.`);
    expect(pa.proposed_action).toEqual({
      detail: {
        platform: "meta",
        operation: "update_budget",
        campaignId,
        platformCampaignId: "238500001",
        currency: "USD",
        changes: { dailyBudgetCents: 7_500 },
        amounts: { dailyBudget: "75.00" },
      },
    });

    expect(await h.job(s.intent.jobId)).toMatchObject({ status: "queued", decision: "queue_for_approval", pending_action_id: pa.id, verdict_id: verdict.verdictId });
    expect((await h.auditRowsFor(s.intent.intentId)).map((a) => [a.decision, a.pending_action_id])).toEqual([["queue_for_approval", pa.id]]);
    expect((await h.intentRow(s.intent.intentId)).state).toBe("queued");
    expect(await h.dispatchesFor(s.intent.intentId)).toEqual([]);
  });

  it("keeps a proposer's rationale and shows a lifecycle change as a status change", async () => {
    const t = await h.seedTenant({ defaults: { creative: "auto", tactical: "auto", structural: "draft" } });
    const campaignId = await h.seedCampaign(t, { name: "Fatigued ads", status: "ACTIVE" });
    const s = await h.submit(t, {
      operation: "pause_campaign",
      params: { campaignId, rationale: "CPA rose 80% over 7 days while spend held." },
      actor: { type: "optimizer" },
      source: "optimizer",
    });
    const verdict = await s.verdict();
    expect(verdict.decision).toBe("queue_for_approval");
    const pa = await h.env.db.selectFrom("pending_actions").selectAll().where("id", "=", verdict.pendingActionId!).executeTakeFirstOrThrow();
    expect(pa).toMatchObject({
      action_type: "pause_campaign",
      entity_name: "Fatigued ads",
      current_value: { status: "ACTIVE" },
      new_value: { status: "PAUSED" },
      rationale: "CPA rose 80% over 7 days while spend held.",
      actor_type: "optimizer",
      actor_api_key_id: null,
    });
  });
});

describe("gate - deny", () => {
  it("audits the denial, fails the job and emits ads.write.denied", async () => {
    const t = await h.seedTenant({ defaults: { creative: "auto", tactical: "auto", structural: "off" } });
    const campaignId = await h.seedCampaign(t);
    const s = await h.submit(t, { operation: "pause_campaign", params: { campaignId } });

    const verdict = await s.verdict();
    expect(verdict).toEqual({
      intentId: s.intent.intentId,
      jobId: s.intent.jobId,
      verdictId: expect.stringMatching(UUID),
      decision: "deny",
      reason: "authority_axis_off",
      axis: "structural",
    });
    expect((await h.auditRowsFor(s.intent.intentId)).map((a) => [a.id, a.decision, a.reason])).toEqual([[verdict.verdictId, "deny", "authority_axis_off"]]);
    const job = await h.job(s.intent.jobId);
    expect(job).toMatchObject({ status: "failed", decision: "deny", reason: "authority_axis_off", verdict_id: verdict.verdictId });
    expect(job.error).toEqual({ code: "AUTHORITY_DENIED", message: "The authority gate denied this write (authority_axis_off).", reason: "authority_axis_off" });
    expect(job.completed_at).toBeInstanceOf(Date);
    expect(await h.intentRow(s.intent.intentId)).toMatchObject({ state: "denied", verdict_id: verdict.verdictId });
    expect(await h.dispatchesFor(s.intent.intentId)).toEqual([]);

    const all = await h.eventsFor(s.intent.intentId);
    // Besides the denial, the job's ending: job.failed with the job's error.
    expect(all.map((e) => e.body.type).sort()).toEqual(["ads.write.denied", "job.failed"]);
    expect(all.find((e) => e.body.type === "job.failed")!.body.data).toMatchObject({ jobId: s.intent.jobId, status: "failed", error: { code: "AUTHORITY_DENIED" } });
    const events = all.filter((e) => e.body.type === "ads.write.denied");
    const ev = eventSchema.parse(events[0]!.body);
    expect(events[0]!.subject).toBe(h.env.names.subjects.event("ads.write.denied"));
    expect(events[0]!.headers?.get("Nats-Msg-Id")).toBe(ev.id);
    expect(ev.type).toBe("ads.write.denied");
    expect(ev.data).toEqual({
      organizationId: t.orgId,
      projectId: t.projectId,
      layerId: t.layerId,
      platform: "meta",
      intentId: s.intent.intentId,
      jobId: s.intent.jobId,
      verdictId: verdict.verdictId,
      operation: "pause_campaign",
      campaignId,
      actor: s.intent.actor,
      reason: "authority_axis_off",
    });
  });

  it("denies a partner on a layer without consent", async () => {
    const t = await h.seedTenant({ defaults: AUTO, partnerWritesEnabled: false });
    const campaignId = await h.seedCampaign(t);
    const s = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 100 } });
    expect(await s.verdict()).toMatchObject({ decision: "deny", reason: "partner_consent_missing" });
  });

  it("denies a budget above the layer cap with the cap event, and allows one at the cap", async () => {
    const t = await h.seedTenant({ defaults: AUTO, maxDailyBudgetCents: 10_000 });
    const campaignId = await h.seedCampaign(t);
    const over = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 10_001 } });
    const denied = await over.verdict();
    expect(denied).toMatchObject({ decision: "deny", reason: "budget_cap_exceeded", axis: "tactical" });
    const events = (await h.eventsFor(over.intent.intentId)).map((e) => eventSchema.parse(e.body));
    expect(events.map((e) => e.type).sort()).toEqual(["ads.budget.cap_exceeded", "ads.write.denied", "job.failed"]);
    expect(events.find((e) => e.type === "ads.budget.cap_exceeded")!.data).toMatchObject({
      organizationId: t.orgId,
      campaignId,
      dailyBudgetCents: 10_001,
      reason: "budget_cap_exceeded",
      verdictId: denied.verdictId,
    });
    expect((await h.job(over.intent.jobId)).status).toBe("failed");
    expect(await h.dispatchesFor(over.intent.intentId)).toEqual([]);

    const at = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 10_000 } });
    expect(await at.verdict()).toMatchObject({ decision: "allow" });
    expect(await h.dispatchesFor(at.intent.intentId)).toHaveLength(1);
  });
});

describe("gate - campaign create", () => {
  const params = (t: Tenant, campaignId: string) => ({
    campaignId,
    adAccountId: t.adAccountId,
    name: "Q3 prospecting",
    outcome: "conversions",
    dailyBudgetCents: 5_000,
    authority: { creative: "auto", tactical: "draft", structural: "draft" },
    status: "PAUSED",
    specialAdCategories: [],
  });

  it("allowed: inserts the campaign row as creating and dispatches", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = newId("campaign");
    const s = await h.submit(t, { operation: "create_campaign", params: params(t, campaignId) });
    expect(await s.verdict()).toMatchObject({ decision: "allow", axis: "structural" });
    expect(await h.campaign(campaignId)).toMatchObject({
      project_id: t.projectId,
      layer_id: t.layerId,
      ad_account_id: t.adAccountId,
      platform: "meta",
      platform_campaign_id: null,
      name: "Q3 prospecting",
      outcome: "conversions",
      status: "creating",
      daily_budget_cents: 5_000,
      lifetime_budget_cents: null,
      authority: { creative: "auto", tactical: "draft", structural: "draft" },
      origin: "layers",
    });
    const [d] = await h.dispatchesFor(s.intent.intentId);
    expect(d!.body).toMatchObject({ operation: "create_campaign", params: params(t, campaignId), currency: "USD", adAccountId: t.adAccountId });
  });

  it("queued: inserts the campaign row as pending_approval and a pending action describing the create", async () => {
    const t = await h.seedTenant({ defaults: { creative: "auto", tactical: "auto", structural: "draft" } });
    const campaignId = newId("campaign");
    const s = await h.submit(t, { operation: "create_campaign", params: params(t, campaignId) });
    const verdict = await s.verdict();
    expect(verdict.decision).toBe("queue_for_approval");
    expect((await h.campaign(campaignId))?.status).toBe("pending_approval");
    const pa = await h.env.db.selectFrom("pending_actions").selectAll().where("id", "=", verdict.pendingActionId!).executeTakeFirstOrThrow();
    expect(pa).toMatchObject({
      action_type: "create_campaign",
      campaign_id: campaignId,
      entity_name: "Q3 prospecting",
      current_value: null,
      new_value: { name: "Q3 prospecting", outcome: "conversions", dailyBudgetCents: 5_000, status: "PAUSED", authority: params(t, campaignId).authority },
    });
    expect(pa.rationale).toContain('create the campaign "Q3 prospecting" (conversions, daily budget 50.00 USD)');
    expect(await h.dispatchesFor(s.intent.intentId)).toEqual([]);
  });

  it("denied by the partner ceiling: no campaign row", async () => {
    const t = await h.seedTenant({ defaults: AUTO, ceiling: { creative: "draft", tactical: "draft", structural: "draft" } });
    const campaignId = newId("campaign");
    const s = await h.submit(t, { operation: "create_campaign", params: params(t, campaignId) });
    expect(await s.verdict()).toMatchObject({ decision: "deny", reason: "exceeds_customer_policy", axis: "structural" });
    expect(await h.campaign(campaignId)).toBeUndefined();
  });

  it("denied on an ADGROUP_GRAIN Apple layer for a partner", async () => {
    const t = await h.seedTenant({ platform: "apple", defaults: AUTO, writerPreset: "ADGROUP_GRAIN" });
    const campaignId = newId("campaign");
    const s = await h.submit(t, { operation: "create_campaign", params: params(t, campaignId) });
    expect(await s.verdict()).toMatchObject({ decision: "deny", reason: "apple_adgroup_grain_violation" });
    expect(await h.campaign(campaignId)).toBeUndefined();
  });
});
