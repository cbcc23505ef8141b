import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthorityBlock } from "@layers/contracts";
import { claimIntent, recordOutcome } from "@layers/lifecycle";
import { GateHarness, waitFor } from "./testing/gate-harness.ts";

const AUTO: AuthorityBlock = { creative: "auto", tactical: "auto", structural: "auto" };

let h: GateHarness;
beforeAll(async () => {
  h = await GateHarness.start({ HANDON_SWEEP_AFTER_MS: "200", HANDON_SWEEP_RETRY_MS: "60000", RELAY_INTERVAL_MS: "100" });
});
afterAll(async () => h.close());

describe("gate - hand-on sweep", () => {
  it("a write waiting behind one that closed without handing it on (a crash) is dispatched again; never while the one ahead is open", async () => {
    const t = await h.seedTenant({ defaults: AUTO });
    const campaignId = await h.seedCampaign(t);
    const first = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 4_000 } });
    const second = await h.submit(t, { operation: "update_budget", params: { campaignId, dailyBudgetCents: 5_000 } });
    expect((await first.verdict()).decision).toBe("allow");
    expect((await second.verdict()).decision).toBe("allow");

    // A dispatcher takes the first; the second waits behind it and is not swept meanwhile.
    const claim = await claimIntent(h.env.db, first.intent.intentId, "meta", 60_000);
    expect(claim.claimed).toBe(1);
    await new Promise((r) => setTimeout(r, 700));
    expect(await h.dispatchesFor(second.intent.intentId)).toHaveLength(1);

    // It lands, and the dispatcher dies before publishing the hand-on.
    const rec = await recordOutcome(
      h.env.db,
      { intentId: first.intent.intentId, attempts: 1, jobId: first.intent.jobId, operation: "update_budget", entityKey: first.intent.entityKey, entitySeq: first.intent.entitySeq, campaignId },
      { kind: "landed", platformId: "120", reconciled: false, created: false, row: { dailyBudgetCents: 4_000 } },
      new Date(),
      [],
    );
    expect(rec.recorded).toBe(true);
    expect(rec.next?.id).toBe(second.intent.intentId);

    // The gate's sweep hands it on: its stored dispatch goes out again under a new msg id.
    const copies = await waitFor(async () => {
      const d = await h.dispatchesFor(second.intent.intentId);
      return d.length >= 2 ? d : undefined;
    }, "the swept copy");
    expect(copies[1]!.body).toEqual(copies[0]!.body);
    expect(copies[1]!.headers?.get("Nats-Msg-Id")).toMatch(new RegExp(`^${second.intent.intentId}:sweep:`));
    // Booked: not swept again before its retry time.
    await new Promise((r) => setTimeout(r, 500));
    expect(await h.dispatchesFor(second.intent.intentId)).toHaveLength(2);
  });
});
