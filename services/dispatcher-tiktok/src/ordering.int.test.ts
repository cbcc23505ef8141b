import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shuffled } from "@layers/testkit";
import type { Dispatch } from "@layers/contracts";
import { countingFetch, createHarness, type Harness } from "./test-support/harness.ts";

describe("dispatcher-tiktok: order and exactly-once with two instances", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.cleanup());

  it("two instances on one durable - each campaign tree lands in entity_seq order, parents before children, no duplicates", async () => {
    const one = countingFetch();
    const two = countingFetch();
    await h.start({ fetch: one.fetch, config: { DISPATCH_CONCURRENCY: "4" } });
    await h.start({ fetch: two.fetch, config: { DISPATCH_CONCURRENCY: "4" } });
    const a = await h.seedAccount();
    await h.sbx.setFaults({ platform: "tiktok", account: a.advertiserId, latencyMs: 5 });

    const TREES = 4;
    const UPDATES = 8;
    const all: Dispatch[] = [];
    /** Per tree: the Layers ids and, in order, what the ledger must show for them. */
    const trees: Array<{ campaignId: string; adgroupId: string; adId: string; expected: Array<[string, unknown]> }> = [];
    for (let t = 0; t < TREES; t++) {
      const c = await h.allowCreateCampaign(a);
      const g = await h.allowCreateAdgroup(a, c.campaignId);
      const ad = await h.allowCreateAd(a, c.campaignId, g.adgroupId, { name: `Ad ${t}` });
      all.push(c.dispatch, g.dispatch, ad.dispatch);
      const expected: Array<[string, unknown]> = [["campaign/create", 50], ["adgroup/create", 20], ["ad/create", `Ad ${t}`]];
      for (let u = 1; u <= UPDATES; u++) {
        if (u % 2 === 0) {
          const name = `Ad ${t}-${u}`;
          all.push(await h.allowWrite(a, c.campaignId, "update_ad", { entityKind: "ad", entityId: ad.adId, name }));
          expected.push(["ad/update", name]);
        } else {
          // Distinct, non-monotonic budgets: any reordering shows up in the ledger.
          const cents = 2000 + ((u * 7919) % 97) * 100 + u;
          all.push(await h.allowWrite(a, c.campaignId, "update_budget", { entityKind: "adgroup", entityId: g.adgroupId, dailyBudgetCents: cents }));
          expected.push(["adgroup/update", cents / 100]);
        }
      }
      trees.push({ campaignId: c.campaignId, adgroupId: g.adgroupId, adId: ad.adId, expected });
    }
    // The gate publishes in decision order; shuffling makes later writes (children, updates) arrive first, so only the fence keeps order.
    for (const d of shuffled(all, 7)) await h.publish(d);
    await h.waitForStates(all.map((d) => d.intentId), ["dispatched"], 60_000);

    const ledger = await h.ledger(a);
    expect(ledger).toHaveLength(all.length);
    for (const t of trees) {
      const ids = new Set([
        (await h.campaignRow(t.campaignId)).platform_campaign_id,
        (await h.entityRow(t.adgroupId)).platform_entity_id,
        (await h.entityRow(t.adId)).platform_entity_id,
      ]);
      const entries = ledger.filter((e) => ids.has(e.objectId));
      expect(entries.map((e) => [e.path.replace("/open_api/v1.3/", "").replace(/\/$/, ""), e.fields.budget ?? e.fields.ad_name])).toEqual(t.expected);
    }
    const attempts = await h.env.db.selectFrom("write_intents").select("attempts").where("id", "in", all.map((d) => d.intentId)).execute();
    expect(attempts.every((r) => r.attempts === 1)).toBe(true);
    // Both instances did real work.
    expect(one.calls()).toBeGreaterThan(0);
    expect(two.calls()).toBeGreaterThan(0);
    expect(one.calls() + two.calls()).toBe(all.length);
    await h.stopApps();
  });
});
