import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventSchema, newId, type AuthorityBlock } from "@layers/contracts";
import { GateHarness, waitFor, type Tenant } from "./testing/gate-harness.ts";

const AUTO: AuthorityBlock = { creative: "auto", tactical: "auto", structural: "auto" };
const OFF: AuthorityBlock = { creative: "off", tactical: "off", structural: "off" };

let h: GateHarness;
beforeAll(async () => {
  h = await GateHarness.start({ RELAY_AFTER_MS: "600000" });
});
afterAll(async () => h.close());

const customer = { type: "customer" } as const;

describe("gate - kill switch", () => {
  it("a customer trips it (layer updated, event), later writes of every actor are denied, and releasing it lets them through", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);

    const trip = await h.submit(t, { operation: "set_kill_switch", params: { active: true, reason: "creative gone wrong" }, actor: customer });
    const tripped = await trip.verdict();
    expect(tripped).toMatchObject({ decision: "allow", axis: "policy", result: { killSwitchActive: true, reason: "creative gone wrong" } });
    expect(await h.layer(t.layerId)).toMatchObject({ kill_switch_active: true, kill_switch_reason: "creative gone wrong" });
    expect(await h.intentRow(trip.intent.intentId)).toMatchObject({ state: "applied", verdict_id: tripped.verdictId });
    expect(await h.job(trip.intent.jobId)).toMatchObject({ status: "completed", result: { killSwitchActive: true, reason: "creative gone wrong" } });
    expect(await h.dispatchesFor(trip.intent.intentId)).toEqual([]);
    const [ev, ended] = (await h.eventsFor(trip.intent.intentId)).map((e) => eventSchema.parse(e.body)).sort((a, b) => a.type.localeCompare(b.type)).reverse();
    expect(ended).toMatchObject({ type: "job.completed", data: { jobId: trip.intent.jobId, status: "completed" } });
    expect(ev).toMatchObject({ type: "kill_switch.tripped", data: { organizationId: t.orgId, layerId: t.layerId, platform: "meta", active: true, reason: "creative gone wrong" } });

    for (const type of ["partner", "customer", "optimizer"] as const) {
      const w = await h.submit(t, { operation: "pause_campaign", params: { campaignId }, actor: { type } });
      expect(await w.verdict()).toMatchObject({ decision: "deny", reason: "kill_switch_active", axis: "structural" });
      expect((await h.eventsFor(w.intent.intentId)).map((e) => e.body.type).sort()).toEqual(["ads.write.denied", "job.failed"]);
      expect(await h.dispatchesFor(w.intent.intentId)).toEqual([]);
    }

    // Policy operations stay possible under the switch.
    const fix = await h.submit(t, { operation: "update_authority", params: { campaignId, authority: { structural: "draft" } } });
    expect(await fix.verdict()).toMatchObject({ decision: "allow", axis: "policy" });

    const release = await h.submit(t, { operation: "set_kill_switch", params: { active: false }, actor: customer });
    expect(await release.verdict()).toMatchObject({ decision: "allow", result: { killSwitchActive: false, reason: null } });
    expect(await h.layer(t.layerId)).toMatchObject({ kill_switch_active: false, kill_switch_reason: null });
    expect((await h.eventsFor(release.intent.intentId)).map((e) => e.body.type).sort()).toEqual(["job.completed", "kill_switch.released"]);

    const after = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 6_000 } });
    expect(await after.verdict()).toMatchObject({ decision: "allow" });
  });

  it("a partner cannot touch the kill switch or the policy", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const ks = await h.submit(t, { operation: "set_kill_switch", params: { active: true } });
    expect(await ks.verdict()).toMatchObject({ decision: "deny", reason: "not_partner_writable", axis: "policy" });
    const pol = await h.submit(t, { operation: "update_policy", params: { maxDailyBudgetCents: null } });
    expect(await pol.verdict()).toMatchObject({ decision: "deny", reason: "not_partner_writable" });
    expect(await h.layer(t.layerId)).toMatchObject({ kill_switch_active: false });
    expect((await h.job(ks.intent.jobId)).status).toBe("failed");
    expect((await h.intentRow(pol.intent.intentId)).state).toBe("denied");
  });
});

