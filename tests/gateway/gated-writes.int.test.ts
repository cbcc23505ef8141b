import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appliedSchema,
  auditEntrySchema,
  campaignAuthoritySchema,
  campaignSchema,
  defaultsViewSchema,
  jobSchema,
  killSwitchViewSchema,
  pageSchema,
  pendingActionSchema,
  policyViewSchema,
  writeAcceptedSchema,
} from "@layers/contracts";
import type { RunningGate } from "@layers/gate";
import { expectContract } from "@layers/gateway/testing";
import { createHarness, expectProblem, type Harness } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";

describe("gated writes with the real gate", () => {
  let h: Harness;
  let gate: RunningGate | null;
  let org: string;
  let partner: string;
  let customer: string;
  let projectId: string;
  let adAccountId: string;
  const P = () => `/v1/projects/${projectId}`;
  const createBody = (modes: { campaignManagementMode: string; creativeMode: string }) => ({
    adAccountId,
    name: "Q3 prospecting",
    outcome: "conversions",
    dailyBudgetCents: 5000,
    ...modes,
  });

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 3000 });
    gate = await startTestGate(h.env);
    ({ org, partner, projectId, customer, adAccountId } = await h.seedTenant());
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
  });

  it("policy - a fresh layer refuses partner writes until the customer consents", async () => {
    const res = await h.send("PATCH", `${P()}/ads/meta/defaults`, { auth: partner, body: { authority: { creative: "off" } } });
    const p = expectProblem(res, 403, "AUTHORITY_DENIED");
    expect(p.reason).toBe("partner_consent_missing");
    expect(p.verdictId).toMatch(/^[0-9a-f-]{36}$/);
    const consent = await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: customer, body: { partnerWritesEnabled: true } });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(expectContract(appliedSchema(policyViewSchema), consent.json())).toMatchObject({ platform: "meta", partnerWritesEnabled: true, killSwitchActive: false });
    const audit = await h.env.db.selectFrom("audit_log").selectAll().where("id", "=", consent.json().verdictId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ operation: "update_policy", decision: "allow", actor_type: "customer", actor_user_id: "usr_owner" });
    const policy = await h.send("GET", `${P()}/ads/meta/policy`, { auth: customer });
    expect(expectContract(policyViewSchema, policy.json())).toMatchObject({ partnerWritesEnabled: true, ceiling: { creative: "auto", tactical: "auto", structural: "auto" } });
  });

  it("create - draft defaults queue the create: 202 pending_approval with a pending row and a campaign id", async () => {
    const res = await h.send("POST", `${P()}/ads/meta/campaigns`, {
      auth: partner,
      body: createBody({ campaignManagementMode: "draft", creativeMode: "autopilot" }),
      headers: { "x-request-id": "create-draft-1" },
    });
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json();
    expect(body).toEqual({
      status: "pending_approval",
      pendingActionId: expect.stringMatching(/^pa_/),
      verdictId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      jobId: expect.stringMatching(/^job_/),
      campaignId: expect.stringMatching(/^cmp_/),
    });
    const pending = await h.send("GET", `${P()}/ads/meta/pending/${body.pendingActionId}`, { auth: partner });
    expect(pending.statusCode).toBe(200);
    expect(expectContract(pendingActionSchema, pending.json())).toMatchObject({
      id: body.pendingActionId,
      actionType: "create_campaign",
      status: "pending",
      campaignId: body.campaignId,
      jobId: body.jobId,
      actor: { type: "partner", organizationId: org, apiKeyId: expect.stringMatching(/^key_/) },
      proposedAction: { detail: expect.anything() },
    });
    expectContract(writeAcceptedSchema, body);
    const job = expectContract(jobSchema, (await h.send("GET", `/v1/jobs/${body.jobId}`, { auth: partner })).json());
    expect(job).toMatchObject({ status: "queued", pendingActionId: body.pendingActionId, verdict: { verdictId: body.verdictId, decision: "queue_for_approval" } });
    const audit = await h.env.db.selectFrom("audit_log").selectAll().where("id", "=", body.verdictId).executeTakeFirstOrThrow();
    expect(audit.request_id).toBe("create-draft-1");
    const campaign = await h.send("GET", `${P()}/ads/meta/campaigns/${body.campaignId}`, { auth: partner });
    expect(campaign.statusCode).toBe(200);
    expect(expectContract(campaignSchema, campaign.json()).id).toBe(body.campaignId);
    expect(campaign.json()).toMatchObject({ authority: { creative: "auto", tactical: "draft", structural: "draft" }, authoritySource: "campaign" });
  });

  it("create - with auto defaults and autopilot the create is dispatched at once", async () => {
    const defaults = await h.send("PATCH", `${P()}/ads/meta/defaults`, { auth: customer, body: { authority: { creative: "auto", tactical: "auto", structural: "auto" } } });
    expect(defaults.statusCode, defaults.body).toBe(200);
    expect(expectContract(appliedSchema(defaultsViewSchema), defaults.json())).toMatchObject({ authority: { creative: "auto", tactical: "auto", structural: "auto" }, kill_switch_active: false });
    const res = await h.send("POST", `${P()}/ads/meta/campaigns`, { auth: partner, body: createBody({ campaignManagementMode: "autopilot", creativeMode: "autopilot" }) });
    expect(res.statusCode, res.body).toBe(202);
    expect(expectContract(writeAcceptedSchema, res.json())).toEqual({ status: "dispatching", jobId: expect.stringMatching(/^job_/), verdictId: expect.any(String), campaignId: expect.stringMatching(/^cmp_/) });
    const job = (await h.send("GET", `/v1/jobs/${res.json().jobId}`, { auth: partner })).json();
    expect(job).toMatchObject({ status: "running", verdict: { decision: "allow" } });
    const dispatched = await h.env.db.selectFrom("write_intents").select("state").where("job_id", "=", res.json().jobId).executeTakeFirstOrThrow();
    expect(dispatched.state).toBe("allowed");
  });

  it("budget - off denies with authority_axis_off, draft queues, auto dispatches", async () => {
    const off = await h.seedCampaign(projectId, { authority: { creative: "auto", tactical: "off", structural: "auto" } });
    const draft = await h.seedCampaign(projectId, { authority: { creative: "auto", tactical: "draft", structural: "auto" } });
    const auto = await h.seedCampaign(projectId, { authority: { creative: "auto", tactical: "auto", structural: "auto" } });
    const budget = (id: string) => h.send("PATCH", `${P()}/ads/meta/campaigns/${id}/budget`, { auth: partner, body: { dailyBudgetCents: 7500 } });

    const denied = expectProblem(await budget(off), 403, "AUTHORITY_DENIED");
    expect(denied.reason).toBe("authority_axis_off");
    const deniedJob = await h.env.db.selectFrom("jobs").selectAll().where("verdict_id", "=", denied.verdictId).executeTakeFirstOrThrow();
    expect(deniedJob.status).toBe("failed");

    const queued = await budget(draft);
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toMatchObject({ status: "pending_approval", pendingActionId: expect.stringMatching(/^pa_/), campaignId: draft });

    const allowed = await budget(auto);
    expect(allowed.statusCode).toBe(202);
    expect(allowed.json()).toMatchObject({ status: "dispatching", campaignId: auto });
  });

  it("authority - a partner cannot raise an axis above the customer's ceiling, but may lower it", async () => {
    const cmp = await h.seedCampaign(projectId, { authority: { creative: "draft", tactical: "draft", structural: "draft" } });
    const ceiling = await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: customer, body: { ceiling: { tactical: "draft" } } });
    expect(ceiling.json().ceiling).toEqual({ creative: "auto", tactical: "draft", structural: "auto" });
    const raise = await h.send("PATCH", `${P()}/ads/meta/campaigns/${cmp}/authority`, { auth: partner, body: { authority: { tactical: "auto" } } });
    expect(expectProblem(raise, 403, "AUTHORITY_DENIED").reason).toBe("exceeds_customer_policy");
    const lower = await h.send("PATCH", `${P()}/ads/meta/campaigns/${cmp}/authority`, { auth: partner, body: { authority: { tactical: "off" } } });
    expect(lower.statusCode, lower.body).toBe(200);
    expect(expectContract(appliedSchema(campaignAuthoritySchema), lower.json())).toEqual({
      campaignId: cmp,
      authority: { creative: "draft", tactical: "off", structural: "draft" },
      source: "campaign",
      modes: { campaignManagementMode: null, creativeMode: "draft" },
      verdictId: expect.any(String),
    });
    const read = await h.send("GET", `${P()}/ads/meta/campaigns/${cmp}/authority`, { auth: partner });
    expect(expectContract(campaignAuthoritySchema, read.json()).authority.tactical).toBe("off");
    await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: customer, body: { ceiling: { tactical: "auto" } } });
  });

  it("kill switch - the customer trips it, partner writes are denied, the customer releases it", async () => {
    const auto = await h.seedCampaign(projectId, { authority: { creative: "auto", tactical: "auto", structural: "auto" } });
    const trip = await h.send("PUT", `${P()}/ads/meta/kill-switch`, { auth: customer, body: { active: true, reason: "creative incident" } });
    expect(trip.statusCode, trip.body).toBe(200);
    expect(expectContract(appliedSchema(killSwitchViewSchema), trip.json())).toMatchObject({ platform: "meta", active: true, reason: "creative incident", verdictId: expect.any(String) });
    expect((await h.send("GET", `${P()}/ads/meta/defaults`, { auth: partner })).json().kill_switch_active).toBe(true);
    const write = await h.send("POST", `${P()}/ads/meta/campaigns/${auto}/pause`, { auth: partner });
    expect(expectProblem(write, 403, "AUTHORITY_DENIED").reason).toBe("kill_switch_active");
    const release = await h.send("PUT", `${P()}/ads/meta/kill-switch`, { auth: customer, body: { active: false } });
    expect(release.json()).toMatchObject({ active: false });
    expect((await h.send("POST", `${P()}/ads/meta/campaigns/${auto}/pause`, { auth: partner })).json().status).toBe("dispatching");
  });

  it("timeout - with the gate stopped the write is accepted (202 + Location); the verdict lands on the job later", async () => {
    await gate!.stop();
    gate = null;
    const auto = await h.seedCampaign(projectId, { authority: { creative: "auto", tactical: "auto", structural: "auto" } });
    const res = await h.send("PATCH", `${P()}/ads/meta/campaigns/${auto}/budget`, { auth: partner, body: { dailyBudgetCents: 6100 } });
    expect(res.statusCode).toBe(202);
    expect(expectContract(writeAcceptedSchema, res.json())).toEqual({ status: "accepted", jobId: expect.stringMatching(/^job_/), campaignId: auto });
    expect(res.headers.location).toBe(`/v1/jobs/${res.json().jobId}`);
    const queued = (await h.send("GET", res.headers.location as string, { auth: partner })).json();
    expect(queued).toMatchObject({ status: "queued", verdict: null });
    gate = await startTestGate(h.env);
    await expect
      .poll(async () => (await h.send("GET", res.headers.location as string, { auth: partner })).json().verdict?.decision, { timeout: 15_000, interval: 200 })
      .toBe("allow");
    expect((await h.send("GET", res.headers.location as string, { auth: partner })).json().status).toBe("running");
  });

  it("audit log - every decision is listed newest first with filters and pagination", async () => {
    const all = expectContract(pageSchema(auditEntrySchema), (await h.send("GET", "/v1/audit-log?limit=100", { auth: partner })).json());
    expect(all.data.length).toBeGreaterThanOrEqual(10);
    const times = all.data.map((r: { occurredAt: string }) => Date.parse(r.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const denies = (await h.send("GET", "/v1/audit-log?decision=deny", { auth: partner })).json().data;
    expect(denies.length).toBeGreaterThanOrEqual(4);
    for (const r of denies) expect(r.decision).toBe("deny");
    expect(denies[0]).toEqual(
      expect.objectContaining({ verdictId: expect.any(String), actorType: "partner", actorOrganizationId: org, projectId, platform: "meta", intent: expect.any(Object) }),
    );
    const customerRows = (await h.send("GET", "/v1/audit-log?actorType=customer&operation=update_policy", { auth: partner })).json().data;
    expect(customerRows.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ verdictId: string }>; nextCursor: string | null } = (await h.send("GET", `/v1/audit-log?limit=3${cursor ? `&cursor=${cursor}` : ""}`, { auth: partner })).json();
      seen.push(...page.data.map((r: { verdictId: string }) => r.verdictId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.data.map((r: { verdictId: string }) => r.verdictId));
    const future = (await h.send("GET", `/v1/audit-log?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { auth: partner })).json();
    expect(future.data).toEqual([]);
  });
});
