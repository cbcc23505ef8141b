import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shuffled } from "@layers/testkit";
import type { Dispatch } from "@layers/contracts";
import { APPLE_APIS, countingFetch, createHarness, type Harness } from "./test-support/harness.ts";

describe.each(APPLE_APIS)("dispatcher-apple (%s): order and exactly-once with two instances", (api) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(api);
  });
  afterAll(async () => h.cleanup());

  it("two instances on one durable - each campaign tree lands in entity_seq order, once, and both instances work", async () => {
    const one = countingFetch();
    const two = countingFetch();
    await h.start({ fetch: one.fetch, config: { DISPATCH_CONCURRENCY: "4" } });
    await h.start({ fetch: two.fetch, config: { DISPATCH_CONCURRENCY: "4" } });
    const a = await h.seedOrg();
    await h.sbx.setAppleFaults({ orgId: a.orgId, latencyMs: 5 });

    const CAMPAIGNS = 4;
    const UPDATES = 10;
    const all: Dispatch[] = [];
    const expected = new Map<string, { adGroupId: string; budgets: string[]; bids: string[] }>();
    for (let c = 0; c < CAMPAIGNS; c++) {
      const { campaignId, dispatch } = await h.allowCreate(a, { dailyBudgetCents: 100_000 });
      const g = await h.allowAdGroup(a, campaignId, { bidCents: 100 });
      all.push(dispatch, g.dispatch);
      const budgets = [h.wire.money(100_000).amount];
      const bids = [h.wire.money(100).amount];
      for (let u = 1; u <= UPDATES; u++) {
        // Distinct, non-monotonic values (bids always below budgets): any reordering shows in the ledger.
        const budget = 20_000 + ((u * 7919) % 97) * 100 + u;
        const bid = 100 + ((u * 104729) % 89) * 10 + u;
        all.push(await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: budget }));
        all.push(await h.allowWrite(a, campaignId, "update_bid", { entityKind: "adgroup", entityId: g.adGroupId, bidCents: bid }));
        budgets.push(h.wire.money(budget).amount);
        bids.push(h.wire.money(bid).amount);
      }
      expected.set(campaignId, { adGroupId: g.adGroupId, budgets, bids });
    }
    // The gate publishes in decision order; shuffling makes later writes arrive first, so only the fence keeps order.
    for (const d of shuffled(all, 7)) await h.publish(d);
    await h.waitForStates(all.map((d) => d.intentId), ["dispatched"], 60_000);

    const ledger = await h.sbx.ledger(a.ledgerKey);
    expect(ledger).toHaveLength(all.length);
    for (const [campaignId, want] of expected) {
      const cid = (await h.campaignRow(campaignId)).platform_campaign_id!;
      const gid = (await h.entityRow(want.adGroupId)).platform_entity_id!;
      const onCampaign = ledger.filter((e) => e.objectId === cid);
      const onGroup = ledger.filter((e) => e.objectId === gid);
      expect(onCampaign.map((e) => e.op)).toEqual(["create", ...Array(UPDATES).fill("update")]);
      expect(onCampaign.map((e) => h.wire.budgetAmountOf(e.fields))).toEqual(want.budgets);
      expect(onGroup.map((e) => h.wire.adGroupBidAmountOf(e.fields))).toEqual(want.bids);
      // The ad group's create came after its campaign's, in the one ordered stream of this tree.
      expect(ledger.indexOf(onGroup[0]!)).toBeGreaterThan(ledger.indexOf(onCampaign[0]!));
    }
    const attempts = await h.env.db.selectFrom("write_intents").select("attempts").where("id", "in", all.map((d) => d.intentId)).execute();
    expect(attempts.every((r) => r.attempts === 1)).toBe(true);
    expect(one.calls()).toBeGreaterThan(0);
    expect(two.calls()).toBeGreaterThan(0);
    expect(one.calls() + two.calls()).toBe(all.length);
  });
});
