import { describe, expect, it } from "vitest";
import { createLogger, PermanentError } from "@layers/runtime";
import type { QuickRetry } from "@layers/dispatch-core";
import { landTikTokWrite, type LandInput } from "./land-tiktok-write.ts";
import type { TikTokCall } from "./plan-tiktok-write.ts";
import { TikTokRequestError, TikTokThrottledError, TikTokTokenError, TikTokTransientError, type TikTokClient } from "./tiktok/index.ts";

const log = createLogger({ service: "test", level: "silent" });
const quick: QuickRetry = { retries: 2, minMs: 1, maxMs: 20 };
const OK = Symbol("ok");
const lost = () => new TikTokTransientError("System error", { code: 50000 });

type Script = Partial<Record<keyof TikTokClient, Array<unknown>>>;

/** A scripted TikTok: each call takes the next planned answer for its method (an Error is thrown) and is recorded. */
function scripted(script: Script) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const client = new Proxy({} as TikTokClient, {
    get: (_t, method: string) => async (...args: unknown[]) => {
      calls.push({ method, args });
      const next = script[method as keyof TikTokClient]?.shift();
      if (next === undefined) throw new Error(`unexpected ${method}`);
      if (next instanceof Error) throw next;
      return next === OK ? undefined : next;
    },
  });
  return { client, methods: () => calls.map((c) => c.method), calls };
}

function land(tt: TikTokClient, call: TikTokCall, over: Partial<LandInput> = {}) {
  return landTikTokWrite(tt, quick, log, {
    call, advertiserId: "7001", auth: { accessToken: "t" }, mayHaveLanded: false, claimed: async () => new Set(), ...over,
  });
}

const budget: TikTokCall = { kind: "update", level: "campaign", id: "11", fields: { budget: 75.5 } };
const createAd: TikTokCall = { kind: "create_ad", adgroupId: "22", creative: { ad_name: "Ad 1", ad_text: "Hi" } };
const createCampaign: TikTokCall = { kind: "create_campaign", fields: { campaign_name: "C" }, requestId: "42" };
const deleteAdgroup: TikTokCall = { kind: "status", level: "adgroup", id: "22", status: "DELETE" };

