import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, type AuthorityBlock } from "@layers/contracts";
import { GateHarness, waitFor } from "./testing/gate-harness.ts";

const AUTO: AuthorityBlock = { creative: "auto", tactical: "auto", structural: "auto" };

let h: GateHarness;
beforeAll(async () => {
  // One batch at a time: these tests are about what happens inside a batch. Across batches in flight
  // together (GATE_BATCHES_IN_FLIGHT), a policy change applies from its commit, as between any two transactions.
  h = await GateHarness.start({ GATE_CONCURRENCY: "32", GATE_BATCH_MAX: "64", GATE_BATCHES_IN_FLIGHT: "1" });
});
afterAll(async () => h.close());

describe("gate - group commit", () => {
  it("a burst is decided in fewer transactions than intents, each intent once, and a forged message among them holds nobody back", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaigns = await Promise.all(Array.from({ length: 6 }, () => h.seedCampaign(t)));
    // Store every write first, then publish them all at once: the gate receives a burst.
    const writes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => h.submit(t, { operation: "update_budget", params: { campaignId: campaigns[i % 6]!, dailyBudgetCents: 1_000 + i } }, { publish: false })),
    );
    const forged = { ...writes[0]!.intent, intentId: newId("intent") };
    await Promise.all([
      ...writes.map((w) => h.publishIntent(w.intent, { requestId: w.intent.requestId, traceparent: w.traceparent, replyTo: w.inbox.subject })),
      h.publishIntent(forged, { requestId: "req-forged", traceparent: writes[0]!.traceparent }),
    ]);
    const verdicts = await Promise.all(writes.map((w) => w.verdict()));
    expect(verdicts.every((v) => v.decision === "allow")).toBe(true);

    const ids = writes.map((w) => w.intent.intentId);
    const audit = await h.env.db
      .selectFrom("audit_log")
      .select(["intent_id", sql<string>`xmin::text`.as("tx")])
      .where("intent_id", "in", ids)
      .execute();
    expect(audit.map((a) => a.intent_id).sort()).toEqual([...ids].sort());
    // Rows written by one transaction share its xmin: the burst went through in batches.
    const transactions = new Set(audit.map((a) => a.tx)).size;
    expect(transactions).toBeLessThan(ids.length);
    // Each write's verdict matches its own audit row and job.
    for (const [i, w] of writes.entries()) expect(await h.job(w.intent.jobId)).toMatchObject({ status: "running", verdict_id: verdicts[i]!.verdictId });

    const dl = await waitFor(async () => (await h.env.db.selectFrom("dead_letters").selectAll().execute()).find((d) => d.intent_id === forged.intentId), "the forged message's dead letter");
    expect(dl.reason).toMatch(/never accepted/);
  });

  it("within one batch, a kill switch decided first denies the writes decided after it", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);
    const trip = await h.submit(t, { operation: "set_kill_switch", params: { active: true, reason: "incident" }, actor: { type: "customer" } }, { publish: false });
    const writes = await Promise.all(Array.from({ length: 8 }, (_, i) => h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 2_000 + i } }, { publish: false })));
    await h.publishIntent(trip.intent, { requestId: trip.intent.requestId, traceparent: trip.traceparent, replyTo: trip.inbox.subject });
    await Promise.all(writes.map((w) => h.publishIntent(w.intent, { requestId: w.intent.requestId, traceparent: w.traceparent, replyTo: w.inbox.subject })));
    const tripped = await trip.verdict();
    expect(tripped.decision).toBe("allow");
    const decided = await Promise.all(writes.map(async (w) => ({ v: await w.verdict(), at: (await h.env.db.selectFrom("audit_log").select(["occurred_at", "id"]).where("intent_id", "=", w.intent.intentId).executeTakeFirstOrThrow()) })));
    const tripAt = (await h.env.db.selectFrom("audit_log").select("occurred_at").where("id", "=", tripped.verdictId).executeTakeFirstOrThrow()).occurred_at.getTime();
    // Whatever was decided after the switch (in its batch or later) is denied; nothing after it slips through.
    for (const d of decided) {
      if (d.v.decision === "allow") expect(d.at.occurred_at.getTime()).toBeLessThanOrEqual(tripAt);
      else {
        expect(d.v).toMatchObject({ decision: "deny", reason: "kill_switch_active" });
        expect(d.at.occurred_at.getTime()).toBeGreaterThanOrEqual(tripAt);
      }
    }
    expect(decided.some((d) => d.v.decision === "deny")).toBe(true);
  });
});
