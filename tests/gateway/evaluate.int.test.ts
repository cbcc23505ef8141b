import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateResponseSchema, type EvaluateResponse } from "@layers/contracts";
import type { RunningGate } from "@layers/gate";
import { expectContract } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";
import { createHarness, expectProblem, type Harness } from "@layers/gateway/testing";
import { outboxDrained } from "@layers/testkit";

/**
 * Dry-run evaluate with the real gate in process: it answers what the real write's verdict is, for
 * allow / queue / deny, and leaves no trace (no row, no stream message).
 */
describe("dry-run evaluate", () => {
  let h: Harness;
  let gate: RunningGate | null = null;
  let org: string;
  let partner: string;
  let customer: string;
  let projectId: string;
  let adAccountId: string;
  const P = () => `/v1/projects/${projectId}`;
  const EVAL = (platform = "meta") => `${P()}/ads/${platform}/authority/evaluate`;

  const count = async (table: "audit_log" | "write_intents" | "jobs" | "pending_actions" | "campaigns" | "event_outbox" | "idempotency_keys") =>
    Number((await h.env.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const lastSeq = async (stream: string) => (await h.env.nats.jsm.streams.info(stream)).state.last_seq;
  /** Every row and stream a write would touch. */
  const footprint = async () => ({
    // Events of earlier writes leave through the outbox relay after their commit: let them settle first.
    drained: await outboxDrained(h.env),
    audit: await count("audit_log"),
    intents: await count("write_intents"),
    jobs: await count("jobs"),
    pending: await count("pending_actions"),
    campaigns: await count("campaigns"),
    outbox: await count("event_outbox"),
    idem: await count("idempotency_keys"),
    intentsSeq: await lastSeq(h.env.names.streams.intents),
    dispatchSeq: await lastSeq(h.env.names.streams.dispatch),
    eventsSeq: await lastSeq(h.env.names.streams.events),
  });

  /** Evaluates, proving the call left no footprint, and returns the verdict. */
  async function evaluate(auth: string, body: unknown, platform = "meta"): Promise<EvaluateResponse> {
    const before = await footprint();
    // An Idempotency-Key is not honoured here (nothing to replay): no key row is stored either.
    const res = await h.send("POST", EVAL(platform), { auth, body, headers: { "idempotency-key": crypto.randomUUID() } });
    expect(res.statusCode, res.body).toBe(200);
    const verdict = expectContract(evaluateResponseSchema, res.json());
    expect(await footprint()).toEqual(before);
    return verdict;
  }

  /** The verdict the gate recorded for a real write's answer (its audit row). */
  async function recorded(res: { statusCode: number; body: string; json(): any }): Promise<EvaluateResponse> {
    const verdictId = res.json().verdictId;
    expect(verdictId, res.body).toMatch(/^[0-9a-f-]{36}$/);
    const row = await h.env.db.selectFrom("audit_log").select(["decision", "reason", "axis"]).where("id", "=", verdictId).where("decision", "!=", "cancel").executeTakeFirstOrThrow();
    return { decision: row.decision as EvaluateResponse["decision"], axis: row.axis as EvaluateResponse["axis"], ...(row.reason ? { reason: row.reason as EvaluateResponse["reason"] } : {}) };
  }

  /** Evaluate first, then do the real write: both must say the same. */
  async function expectSameVerdict(
    auth: string,
    evalBody: unknown,
    real: { method: "POST" | "PATCH" | "PUT"; url: string; body?: unknown },
    expected: EvaluateResponse,
  ) {
    const predicted = await evaluate(auth, evalBody);
    expect(predicted).toEqual(expected);
    const res = await h.send(real.method, real.url, { auth, body: real.body ?? {} });
    expect([200, 202, 403], res.body).toContain(res.statusCode);
    expect(await recorded(res)).toEqual(predicted);
    return res;
  }

  const seedAuto = (authority: object = { creative: "auto", tactical: "auto", structural: "auto" }) => h.seedCampaign(projectId, { authority });

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 3000 });
    gate = await startTestGate(h.env);
    ({ org, partner, projectId, customer, adAccountId } = await h.seedTenant());
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
  });

  it("evaluate - deny partner_consent_missing on a fresh layer, as the real write", async () => {
    const campaignId = await seedAuto();
    const res = await expectSameVerdict(
      partner,
      { operation: "update_budget", campaignId, params: { dailyBudgetCents: 6000 } },
      { method: "PATCH", url: `${P()}/ads/meta/campaigns/${campaignId}/budget`, body: { dailyBudgetCents: 6000 } },
      { decision: "deny", reason: "partner_consent_missing", axis: "tactical" },
    );
    expectProblem(res, 403, "AUTHORITY_DENIED");
    const consent = await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: customer, body: { partnerWritesEnabled: true } });
    expect(consent.statusCode, consent.body).toBe(200);
  });

  it("evaluate - allow on an auto campaign, as the real write (dispatched)", async () => {
    const campaignId = await seedAuto();
    const res = await expectSameVerdict(
      partner,
      { operation: "update_budget", campaignId, params: { dailyBudgetCents: 6000 } },
      { method: "PATCH", url: `${P()}/ads/meta/campaigns/${campaignId}/budget`, body: { dailyBudgetCents: 6000 } },
      { decision: "allow", axis: "tactical" },
    );
    expect(res.json().status).toBe("dispatching");
  });

  it("evaluate - queue_for_approval under draft defaults, for a create and a budget", async () => {
    const create = await expectSameVerdict(
      partner,
      { operation: "create_campaign", params: { dailyBudgetCents: 5000, campaignManagementMode: "draft", creativeMode: "draft" } },
      {
        method: "POST",
        url: `${P()}/ads/meta/campaigns`,
        body: { adAccountId, name: "Eval", outcome: "conversions", dailyBudgetCents: 5000, campaignManagementMode: "draft", creativeMode: "draft" },
      },
      { decision: "queue_for_approval", axis: "structural" },
    );
    expect(create.json().status).toBe("pending_approval");
    const campaignId = await h.seedCampaign(projectId); // no block: the layer defaults (draft) govern
    const budget = await expectSameVerdict(
      partner,
      { operation: "update_budget", campaignId, params: { dailyBudgetCents: 7000 } },
      { method: "PATCH", url: `${P()}/ads/meta/campaigns/${campaignId}/budget`, body: { dailyBudgetCents: 7000 } },
      { decision: "queue_for_approval", axis: "tactical" },
    );
    expect(budget.json().status).toBe("pending_approval");
  });

  it("evaluate - deny authority_axis_off", async () => {
    const campaignId = await seedAuto({ creative: "auto", tactical: "off", structural: "auto" });
    await expectSameVerdict(
      partner,
      { operation: "update_budget", campaignId, params: { dailyBudgetCents: 6000 } },
      { method: "PATCH", url: `${P()}/ads/meta/campaigns/${campaignId}/budget`, body: { dailyBudgetCents: 6000 } },
      { decision: "deny", reason: "authority_axis_off", axis: "tactical" },
    );
  });

  it("evaluate - deny exceeds_customer_policy for a partner raising above the ceiling; a lowering is allowed", async () => {
    const ceiling = await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: customer, body: { ceiling: { tactical: "draft" } } });
    expect(ceiling.statusCode, ceiling.body).toBe(200);
    const campaignId = await seedAuto({ creative: "auto", tactical: "off", structural: "auto" });
    await expectSameVerdict(
      partner,
      { operation: "update_authority", campaignId, params: { authority: { tactical: "auto" } } },
      { method: "PATCH", url: `${P()}/ads/meta/campaigns/${campaignId}/authority`, body: { authority: { tactical: "auto" } } },
      { decision: "deny", reason: "exceeds_customer_policy", axis: "policy" },
    );
    // The modes asked for at create are checked the same way.
    expect(await evaluate(partner, { operation: "create_campaign", params: { campaignManagementMode: "autopilot", creativeMode: "draft" } })).toEqual({
      decision: "deny",
      reason: "exceeds_customer_policy",
      axis: "structural",
    });
    await expectSameVerdict(
      partner,
      { operation: "update_authority", campaignId, params: { authority: { creative: "draft" } } },
      { method: "PATCH", url: `${P()}/ads/meta/campaigns/${campaignId}/authority`, body: { authority: { creative: "draft" } } },
      { decision: "allow", axis: "policy" },
    );
    const reset = await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: customer, body: { ceiling: { tactical: "auto" } } });
    expect(reset.statusCode, reset.body).toBe(200);
  });

  it("evaluate - deny budget_cap_exceeded above the layer cap (the real write's event is not published by the dry run)", async () => {
    const cap = await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: customer, body: { maxDailyBudgetCents: 10000 } });
    expect(cap.statusCode, cap.body).toBe(200);
    const campaignId = await seedAuto();
    await expectSameVerdict(
      partner,
      { operation: "update_budget", campaignId, params: { dailyBudgetCents: 20000 } },
      { method: "PATCH", url: `${P()}/ads/meta/campaigns/${campaignId}/budget`, body: { dailyBudgetCents: 20000 } },
      { decision: "deny", reason: "budget_cap_exceeded", axis: "tactical" },
    );
    expect(await evaluate(partner, { operation: "update_budget", campaignId, params: { dailyBudgetCents: 10000 } })).toEqual({ decision: "allow", axis: "tactical" });
    const uncap = await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: customer, body: { maxDailyBudgetCents: null } });
    expect(uncap.statusCode, uncap.body).toBe(200);
  });

  it("evaluate - deny kill_switch_active for every actor, the customer included; policy operations stay possible", async () => {
    const on = await h.send("PUT", `${P()}/ads/meta/kill-switch`, { auth: customer, body: { active: true, reason: "audit" } });
    expect(on.statusCode, on.body).toBe(200);
    const campaignId = await seedAuto();
    for (const auth of [partner, customer]) {
      await expectSameVerdict(
        auth,
        { operation: "pause_campaign", campaignId },
        { method: "POST", url: `${P()}/ads/meta/campaigns/${campaignId}/pause` },
        { decision: "deny", reason: "kill_switch_active", axis: "structural" },
      );
    }
    // The actor is the caller: releasing the switch is the customer's alone.
    expect(await evaluate(partner, { operation: "set_kill_switch" })).toEqual({ decision: "deny", reason: "not_partner_writable", axis: "policy" });
    expect(await evaluate(customer, { operation: "set_kill_switch" })).toEqual({ decision: "allow", axis: "policy" });
    const off = await h.send("PUT", `${P()}/ads/meta/kill-switch`, { auth: customer, body: { active: false } });
    expect(off.statusCode, off.body).toBe(200);
    expect(await evaluate(partner, { operation: "pause_campaign", campaignId })).toEqual({ decision: "allow", axis: "structural" });
  });

  it("evaluate - tenancy, scope and validation", async () => {
    const otherOrg = await h.seedOrg();
    const otherKey = (await h.mintKey(otherOrg, ["*"])).secret;
    const otherProject = (await h.createProject(otherKey)).id;
    const otherCampaign = await h.seedCampaign(otherProject);
    // Another org's campaign (named inside my project) and another org's project are 404.
    expectProblem(await h.send("POST", EVAL(), { auth: partner, body: { operation: "update_budget", campaignId: otherCampaign } }), 404, "NOT_FOUND");
    expectProblem(await h.send("POST", `/v1/projects/${otherProject}/ads/meta/authority/evaluate`, { auth: partner, body: { operation: "pause_campaign" } }), 404, "NOT_FOUND");
    // ads:read is the scope; a write-only key cannot evaluate.
    const writer = (await h.mintKey(org, ["ads:write:budgets"])).secret;
    expectProblem(await h.send("POST", EVAL(), { auth: writer, body: { operation: "pause_campaign" } }), 403, "INSUFFICIENT_SCOPE");
    const reader = (await h.mintKey(org, ["ads:read"])).secret;
    expect((await evaluate(reader, { operation: "update_defaults", params: { authority: { creative: "off" } } })).decision).toBe("allow");
    // Bad bodies point at the field; money the platform cannot take is refused as the real write would be.
    const bad = expectProblem(await h.send("POST", EVAL(), { auth: partner, body: { operation: "fly_to_moon" } }), 422, "VALIDATION");
    expect(bad.errors[0].pointer).toBe("/operation");
    const needsCampaign = expectProblem(await h.send("POST", EVAL(), { auth: partner, body: { operation: "update_authority", params: { authority: { tactical: "off" } } } }), 422, "VALIDATION");
    expect(needsCampaign.errors[0].pointer).toBe("/campaignId");
    await h.env.db.updateTable("layers").set({ currency: "TWD" }).where("project_id", "=", projectId).where("platform", "=", "meta").execute();
    const money = expectProblem(await h.send("POST", EVAL(), { auth: partner, body: { operation: "create_campaign", params: { dailyBudgetCents: 150 } } }), 422, "VALIDATION");
    expect(money.errors[0].pointer).toBe("/params/dailyBudgetCents");
    await h.env.db.updateTable("layers").set({ currency: "USD" }).where("project_id", "=", projectId).where("platform", "=", "meta").execute();
  });

  it("evaluate - other platforms are evaluated on their own layer", async () => {
    // The tiktok layer has no consent yet.
    expect(await evaluate(partner, { operation: "pause_campaign" }, "tiktok")).toEqual({ decision: "deny", reason: "partner_consent_missing", axis: "structural" });
    expect(await evaluate(customer, { operation: "pause_campaign" }, "tiktok")).toEqual({ decision: "queue_for_approval", axis: "structural" });
  });

  it("evaluate - 503 UNAVAILABLE when the gate does not answer in time", async () => {
    await gate?.stop();
    gate = null;
    const before = await footprint();
    const res = await h.send("POST", EVAL(), { auth: partner, body: { operation: "pause_campaign" } });
    expectProblem(res, 503, "UNAVAILABLE");
    expect(res.headers["retry-after"]).toBe("1");
    expect(await footprint()).toEqual(before);
  });
});
