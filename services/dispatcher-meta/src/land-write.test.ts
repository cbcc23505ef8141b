import { describe, expect, it } from "vitest";
import { createLogger } from "@layers/runtime";
import { landWrite, type QuickRetry } from "./land-write.ts";
import type { MetaCall } from "./meta-plan.ts";
import { MetaRequestError, MetaThrottledError, MetaTransientError, type MetaClient } from "./meta/index.ts";

const log = createLogger({ service: "test", level: "silent" });
const quick: QuickRetry = { retries: 2, minMs: 1, maxMs: 20 };
const auth = { accessToken: "t" };
const createCampaign: MetaCall = { kind: "create_campaign", marker: "layers:cmp_1", fields: { name: "x" } };
const createAdSet: MetaCall = { kind: "create_adset", campaignId: "5", marker: "layers:as_1", fields: { name: "s", campaign_id: "5" } };
const budget: MetaCall = { kind: "update", level: "campaign", id: "5", fields: { daily_budget: 7500 } };
const adSetBid: MetaCall = { kind: "update", level: "adset", id: "6", fields: { bid_amount: 250 } };
const creative = { name: "layers:ad_1:int_1", fields: { name: "layers:ad_1:int_1", object_story_spec: { page_id: "1" } } };
const createAd: MetaCall = { kind: "create_ad", adSetId: "6", marker: "layers:ad_1", creative, fields: { name: "a", adset_id: "6" } };
const replace: MetaCall = { kind: "replace_creative", adId: "7", creative };

type Answer = unknown;
/**
 * A scripted Meta: each method takes the next planned answer (an Error is thrown) and every call
 * is recorded as `method` plus, for writes, the fields it sent.
 */
function scriptedMeta(plan: Partial<Record<keyof MetaClient, Answer[]>>) {
  const calls: string[] = [];
  const sent: Array<{ method: string; fields: unknown }> = [];
  const handler = (method: keyof MetaClient) => async (...args: unknown[]) => {
    calls.push(method);
    if (/^(create|update)/.test(method)) sent.push({ method, fields: args[1] });
    const queue = plan[method];
    if (!queue || queue.length === 0) throw new Error(`unexpected ${method}`);
    const v = queue.shift();
    if (v instanceof Error) throw v;
    return v;
  };
  const methods: Array<keyof MetaClient> = [
    "createCampaign", "updateCampaign", "getCampaign", "listCampaigns", "deleteCampaign",
    "createAdSet", "updateAdSet", "getAdSet", "listAdSets",
    "createAdCreative", "listAdCreatives",
    "createAd", "updateAd", "getAd", "listAds",
  ];
  const client = Object.fromEntries(methods.map((m) => [m, handler(m)])) as unknown as MetaClient;
  return { client, calls, sent };
}

const transient = () => new MetaTransientError("boom", { httpStatus: 500 });
const throttle = (retryAfterMs?: number) => new MetaThrottledError("slow down", { code: 17 }, retryAfterMs === undefined ? {} : { retryAfterMs });
const land = (client: MetaClient, call: MetaCall, mayHaveLanded = false) => landWrite(client, quick, log, { call, auth, platformAccountId: "1", mayHaveLanded });

describe("landWrite: creates found by their marker", () => {
  it("a first attempt calls Meta straight away", async () => {
    const m = scriptedMeta({ createCampaign: [{ id: "111" }] });
    expect(await land(m.client, createCampaign)).toEqual({ platformId: "111", reconciled: false });
    expect(m.calls).toEqual(["createCampaign"]);
  });

  it("after a lost answer, the retry finds the create by its marker instead of creating again", async () => {
    const m = scriptedMeta({ createCampaign: [transient()], listCampaigns: [[{ id: "9" }, { id: "111", adlabels: [{ name: "layers:cmp_1" }] }]] });
    expect(await land(m.client, createCampaign)).toEqual({ platformId: "111", reconciled: true });
    expect(m.calls).toEqual(["createCampaign", "listCampaigns"]);
  });

  it("after a lost answer that did not apply, the retry creates", async () => {
    const m = scriptedMeta({ createCampaign: [transient(), { id: "222" }], listCampaigns: [[{ id: "9", adlabels: [{ name: "layers:cmp_other" }] }]] });
    expect(await land(m.client, createCampaign)).toEqual({ platformId: "222", reconciled: false });
    expect(m.calls).toEqual(["createCampaign", "listCampaigns", "createCampaign"]);
  });

  it("an ad set create taken over from an earlier claim looks under its campaign first", async () => {
    const found = scriptedMeta({ listAdSets: [[{ id: "61", adlabels: [{ name: "layers:as_1" }] }]] });
    expect(await land(found.client, createAdSet, true)).toEqual({ platformId: "61", reconciled: true });
    expect(found.calls).toEqual(["listAdSets"]);
    const absent = scriptedMeta({ listAdSets: [[]], createAdSet: [{ id: "62" }] });
    expect(await land(absent.client, createAdSet, true)).toEqual({ platformId: "62", reconciled: false });
    expect(absent.calls).toEqual(["listAdSets", "createAdSet"]);
  });
});