describe("gate - authority and policy changes", () => {
  it("a partner raise above the ceiling is denied; a raise up to it, a customer raise above it and a partner lowering apply", async () => {
    const t = await h.seedTenant({ defaults: OFF, ceiling: { creative: "auto", tactical: "draft", structural: "draft" } });
    const campaignId = await h.seedCampaign(t, { authority: OFF });

    const raise = await h.submit(t, { operation: "update_authority", params: { campaignId, authority: { tactical: "auto" } } });
    expect(await raise.verdict()).toMatchObject({ decision: "deny", reason: "exceeds_customer_policy", axis: "policy" });
    expect((await h.campaign(campaignId))?.authority).toEqual(OFF);
    expect((await h.eventsFor(raise.intent.intentId)).map((e) => e.body.type).sort()).toEqual(["ads.write.denied", "job.failed"]);

    const toCeiling = await h.submit(t, { operation: "update_authority", params: { campaignId, authority: { tactical: "draft" } } });
    const v = await toCeiling.verdict();
    const expected = { creative: "off", tactical: "draft", structural: "off" };
    expect(v).toMatchObject({ decision: "allow", result: { campaignId, authority: expected, authoritySource: "campaign" } });
    expect((await h.campaign(campaignId))?.authority).toEqual(expected);
    expect(await h.job(toCeiling.intent.jobId)).toMatchObject({ status: "completed", result: { campaignId, authority: expected } });

    const byCustomer = await h.submit(t, { operation: "update_authority", params: { campaignId, authority: { structural: "auto" } }, actor: customer });
    expect(await byCustomer.verdict()).toMatchObject({ decision: "allow" });
    expect((await h.campaign(campaignId))?.authority).toEqual({ creative: "off", tactical: "draft", structural: "auto" });

    // auto is above the structural ceiling, but draft is a lowering: always allowed.
    const lower = await h.submit(t, { operation: "update_authority", params: { campaignId, authority: { structural: "draft" } } });
    expect(await lower.verdict()).toMatchObject({ decision: "allow" });
    expect((await h.campaign(campaignId))?.authority).toEqual({ creative: "off", tactical: "draft", structural: "draft" });
  });

  it("a campaign without a block gets the defaults merged with the patch", async () => {
    const t = await h.seedTenant({ defaults: { creative: "draft", tactical: "auto", structural: "off" } });
    const campaignId = await h.seedCampaign(t, { authority: null });
    const s = await h.submit(t, { operation: "update_authority", params: { campaignId, authority: { creative: "off" } } });
    expect(await s.verdict()).toMatchObject({ decision: "allow" });
    expect((await h.campaign(campaignId))?.authority).toEqual({ creative: "off", tactical: "auto", structural: "off" });
  });

  it("update_defaults merges into the layer defaults", async () => {
    const t = await h.seedTenant({ defaults: { creative: "draft", tactical: "draft", structural: "draft" } });
    const s = await h.submit(t, { operation: "update_defaults", params: { authority: { tactical: "auto" } } });
    expect(await s.verdict()).toMatchObject({
      decision: "allow",
      result: { authority: { creative: "draft", tactical: "auto", structural: "draft" }, killSwitchActive: false },
    });
    expect((await h.layer(t.layerId)).defaults).toEqual({ creative: "draft", tactical: "auto", structural: "draft" });
  });

  it("update_policy by the customer sets ceiling, consent, cap and preset; a null cap clears it", async () => {
    const t = await h.seedTenant({ platform: "apple", partnerWritesEnabled: false });
    const s = await h.submit(t, {
      operation: "update_policy",
      params: { ceiling: { creative: "draft" }, partnerWritesEnabled: true, maxDailyBudgetCents: 25_000, writerPreset: "END_TO_END" },
      actor: customer,
    });
    const expected = {
      ceiling: { creative: "draft", tactical: "auto", structural: "auto" },
      partnerWritesEnabled: true,
      maxDailyBudgetCents: 25_000,
      writerPreset: "END_TO_END",
    };
    expect(await s.verdict()).toMatchObject({ decision: "allow", axis: "policy", result: expected });
    expect(await h.layer(t.layerId)).toMatchObject({
      ceiling: expected.ceiling,
      partner_writes_enabled: true,
      max_daily_budget_cents: 25_000,
      writer_preset: "END_TO_END",
    });

    const clear = await h.submit(t, { operation: "update_policy", params: { maxDailyBudgetCents: null }, actor: customer });
    expect(await clear.verdict()).toMatchObject({ result: { ...expected, maxDailyBudgetCents: null } });
    expect(await h.layer(t.layerId)).toMatchObject({ max_daily_budget_cents: null, partner_writes_enabled: true, writer_preset: "END_TO_END" });
  });
});

