import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthorityBlock, type WriteIntent } from "@layers/contracts";
import { claimIntentsToRelay } from "@layers/lifecycle";
import { GateHarness, spanIdOf, traceIdOf } from "./testing/gate-harness.ts";

const AUTO: AuthorityBlock = { creative: "auto", tactical: "auto", structural: "auto" };

let h: GateHarness;
beforeAll(async () => {
  h = await GateHarness.start({ RELAY_AFTER_MS: "300", RELAY_INTERVAL_MS: "100", RELAY_RETRY_MS: "60000" });
});
afterAll(async () => h.close());

const storedIntentMessages = async (intentId: string) =>
  (await h.readStream<WriteIntent>(h.env.names.streams.intents)).filter((m) => m.body.intentId === intentId);

describe("gate - outbox relay", () => {
  it("publishes an intent the gateway stored but never published, with its request id and trace, and the gate decides it", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);
    const traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    const s = await h.submit(t, { operation: "pause_campaign", params: { campaignId }, requestId: "req-lost-publish", traceparent }, { publish: false });

    const verdict = await s.verdict(10_000);
    expect(verdict).toMatchObject({ intentId: s.intent.intentId, decision: "allow" });

    const [relayed, ...more] = await storedIntentMessages(s.intent.intentId);
    expect(more).toEqual([]);
    expect(relayed!.body).toEqual(s.intent);
    expect(relayed!.headers?.get("Nats-Msg-Id")).toBe(s.intent.intentId);
    expect(relayed!.headers?.get("X-Request-Id")).toBe("req-lost-publish");
    expect(traceIdOf(relayed!.headers?.get("traceparent"))).toBe("0af7651916cd43dd8448eb211c80319c");
    expect(spanIdOf(relayed!.headers?.get("traceparent"))).not.toBe("b7ad6b7169203331");
    expect(relayed!.headers?.get("Layers-Reply-To")).toBe(s.inbox.subject);

    expect(await h.auditRowsFor(s.intent.intentId)).toHaveLength(1);
    expect(await h.intentRow(s.intent.intentId)).toMatchObject({ state: "allowed", lease_until: null });
    const [d] = await h.dispatchesFor(s.intent.intentId);
    expect(traceIdOf(d!.headers?.get("traceparent"))).toBe("0af7651916cd43dd8448eb211c80319c");
  });

  it("leaves decided intents alone: a published and decided intent is stored once", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);
    const s = await h.submit(t, { operation: "resume_campaign", params: { campaignId } });
    await s.verdict();
    // Several relay passes later (interval 100 ms, after 300 ms).
    await new Promise((r) => setTimeout(r, 700));
    expect(await storedIntentMessages(s.intent.intentId)).toHaveLength(1);
    expect(s.inbox.count).toBe(1);
  });
});

describe("relay claim", () => {
  it("books each due intent for one relay until its retry time, and never a young or decided one", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);
    // Stop the running relay from taking these rows: store them as if accepted long ago, then claim by hand.
    await h.gate!.stop();
    try {
      const old = await h.submit(t, { operation: "pause_campaign", params: { campaignId } }, { publish: false });
      const young = await h.submit(t, { operation: "resume_campaign", params: { campaignId } }, { publish: false });
      await h.env.db.updateTable("write_intents").set({ accepted_at: new Date(Date.now() - 60_000) }).where("id", "=", old.intent.intentId).execute();

      const [a, b] = await Promise.all([
        claimIntentsToRelay(h.env.db, { afterMs: 10_000, retryMs: 60_000, limit: 100 }),
        claimIntentsToRelay(h.env.db, { afterMs: 10_000, retryMs: 60_000, limit: 100 }),
      ]);
      const claimed = [...a, ...b].map((r) => r.id);
      expect(claimed.filter((id) => id === old.intent.intentId)).toHaveLength(1);
      expect(claimed).not.toContain(young.intent.intentId);
      expect((await claimIntentsToRelay(h.env.db, { afterMs: 10_000, retryMs: 60_000, limit: 100 })).map((r) => r.id)).not.toContain(old.intent.intentId);

      // Due again once the retry time passed, unless decided meanwhile.
      await h.env.db.updateTable("write_intents").set({ lease_until: new Date(Date.now() - 1) }).where("id", "=", old.intent.intentId).execute();
      expect((await claimIntentsToRelay(h.env.db, { afterMs: 10_000, retryMs: 60_000, limit: 100 })).map((r) => r.id)).toContain(old.intent.intentId);
      await h.env.db.updateTable("write_intents").set({ state: "denied", lease_until: null }).where("id", "=", old.intent.intentId).execute();
      expect((await claimIntentsToRelay(h.env.db, { afterMs: 0, retryMs: 60_000, limit: 100 })).map((r) => r.id)).not.toContain(old.intent.intentId);
    } finally {
      await h.startGate({ RELAY_AFTER_MS: "300", RELAY_INTERVAL_MS: "100", RELAY_RETRY_MS: "60000" });
    }
  });
});
