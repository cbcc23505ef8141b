import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeliverPolicy } from "@nats-io/jetstream";
import type { Msg } from "@nats-io/transport-node";
import {
  approveAnswerSchema,
  campaignSchema,
  deterministicEventId,
  newId,
  pageSchema,
  pendingActionSchema,
  rejectAnswerSchema,
  type LayersEvent,
} from "@layers/contracts";
import type { RunningGate } from "@layers/gate";
import { expectContract } from "@layers/gateway/testing";
import { createHarness, expectProblem, type Harness } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";
import { outboxDrained } from "@layers/testkit";

describe("approvals, rejections and campaign lists", () => {
  let h: Harness;
  let gate: RunningGate;
  let org: string;
  let partner: string;
  let customer: string;
  let projectId: string;
  let adAccountId: string;
  const P = () => `/v1/projects/${projectId}`;

  /** A budget write on a draft-tactical campaign: the gate queues it. */
  async function queueBudget(cents: number): Promise<{ pendingActionId: string; jobId: string; campaignId: string }> {
    const campaignId = await h.seedCampaign(projectId, { authority: { creative: "draft", tactical: "draft", structural: "draft" } });
    const res = await h.send("PATCH", `${P()}/ads/meta/campaigns/${campaignId}/budget`, { auth: partner, body: { dailyBudgetCents: cents } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().status).toBe("pending_approval");
    return { ...res.json(), campaignId };
  }

  async function eventOf(id: string): Promise<LayersEvent | null> {
    await outboxDrained(h.env);
    const consumer = await h.env.nats.js.consumers.get(h.env.names.streams.events, { deliver_policy: DeliverPolicy.All });
    const info = await h.env.nats.jsm.streams.info(h.env.names.streams.events);
    for (let i = 0; i < info.state.messages; i++) {
      const m = await consumer.next({ expires: 1000 });
      if (!m) break;
      if (m.headers?.get("Nats-Msg-Id") === id) return m.json<LayersEvent>();
    }
    return null;
  }

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 3000, syncTimeoutMs: 1000 });
    gate = await startTestGate(h.env);
    ({ org, partner, projectId, customer, adAccountId } = await h.seedTenant());
    const consent = await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: customer, body: { partnerWritesEnabled: true } });
    expect(consent.statusCode).toBe(200);
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
  });

  it("approve - re-runs the gate: draft is satisfied, the write dispatches on the original job", async () => {
    const q = await queueBudget(8100);
    const listed = expectContract(pageSchema(pendingActionSchema), (await h.send("GET", `${P()}/ads/meta/pending?status=pending`, { auth: partner })).json());
    expect(listed.data.map((p: { id: string }) => p.id)).toContain(q.pendingActionId);
    const res = await h.send("POST", `${P()}/ads/meta/pending/${q.pendingActionId}/approve`, { auth: customer, body: { comment: "Looks good" } });
    expect(res.statusCode, res.body).toBe(202);
    expect(expectContract(approveAnswerSchema, res.json())).toEqual({ status: "dispatching", jobId: q.jobId, verdictId: expect.any(String), campaignId: q.campaignId, pendingActionId: q.pendingActionId });
    const row = await h.env.db.selectFrom("pending_actions").selectAll().where("id", "=", q.pendingActionId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "approved", decision_comment: "Looks good" });
    expect(row.decided_by).toEqual({ type: "customer", organizationId: org, userId: "usr_owner" });
    const intents = await h.env.db.selectFrom("write_intents").selectAll().where("job_id", "=", q.jobId).orderBy("entity_seq").execute();
    expect(intents.map((i) => i.state)).toEqual(["queued", "allowed"]);
    expect(intents[1]!.payload).toMatchObject({ source: "approval", pendingActionId: q.pendingActionId, operation: "update_budget", params: { dailyBudgetCents: 8100 } });
    expect((await h.send("GET", `/v1/jobs/${q.jobId}`, { auth: partner })).json()).toMatchObject({ status: "running", verdict: { decision: "allow" } });
    const event = await eventOf(deterministicEventId(q.pendingActionId, "approval.approved"));
    expect(event).toMatchObject({ type: "approval.approved", data: { organizationId: org, pendingActionId: q.pendingActionId, jobId: q.jobId } });
  });

  it("approve - a second approval is 409 CONFLICT and changes nothing", async () => {
    const q = await queueBudget(8200);
    expect((await h.send("POST", `${P()}/ads/meta/pending/${q.pendingActionId}/approve`, { auth: partner })).statusCode).toBe(202);
    const intentsBefore = await h.count("write_intents");
    expectProblem(await h.send("POST", `${P()}/ads/meta/pending/${q.pendingActionId}/approve`, { auth: partner }), 409, "CONFLICT");
    expectProblem(await h.send("POST", `${P()}/ads/meta/pending/${q.pendingActionId}/reject`, { auth: partner, body: { reason: "late" } }), 409, "CONFLICT");
    expect(await h.count("write_intents")).toBe(intentsBefore);
  });

  it("approve - the re-run sees the policy as it is now: a kill switch tripped after queueing still blocks", async () => {
    const q = await queueBudget(8300);
    await h.send("PUT", `${P()}/ads/meta/kill-switch`, { auth: customer, body: { active: true } });
    try {
      const res = await h.send("POST", `${P()}/ads/meta/pending/${q.pendingActionId}/approve`, { auth: partner });
      expect(expectProblem(res, 403, "AUTHORITY_DENIED").reason).toBe("kill_switch_active");
      const row = await h.env.db.selectFrom("pending_actions").select(["status", "dispatched_failure_reason"]).where("id", "=", q.pendingActionId).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: "dispatch_failed", dispatched_failure_reason: "kill_switch_active" });
      expect((await h.send("GET", `/v1/jobs/${q.jobId}`, { auth: partner })).json().status).toBe("failed");
    } finally {
      await h.send("PUT", `${P()}/ads/meta/kill-switch`, { auth: customer, body: { active: false } });
    }
  });

  it("reject - the action is rejected with its reason and the job canceled", async () => {
    const q = await queueBudget(8400);
    const res = await h.send("POST", `${P()}/ads/meta/pending/${q.pendingActionId}/reject`, { auth: partner, body: { reason: "Customer wants to wait" } });
    expect(res.statusCode, res.body).toBe(200);
    expect(expectContract(rejectAnswerSchema, res.json())).toMatchObject({ id: q.pendingActionId, status: "rejected", actionType: "update_budget", campaignId: q.campaignId, jobId: q.jobId });
    const row = await h.env.db.selectFrom("pending_actions").select(["reject_reason", "status"]).where("id", "=", q.pendingActionId).executeTakeFirstOrThrow();
    expect(row).toEqual({ reject_reason: "Customer wants to wait", status: "rejected" });
    const job = (await h.send("GET", `/v1/jobs/${q.jobId}`, { auth: partner })).json();
    expect(job.status).toBe("canceled");
    expect(job.completedAt).not.toBeNull();
    const event = await eventOf(deterministicEventId(q.pendingActionId, "approval.disapproved"));
    expect(event).toMatchObject({ type: "approval.disapproved", data: { organizationId: org, reason: "Customer wants to wait" } });
    const rejected = (await h.send("GET", `${P()}/ads/meta/pending?status=rejected`, { auth: partner })).json().data;
    expect(rejected.map((p: { id: string }) => p.id)).toEqual([q.pendingActionId]);
  });

  it("reject - a reason is required", async () => {
    const q = await queueBudget(8500);
    const p = expectProblem(await h.send("POST", `${P()}/ads/meta/pending/${q.pendingActionId}/reject`, { auth: partner, body: {} }), 422, "VALIDATION");
    expect(p.errors[0].pointer).toBe("/reason");
  });

  it("campaign lists - ask the dispatcher to sync each connected account first, then serve Postgres", async () => {
    const asked: string[] = [];
    const sub = h.env.nats.nc.subscribe(h.env.names.subjects.syncAccount("meta"), {
      callback: (_err, msg) => void answer(msg),
    });
    async function answer(msg: Msg): Promise<void> {
      const { adAccountId: id } = msg.json<{ adAccountId: string }>();
      asked.push(id);
      const layer = await h.env.db.selectFrom("ad_accounts").select("layer_id").where("id", "=", id).executeTakeFirstOrThrow();
      await h.env.db
        .insertInto("campaigns")
        .values({
          id: newId("campaign"),
          project_id: projectId,
          layer_id: layer.layer_id,
          ad_account_id: id,
          platform: "meta",
          platform_campaign_id: `ext_${id}`,
          name: "Made in Ads Manager",
          outcome: null,
          objective: "OUTCOME_TRAFFIC",
          status: "ACTIVE",
          authority: null,
          origin: "platform",
        })
        .onConflict((oc) => oc.columns(["ad_account_id", "platform_campaign_id"]).doNothing())
        .execute();
      msg.respond(JSON.stringify({ ok: true, synced: 1 }));
    }
    try {
      const res = await h.send("GET", `${P()}/ads/meta/campaigns?limit=100`, { auth: partner });
      expect(res.statusCode).toBe(200);
      expectContract(pageSchema(campaignSchema), res.json());
      expect(asked).toContain(adAccountId);
      const external = res.json().data.find((c: { origin: string; adAccountId: string }) => c.origin === "platform" && c.adAccountId === adAccountId);
      expect(external).toMatchObject({
        name: "Made in Ads Manager",
        platformCampaignId: `ext_${adAccountId}`,
        authoritySource: "defaults",
        authority: { creative: "draft", tactical: "draft", structural: "draft" },
        currency: "USD",
      });
      const all = (await h.send("GET", `${P()}/ads/campaigns?limit=100`, { auth: partner })).json();
      expect(all.data.length).toBe(res.json().data.length);
    } finally {
      sub.unsubscribe();
    }
    // Nobody answers now: the list still comes back, from Postgres, within the sync timeout.
    const started = Date.now();
    const res = await h.send("GET", `${P()}/ads/meta/campaigns`, { auth: partner });
    expect(res.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
