import { sql } from "kysely";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveAnswerSchema, pendingActionSchema, projectWithLayersSchema, writeAcceptedSchema } from "@layers/contracts";
import type { RunningGate } from "@layers/gate";
import { expectContract } from "@layers/gateway/testing";
import { freezeBeforeAnswer } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";
import { createHarness, expectProblem, type Harness } from "@layers/gateway/testing";

/**
 * The crash window: a request stored its write, then its process died before the idempotency
 * plugin recorded the answer. A second gateway instance frozen right there plays the dead process;
 * retries go to the live one.
 */
describe("idempotency across a crash", () => {
  let h: Harness;
  let gate: RunningGate;
  let dead: FastifyInstance;
  let thaw: () => void;
  let org: string;
  let key: string;
  let projectId: string;
  let campaignId: string;

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 2000 });
    gate = await startTestGate(h.env);
    ({ org, partner: key, projectId } = await h.seedTenant({ consent: true }));
    campaignId = await h.seedCampaign(projectId, { authority: { creative: "auto", tactical: "auto", structural: "auto" } });
    dead = await h.another();
    thaw = freezeBeforeAnswer(dead).release;
  });
  afterAll(async () => {
    thaw?.();
    await gate?.stop();
    await h?.close();
  });

  const keyRow = (k: string) => h.env.db.selectFrom("idempotency_keys").selectAll().where("idem_key", "=", k).executeTakeFirst();

  /** Sends through the instance that dies, and returns once its write is committed (the answer held on the key). */
  async function dieAfterWrite(method: "POST" | "PATCH", url: string, idemKey: string, body: unknown = {}): Promise<void> {
    void dead
      .inject({ method, url, headers: { authorization: `Bearer ${key}`, "idempotency-key": idemKey, "content-type": "application/json" }, payload: JSON.stringify(body) })
      .catch(() => undefined);
    await expect.poll(async () => (await keyRow(idemKey))?.status_code ?? null, { timeout: 10_000, interval: 20 }).not.toBeNull();
    expect((await keyRow(idemKey))!.state).toBe("in_flight");
  }

  /** The lease of the dead request's claim runs out (as two minutes would). */
  const expireLease = (k: string) =>
    h.env.db.updateTable("idempotency_keys").set({ created_at: sql<Date>`now() - interval '3 minutes'` }).where("idem_key", "=", k).execute();

  const retry = (method: "POST" | "PATCH", url: string, idemKey: string, body: unknown = {}) =>
    h.send(method, url, { auth: key, body, headers: { "idempotency-key": idemKey } });

  it("crash - a gated write stored before the crash is answered, not executed again: 409 within the lease, then the held 202 accepted", async () => {
    const url = `/v1/projects/${projectId}/ads/meta/campaigns/${campaignId}/budget`;
    const body = { dailyBudgetCents: 6100 };
    const jobsBefore = await h.count("jobs");
    await dieAfterWrite("PATCH", url, "crash-budget", body);

    expectProblem(await retry("PATCH", url, "crash-budget", body), 409, "IDEMPOTENCY_CONFLICT");
    await expireLease("crash-budget");
    const replay = await retry("PATCH", url, "crash-budget", body);
    expect(replay.statusCode, replay.body).toBe(202);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    const answer = expectContract(writeAcceptedSchema, replay.json());
    expect(answer).toEqual({ status: "accepted", jobId: expect.stringMatching(/^job_/), campaignId });
    expect(replay.headers.location).toBe(`/v1/jobs/${answer.jobId}`);

    // One job, one intent, one decision; a second retry replays the same answer.
    expect(await h.count("jobs")).toBe(jobsBefore + 1);
    const intents = await h.env.db.selectFrom("write_intents").select("id").where("job_id", "=", answer.jobId).execute();
    expect(intents).toHaveLength(1);
    await expect.poll(async () => (await h.send("GET", `/v1/jobs/${answer.jobId}`, { auth: key })).json().verdict?.decision, { timeout: 10_000 }).toBe("allow");
    expect(await h.env.db.selectFrom("audit_log").select("id").where("intent_id", "=", intents[0]!.id).execute()).toHaveLength(1);
    const again = await retry("PATCH", url, "crash-budget", body);
    expect(again.body).toBe(replay.body);
    expect(await h.count("jobs")).toBe(jobsBefore + 1);
  });

  it("crash - an approval stored before the crash is replayed: one re-run intent, one event, the action approved once", async () => {
    const { pendingActionId, jobId } = await h.seedPending(org, projectId, campaignId);
    const url = `/v1/projects/${projectId}/ads/meta/pending/${pendingActionId}/approve`;
    await dieAfterWrite("POST", url, "crash-approve", { comment: "ok" });
    await expireLease("crash-approve");

    const replay = await retry("POST", url, "crash-approve", { comment: "ok" });
    expect(replay.statusCode, replay.body).toBe(202);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(expectContract(approveAnswerSchema, replay.json())).toEqual({ status: "accepted", jobId, campaignId, pendingActionId });
    expect(replay.headers.location).toBe(`/v1/jobs/${jobId}`);

    const intents = await h.env.db.selectFrom("write_intents").select(["payload"]).where("job_id", "=", jobId).orderBy("entity_seq").execute();
    expect(intents.map((i) => (i.payload as { source: string }).source)).toEqual(["optimizer", "approval"]);
    const outbox = await h.env.db.selectFrom("event_outbox").select("subject_type").where(sql<boolean>`payload->'data'->>'pendingActionId' = ${pendingActionId}`).execute();
    expect(outbox).toEqual([{ subject_type: "approval.approved" }]);
    const pa = await h.env.db.selectFrom("pending_actions").select(["status", "approval_intent_id"]).where("id", "=", pendingActionId).executeTakeFirstOrThrow();
    expect(pa.status).toBe("approved");
  });

  it("crash - a reject stored before the crash replays the rejected action instead of answering 409", async () => {
    const { pendingActionId } = await h.seedPending(org, projectId, campaignId);
    const url = `/v1/projects/${projectId}/ads/meta/pending/${pendingActionId}/reject`;
    await dieAfterWrite("POST", url, "crash-reject", { reason: "not now" });
    await expireLease("crash-reject");
    const replay = await retry("POST", url, "crash-reject", { reason: "not now" });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(expectContract(pendingActionSchema, replay.json())).toMatchObject({ id: pendingActionId, status: "rejected" });
  });

  it("crash - a project created before the crash is replayed (201 + Location), never created twice", async () => {
    const before = await h.count("projects");
    await dieAfterWrite("POST", "/v1/projects", "crash-project", { name: "Once only" });
    await expireLease("crash-project");
    const replay = await retry("POST", "/v1/projects", "crash-project", { name: "Once only" });
    expect(replay.statusCode, replay.body).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    const project = expectContract(projectWithLayersSchema, replay.json());
    expect(replay.headers.location).toBe(`/v1/projects/${project.id}`);
    expect(await h.count("projects")).toBe(before + 1);
  });

  it("crash - a request that died before storing anything is taken over after the lease and runs once", async () => {
    const url = `/v1/projects/${projectId}/ads/meta/campaigns/${campaignId}/pause`;
    // What a claim left by a request that died before its write: in flight, no held answer.
    const principal = `key:${(await h.send("GET", "/v1/whoami", { auth: key })).json().actor.apiKeyId}`;
    const { requestFingerprint } = await import("@layers/gateway/testing");
    await h.env.db
      .insertInto("idempotency_keys")
      .values({ organization_id: org, principal, idem_key: "crash-early", method: "POST", path: url, fingerprint: requestFingerprint("POST", url, {}), state: "in_flight" })
      .execute();
    await expireLease("crash-early");
    const jobsBefore = await h.count("jobs");
    const res = await retry("POST", url, "crash-early");
    expect(res.statusCode, res.body).toBe(202);
    expect(res.headers["idempotent-replayed"]).toBeUndefined();
    expect(await h.count("jobs")).toBe(jobsBefore + 1);
  });
});
