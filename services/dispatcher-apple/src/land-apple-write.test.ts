import { describe, expect, it } from "vitest";
import type { QuickRetry } from "@layers/dispatch-core";
import { createLogger } from "@layers/runtime";
import { AppleRequestError, AppleThrottledError, AppleTransientError, type AppleClient } from "./apple/index.ts";
import { landAppleWrite, type AppleIds } from "./land-apple-write.ts";
import type { AppleWrite } from "./plan-apple-write.ts";

const log = createLogger({ service: "test", level: "silent" });
const quick: QuickRetry = { retries: 2, minMs: 1, maxMs: 20 };
const auth = { accessToken: "t", orgId: "4000" };
const usd = (amount: string) => ({ amount, currency: "USD" });

const createCampaign: AppleWrite = {
  kind: "create_campaign",
  fields: { name: "Spring", adamId: "1", countriesOrRegions: ["US"], dailyBudgetAmount: usd("50.00"), supplySources: ["APPSTORE_SEARCH_RESULTS"], adChannelType: "SEARCH", billingEvent: "TAPS", status: "PAUSED" },
};
const budget: AppleWrite = { kind: "update_campaign", fields: { dailyBudgetAmount: usd("75.00") } };
const createKeyword: AppleWrite = { kind: "create_keyword", keyword: { text: "running shoes", matchType: "EXACT", status: "ACTIVE" } };
const targeting: AppleWrite = { kind: "update_adgroup", fields: {}, audience: { minAge: 25, genders: ["F"] } };

/** A scripted answer of "nothing" (e.g. no campaign of that name). */
const NONE = Symbol("none");

/** A scripted Apple: each call takes the next planned answer for its method and is recorded. */
function scripted(plan: Partial<Record<keyof AppleClient, Array<unknown>>>) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const client = new Proxy({} as AppleClient, {
    get: (_t, method: string) => async (...args: unknown[]) => {
      calls.push({ method, args });
      const v = plan[method as keyof AppleClient]?.shift();
      if (v === undefined) throw new Error(`unexpected ${method}`);
      if (v instanceof Error) throw v;
      return v === NONE ? undefined : v;
    },
  });
  return { client, calls, methods: () => calls.map((c) => c.method) };
}

const transient = () => new AppleTransientError("boom", { httpStatus: 500 });
const throttle = (retryAfterMs?: number) => new AppleThrottledError("slow down", { httpStatus: 429 }, retryAfterMs === undefined ? {} : { retryAfterMs });
const land = (client: AppleClient, write: AppleWrite, ids: AppleIds, mayHaveLanded = false) => landAppleWrite(client, quick, log, { write, ids, auth, mayHaveLanded });