describe("landTikTokWrite", () => {
  it("a first attempt calls once and reads nothing", async () => {
    const s = scripted({ updateCampaign: [OK] });
    expect(await land(s.client, budget)).toEqual({ platformId: "11", reconciled: false });
    expect(s.methods()).toEqual(["updateCampaign"]);
  });

  it("a takeover reads first and skips an update TikTok already holds (50 reads back as 50.0)", async () => {
    const s = scripted({ getCampaigns: [[{ campaign_id: "11", budget: 75.5 }]] });
    expect(await land(s.client, budget, { mayHaveLanded: true })).toEqual({ platformId: "11", reconciled: true });
    expect(s.calls[0]).toMatchObject({ method: "getCampaigns", args: ["7001", { campaignIds: ["11"], includeDeleted: true }, { accessToken: "t" }, ["budget"]] });
  });

  it("a lost answer is followed by a read, not a second update", async () => {
    const s = scripted({ updateCampaign: [lost()], getCampaigns: [[{ campaign_id: "11", budget: 75.5 }]] });
    expect(await land(s.client, budget)).toEqual({ platformId: "11", reconciled: true });
    expect(s.methods()).toEqual(["updateCampaign", "getCampaigns"]);
  });

  it("a refused call is retried without a read; a call that never applied is sent again after the read", async () => {
    const throttled = scripted({ updateCampaign: [new TikTokThrottledError("QPS", { code: 40100 }), OK] });
    expect(await land(throttled.client, budget)).toEqual({ platformId: "11", reconciled: false });
    expect(throttled.methods()).toEqual(["updateCampaign", "updateCampaign"]);
    const notApplied = scripted({ updateCampaign: [lost(), OK], getCampaigns: [[{ campaign_id: "11", budget: 50 }]] });
    expect(await land(notApplied.client, budget)).toEqual({ platformId: "11", reconciled: false });
    expect(notApplied.methods()).toEqual(["updateCampaign", "getCampaigns", "updateCampaign"]);
  });

  it("refusals and token errors are not retried", async () => {
    for (const e of [new TikTokRequestError("budget: too low", { code: 40002 }), new TikTokTokenError("revoked", { code: 40105 })]) {
      const s = scripted({ updateCampaign: [e] });
      await expect(land(s.client, budget)).rejects.toBe(e);
      expect(s.methods()).toEqual(["updateCampaign"]);
    }
    // Throttles that ask for longer than a quick retry go back to the stream.
    const long = new TikTokThrottledError("QPS", { code: 40100 }, { retryAfterMs: 60_000 });
    const s = scripted({ updateCampaign: [long] });
    await expect(land(s.client, budget)).rejects.toBe(long);
  });

  it("a campaign create after a lost answer re-sends under the same request_id", async () => {
    const s = scripted({ createCampaign: [lost(), { campaign_id: "99" }] });
    expect(await land(s.client, createCampaign)).toEqual({ platformId: "99", reconciled: true });
    expect(s.calls.map((c) => c.args[2])).toEqual(["42", "42"]);
  });

  it("an ad create after a lost answer adopts the one unclaimed ad of its name", async () => {
    const ads = [{ ad_id: "5", ad_name: "Ad 1" }, { ad_id: "6", ad_name: "Ad 1" }, { ad_id: "7", ad_name: "Other" }];
    const s = scripted({ createAd: [lost()], getAds: [ads] });
    const asked: unknown[] = [];
    const claimed = async (level: string, ids: readonly string[]) => (asked.push([level, ids]), new Set(["5"]));
    expect(await land(s.client, createAd, { claimed })).toEqual({ platformId: "6", reconciled: true });
    expect(asked).toEqual([["ad", ["5", "6"]]]);
    expect(s.calls[1]).toMatchObject({ method: "getAds", args: ["7001", { adgroupIds: ["22"], includeDeleted: true }, { accessToken: "t" }, ["ad_name"]] });
  });

  it("an ad create that finds none creates; one that finds several unclaimed stops rather than duplicate", async () => {
    const none = scripted({ getAds: [[{ ad_id: "5", ad_name: "Ad 1" }]], createAd: [["8"]] });
    expect(await land(none.client, createAd, { mayHaveLanded: true, claimed: async () => new Set(["5"]) })).toEqual({ platformId: "8", reconciled: false });
    const two = scripted({ getAds: [[{ ad_id: "5", ad_name: "Ad 1" }, { ad_id: "6", ad_name: "Ad 1" }]] });
    const err = await land(two.client, createAd, { mayHaveLanded: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).code).toBe("reconcile_ambiguous");
  });

  it("a delete refused because the object is already deleted has landed", async () => {
    const refused = new TikTokRequestError("operation_status: ad group 22 has been deleted", { code: 40002 });
    const s = scripted({ setAdgroupStatus: [refused], getAdgroups: [[{ adgroup_id: "22", operation_status: "DELETE" }]] });
    expect(await land(s.client, deleteAdgroup)).toEqual({ platformId: "22", reconciled: true });
    // Any other refusal stands.
    const other = scripted({ setAdgroupStatus: [refused], getAdgroups: [[{ adgroup_id: "22", operation_status: "ENABLE" }]] });
    await expect(land(other.client, deleteAdgroup)).rejects.toBe(refused);
  });

  it("an ad update names its ad group and the ad", async () => {
    const s = scripted({ updateAd: [OK] });
    await land(s.client, { kind: "update", level: "ad", id: "3", adgroupId: "22", fields: { ad_name: "A2" } });
    expect(s.calls[0]!.args.slice(0, 3)).toEqual(["7001", "22", [{ ad_name: "A2", ad_id: "3" }]]);
  });
});
