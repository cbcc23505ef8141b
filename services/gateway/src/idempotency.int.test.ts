import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, expectProblem, type Harness } from "./test-support/harness.ts";

describe("idempotency", () => {
  let h: Harness;
  let orgA: string;
  let orgB: string;
  let keyA: string;
  let keyA2: string;
  let keyB: string;
  let projectId: string;
  let campaignId: string;
  const idem = (k: string) => ({ "idempotency-key": k });

  beforeAll(async () => {
    // A slow "gate" (nobody answers for 400 ms) keeps gated writes in flight long enough to race them.
    h = await createHarness({ verdictTimeoutMs: 400 });
    orgA = await h.seedOrg();
    orgB = await h.seedOrg();
    keyA = (await h.mintKey(orgA, ["*"])).secret;
    keyA2 = (await h.mintKey(orgA, ["*"])).secret;
    keyB = (await h.mintKey(orgB, ["*"])).secret;
    projectId = (await h.createProject(keyA)).id;
    campaignId = await h.seedCampaign(projectId);
  });
  afterAll(async () => h?.close());

  it("idempotency - a retry replays status and body byte for byte with Idempotent-Replayed: true", async () => {
    const before = await h.count("projects");
    const first = await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "Once" }, headers: idem("k-replay") });
    expect(first.statusCode).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const again = await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "Once" }, headers: idem("k-replay") });
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.body).toBe(first.body);
    expect(await h.count("projects")).toBe(before + 1);
  });

  it("idempotency - key order and whitespace in the body do not make a different request", async () => {
    const a = await h.send("POST", "/v1/projects", { auth: keyA, payload: '{"name":"Ord","timezone":"UTC"}', headers: idem("k-order") });
    const b = await h.send("POST", "/v1/projects", { auth: keyA, payload: '{ "timezone": "UTC",  "name": "Ord" }', headers: idem("k-order") });
    expect(b.headers["idempotent-replayed"]).toBe("true");
    expect(b.json().id).toBe(a.json().id);
  });

  it("idempotency - the same key with a different body is 422 IDEMPOTENCY_CONFLICT", async () => {
    await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "First" }, headers: idem("k-diff") });
    const res = await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "Second" }, headers: idem("k-diff") });
    expectProblem(res, 422, "IDEMPOTENCY_CONFLICT");
  });

  it("idempotency - the same key on another route is a different request (422)", async () => {
    await h.send("POST", `/v1/projects/${projectId}/ads/meta/campaigns/${campaignId}/pause`, { auth: keyA, headers: idem("k-route") });
    const res = await h.send("POST", `/v1/projects/${projectId}/ads/meta/campaigns/${campaignId}/resume`, { auth: keyA, headers: idem("k-route") });
    expectProblem(res, 422, "IDEMPOTENCY_CONFLICT");
  });

  it("idempotency - concurrent requests with one key: exactly one executes, the other gets 409 with Retry-After", async () => {
    const jobsBefore = await h.count("jobs");
    const url = `/v1/projects/${projectId}/ads/meta/campaigns/${campaignId}/budget`;
    const [a, b] = await Promise.all([
      h.send("PATCH", url, { auth: keyA, body: { dailyBudgetCents: 4242 }, headers: idem("k-race") }),
      h.send("PATCH", url, { auth: keyA, body: { dailyBudgetCents: 4242 }, headers: idem("k-race") }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([202, 409]);
    const conflict = a.statusCode === 409 ? a : b;
    expectProblem(conflict, 409, "IDEMPOTENCY_CONFLICT");
    expect(conflict.headers["retry-after"]).toBe("1");
    expect(await h.count("jobs")).toBe(jobsBefore + 1);
    const replay = await h.send("PATCH", url, { auth: keyA, body: { dailyBudgetCents: 4242 }, headers: idem("k-race") });
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.statusCode).toBe(202);
    expect(replay.headers.location).toMatch(/^\/v1\/jobs\/job_/);
    expect(replay.json()).toEqual((a.statusCode === 202 ? a : b).json());
    expect(await h.count("jobs")).toBe(jobsBefore + 1);
  });

  it("idempotency - keys are scoped per org and per principal", async () => {
    const a = await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "Shared" }, headers: idem("k-shared") });
    const b = await h.send("POST", "/v1/projects", { auth: keyB, body: { name: "Shared" }, headers: idem("k-shared") });
    const a2 = await h.send("POST", "/v1/projects", { auth: keyA2, body: { name: "Shared" }, headers: idem("k-shared") });
    for (const r of [a, b, a2]) {
      expect(r.statusCode).toBe(201);
      expect(r.headers["idempotent-replayed"]).toBeUndefined();
    }
    expect(new Set([a.json().id, b.json().id, a2.json().id]).size).toBe(3);
    expect(b.json().organizationId).toBe(orgB);
  });

  it("idempotency - a refused request (validation) does not burn the key", async () => {
    const bad = await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "" }, headers: idem("k-fix") });
    expectProblem(bad, 422, "VALIDATION");
    const fixed = await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "Fixed" }, headers: idem("k-fix") });
    expect(fixed.statusCode).toBe(201);
    expect(fixed.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("idempotency - a 5xx is not stored: the claim is released and a retry runs again", async () => {
    const { pendingActionId } = await h.seedPending(orgA, projectId, campaignId);
    const pa = await h.env.db.selectFrom("pending_actions").select("intent_id").where("id", "=", pendingActionId).executeTakeFirstOrThrow();
    // Break the pending action's stored intent: approving it is then an internal error.
    await h.env.db.updateTable("pending_actions").set({ intent_id: "int_missing" }).where("id", "=", pendingActionId).execute();
    const url = `/v1/projects/${projectId}/ads/meta/pending/${pendingActionId}/approve`;
    const first = await h.send("POST", url, { auth: keyA, headers: idem("k-500") });
    const p = expectProblem(first, 500, "INTERNAL");
    expect(p.detail).not.toMatch(/int_missing|stored intent/);
    expect(await h.env.db.selectFrom("idempotency_keys").select("idem_key").where("idem_key", "=", "k-500").execute()).toEqual([]);
    await h.env.db.updateTable("pending_actions").set({ intent_id: pa.intent_id }).where("id", "=", pendingActionId).execute();
    const retry = await h.send("POST", url, { auth: keyA, headers: idem("k-500") });
    expect(retry.statusCode).toBe(202);
    expect(retry.headers["idempotent-replayed"]).toBeUndefined();
    expect(retry.json()).toMatchObject({ status: "accepted", pendingActionId });
  });

  it("idempotency - a key older than 24 h counts as new", async () => {
    const first = await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "Old" }, headers: idem("k-old") });
    await h.env.db.updateTable("idempotency_keys").set({ created_at: sql<Date>`now() - interval '25 hours'` }).where("idem_key", "=", "k-old").execute();
    const again = await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "Old" }, headers: idem("k-old") });
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBeUndefined();
    expect(again.json().id).not.toBe(first.json().id);
  });

  it("idempotency - an in-flight row left by a dead request is taken over after its lease", async () => {
    await h.env.db
      .insertInto("idempotency_keys")
      .values({
        organization_id: orgA,
        principal: `key:${(await h.send("GET", "/v1/whoami", { auth: keyA })).json().actor.apiKeyId}`,
        idem_key: "k-dead",
        method: "POST",
        path: "/v1/projects",
        fingerprint: "will-not-match",
        state: "in_flight",
      })
      .execute();
    // Fresh and with another fingerprint: a different request → 422.
    expectProblem(await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "Dead" }, headers: idem("k-dead") }), 422, "IDEMPOTENCY_CONFLICT");
    const { requestFingerprint } = await import("./domain/idempotency-key.ts");
    await h.env.db
      .updateTable("idempotency_keys")
      .set({ fingerprint: requestFingerprint("POST", "/v1/projects", { name: "Dead" }) })
      .where("idem_key", "=", "k-dead")
      .execute();
    expectProblem(await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "Dead" }, headers: idem("k-dead") }), 409, "IDEMPOTENCY_CONFLICT");
    await h.env.db.updateTable("idempotency_keys").set({ created_at: sql<Date>`now() - interval '3 minutes'` }).where("idem_key", "=", "k-dead").execute();
    const res = await h.send("POST", "/v1/projects", { auth: keyA, body: { name: "Dead" }, headers: idem("k-dead") });
    expect(res.statusCode).toBe(201);
  });
});
