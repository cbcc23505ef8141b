import type { Msg } from "@nats-io/transport-node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, type AuthorityBlock, type WriteIntent } from "@layers/contracts";
import { GateHarness, VerdictInbox, waitFor } from "./testing/gate-harness.ts";

const AUTO: AuthorityBlock = { creative: "auto", tactical: "auto", structural: "auto" };

let h: GateHarness;
/** Every publish on the dispatch and event subjects, duplicates included (core NATS sees what JetStream drops). */
const wire: Array<{ subject: string; msgId: string | undefined; body: { intentId?: string; data?: { intentId?: string } } }> = [];
beforeAll(async () => {
  h = await GateHarness.start({ RELAY_AFTER_MS: "600000" });
  for (const subject of [h.env.names.subjects.dispatchAll, h.env.names.subjects.eventsAll]) {
    const sub = h.env.nats.nc.subscribe(subject, {
      callback: (_e, m: Msg) => {
        wire.push({ subject: m.subject, msgId: m.headers?.get("Nats-Msg-Id"), body: m.json() });
      },
    });
    h.onClose(() => sub.unsubscribe());
  }
});
afterAll(async () => h.close());

const onWire = (intentId: string) => wire.filter((w) => w.body.intentId === intentId || w.body.data?.intentId === intentId);
const republish = (intent: WriteIntent, inbox: VerdictInbox, msgID: string) =>
  h.publishIntent(intent, { requestId: intent.requestId, traceparent: "", replyTo: inbox.subject, msgID });

describe("gate - redelivery of a decided intent", () => {
  it("an allowed intent published again answers the same verdict, keeps one audit row and one stored dispatch", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);
    const s = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 4_000 } });
    const first = await s.verdict();
    await republish(s.intent, s.inbox, `${s.intent.intentId}-again`);
    const second = await s.inbox.nth(1);

    expect(second).toEqual(first);
    expect(await h.auditRowsFor(s.intent.intentId)).toHaveLength(1);
    expect(await h.dispatchesFor(s.intent.intentId)).toHaveLength(1);
    // Re-published with the same msg id, so JetStream kept only the first.
    const sent = onWire(s.intent.intentId).filter((w) => w.subject === h.env.names.subjects.dispatch("meta"));
    expect(sent.map((w) => w.msgId)).toEqual([s.intent.intentId, s.intent.intentId]);
    // The replayed decision rebuilds the same message, ad account included.
    expect(sent[1]!.body).toEqual(sent[0]!.body);
    expect(sent[0]!.body).toMatchObject({ adAccountId: t.adAccountId });
    expect(await h.job(s.intent.jobId)).toMatchObject({ status: "running", verdict_id: first.verdictId });
  });

  it("a denied intent published again answers the same verdict; its event was stored with the decision and goes out once", async () => {
    const t = await h.seedTenant({ defaults: { ...AUTO, structural: "off" } });
    const campaignId = await h.seedCampaign(t);
    const s = await h.submit(t, { operation: "archive_campaign", params: { campaignId } });
    const first = await s.verdict();
    await republish(s.intent, s.inbox, `${s.intent.intentId}-replay`);
    expect(await s.inbox.nth(1)).toEqual(first);

    const stored = await h.env.db.selectFrom("event_outbox").selectAll().where(sql`payload->'data'->>'intentId'`, "=", s.intent.intentId).orderBy("id").execute();
    expect(stored.map((r) => r.subject_type).sort()).toEqual(["ads.write.denied", "job.failed"]);
    expect(await h.eventsFor(s.intent.intentId)).toHaveLength(2);
    // The one relay published them; the redelivery added no copy on the wire either.
    const emitted = onWire(s.intent.intentId);
    expect(emitted.map((w) => w.msgId).sort()).toEqual(stored.map((r) => r.id));
    expect(await h.auditRowsFor(s.intent.intentId)).toHaveLength(1);
  });

  it("concurrent copies of one intent are decided once", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);
    const s = await h.submit(t, { operation: "resume_campaign", params: { campaignId } }, { publish: false });
    await Promise.all([0, 1, 2, 3, 4].map((i) => republish(s.intent, s.inbox, `${s.intent.intentId}-copy${i}`)));
    const verdicts = await Promise.all([0, 1, 2, 3, 4].map((i) => s.inbox.nth(i)));
    expect(new Set(verdicts.map((v) => v.verdictId)).size).toBe(1);
    expect(verdicts[0]!.decision).toBe("allow");
    expect(await h.auditRowsFor(s.intent.intentId)).toHaveLength(1);
    expect(await h.dispatchesFor(s.intent.intentId)).toHaveLength(1);
  });

  it("once a dispatcher holds the intent, a redelivery answers the verdict but publishes no dispatch", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);
    const s = await h.submit(t, { operation: "pause_campaign", params: { campaignId } });
    const first = await s.verdict();
    await h.env.db.updateTable("write_intents").set({ state: "dispatched" }).where("id", "=", s.intent.intentId).execute();
    await republish(s.intent, s.inbox, `${s.intent.intentId}-late`);
    expect(await s.inbox.nth(1)).toEqual(first);
    expect(onWire(s.intent.intentId)).toHaveLength(1);
  });
});