describe("landWrite: two-step writes make one creative", () => {
  it("creative, then the ad using it", async () => {
    const m = scriptedMeta({ createAdCreative: [{ id: "c1" }], createAd: [{ id: "a1" }] });
    expect(await land(m.client, createAd)).toEqual({ platformId: "a1", reconciled: false, creativeId: "c1" });
    expect(m.sent).toEqual([
      { method: "createAdCreative", fields: creative.fields },
      { method: "createAd", fields: { name: "a", adset_id: "6", creative: { creative_id: "c1" } } },
    ]);
  });

  it("the ad's answer lost after the creative was made: the retry finds no ad and reuses the creative", async () => {
    const m = scriptedMeta({ createAdCreative: [{ id: "c1" }], createAd: [transient(), { id: "a1" }], listAds: [[]] });
    expect(await land(m.client, createAd)).toEqual({ platformId: "a1", reconciled: false, creativeId: "c1" });
    expect(m.calls).toEqual(["createAdCreative", "createAd", "listAds", "createAd"]);
  });

  it("the creative's answer lost: the retry finds it by its marker name", async () => {
    const m = scriptedMeta({
      createAdCreative: [transient()],
      listAds: [[]],
      listAdCreatives: [[{ id: "c0", name: "other" }, { id: "c1", name: "layers:ad_1:int_1" }]],
      createAd: [{ id: "a1" }],
    });
    expect(await land(m.client, createAd)).toEqual({ platformId: "a1", reconciled: false, creativeId: "c1" });
    expect(m.calls).toEqual(["createAdCreative", "listAds", "listAdCreatives", "createAd"]);
  });

  it("a takeover whose ad already landed sends nothing", async () => {
    const m = scriptedMeta({ listAds: [[{ id: "a1", adlabels: [{ name: "layers:ad_1" }], creative: { id: "c1" } }]] });
    expect(await land(m.client, createAd, true)).toEqual({ platformId: "a1", reconciled: true, creativeId: "c1" });
    expect(m.calls).toEqual(["listAds"]);
  });

  it("a takeover whose creative landed but not the ad makes only the ad", async () => {
    const m = scriptedMeta({ listAds: [[]], listAdCreatives: [[{ id: "c1", name: "layers:ad_1:int_1" }]], createAd: [{ id: "a1" }] });
    expect(await land(m.client, createAd, true)).toEqual({ platformId: "a1", reconciled: false, creativeId: "c1" });
    expect(m.calls).toEqual(["listAds", "listAdCreatives", "createAd"]);
  });

  it("replace_creative: a creative, then the swap; a takeover that finds the ad showing it stops", async () => {
    const fresh = scriptedMeta({ createAdCreative: [{ id: "c2" }], updateAd: [undefined] });
    expect(await land(fresh.client, replace)).toEqual({ platformId: "7", reconciled: false, creativeId: "c2" });
    expect(fresh.sent.at(-1)).toEqual({ method: "updateAd", fields: { creative: { creative_id: "c2" } } });
    const held = scriptedMeta({ getAd: [{ id: "7", creative: { id: "c2", name: "layers:ad_1:int_1" } }] });
    expect(await land(held.client, replace, true)).toEqual({ platformId: "7", reconciled: true, creativeId: "c2" });
    expect(held.calls).toEqual(["getAd"]);
    const half = scriptedMeta({ getAd: [{ id: "7", creative: { id: "c0", name: "old" } }], listAdCreatives: [[{ id: "c2", name: "layers:ad_1:int_1" }]], updateAd: [undefined] });
    expect(await land(half.client, replace, true)).toEqual({ platformId: "7", reconciled: false, creativeId: "c2" });
    expect(half.calls).toEqual(["getAd", "listAdCreatives", "updateAd"]);
  });
});