describe("gate - approval re-runs", () => {
  const TACTICAL_DRAFT: AuthorityBlock = { creative: "auto", tactical: "draft", structural: "auto" };

  /** Queues a budget change, then approves it the way the gateway does and submits the re-run. */
  async function queueThenApprove(t: Tenant, campaignId: string, beforeApproval?: () => Promise<void>) {
    const first = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 8_000 } });
    const queued = await first.verdict();
    expect(queued.decision).toBe("queue_for_approval");
    await beforeApproval?.();
    await h.env.db
      .updateTable("pending_actions")
      .set({ status: "approved", decided_by: JSON.stringify({ type: "customer" }), decision_comment: "ok" })
      .where("id", "=", queued.pendingActionId!)
      .execute();
    const rerun = await h.submit(t, {
      operation: "update_budget",
      params: { campaignId, dailyBudgetCents: 8_000 },
      actor: customer,
      source: "approval",
      pendingActionId: queued.pendingActionId!,
      existingJobId: first.intent.jobId,
    });
    return { first, queued, rerun };
  }

  it("an approved draft write is allowed and dispatched with its pending action id", async () => {
    const t = await h.seedTenant({ defaults: TACTICAL_DRAFT });
    const campaignId = await h.seedCampaign(t);
    const { first, queued, rerun } = await queueThenApprove(t, campaignId);
    const v = await rerun.verdict();
    expect(v).toMatchObject({ decision: "allow", axis: "tactical", pendingActionId: queued.pendingActionId, jobId: first.intent.jobId });
    expect(v.verdictId).not.toBe(queued.verdictId);
    const [d] = await h.dispatchesFor(rerun.intent.intentId);
    expect(d!.body).toMatchObject({ pendingActionId: queued.pendingActionId, operation: "update_budget", jobId: first.intent.jobId });
    expect(await h.job(first.intent.jobId)).toMatchObject({ status: "running", verdict_id: v.verdictId, pending_action_id: queued.pendingActionId });
    expect((await h.auditRowsFor(rerun.intent.intentId))[0]).toMatchObject({ decision: "allow", pending_action_id: queued.pendingActionId, actor_type: "customer" });
    // The dispatcher, not the gate, marks it dispatched.
    expect((await h.env.db.selectFrom("pending_actions").select("status").where("id", "=", queued.pendingActionId!).executeTakeFirstOrThrow()).status).toBe("approved");
  });

  it("a kill switch tripped after queueing denies the re-run: dispatch_failed, events, job failed", async () => {
    const t = await h.seedTenant({ defaults: TACTICAL_DRAFT });
    const campaignId = await h.seedCampaign(t);
    const { first, queued, rerun } = await queueThenApprove(t, campaignId, async () => {
      const trip = await h.submit(t, { operation: "set_kill_switch", params: { active: true }, actor: customer });
      expect((await trip.verdict()).decision).toBe("allow");
    });
    const v = await rerun.verdict();
    expect(v).toMatchObject({ decision: "deny", reason: "kill_switch_active", pendingActionId: queued.pendingActionId });
    const pa = await h.env.db.selectFrom("pending_actions").selectAll().where("id", "=", queued.pendingActionId!).executeTakeFirstOrThrow();
    expect(pa).toMatchObject({ status: "dispatch_failed", dispatched_failure_reason: "kill_switch_active", dispatched_at: null });
    const events = (await h.eventsFor(rerun.intent.intentId)).map((e) => eventSchema.parse(e.body));
    expect(events.map((e) => e.type).sort()).toEqual(["ads.write.denied", "approval.dispatch_failed", "job.failed"]);
    expect(events.find((e) => e.type === "approval.dispatch_failed")!.data).toMatchObject({
      organizationId: t.orgId,
      pendingActionId: queued.pendingActionId,
      reason: "kill_switch_active",
      verdictId: v.verdictId,
    });
    expect(await h.job(first.intent.jobId)).toMatchObject({ status: "failed", reason: "kill_switch_active" });
    expect(await h.dispatchesFor(rerun.intent.intentId)).toEqual([]);
  });

  it.each([
    { tripFirst: false, decision: "allow", campaignStatus: "creating", dispatches: 1 },
    { tripFirst: true, decision: "deny", campaignStatus: "denied", dispatches: 0 },
  ])("an approved create re-run (kill switch tripped: $tripFirst) → $decision, campaign row $campaignStatus", async ({ tripFirst, decision, campaignStatus, dispatches }) => {
    const t = await h.seedTenant({ defaults: { creative: "auto", tactical: "auto", structural: "draft" } });
    const campaignId = newId("campaign");
    const params = {
      campaignId,
      adAccountId: t.adAccountId,
      name: "Launch",
      outcome: "traffic",
      dailyBudgetCents: 2_000,
      authority: { creative: "auto", tactical: "auto", structural: "auto" },
      status: "PAUSED",
      specialAdCategories: [],
    };
    const first = await h.submit(t, { operation: "create_campaign", params });
    const queued = await first.verdict();
    expect((await h.campaign(campaignId))?.status).toBe("pending_approval");
    if (tripFirst) await (await h.submit(t, { operation: "set_kill_switch", params: { active: true }, actor: customer })).verdict();
    await h.env.db.updateTable("pending_actions").set({ status: "approved" }).where("id", "=", queued.pendingActionId!).execute();
    const rerun = await h.submit(t, {
      operation: "create_campaign",
      params,
      actor: customer,
      source: "approval",
      pendingActionId: queued.pendingActionId!,
      existingJobId: first.intent.jobId,
    });
    expect(await rerun.verdict()).toMatchObject({ decision, pendingActionId: queued.pendingActionId });
    expect((await h.campaign(campaignId))?.status).toBe(campaignStatus);
    expect(await h.env.db.selectFrom("campaigns").select("id").where("id", "=", campaignId).execute()).toHaveLength(1);
    expect(await h.dispatchesFor(rerun.intent.intentId)).toHaveLength(dispatches);
  });

  it("a re-run of an action that is not approved is not decided: job failed CONFLICT, no audit row", async () => {
    const t = await h.seedTenant({ defaults: TACTICAL_DRAFT });
    const campaignId = await h.seedCampaign(t);
    const first = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 8_000 } });
    const queued = await first.verdict();
    const rerun = await h.submit(t, {
      operation: "update_budget",
      params: { campaignId, dailyBudgetCents: 8_000 },
      actor: customer,
      source: "approval",
      pendingActionId: queued.pendingActionId!,
      existingJobId: first.intent.jobId,
    });
    const row = await waitFor(async () => {
      const r = await h.intentRow(rerun.intent.intentId);
      return r.state === "failed" ? r : null;
    }, "the re-run to fail");
    expect(row.failure_reason).toContain("not approved");
    expect(await h.job(first.intent.jobId)).toMatchObject({ status: "failed", error: { code: "CONFLICT" } });
    expect(await h.auditRowsFor(rerun.intent.intentId)).toEqual([]);
    expect(rerun.inbox.count).toBe(0);
  });
});
