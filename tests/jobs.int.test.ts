import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicEventId, jobSchema, pageSchema, pendingActionSchema, problemSchema, type JobBody, type WriteIntent } from "@layers/contracts";
import { acceptWrite } from "@layers/lifecycle";
import { apiClient, eventually, ledger, waitForJob, type ApiClient } from "./support/api.ts";
import { openSse, type SseEvent } from "./support/sse.ts";
import { startStack, type E2EStack } from "./support/stack.ts";
import { autoTenant, createCampaigns, type AutoTenant } from "./support/tenant.ts";

/**
 * Jobs as partners follow them (issue 11 §3), on the real write path: gate, dispatcher-meta and the
 * sandbox. The gate's intent relay and the dispatchers' hand-on sweep are slowed right down, so a
 * write this file stores without publishing stays at the gate, and every hand-on seen here is the
 * cancel's own.
 */
describe("jobs - list, cancel, event stream", () => {
  let stack: E2EStack;
  let t: AutoTenant;
  let customer: ApiClient;
  let campaign: { id: string; platformId: string };

  const budget = (cents: number) => t.partner.patch(`${t.campaignsPath}/${campaign.id}/budget`, { dailyBudgetCents: cents });
  const cancel = (jobId: string, api: ApiClient = t.partner) => api.post(`/v1/jobs/${jobId}/cancel`);
  const budgetsOnPlatform = async () =>
    (await ledger(stack.sandboxUrl, t.account)).filter((e) => e.objectId === campaign.platformId && e.op === "update").map((e) => e.fields.daily_budget);
  const intentOf = async (jobId: string) =>
    stack.env.db.selectFrom("write_intents").select(["id", "state"]).where("job_id", "=", jobId).orderBy("accepted_at", "desc").executeTakeFirstOrThrow();
  const events = (jobId: string, bearer: string, lastEventId?: string) =>
    openSse(`${stack.apiUrl}/v1/jobs/${jobId}/events`, { authorization: `Bearer ${bearer}`, ...(lastEventId === undefined ? {} : { "last-event-id": lastEventId }) });
  /** The campaign's own tactical mode (the customer may set any): `draft` queues budget writes for approval. */
  const setTactical = async (mode: "draft" | "auto") => {
    const res = await customer.patch(`${t.campaignsPath}/${campaign.id}/authority`, { authority: { tactical: mode } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const statuses = (list: SseEvent[]) => list.map((e) => [e.id, e.event]);

  /** A budget write stored as the gateway stores one, but never published: it waits at the gate (`accepted`). */
  async function heldAtTheGate(cents: number): Promise<WriteIntent> {
    return acceptWrite(stack.env.db, {
      intent: {
        organizationId: t.seed.orgId,
        projectId: t.seed.projectId,
        layerId: t.seed.layers.meta.layerId,
        platform: "meta",
        operation: "update_budget",
        entityKey: `campaign:${campaign.id}`,
        params: { campaignId: campaign.id, dailyBudgetCents: cents },
        actor: { type: "partner", organizationId: t.seed.orgId },
        source: "api",
        requestId: `req-held-${cents}`,
      },
      traceparent: "",
      replyTo: null,
    });
  }

  /** A write the gate allowed and a dispatcher saw, waiting behind `ahead` on its entity. */
  async function waitingBehind(cents: number): Promise<string> {
    const res = await budget(cents);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.status).toBe("dispatching");
    const jobId: string = res.body.jobId;
    // The dispatcher took its message, found the write ahead open and acked: the write waits in Postgres, unclaimed.
    await eventually(async () => {
      const c = await stack.env.nats.jsm.consumers.info(stack.env.names.streams.dispatch, stack.env.names.consumers.dispatcher("meta"));
      return c.num_pending === 0 && c.num_ack_pending === 0 && (await intentOf(jobId)).state === "allowed" ? true : undefined;
    }, "the write to wait behind the one ahead");
    return jobId;
  }

  beforeAll(async () => {
    stack = await startStack({ gateEnv: { RELAY_AFTER_MS: "600000" }, dispatcherEnv: { HANDON_SWEEP_AFTER_MS: "600000" } });
    t = await autoTenant(stack);
    customer = apiClient(stack.apiUrl, t.seed.customerToken);
    [campaign] = (await createCampaigns(t, 1, "Jobs")) as [{ id: string; platformId: string }];
  });
  afterAll(async () => stack?.stop());

  it("a job's stream: one event per status change, ids in sequence, closed after the final one; a resume sends only what came after", async () => {
    const res = await budget(2101);
    expect(res.status).toBe(202);
    const jobId: string = res.body.jobId;
    const stream = await events(jobId, t.seed.apiKey);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.headers.get("x-request-id")).toBeTruthy();
    const all = await stream.rest();
    expect(statuses(all)).toEqual([["1", "queued"], ["2", "running"], ["3", "completed"]]);
    const jobs = all.map((e) => jobSchema.parse(JSON.parse(e.data)));
    expect(jobs.map((j) => j.status)).toEqual(["queued", "running", "completed"]);
    expect(jobs[2]).toEqual(jobSchema.parse((await t.partner.get(`/v1/jobs/${jobId}`)).body));

    const resumed = await events(jobId, t.seed.apiKey, "1");
    expect(statuses(await resumed.rest())).toEqual([["2", "running"], ["3", "completed"]]);
    const atEnd = await events(jobId, t.seed.apiKey, "3");
    expect(atEnd.status).toBe(200);
    expect(await atEnd.rest()).toEqual([]);
    const bad = await events(jobId, t.seed.apiKey, "three");
    expect(bad.status).toBe(422);
    await bad.close();

    // The webhook event of the ending, with the id derived from the intent that ended the job.
    const intent = await intentOf(jobId);
    const stored = await stack.env.db.selectFrom("event_outbox").select(["id", "payload"]).where("id", "=", deterministicEventId(intent.id, "job.completed")).executeTakeFirstOrThrow();
    expect(stored.payload).toMatchObject({ type: "job.completed", data: { organizationId: t.seed.orgId, jobId, status: "completed", error: null } });
  });

  it("changes are pushed as they happen: a stream open on a waiting job gets its cancel, then ends", async () => {
    await setTactical("draft");
    try {
      const res = await budget(2202);
      expect(res.body.status).toBe("pending_approval");
      const stream = await events(res.body.jobId, t.seed.customerToken);
      expect(statuses([(await stream.next())!])).toEqual([["1", "queued"]]);
      // Only now does the job change: the stream is open and waiting when it does.
      const canceled = await cancel(res.body.jobId, customer);
      expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
      const next = (await stream.next())!;
      expect([next.id, next.event, jobSchema.parse(JSON.parse(next.data)).error?.code]).toEqual(["2", "canceled", "CANCELED"]);
      expect(await stream.next()).toBeNull();
    } finally {
      await setTactical("auto");
    }
  });

  it("a lost listening connection delays an event, never loses it: the stream gets the change made while it was down", async () => {
    await setTactical("draft");
    try {
      const res = await budget(2252);
      expect(res.body.status).toBe("pending_approval");
      const stream = await events(res.body.jobId, t.seed.apiKey);
      expect((await stream.next())!.event).toBe("queued");
      // Cut the gateway's LISTEN connection, then change the job before it is back.
      const cut = await sql<{ n: number }>`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = current_database() and application_name = 'gateway-listener-layers_job_events'`.execute(stack.env.db);
      expect(cut.rows[0]!.n).toBeGreaterThan(0);
      expect((await cancel(res.body.jobId)).status).toBe(200);
      const next = (await stream.next())!;
      expect([next.id, next.event]).toEqual(["2", "canceled"]);
      expect(await stream.next()).toBeNull();
    } finally {
      await setTactical("auto");
    }
  });

  it("cancel while waiting for approval: job canceled, pending action withdrawn, audited, nothing reaches the platform", async () => {
    await setTactical("draft");
    try {
      const before = await budgetsOnPlatform();
      const res = await budget(2303);
      expect(res.body.status).toBe("pending_approval");
      const canceled = await cancel(res.body.jobId);
      expect(canceled.status).toBe(200);
      expect(jobSchema.parse(canceled.body)).toMatchObject({ id: res.body.jobId, status: "canceled", error: { code: "CANCELED" } });
      const pending = await t.partner.get(`/v1/projects/${t.seed.projectId}/ads/meta/pending/${res.body.pendingActionId}`);
      expect(pendingActionSchema.parse(pending.body).status).toBe("canceled");
      const approve = await customer.post(`/v1/projects/${t.seed.projectId}/ads/meta/pending/${res.body.pendingActionId}/approve`, {});
      expect(approve.status).toBe(409);
      const audit = await t.partner.get(`/v1/audit-log?projectId=${t.seed.projectId}&decision=cancel`);
      expect(audit.status).toBe(200);
      expect(audit.body.data.some((a: { pendingActionId: string | null; actorType: string }) => a.pendingActionId === res.body.pendingActionId && a.actorType === "partner")).toBe(true);
      expect(await budgetsOnPlatform()).toEqual(before);
      const intent = await intentOf(res.body.jobId);
      expect(await stack.env.db.selectFrom("event_outbox").select("id").where("id", "=", deterministicEventId(intent.id, "job.canceled")).execute()).toHaveLength(1);
    } finally {
      await setTactical("auto");
    }
  });

  it("cancel at the gate hands on the write waiting behind it: that one lands, the canceled one never does", async () => {
    const held = await heldAtTheGate(2404);
    const behind = await waitingBehind(2405);
    const canceled = await cancel(held.jobId);
    expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
    expect((await intentOf(held.jobId)).state).toBe("canceled");
    // No sweep runs in this file: only the cancel's hand-on can have started it.
    expect((await waitForJob(t.partner, behind)).status).toBe("completed");
    const landed = await budgetsOnPlatform();
    expect(landed).toContain(2405);
    expect(landed).not.toContain(2404);
  });

  it("cancel while waiting for its turn: the waiting write is canceled, the one ahead still decides the entity's order", async () => {
    const held = await heldAtTheGate(2506);
    const behind = await waitingBehind(2507);
    const canceled = await cancel(behind);
    expect(canceled.status).toBe(200);
    expect((await intentOf(behind)).state).toBe("canceled");
    expect((await cancel(held.jobId)).status).toBe(200);
    const after = await budget(2508);
    expect((await waitForJob(t.partner, after.body.jobId)).status).toBe("completed");
    const landed = await budgetsOnPlatform();
    expect(landed).toContain(2508);
    expect(landed.filter((c) => c === 2506 || c === 2507)).toEqual([]);
  });

  it("a finished job, or a canceled one, is 409 with its status; an unknown or foreign job is 404", async () => {
    const done = await budget(2609);
    await waitForJob(t.partner, done.body.jobId);
    const late = await cancel(done.body.jobId);
    expect(late.status).toBe(409);
    expect(problemSchema.parse(late.body)).toMatchObject({ code: "CONFLICT", jobStatus: "completed" });

    const held = await heldAtTheGate(2610);
    // A retry with the same Idempotency-Key gets the first answer back, not a 409 for the job it canceled.
    const key = randomUUID();
    const first = await t.partner.post(`/v1/jobs/${held.jobId}/cancel`, {}, { "idempotency-key": key });
    const retry = await t.partner.post(`/v1/jobs/${held.jobId}/cancel`, {}, { "idempotency-key": key });
    expect([first.status, retry.status, retry.headers.get("idempotent-replayed")]).toEqual([200, 200, "true"]);
    expect(retry.body).toEqual(first.body);
    expect((await cancel(held.jobId)).body).toMatchObject({ code: "CONFLICT", jobStatus: "canceled" });

    const other = await stack.seed();
    const stranger = apiClient(stack.apiUrl, other.apiKey);
    expect((await cancel(done.body.jobId, stranger)).status).toBe(404);
    expect((await stranger.get(`/v1/jobs/${done.body.jobId}`)).status).toBe(404);
    const foreignStream = await events(done.body.jobId, other.apiKey);
    expect(foreignStream.status).toBe(404);
    await foreignStream.close();
    expect((await stranger.get(`/v1/jobs?projectId=${t.seed.projectId}`)).status).toBe(404);
    expect((await cancel("job_0000000000000000000000000a")).status).toBe(404);
  });

  it("the jobs list: newest first, by project and status, cursor pages; a customer sees its project only", async () => {
    const first = await t.partner.get(`/v1/jobs?projectId=${t.seed.projectId}&limit=2`);
    expect(first.status).toBe(200);
    const page = pageSchema(jobSchema).parse(first.body);
    expect(page.data).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const second = pageSchema(jobSchema).parse((await t.partner.get(`/v1/jobs?projectId=${t.seed.projectId}&limit=2&cursor=${encodeURIComponent(page.nextCursor!)}`)).body);
    const seen = [...page.data, ...second.data];
    expect(new Set(seen.map((j) => j.id)).size).toBe(seen.length);
    const created = seen.map((j) => j.createdAt);
    expect(created).toEqual([...created].sort().reverse());

    const canceled = pageSchema(jobSchema).parse((await t.partner.get(`/v1/jobs?status=canceled&limit=100`)).body);
    expect(canceled.data.length).toBeGreaterThan(0);
    expect(canceled.data.every((j: JobBody) => j.status === "canceled")).toBe(true);
    const mine = pageSchema(jobSchema).parse((await customer.get(`/v1/jobs?limit=100`)).body);
    expect(mine.data.every((j: JobBody) => j.projectId === t.seed.projectId)).toBe(true);
    expect((await t.partner.get(`/v1/jobs?status=sleeping`)).status).toBe(422);
  });

  it("a cancel racing the dispatcher: each time exactly one of canceled or landed, and a canceled write never reaches the platform", async () => {
    const outcomes: string[] = [];
    for (let n = 0; n < 25; n++) {
      const cents = 3000 + n;
      const res = await budget(cents);
      expect(res.status).toBe(202);
      const c = await cancel(res.body.jobId);
      const job = await waitForJob(t.partner, res.body.jobId);
      const landed = (await budgetsOnPlatform()).filter((b) => b === cents).length;
      if (c.status === 200) {
        expect([job.status, landed], `round ${n}`).toEqual(["canceled", 0]);
        outcomes.push("canceled");
      } else {
        expect(c.status, `round ${n}`).toBe(409);
        expect([job.status, landed], `round ${n}`).toEqual(["completed", 1]);
        outcomes.push("landed");
      }
    }
    expect(outcomes).toHaveLength(25);
  });
});
