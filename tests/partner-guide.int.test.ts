import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appliedSchema,
  approveAnswerSchema,
  auditEntrySchema,
  campaignAuthoritySchema,
  campaignSchema,
  defaultsViewSchema,
  eventSchema,
  jobSchema,
  killSwitchViewSchema,
  layerListSchema,
  pageSchema,
  pendingActionSchema,
  policyViewSchema,
  problemSchema,
  projectSchema,
  rejectAnswerSchema,
  whoamiSchema,
  writeAcceptedSchema,
} from "@layers/contracts";
import type { SeedDevResult } from "@layers/ops/seed-dev";
import { apiClient, eventually, ledger, waitForJob, type ApiClient } from "./support/api.ts";
import { expectContract } from "./support/contract.ts";
import { readEvents } from "./support/events.ts";
import { startStack, type E2EStack } from "./support/stack.ts";

/**
 * The partner guide (seeds/run-ads-as-partner.md, steps 2, 3, 5, 6) on Meta, through the HTTP API,
 * with the real gate, dispatcher and sandbox running.
 */
describe("partner guide on Meta", () => {
  let stack: E2EStack;
  let seed: SeedDevResult;
  let partner: ApiClient;
  let customer: ApiClient;
  let P: string;
  const campaigns = () => `/v1/projects/${P}/ads/meta/campaigns`;

  beforeAll(async () => {
    stack = await startStack();
    seed = await stack.seed();
    partner = apiClient(stack.apiUrl, seed.apiKey);
    customer = apiClient(stack.apiUrl, seed.customerToken);
    P = seed.projectId;
  });
  afterAll(async () => stack?.stop());

  const countRows = async () => {
    const [a, j, i] = await Promise.all(
      (["audit_log", "jobs", "write_intents"] as const).map((t) =>
        stack.env.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ),
    );
    return { audit: Number(a!.n), jobs: Number(j!.n), intents: Number(i!.n) };
  };

  it("who am I: the partner key and the customer token, the project and its layers", async () => {
    const me = expectContract(whoamiSchema, (await partner.get("/v1/whoami")).body);
    expect(me).toMatchObject({ organizationId: seed.orgId, actor: { type: "partner" } });
    const owner = expectContract(whoamiSchema, (await customer.get("/v1/whoami")).body);
    expect(owner).toMatchObject({ organizationId: seed.orgId, actor: { type: "customer" }, projectId: P });
    expect(expectContract(projectSchema, (await partner.get(`/v1/projects/${P}`)).body).id).toBe(P);
    const layers = expectContract(layerListSchema, (await partner.get(`/v1/projects/${P}/layers`)).body);
    expect(layers.data.find((l) => l.platform === "meta")?.id).toBe(seed.layers.meta.layerId);
    const policy = expectContract(policyViewSchema, (await customer.get(`/v1/projects/${P}/ads/meta/policy`)).body);
    expect(policy.layerId).toBe(seed.layers.meta.layerId);
  });

  it("step 2: lists the campaigns already on the connected ad account, with Layers and platform ids", async () => {
    const res = await partner.get(campaigns());
    expect(res.status).toBe(200);
    expectContract(pageSchema(campaignSchema), res.body);
    const names = res.body.data.map((c: any) => c.name).sort();
    expect(names).toEqual(["Evergreen prospecting", "Spring retargeting"]);
    for (const c of res.body.data) {
      expect(c.id).toMatch(/^cmp_/);
      expect(c.platformCampaignId).toMatch(/^\d+$/);
      expect(c.origin).toBe("platform");
      expect(c.authoritySource).toBe("defaults");
    }
  });

  it("step 2: sets per-campaign authority on an existing campaign", async () => {
    const existing = (await partner.get(campaigns())).body.data[0];
    const res = await partner.patch(`${campaigns()}/${existing.id}/authority`, { authority: { creative: "auto", tactical: "draft", structural: "off" } });
    expect(res.status).toBe(200);
    expectContract(appliedSchema(campaignAuthoritySchema), res.body);
    expect(res.body.verdictId).toMatch(/^[0-9a-f-]{36}$/);
    const after = await partner.get(`${campaigns()}/${existing.id}/authority`);
    expectContract(campaignAuthoritySchema, after.body);
    expect(after.body.authority).toEqual({ creative: "auto", tactical: "draft", structural: "off" });
    expect(after.body.source).toBe("campaign");
  });

  let draftCampaignId: string;
  let draftJobId: string;
  let draftPendingId: string;

  it("step 2 (create, draft): answers 202 pending_approval with jobId, campaignId, verdictId", async () => {
    const before = (await ledger(stack.sandboxUrl)).length;
    const res = await partner.post(campaigns(), {
      adAccountId: seed.layers.meta.adAccountId,
      name: "Q3 prospecting",
      outcome: "conversions",
      dailyBudgetCents: 5000,
      campaignManagementMode: "draft",
      creativeMode: "autopilot",
    });
    expect(res.status).toBe(202);
    expect(expectContract(writeAcceptedSchema, res.body)).toMatchObject({ status: "pending_approval" });
    expect(res.body.jobId).toMatch(/^job_/);
    expect(res.body.campaignId).toMatch(/^cmp_/);
    expect(res.body.verdictId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.pendingActionId).toMatch(/^pa_/);
    draftCampaignId = res.body.campaignId;
    draftJobId = res.body.jobId;
    draftPendingId = res.body.pendingActionId;
    expect((await ledger(stack.sandboxUrl)).length).toBe(before);
  });

  it("step 3: the authority block shows the mode mapping of the create", async () => {
    const res = await partner.get(`${campaigns()}/${draftCampaignId}/authority`);
    expect(res.status).toBe(200);
    expect(res.body.authority).toEqual({ creative: "auto", tactical: "draft", structural: "draft" });
    expect(res.body.modes).toEqual({ campaignManagementMode: "draft", creativeMode: "autopilot" });
  });

  it("step 5: the pending queue carries what would change and why", async () => {
    const res = await partner.get(`/v1/projects/${P}/ads/meta/pending?status=pending`);
    expect(res.status).toBe(200);
    expectContract(pageSchema(pendingActionSchema), res.body);
    const row = res.body.data.find((p: any) => p.id === draftPendingId);
    expect(row).toMatchObject({ actionType: "create_campaign", entityName: "Q3 prospecting", status: "pending", campaignId: draftCampaignId });
    expect(row.newValue).toMatchObject({ dailyBudgetCents: 5000 });
    expect(typeof row.rationale).toBe("string");
    expect(row.proposedAction.detail).toBeTruthy();
  });

  it("step 6 (approve): the approval re-runs the gate and dispatches; the job completes and the sandbox holds the campaign", async () => {
    const res = await partner.post(`/v1/projects/${P}/ads/meta/pending/${draftPendingId}/approve`, { comment: "Looks good" });
    expect(res.status).toBe(202);
    expect(expectContract(approveAnswerSchema, res.body).status).toBe("dispatching");
    const job = expectContract(jobSchema, await waitForJob(partner, draftJobId));
    expect(job.status).toBe("completed");
    const platformId = job.result!.platformId as string;
    expect(platformId).toMatch(/^\d+$/);
    const onMeta = (await ledger(stack.sandboxUrl)).filter((e) => e.objectId === platformId);
    expect(onMeta).toHaveLength(1);
    expect(onMeta[0]!.op).toBe("create");
    expect(onMeta[0]!.fields).toMatchObject({ objective: "OUTCOME_SALES", daily_budget: 5000, name: "Q3 prospecting" });
    const campaign = await partner.get(`${campaigns()}/${draftCampaignId}`);
    expect(expectContract(campaignSchema, campaign.body).platformCampaignId).toBe(platformId);
    expect(campaign.body.dailyBudgetCents).toBe(5000);
    const pending = await partner.get(`/v1/projects/${P}/ads/meta/pending/${draftPendingId}`);
    expect(expectContract(pendingActionSchema, pending.body).status).toBe("dispatched");
    expect(pending.body.dispatchedAt).toBeTruthy();
  });

  let autoCampaignId: string;
  it("step 2 (create, autopilot): on a layer whose defaults are auto, the create dispatches at once", async () => {
    const defaults = await partner.patch(`/v1/projects/${P}/ads/meta/defaults`, { authority: { structural: "auto", tactical: "auto" } });
    expect(defaults.status).toBe(200);
    expectContract(appliedSchema(defaultsViewSchema), defaults.body);
    const res = await partner.post(campaigns(), {
      adAccountId: seed.layers.meta.adAccountId,
      name: "Always-on traffic",
      outcome: "traffic",
      dailyBudgetCents: 12345,
      campaignManagementMode: "autopilot",
      creativeMode: "autopilot",
    });
    expect(res.status).toBe(202);
    expect(res.body.status).toBe("dispatching");
    autoCampaignId = res.body.campaignId;
    const job = await waitForJob(partner, res.body.jobId);
    expect(job.status).toBe("completed");
    const created = (await ledger(stack.sandboxUrl)).filter((e) => e.objectId === job.result.platformId);
    expect(created.map((e) => e.op)).toEqual(["create"]);
    expect(created[0]!.fields).toMatchObject({ objective: "OUTCOME_TRAFFIC", daily_budget: 12345 });
  });

  it("budget change under off / draft / auto: 403 authority_axis_off, 202 pending, 202 dispatching", async () => {
    const budget = `${campaigns()}/${autoCampaignId}/budget`;
    await partner.patch(`${campaigns()}/${autoCampaignId}/authority`, { authority: { tactical: "off" } });
    const off = await partner.patch(budget, { dailyBudgetCents: 6000 });
    expect(off.status).toBe(403);
    expect(expectContract(problemSchema, off.body)).toMatchObject({ code: "AUTHORITY_DENIED", reason: "authority_axis_off" });
    expect(off.body.verdictId).toMatch(/^[0-9a-f-]{36}$/);

    await partner.patch(`${campaigns()}/${autoCampaignId}/authority`, { authority: { tactical: "draft" } });
    const draft = await partner.patch(budget, { dailyBudgetCents: 7000 });
    expect(draft.status).toBe(202);
    expect(draft.body.status).toBe("pending_approval");

    await partner.patch(`${campaigns()}/${autoCampaignId}/authority`, { authority: { tactical: "auto" } });
    const auto = await partner.patch(budget, { dailyBudgetCents: 7500 });
    expect(auto.status).toBe(202);
    expect(auto.body.status).toBe("dispatching");
    const job = await waitForJob(partner, auto.body.jobId);
    expect(job.status).toBe("completed");
    const campaign = await partner.get(`${campaigns()}/${autoCampaignId}`);
    const updates = (await ledger(stack.sandboxUrl)).filter((e) => e.objectId === campaign.body.platformCampaignId && e.op === "update");
    expect(updates.map((e) => e.fields.daily_budget)).toEqual([7500]);

    // The queued 7000 is rejected: it never reaches the platform and its job is canceled.
    const reject = await partner.post(`/v1/projects/${P}/ads/meta/pending/${draft.body.pendingActionId}/reject`, { reason: "Customer wants to wait" });
    expect(reject.status).toBe(200);
    expect(expectContract(rejectAnswerSchema, reject.body).status).toBe("rejected");
    const rejectedJob = await partner.get(`/v1/jobs/${draft.body.jobId}`);
    expect(rejectedJob.body.status).toBe("canceled");
    const stillOne = (await ledger(stack.sandboxUrl)).filter((e) => e.objectId === campaign.body.platformCampaignId && e.op === "update");
    expect(stillOne).toHaveLength(1);
  });

  it("a partner cannot reach the kill switch, consent or ceiling", async () => {
    const ks = await partner.put(`/v1/projects/${P}/ads/meta/kill-switch`, { active: true });
    expect(ks.status).toBe(403);
    expect(ks.body.code).toBe("CUSTOMER_ONLY");
    const consent = await partner.patch(`/v1/projects/${P}/ads/meta/policy`, { partnerWritesEnabled: false });
    expect(consent.status).toBe(403);
    expect(consent.body.code).toBe("CUSTOMER_ONLY");
    const ceiling = await partner.patch(`/v1/projects/${P}/ads/meta/policy`, { ceiling: { tactical: "auto" } });
    expect(ceiling.body.code).toBe("CUSTOMER_ONLY");
  });

  it("a partner cannot raise authority above the customer's ceiling, but may lower it", async () => {
    const set = await customer.patch(`/v1/projects/${P}/ads/meta/policy`, { ceiling: { creative: "draft" } });
    expect(set.status).toBe(200);
    expect(expectContract(appliedSchema(policyViewSchema), set.body).ceiling.creative).toBe("draft");
    await customer.patch(`${campaigns()}/${autoCampaignId}/authority`, { authority: { creative: "off" } });
    const raise = await partner.patch(`${campaigns()}/${autoCampaignId}/authority`, { authority: { creative: "auto" } });
    expect(raise.status).toBe(403);
    expect(raise.body.reason).toBe("exceeds_customer_policy");
    const lower = await partner.patch(`${campaigns()}/${draftCampaignId}/authority`, { authority: { structural: "off" } });
    expect(lower.status).toBe(200);
  });

  it("the customer's kill switch denies every write with kill_switch_active, the customer's own included", async () => {
    const trip = await customer.put(`/v1/projects/${P}/ads/meta/kill-switch`, { active: true, reason: "creative incident" });
    expect(trip.status).toBe(200);
    expect(expectContract(appliedSchema(killSwitchViewSchema), trip.body).active).toBe(true);
    const defaults = await partner.get(`/v1/projects/${P}/ads/meta/defaults`);
    expect(expectContract(defaultsViewSchema, defaults.body).kill_switch_active).toBe(true);

    const before = (await ledger(stack.sandboxUrl)).length;
    const writes = [
      await partner.post(`${campaigns()}/${autoCampaignId}/pause`),
      await partner.patch(`${campaigns()}/${autoCampaignId}/budget`, { dailyBudgetCents: 9000 }),
      await partner.post(campaigns(), { adAccountId: seed.layers.meta.adAccountId, name: "Blocked", outcome: "traffic", dailyBudgetCents: 1000, campaignManagementMode: "autopilot", creativeMode: "manual" }),
      await customer.post(`${campaigns()}/${autoCampaignId}/pause`),
    ];
    for (const w of writes) {
      expect(w.status).toBe(403);
      expect(w.body).toMatchObject({ code: "AUTHORITY_DENIED", reason: "kill_switch_active" });
    }
    expect((await ledger(stack.sandboxUrl)).length).toBe(before);

    // Policy stays possible, so the customer can release it.
    const release = await customer.put(`/v1/projects/${P}/ads/meta/kill-switch`, { active: false });
    expect(release.status).toBe(200);
    const pause = await partner.post(`${campaigns()}/${autoCampaignId}/pause`);
    expect(pause.status).toBe(202);
    expect((await waitForJob(partner, pause.body.jobId)).status).toBe("completed");
  });

  it("another organization's project, campaign, pending action and job are 404", async () => {
    const other = await stack.seed();
    const stranger = apiClient(stack.apiUrl, other.apiKey);
    for (const path of [
      `/v1/projects/${P}`,
      `${campaigns()}/${autoCampaignId}`,
      `${campaigns()}/${autoCampaignId}/authority`,
      `/v1/projects/${P}/ads/meta/pending/${draftPendingId}`,
      `/v1/jobs/${draftJobId}`,
    ]) {
      const res = await stranger.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe("NOT_FOUND");
    }
    const write = await stranger.patch(`${campaigns()}/${autoCampaignId}/budget`, { dailyBudgetCents: 100 });
    expect(write.status).toBe(404);
  });

  it("malformed bodies are 422 with pointers, and write nothing", async () => {
    const before = await countRows();
    const bad = [
      { adAccountId: seed.layers.meta.adAccountId, name: "x", outcome: "conversions", dailyBudgetCents: "5000", campaignManagementMode: "draft", creativeMode: "draft" },
      { adAccountId: seed.layers.meta.adAccountId, name: "x", outcome: "conversions", dailyBudgetCents: 5000, lifetimeBudgetCents: 9000, campaignManagementMode: "draft", creativeMode: "draft" },
      { adAccountId: seed.layers.meta.adAccountId, name: "x", outcome: "conversions", dailyBudgetCents: 5000, campaignManagementMode: "draft", creativeMode: "draft", id: "cmp_mine" },
      { adAccountId: seed.layers.meta.adAccountId, name: "x", outcome: "world_domination", dailyBudgetCents: 5000, campaignManagementMode: "draft", creativeMode: "draft" },
    ];
    for (const body of bad) {
      const res = await partner.post(campaigns(), body);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe("VALIDATION");
      expect(res.body.requestId).toBe(res.headers.get("x-request-id"));
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    const garbage = await partner.raw("POST", campaigns(), "{not json", { "idempotency-key": "garbage-1" });
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    expect(garbage.status).toBeLessThan(500);
    expect(await countRows()).toEqual(before);
  });

  it("an idempotent retry replays the first answer and creates nothing twice", async () => {
    const body = { adAccountId: seed.layers.meta.adAccountId, name: "Idempotent", outcome: "leads", dailyBudgetCents: 2222, campaignManagementMode: "autopilot", creativeMode: "draft" };
    const key = { "idempotency-key": "partner-retry-0001" };
    const first = await partner.post(campaigns(), body, key);
    expect(first.status).toBe(202);
    await waitForJob(partner, first.body.jobId);
    const again = await partner.post(campaigns(), body, key);
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const changed = await partner.post(campaigns(), { ...body, dailyBudgetCents: 3333 }, key);
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe("IDEMPOTENCY_CONFLICT");
    const creates = (await ledger(stack.sandboxUrl)).filter((e) => e.op === "create" && e.fields.name === "Idempotent");
    expect(creates).toHaveLength(1);
  });

  it("every decision is in the audit log with the partner's attribution", async () => {
    const res = await partner.get(`/v1/audit-log?projectId=${P}&limit=100`);
    expect(res.status).toBe(200);
    expectContract(pageSchema(auditEntrySchema), res.body);
    const rows = res.body.data as Array<Record<string, string | null>>;
    expect(rows.some((r) => r.decision === "deny" && r.reason === "kill_switch_active" && r.actorType === "customer")).toBe(true);
    const partnerRow = rows.find((r) => r.actorType === "partner" && r.operation === "create_campaign");
    expect(partnerRow).toBeDefined();
    expect(partnerRow!.actorOrganizationId).toBe(seed.orgId);
    expect(partnerRow!.actorApiKeyId).toMatch(/^key_/);
    expect(partnerRow!.verdictId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("events for executed, denied, approvals and the kill switch reach the events stream with data.organizationId", async () => {
    const types = await eventually(async () => {
      const seen = new Map<string, any>();
      for (const e of await readEvents(stack)) if (e.data.organizationId === seed.orgId) seen.set(e.type, expectContract(eventSchema, e));
      const need = ["ads.write.executed", "ads.write.denied", "approval.approved", "approval.dispatched", "approval.disapproved", "kill_switch.tripped", "kill_switch.released"];
      return need.every((t) => seen.has(t)) ? seen : undefined;
    }, "events");
    expect(types.get("ads.write.denied").data.reason).toBeDefined();
    expect(types.get("ads.write.executed").id).toMatch(/^evt_/);
  });

  it("the request id and trace carry from HTTP through the gate to the dispatch message", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const res = await partner.patch(
      `${campaigns()}/${autoCampaignId}/budget`,
      { dailyBudgetCents: 8100 },
      { "x-request-id": "req-trace-check-1", traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    );
    expect(res.status).toBe(202);
    expect(res.headers.get("x-request-id")).toBe("req-trace-check-1");
    const audit = await stack.env.db.selectFrom("audit_log").select(["request_id"]).where("id", "=", res.body.verdictId).executeTakeFirstOrThrow();
    expect(audit.request_id).toBe("req-trace-check-1");
    const intent = await stack.env.db.selectFrom("write_intents").select(["id"]).where("job_id", "=", res.body.jobId).executeTakeFirstOrThrow();
    const msg = await stack.env.nats.jsm.streams.getMessage(stack.env.names.streams.dispatch, { last_by_subj: stack.env.names.subjects.dispatch("meta") });
    expect(msg!.json<any>().intentId).toBe(intent.id);
    expect(msg!.header.get("X-Request-Id")).toBe("req-trace-check-1");
    expect(msg!.header.get("traceparent")).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(msg!.header.get("traceparent")).not.toContain("00f067aa0ba902b7");
  });
});
