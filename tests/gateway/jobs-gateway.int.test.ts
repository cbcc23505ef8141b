import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignSchema, deterministicEventId, jobSchema, pendingActionSchema, problemSchema } from "@layers/contracts";
import type { RunningGate } from "@layers/gate";
import { createHarness, type Harness, type Tenant } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";

/**
 * Jobs at the gateway: the event stream's framing and heartbeat (the harness ends a stream after
 * 300 ms so an injected request completes), its tenancy, and creates that end without reaching
 * the platform (rejected or canceled) leaving their entity `rejected`.
 */
describe("jobs at the gateway", () => {
  let h: Harness;
  let gate: RunningGate;
  let t: Tenant;
  const P = () => `/v1/projects/${t.projectId}`;

  /** A campaign create on draft structural defaults: the gate queues it for approval. */
  async function queuedCreate(name: string): Promise<{ jobId: string; campaignId: string; pendingActionId: string }> {
    const res = await h.send("POST", `${P()}/ads/meta/campaigns`, {
      auth: t.partner,
      body: { adAccountId: t.adAccountId, name, outcome: "traffic", dailyBudgetCents: 1500, campaignManagementMode: "autopilot", creativeMode: "autopilot" },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().status).toBe("pending_approval");
    return res.json();
  }

  async function expectWritesRefused(campaignId: string): Promise<void> {
    const got = await h.send("GET", `${P()}/ads/meta/campaigns/${campaignId}`, { auth: t.partner });
    expect(campaignSchema.parse(got.json()).status).toBe("rejected");
    const write = await h.send("PATCH", `${P()}/ads/meta/campaigns/${campaignId}/budget`, { auth: t.partner, body: { dailyBudgetCents: 2500 } });
    expect(write.statusCode, write.body).toBe(409);
    expect(problemSchema.parse(write.json())).toMatchObject({ code: "CONFLICT", detail: expect.stringContaining("rejected or canceled") });
    const under = await h.send("POST", `${P()}/ads/meta/campaigns/${campaignId}/adsets`, { auth: t.partner, body: { name: "x", targeting: { countries: ["US"] } } });
    expect(under.statusCode, under.body).toBe(409);
  }

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 3000 });
    gate = await startTestGate(h.env);
    t = await h.seedTenant({ consent: true });
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
  });

  it("the stream of a waiting job: headers, its one event so far, heartbeat comments while it waits", async () => {
    const q = await queuedCreate("Streamed");
    const res = await h.send("GET", `/v1/jobs/${q.jobId}/events`, { auth: t.partner });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/event-stream/);
    expect(res.headers["x-request-id"]).toBeTruthy();
    const blocks = res.body.split("\n\n").filter((b) => b.length > 0);
    const event = blocks.find((b) => b.startsWith("id: "))!;
    const [id, name, data] = event.split("\n");
    expect([id, name]).toEqual(["id: 1", "event: queued"]);
    expect(jobSchema.parse(JSON.parse(data!.slice("data: ".length)))).toMatchObject({ id: q.jobId, status: "queued" });
    expect(blocks.filter((b) => b === ": heartbeat").length).toBeGreaterThan(0);
    expect((await h.send("GET", `/v1/jobs/${q.jobId}/events`, { auth: t.partner, headers: { "last-event-id": "x1" } })).statusCode).toBe(422);
  });

  it("the stream's tenancy is the job's: another project's customer and another org get 404", async () => {
    const q = await queuedCreate("Private");
    const other = await h.seedTenant();
    for (const auth of [other.partner, h.customerToken(t.org, other.projectId)]) {
      const res = await h.send("GET", `/v1/jobs/${q.jobId}/events`, { auth });
      expect(res.statusCode).toBe(404);
      expect(problemSchema.parse(res.json()).code).toBe("NOT_FOUND");
    }
    expect((await h.send("GET", `/v1/jobs/${q.jobId}/events`, { auth: t.customer })).statusCode).toBe(200);
  });

  it("a rejected create leaves its campaign rejected: writes to or under it are 409; the action keeps the reason; job.canceled is stored", async () => {
    const q = await queuedCreate("Rejected");
    const rejected = await h.send("POST", `${P()}/ads/meta/pending/${q.pendingActionId}/reject`, { auth: t.customer, body: { reason: "not this quarter" } });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(pendingActionSchema.parse(rejected.json())).toMatchObject({ status: "rejected", rejectReason: "not this quarter" });
    const again = await h.send("GET", `${P()}/ads/meta/pending/${q.pendingActionId}`, { auth: t.partner });
    expect(pendingActionSchema.parse(again.json()).rejectReason).toBe("not this quarter");
    await expectWritesRefused(q.campaignId);
    const job = jobSchema.parse((await h.send("GET", `/v1/jobs/${q.jobId}`, { auth: t.partner })).json());
    expect(job).toMatchObject({ status: "canceled", error: { code: "REJECTED", reason: "not this quarter" } });
    const intent = await h.env.db.selectFrom("pending_actions").select("intent_id").where("id", "=", q.pendingActionId).executeTakeFirstOrThrow();
    const ev = await h.env.db.selectFrom("event_outbox").select("payload").where("id", "=", deterministicEventId(intent.intent_id, "job.canceled")).executeTakeFirstOrThrow();
    expect(ev.payload).toMatchObject({ type: "job.canceled", data: { jobId: q.jobId, status: "canceled" } });
  });

  it("a canceled create leaves its campaign rejected too, and its pending action canceled", async () => {
    const q = await queuedCreate("Canceled");
    const res = await h.send("POST", `/v1/jobs/${q.jobId}/cancel`, { auth: t.partner });
    expect(res.statusCode, res.body).toBe(200);
    expect(jobSchema.parse(res.json()).status).toBe("canceled");
    const pending = await h.send("GET", `${P()}/ads/meta/pending/${q.pendingActionId}`, { auth: t.partner });
    expect(pendingActionSchema.parse(pending.json()).status).toBe("canceled");
    await expectWritesRefused(q.campaignId);
    // A body is refused like on any body-less POST.
    const q2 = await queuedCreate("With a body");
    const withBody = await h.send("POST", `/v1/jobs/${q2.jobId}/cancel`, { auth: t.partner, body: { now: true } });
    expect(withBody.statusCode).toBe(422);
  });

  it("canceling needs the scope of the write the job runs", async () => {
    const q = await queuedCreate("Scoped");
    const reader = (await h.mintKey(t.org, ["ads:read", "ads:write:budgets"])).secret;
    const res = await h.send("POST", `/v1/jobs/${q.jobId}/cancel`, { auth: reader });
    expect(res.statusCode).toBe(403);
    expect(problemSchema.parse(res.json()).code).toBe("INSUFFICIENT_SCOPE");
    expect(jobSchema.parse((await h.send("GET", `/v1/jobs/${q.jobId}`, { auth: t.partner })).json()).status).toBe("queued");
  });
});
