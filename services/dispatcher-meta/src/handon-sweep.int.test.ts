import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimIntent, recordOutcome } from "@layers/lifecycle";
import type { DispatcherMeta } from "./app.ts";
import { createHarness, type Harness, type SeededAccount } from "./test-support/harness.ts";

describe("dispatcher-meta: hand-on sweep", () => {
  let h: Harness;
  let a: SeededAccount;
  let app: DispatcherMeta | undefined;

  beforeAll(async () => {
    h = await createHarness();
    a = await h.seedAccount();
  });
  afterAll(async () => {
    await app?.stop();
    await h.cleanup();
  });

  it("a write whose hand-on was lost (its predecessor's holder died after recording) still lands, once, and only after its predecessor", async () => {
    app = await h.start();
    const { campaignId, platformId } = await h.landCampaign(a, { dailyBudgetCents: 1000 });
    await app.stop();
    const first = await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: 1100 });
    const second = await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: 1200 });

    // An instance took the first write, landed it and died before handing the second on.
    const claim = await claimIntent(h.env.db, first.intentId, "meta", 60_000);
    expect(claim.claimed).toBe(1);
    const rec = await recordOutcome(
      h.env.db,
      { intentId: first.intentId, attempts: 1, jobId: first.jobId, operation: "update_budget", entityKey: first.entityKey, entitySeq: first.entitySeq, campaignId },
      { kind: "landed", platformId, reconciled: false, created: false, row: { dailyBudgetCents: 1100 } },
      new Date(),
      [],
    );
    expect(rec).toMatchObject({ recorded: true, next: { id: second.intentId } });
    // No message for the second write is anywhere; a dispatcher that starts now finds it by the sweep.
    app = await h.start({ config: { HANDON_SWEEP_AFTER_MS: "300", HANDON_SWEEP_EVERY_MS: "100" } });
    await h.waitForStates([second.intentId], ["dispatched"]);

    expect(await h.intent(second.intentId)).toMatchObject({ state: "dispatched", attempts: 1 });
    const updates = (await h.sbx.ledger({ account: a.actId, objectId: platformId })).filter((e) => e.op === "update");
    expect(updates.map((e) => e.fields.daily_budget)).toEqual([1200]);
  });
});