describe("gate - messages it cannot decide", () => {
  const deadLetters = () => h.env.db.selectFrom("dead_letters").selectAll().execute();

  it("a malformed message is dead-lettered and never audited", async () => {
    const bogusId = newId("intent");
    const ack = await h.env.nats.js.publish(h.env.names.subjects.intent("meta"), JSON.stringify({ intentId: bogusId, hello: "world" }), { msgID: `bad-${bogusId}` });
    const dl = await waitFor(async () => (await deadLetters()).find((d) => d.stream_seq === ack.seq), "the dead letter");
    expect(dl).toMatchObject({
      stream: h.env.names.streams.intents,
      consumer: "gate",
      subject: h.env.names.subjects.intent("meta"),
      intent_id: bogusId,
      payload: JSON.stringify({ intentId: bogusId, hello: "world" }),
    });
    expect(dl.reason).toContain("MalformedMessageError");
    expect(await h.auditRowsFor(bogusId)).toEqual([]);
  });

  it("a well-formed intent that no gateway stored is dead-lettered, not decided", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);
    const stored = await h.submit(t, { operation: "pause_campaign", params: { campaignId } }, { publish: false });
    // Same shape, but an id with no write_intents row.
    const forged: WriteIntent = { ...stored.intent, intentId: newId("intent") };
    const inbox = new VerdictInbox(h);
    await h.publishIntent(forged, { requestId: forged.requestId, traceparent: "", replyTo: inbox.subject });
    const dl = await waitFor(async () => (await deadLetters()).find((d) => d.intent_id === forged.intentId), "the dead letter");
    expect(dl.reason).toContain("IntentNotFoundError");
    expect(await h.auditRowsFor(forged.intentId)).toEqual([]);
    expect(inbox.count).toBe(0);
    expect((await h.intentRow(stored.intent.intentId)).state).toBe("accepted");
  });

  it("stored params that break the operation contract fail the job and dead-letter the message", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);
    const s = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: -5 } });
    const dl = await waitFor(async () => (await deadLetters()).find((d) => d.intent_id === s.intent.intentId), "the dead letter");
    expect(dl.reason).toContain("params do not match update_budget");
    expect(await h.intentRow(s.intent.intentId)).toMatchObject({ state: "failed", verdict_id: null });
    expect(await h.job(s.intent.jobId)).toMatchObject({ status: "failed", error: { code: "INTERNAL" } });
    expect(await h.auditRowsFor(s.intent.intentId)).toEqual([]);
  });

  it.each([
    ["a campaign that does not exist", async () => newId("campaign")],
    [
      "a campaign of another project",
      async () => {
        const other = await h.seedTenant({ defaults: AUTO });
        return h.seedCampaign(other);
      },
    ],
  ])("a write to %s fails the job with NOT_FOUND and is acked without a verdict", async (_name, campaignOf) => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await campaignOf();
    const s = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 1_000 } });
    const job = await waitFor(async () => {
      const j = await h.job(s.intent.jobId);
      return j.status === "failed" ? j : null;
    }, "the job to fail");
    expect(job.error).toEqual({ code: "NOT_FOUND", message: `campaign ${campaignId} not found on layer ${t.layerId}` });
    expect(await h.intentRow(s.intent.intentId)).toMatchObject({ state: "failed", verdict_id: null });
    expect(await h.auditRowsFor(s.intent.intentId)).toEqual([]);
    expect(s.inbox.count).toBe(0);
    expect((await deadLetters()).filter((d) => d.intent_id === s.intent.intentId)).toEqual([]);
  });
});