describe("landAppleWrite", () => {
  it("a first attempt calls Apple straight away", async () => {
    const a = scripted({ createCampaign: [{ id: "111", name: "Spring", status: "PAUSED" }] });
    expect(await land(a.client, createCampaign, {})).toEqual({ platformId: "111", reconciled: false });
    expect(a.methods()).toEqual(["createCampaign"]);
  });

  it("after a lost answer, the retry finds the campaign by its name instead of creating it again", async () => {
    const a = scripted({ createCampaign: [transient()], findCampaignByName: [{ id: "111", name: "Spring", status: "PAUSED" }] });
    expect(await land(a.client, createCampaign, {})).toEqual({ platformId: "111", reconciled: true });
    expect(a.methods()).toEqual(["createCampaign", "findCampaignByName"]);
    expect(a.calls[1]!.args.slice(0, 1)).toEqual(["Spring"]);
  });

  it("after a lost answer that did not apply, the retry creates", async () => {
    const a = scripted({ createCampaign: [transient(), { id: "222", name: "Spring", status: "PAUSED" }], findCampaignByName: [NONE] });
    expect(await land(a.client, createCampaign, {})).toEqual({ platformId: "222", reconciled: false });
    expect(a.methods()).toEqual(["createCampaign", "findCampaignByName", "createCampaign"]);
  });

  it("a keyword create reconciles by text and match type in its ad group", async () => {
    const a = scripted({
      createKeywords: [transient()],
      listKeywords: [[{ id: "7", text: "Running Shoes", matchType: "BROAD", status: "ACTIVE" }, { id: "8", text: "Running Shoes", matchType: "EXACT", status: "ACTIVE" }]],
    });
    expect(await land(a.client, createKeyword, { campaignId: "1", adGroupId: "2" })).toEqual({ platformId: "8", reconciled: true });
    expect(a.calls.map((c) => [c.method, c.args.slice(0, 2)])).toEqual([["createKeywords", ["1", "2"]], ["listKeywords", ["1", "2"]]]);
  });

  it("a takeover reconciles an update first, and skips it when Apple holds the value", async () => {
    const held = scripted({ getCampaign: [{ id: "5", name: "x", status: "PAUSED", dailyBudgetAmount: usd("75") }] });
    expect(await land(held.client, budget, { campaignId: "5" }, true)).toEqual({ platformId: "5", reconciled: true });
    expect(held.methods()).toEqual(["getCampaign"]);
    const notHeld = scripted({ getCampaign: [{ id: "5", name: "x", status: "PAUSED", dailyBudgetAmount: usd("50") }], updateCampaign: [{ id: "5", name: "x", status: "PAUSED" }] });
    expect(await land(notHeld.client, budget, { campaignId: "5" }, true)).toEqual({ platformId: "5", reconciled: false });
    expect(notHeld.methods()).toEqual(["getCampaign", "updateCampaign"]);
  });

  it("a targeting write keeps the dimensions Layers does not manage", async () => {
    const current = { id: "2", name: "G", status: "ENABLED", targetingDimensions: { gender: { included: ["M"] }, deviceClass: { included: ["IPAD"] } } };
    const a = scripted({ getAdGroup: [current], updateAdGroup: [current] });
    expect(await land(a.client, targeting, { campaignId: "1", adGroupId: "2" })).toEqual({ platformId: "2", reconciled: false });
    expect(a.calls[1]).toEqual({
      method: "updateAdGroup",
      args: ["1", "2", { targetingDimensions: { deviceClass: { included: ["IPAD"] }, age: { included: [{ minAge: 25 }] }, gender: { included: ["F"] } } }, auth],
    });
  });

  it("a delete that finds the object already deleted counts as landed", async () => {
    const taken = scripted({ getAdGroup: [{ id: "2", name: "G", status: "PAUSED", deleted: true }] });
    expect(await land(taken.client, { kind: "delete_adgroup" }, { campaignId: "1", adGroupId: "2" }, true)).toEqual({ platformId: "2", reconciled: true });
    expect(taken.methods()).toEqual(["getAdGroup"]);
    // Deleted outside Layers: Apple refuses the DELETE, the object is gone, so the write has what it wanted.
    const gone = scripted({ deleteKeyword: [new AppleRequestError("Keyword 3 was not found", { httpStatus: 404 })], listKeywords: [[]] });
    expect(await land(gone.client, { kind: "delete_keyword" }, { campaignId: "1", adGroupId: "2", keywordId: "3" })).toEqual({ platformId: "3", reconciled: true });
    // Refused while it still exists: the refusal stands.
    const refused = scripted({ deleteKeyword: [new AppleRequestError("no", { httpStatus: 400 })], listKeywords: [[{ id: "3", text: "a", matchType: "EXACT", status: "ACTIVE" }]] });
    await expect(land(refused.client, { kind: "delete_keyword" }, { campaignId: "1", adGroupId: "2", keywordId: "3" })).rejects.toBeInstanceOf(AppleRequestError);
  });

  it("a throttle refused the call, so the retry does not reconcile", async () => {
    const a = scripted({ updateCampaign: [throttle(), throttle(5), { id: "5", name: "x", status: "PAUSED" }] });
    await land(a.client, budget, { campaignId: "5" });
    expect(a.methods()).toEqual(["updateCampaign", "updateCampaign", "updateCampaign"]);
  });

  it("a throttle longer than the handler may wait goes back to the caller at once", async () => {
    const a = scripted({ updateCampaign: [throttle(60_000)] });
    const err = await land(a.client, budget, { campaignId: "5" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppleThrottledError);
    expect((err as AppleThrottledError).retryAfterMs).toBe(60_000);
    expect(a.methods()).toEqual(["updateCampaign"]);
  });

  it("refusals are not retried; transient failures stop after the quick budget, reconciling before each retry", async () => {
    const refused = scripted({ updateCampaign: [new AppleRequestError("bad", { httpStatus: 400 })] });
    await expect(land(refused.client, budget, { campaignId: "5" })).rejects.toBeInstanceOf(AppleRequestError);
    expect(refused.methods()).toEqual(["updateCampaign"]);
    const c = { id: "5", name: "x", status: "PAUSED", dailyBudgetAmount: usd("50") };
    const down = scripted({ updateCampaign: [transient(), transient(), transient()], getCampaign: [c, c] });
    await expect(land(down.client, budget, { campaignId: "5" })).rejects.toBeInstanceOf(AppleTransientError);
    expect(down.methods()).toEqual(["updateCampaign", "getCampaign", "updateCampaign", "getCampaign", "updateCampaign"]);
  });
});