describe("landWrite: updates", () => {
  it("a takeover reconciles an update before calling, and skips it when Meta holds the value", async () => {
    const held = scriptedMeta({ getCampaign: [{ id: "5", daily_budget: "7500" }] });
    expect(await land(held.client, budget, true)).toEqual({ platformId: "5", reconciled: true });
    expect(held.calls).toEqual(["getCampaign"]);
    const notHeld = scriptedMeta({ getCampaign: [{ id: "5", daily_budget: "5000" }], updateCampaign: [undefined] });
    expect(await land(notHeld.client, budget, true)).toEqual({ platformId: "5", reconciled: false });
    expect(notHeld.calls).toEqual(["getCampaign", "updateCampaign"]);
  });

  it("each level reads and writes its own object", async () => {
    const m = scriptedMeta({ updateAdSet: [transient(), undefined], getAdSet: [{ id: "6", bid_amount: 100 }] });
    expect(await land(m.client, adSetBid)).toEqual({ platformId: "6", reconciled: false });
    expect(m.calls).toEqual(["updateAdSet", "getAdSet", "updateAdSet"]);
    const ad = scriptedMeta({ getAd: [{ id: "7", status: "PAUSED" }] });
    expect(await land(ad.client, { kind: "update", level: "ad", id: "7", fields: { status: "PAUSED" } }, true)).toEqual({ platformId: "7", reconciled: true });
  });

  it("a delete Meta refuses because the object is already gone has landed; other refusals stand", async () => {
    const del: MetaCall = { kind: "update", level: "adset", id: "6", fields: { status: "DELETED" } };
    const gone = scriptedMeta({ updateAdSet: [new MetaRequestError("deleted", { code: 100 })], getAdSet: [{ id: "6", status: "ACTIVE", effective_status: "DELETED" }] });
    expect(await land(gone.client, del)).toEqual({ platformId: "6", reconciled: true });
    const live = scriptedMeta({ updateAdSet: [new MetaRequestError("nope", { code: 100 })], getAdSet: [{ id: "6", status: "ACTIVE", effective_status: "ACTIVE" }] });
    await expect(land(live.client, del)).rejects.toThrow("nope");
    const pause = scriptedMeta({ updateAdSet: [new MetaRequestError("nope", { code: 100 })] });
    await expect(land(pause.client, { ...del, fields: { status: "PAUSED" } })).rejects.toThrow("nope");
    expect(pause.calls).toEqual(["updateAdSet"]);
  });

  it("a throttle refused the call, so the retry does not reconcile", async () => {
    const m = scriptedMeta({ updateCampaign: [throttle(), throttle(5), undefined] });
    await land(m.client, budget);
    expect(m.calls).toEqual(["updateCampaign", "updateCampaign", "updateCampaign"]);
  });

  it("a throttle that asks for longer than the handler may wait goes back to the caller at once", async () => {
    const m = scriptedMeta({ updateCampaign: [throttle(60_000)] });
    const err = await land(m.client, budget).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MetaThrottledError);
    expect((err as MetaThrottledError).retryAfterMs).toBe(60_000);
    expect(m.calls).toEqual(["updateCampaign"]);
  });

  it("refusals are not retried; transient failures stop after the quick budget", async () => {
    const refused = scriptedMeta({ updateCampaign: [new MetaRequestError("(#100) nope", { code: 100 })] });
    await expect(land(refused.client, budget)).rejects.toBeInstanceOf(MetaRequestError);
    expect(refused.calls).toEqual(["updateCampaign"]);
    // Meta stays down and never applies: each retry reconciles first (get), finds nothing, calls again.
    const down = scriptedMeta({ updateCampaign: [transient(), transient(), transient()], getCampaign: [{ id: "5" }, { id: "5" }] });
    await expect(land(down.client, budget)).rejects.toBeInstanceOf(MetaTransientError);
    expect(down.calls).toEqual(["updateCampaign", "getCampaign", "updateCampaign", "getCampaign", "updateCampaign"]);
  });
});
