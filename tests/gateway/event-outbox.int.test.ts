import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveAnswerSchema, deterministicEventId, eventSchema, pendingActionSchema, type LayersEvent } from "@layers/contracts";
import type { RunningGate } from "@layers/gate";
import { expectContract } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";
import { createHarness, type Harness } from "@layers/gateway/testing";
import { failingPublishes } from "@layers/gateway/testing";

describe("event outbox", () => {
  let h: Harness;
  let gate: RunningGate;
  let broken: FastifyInstance;
  let failed: string[];
  let org: string;
  let key: string;
  let projectId: string;
  let campaignId: string;

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 3000 });
    gate = await startTestGate(h.env);
    ({ org, partner: key, projectId } = await h.seedTenant({ consent: true }));
    campaignId = await h.seedCampaign(projectId, { authority: { creative: "auto", tactical: "auto", structural: "auto" } });
    // A gateway instance whose event publishes hit a NATS hiccup; its intents still go through.
    const faulty = failingPublishes(h.env.nats.js, (subject) => subject.startsWith(h.env.names.subjects.event("")));
    failed = faulty.failed;
    broken = await h.another({ nats: { nc: h.env.nats.nc, js: faulty.js } });
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
  });

  /** Every copy of one event on the events stream (msg id = event id). */
  async function onStream(eventId: string): Promise<LayersEvent[]> {
    const { jsm } = h.env.nats;
    const stream = h.env.names.streams.events;
    const info = await jsm.streams.info(stream);
    const out: LayersEvent[] = [];
    for (let seq = info.state.first_seq; info.state.messages > 0 && seq <= info.state.last_seq; seq++) {
      const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (m?.header.get("Nats-Msg-Id") === eventId) out.push(m.json<LayersEvent>());
    }
    return out;
  }
  const outboxRow = (id: string) => h.env.db.selectFrom("event_outbox").selectAll().where("id", "=", id).executeTakeFirst();
  const send = (app: FastifyInstance, url: string, body: unknown) =>
    app.inject({ method: "POST", url, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, payload: JSON.stringify(body) });

  it("outbox - approve stores approval.approved with the change; the gateway never publishes it, the relay does, exactly once", async () => {
    const { pendingActionId, jobId } = await h.seedPending(org, projectId, campaignId);
    const eventId = deterministicEventId(pendingActionId, "approval.approved");
    const res = await send(broken, `/v1/projects/${projectId}/ads/meta/pending/${pendingActionId}/approve`, { comment: "go" });
    expect(res.statusCode, res.body).toBe(202);
    expectContract(approveAnswerSchema, res.json());
    // One publisher of events: the gateway's own (faulty) NATS client was never asked to publish one.
    expect(failed.filter((s) => s.startsWith(h.env.names.subjects.event("")))).toEqual([]);

    await expect.poll(async () => (await outboxRow(eventId))?.published_at ?? null, { timeout: 10_000, interval: 100 }).not.toBeNull();
    // Several relay passes later there is still one copy.
    await new Promise((r) => setTimeout(r, 500));
    const copies = await onStream(eventId);
    expect(copies).toHaveLength(1);
    expect(eventSchema.parse(copies[0])).toMatchObject({ id: eventId, type: "approval.approved", data: { organizationId: org, pendingActionId, jobId, comment: "go" } });
  });

  it("outbox - reject while no relay runs: approval.disapproved waits in the outbox and reaches the stream once when the relay is back", async () => {
    await gate.stop();
    const { pendingActionId } = await h.seedPending(org, projectId, campaignId);
    const eventId = deterministicEventId(pendingActionId, "approval.disapproved");
    try {
      const res = await send(h.app, `/v1/projects/${projectId}/ads/meta/pending/${pendingActionId}/reject`, { reason: "later" });
      expect(res.statusCode, res.body).toBe(200);
      expect(expectContract(pendingActionSchema, res.json()).status).toBe("rejected");
      await new Promise((r) => setTimeout(r, 300));
      expect((await outboxRow(eventId))?.published_at).toBeNull();
      expect(await onStream(eventId)).toHaveLength(0);
    } finally {
      gate = await startTestGate(h.env);
    }
    await expect.poll(async () => (await onStream(eventId)).length, { timeout: 10_000, interval: 100 }).toBe(1);
    expect((await onStream(eventId))[0]).toMatchObject({ type: "approval.disapproved", data: { organizationId: org, reason: "later" } });
    expect((await outboxRow(eventId))?.published_at).not.toBeNull();
  });

  it("outbox - a healthy stack publishes within moments of the commit, with the request's id, and adds no copy", async () => {
    const { pendingActionId } = await h.seedPending(org, projectId, campaignId);
    const eventId = deterministicEventId(pendingActionId, "approval.disapproved");
    const res = await send(h.app, `/v1/projects/${projectId}/ads/meta/pending/${pendingActionId}/reject`, { reason: "no" });
    expect(res.statusCode).toBe(200);
    const row = await outboxRow(eventId);
    expect(row).toMatchObject({ subject_type: "approval.disapproved", request_id: res.headers["x-request-id"] });
    await expect.poll(async () => (await outboxRow(eventId))?.published_at ?? null, { timeout: 2_000, interval: 20 }).not.toBeNull();
    await new Promise((r) => setTimeout(r, 800));
    expect(await onStream(eventId)).toHaveLength(1);
  });
});
