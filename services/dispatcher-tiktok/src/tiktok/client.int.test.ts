import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@layers/runtime";
import { createSandboxClient, startSandbox, type CreateTiktokAdvertiserResponse, type RunningSandbox, type SandboxClient } from "@layers/sandbox";
import {
  createTikTokClient, fromTikTokAmount, TikTokRequestError, TikTokThrottledError, TikTokTokenError, TikTokTransientError,
  tiktokRequestId, toTikTokAmount, type TikTokAuth, type TikTokClient,
} from "./index.ts";

const log = createLogger({ service: "test", level: "silent" });
const err = async (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

/** Campaign fields in TikTok spelling; `minor` is contract money in the advertiser's currency. */
const campaignFields = (name: string, minor: number, currency: string) => ({
  campaign_name: name, objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: toTikTokAmount(minor, currency),
});
const adgroupFields = (campaignId: string, minor: number, currency: string) => ({
  campaign_id: campaignId, adgroup_name: "G", location_ids: ["6252001"], billing_event: "CPC", schedule_type: "SCHEDULE_FROM_NOW",
  schedule_start_time: "2030-01-01 00:00:00", budget_mode: "BUDGET_MODE_DAY", budget: toTikTokAmount(minor, currency), pacing: "PACING_MODE_SMOOTH",
});

describe("tiktok client against the sandbox", () => {
  let sandbox: RunningSandbox;
  let sbx: SandboxClient;
  let tt: TikTokClient;

  beforeAll(async () => {
    sandbox = await startSandbox();
    sbx = createSandboxClient(sandbox.url);
    // A page size of 2 makes every list below cross several pages.
    tt = createTikTokClient({ baseUrl: sandbox.url, pageSize: 2, log });
  });
  afterAll(async () => sandbox.stop());

  async function advertiser(body: Parameters<SandboxClient["createTiktokAdvertiser"]>[0] = {}): Promise<[CreateTiktokAdvertiserResponse, TikTokAuth]> {
    const adv = await sbx.createTiktokAdvertiser(body);
    return [adv, { accessToken: adv.accessToken }];
  }

  it("client - campaign create, update, status and reads across pages, USD money", async () => {
    const [adv, auth] = await advertiser({ campaigns: [{ campaign_name: "seed-1" }, { campaign_name: "seed-2", operation_status: "DISABLE" }] });
    const rid = tiktokRequestId("int_usd_campaign");
    const created = await tt.createCampaign(adv.advertiserId, { ...campaignFields("Spring", 5050, "USD"), operation_status: "DISABLE" }, rid, auth);
    expect(created).toMatchObject({ campaign_id: expect.stringMatching(/^\d{19}$/), budget: 50.5, operation_status: "DISABLE", campaign_name: "Spring" });
    const id = created.campaign_id;

    await tt.updateCampaign(adv.advertiserId, id, { campaign_name: "Summer", budget: toTikTokAmount(7599, "USD") }, auth);
    await tt.setCampaignStatus(adv.advertiserId, [id], "ENABLE", auth);
    const [read] = await tt.getCampaigns(adv.advertiserId, { campaignIds: [id] }, auth);
    expect(read).toMatchObject({ campaign_id: id, campaign_name: "Summer", operation_status: "ENABLE", budget_mode: "BUDGET_MODE_DAY" });
    expect(fromTikTokAmount(read!.budget!, "USD")).toBe(7599);

    const all = await tt.getCampaigns(adv.advertiserId, {}, auth);
    expect(all.map((c) => c.campaign_name).sort()).toEqual(["Summer", "seed-1", "seed-2"]);
    // Narrowed reads still carry the id, which the client always asks for.
    const narrow = await tt.getCampaigns(adv.advertiserId, {}, auth, ["budget"]);
    expect(narrow.map((c) => Object.keys(c).sort())).toEqual(Array(3).fill(["budget", "campaign_id"]));

    await tt.setCampaignStatus(adv.advertiserId, [id, adv.campaigns[0]!.campaign_id], "DELETE", auth);
    expect((await tt.getCampaigns(adv.advertiserId, {}, auth)).map((c) => c.campaign_name)).toEqual(["seed-2"]);
    const withDeleted = await tt.getCampaigns(adv.advertiserId, { includeDeleted: true }, auth);
    expect(withDeleted.filter((c) => c.operation_status === "DELETE").map((c) => c.campaign_id).sort()).toEqual([id, adv.campaigns[0]!.campaign_id].sort());
    expect(await tt.getCampaigns(adv.advertiserId, { campaignIds: [] }, auth)).toEqual([]);

    const ledger = await sbx.ledger({ platform: "tiktok", objectId: id });
    expect(ledger.map((e) => e.op)).toEqual(["create", "update", "update", "delete"]);
    expect(ledger[0]).toMatchObject({ method: "POST", path: "/open_api/v1.3/campaign/create/", account: adv.advertiserId, fields: { request_id: rid, budget: 50.5 } });
    expect(ledger[1]!.fields).toEqual({ campaign_name: "Summer", budget: 75.99 });
  });

  it("client - JPY budgets go as whole major units and read back exactly", async () => {
    const [adv, auth] = await advertiser({ currency: "JPY" });
    const c = await tt.createCampaign(adv.advertiserId, campaignFields("Yen", 5000, "JPY"), tiktokRequestId("int_jpy"), auth);
    expect(c.budget).toBe(5000);
    const g = await tt.createAdgroup(adv.advertiserId, adgroupFields(c.campaign_id, 3000, "JPY"), tiktokRequestId("int_jpy", "adgroup"), auth);
    await tt.updateAdgroup(adv.advertiserId, g.adgroup_id, { budget: toTikTokAmount(3500, "JPY") }, auth);
    const [read] = await tt.getAdgroups(adv.advertiserId, { adgroupIds: [g.adgroup_id] }, auth);
    expect(fromTikTokAmount(read!.budget!, "JPY")).toBe(3500);
    // A fractional yen is refused by TikTok (the contract helpers never produce one).
    const frac = await err(tt.updateCampaign(adv.advertiserId, c.campaign_id, { budget: 5000.5 }, auth));
    expect(frac).toBeInstanceOf(TikTokRequestError);
    expect((frac as Error).message).toMatch(/^budget: budget in JPY must be a whole number/);
  });

  it("client - a repeated request_id creates once and answers the original object, also after a lost answer", async () => {
    const [adv, auth] = await advertiser();
    const rid = tiktokRequestId("int_dedupe");
    const first = await tt.createCampaign(adv.advertiserId, campaignFields("Once", 5000, "USD"), rid, auth);
    const again = await tt.createCampaign(adv.advertiserId, campaignFields("Once", 5000, "USD"), rid, auth);
    expect(again.campaign_id).toBe(first.campaign_id);
    expect((await sbx.ledger({ platform: "tiktok", account: adv.advertiserId })).filter((e) => e.op === "create")).toHaveLength(1);

    // The write lands but its answer is lost: the retry with the same request_id resolves to it.
    await sbx.setFaults({ platform: "tiktok", account: adv.advertiserId, failAfterApply: 1 });
    const rid2 = tiktokRequestId("int_dedupe_lost");
    const lost = await err(tt.createCampaign(adv.advertiserId, campaignFields("Lost", 5000, "USD"), rid2, auth));
    expect(lost).toBeInstanceOf(TikTokTransientError);
    expect((lost as TikTokTransientError).detail.code).toBe(50000);
    const retried = await tt.createCampaign(adv.advertiserId, campaignFields("Lost", 5000, "USD"), rid2, auth);
    const creates = (await sbx.ledger({ platform: "tiktok", account: adv.advertiserId })).filter((e) => e.op === "create");
    expect(creates.map((e) => e.objectId)).toEqual([first.campaign_id, retried.campaign_id]);

    // Ad groups dedupe the same way.
    const g1 = await tt.createAdgroup(adv.advertiserId, adgroupFields(first.campaign_id, 2000, "USD"), tiktokRequestId("int_dedupe", "adgroup"), auth);
    const g2 = await tt.createAdgroup(adv.advertiserId, adgroupFields(first.campaign_id, 2000, "USD"), tiktokRequestId("int_dedupe", "adgroup"), auth);
    expect(g2.adgroup_id).toBe(g1.adgroup_id);
    expect(await tt.getAdgroups(adv.advertiserId, { campaignIds: [first.campaign_id] }, auth)).toHaveLength(1);
    await expect(tt.createCampaign(adv.advertiserId, campaignFields("x", 5000, "USD"), "not-a-number", auth)).rejects.toThrow(RangeError);
  });

  it("client - ad groups and ads: create, update, status and reads across pages", async () => {
    const [adv, auth] = await advertiser();
    const c = await tt.createCampaign(adv.advertiserId, campaignFields("Parent", 5000, "USD"), tiktokRequestId("int_tree"), auth);
    const g = await tt.createAdgroup(adv.advertiserId, adgroupFields(c.campaign_id, 2000, "USD"), tiktokRequestId("int_tree", "adgroup:0"), auth);
    expect(g).toMatchObject({ adgroup_id: expect.stringMatching(/^\d{19}$/), campaign_id: c.campaign_id, budget: 20, operation_status: "ENABLE" });
    await tt.updateAdgroup(adv.advertiserId, g.adgroup_id, { adgroup_name: "G2", budget: toTikTokAmount(3550, "USD") }, auth);
    await tt.setAdgroupStatus(adv.advertiserId, [g.adgroup_id], "DISABLE", auth);
    expect(await tt.getAdgroups(adv.advertiserId, { campaignIds: [c.campaign_id] }, auth)).toEqual([
      expect.objectContaining({ adgroup_id: g.adgroup_id, adgroup_name: "G2", budget: 35.5, operation_status: "DISABLE" }),
    ]);

    const adIds = await tt.createAd(adv.advertiserId, g.adgroup_id, [{ ad_name: "A1", ad_text: "Hi" }, { ad_name: "A2" }, { ad_name: "A3" }], auth);
    expect(adIds).toHaveLength(3);
    const [a1, a2, a3] = adIds as [string, string, string];
    await tt.updateAd(adv.advertiserId, g.adgroup_id, [{ ad_id: a1, ad_text: "Hello" }], auth);
    await tt.setAdStatus(adv.advertiserId, [a3], "DELETE", auth);
    const ads = await tt.getAds(adv.advertiserId, { adgroupIds: [g.adgroup_id] }, auth);
    expect(ads.map((a) => a.ad_id).sort()).toEqual([a1, a2].sort());
    expect(ads.find((a) => a.ad_id === a1)).toMatchObject({ ad_name: "A1", ad_text: "Hello", campaign_id: c.campaign_id });
    const all = await tt.getAds(adv.advertiserId, { campaignIds: [c.campaign_id], includeDeleted: true }, auth);
    expect(all.map((a) => a.ad_id).sort()).toEqual([a1, a2, a3].sort());
    expect(await tt.getAds(adv.advertiserId, { adIds: [a2] }, auth)).toEqual([expect.objectContaining({ ad_id: a2, ad_name: "A2" })]);

    const ledger = await sbx.ledger({ platform: "tiktok", account: adv.advertiserId });
    expect(ledger.map((e) => [e.path.replace("/open_api/v1.3", ""), e.op, e.objectId])).toEqual([
      ["/campaign/create/", "create", c.campaign_id],
      ["/adgroup/create/", "create", g.adgroup_id],
      ["/adgroup/update/", "update", g.adgroup_id],
      ["/adgroup/status/update/", "update", g.adgroup_id],
      ["/ad/create/", "create", a1], ["/ad/create/", "create", a2], ["/ad/create/", "create", a3],
      ["/ad/update/", "update", a1],
      ["/ad/status/update/", "delete", a3],
    ]);
    await expect(tt.createAd(adv.advertiserId, g.adgroup_id, [], auth)).rejects.toThrow(RangeError);
  });

  it("client - classifies TikTok's refusals and faults into named errors", async () => {
    const [adv, auth] = await advertiser();
    const [other] = await advertiser();

    const low = await err(tt.createCampaign(adv.advertiserId, campaignFields("Low", 4900, "USD"), tiktokRequestId("int_low"), auth));
    expect(low).toBeInstanceOf(TikTokRequestError);
    expect((low as TikTokRequestError).code).toBe("platform_rejected");
    expect((low as Error).message).toBe("budget: must be at least 50 USD");
    expect((low as TikTokRequestError).detail).toMatchObject({ httpStatus: 200, code: 40002, requestId: expect.stringMatching(/^\d{14}[0-9A-F]+$/) });
    const denied = await err(tt.getCampaigns(other.advertiserId, {}, auth));
    expect(denied).toBeInstanceOf(TikTokRequestError);
    expect((denied as TikTokRequestError).detail.code).toBe(40001);

    const unknownToken = await err(tt.getCampaigns(adv.advertiserId, {}, { accessToken: "nope" }));
    expect(unknownToken).toBeInstanceOf(TikTokTokenError);
    expect((unknownToken as TikTokTokenError).code).toBe("token_expired");

    await sbx.setFaults({ platform: "tiktok", account: adv.advertiserId, expiredToken: true });
    const revoked = await err(tt.setCampaignStatus(adv.advertiserId, ["1700000000000000000"], "DISABLE", auth));
    expect(revoked).toBeInstanceOf(TikTokTokenError);
    expect((revoked as TikTokTokenError).detail.code).toBe(40105);

    await sbx.setFaults({ platform: "tiktok", account: adv.advertiserId, throttle: 1 });
    const throttled = await err(tt.createCampaign(adv.advertiserId, campaignFields("T", 5000, "USD"), tiktokRequestId("int_throttle"), auth));
    expect(throttled).toBeInstanceOf(TikTokThrottledError);
    expect((throttled as TikTokThrottledError).detail).toMatchObject({ httpStatus: 200, code: 40100 });
    expect((throttled as TikTokThrottledError).retryAfterMs).toBeUndefined();

    await sbx.setFaults({ platform: "tiktok", account: adv.advertiserId, fail5xx: 1 });
    const failed = await err(tt.getCampaigns(adv.advertiserId, {}, auth));
    expect(failed).toBeInstanceOf(TikTokTransientError);
    expect((failed as TikTokTransientError).detail.code).toBe(50000);

    // Neither fault applied anything.
    expect(await sbx.ledger({ platform: "tiktok", account: adv.advertiserId })).toEqual([]);
    await sbx.clearTiktokFaults(adv.advertiserId);
    expect(await tt.getCampaigns(adv.advertiserId, {}, auth)).toEqual([]);
  });
});

describe("tiktok client - HTTP-level failures", () => {
  // Our own host, so each answer is exactly what a proxy or an outage in front of TikTok could send.
  let answer: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
  const seen: Array<{ method?: string; url?: string; token?: string | string[]; body: string }> = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, token: req.headers["access-token"], body });
      answer(req, res);
    });
  });
  let tt: TikTokClient;
  const auth = { accessToken: "tok" };

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    tt = createTikTokClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, timeoutMs: 200, log });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("sends the documented wire format: trailing-slash paths, Access-Token, JSON bodies, JSON-encoded query values", async () => {
    answer = (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({
      code: 0, message: "OK", request_id: "r", data: { list: [{ campaign_id: "1", budget: null }], page_info: { page: 1, page_size: 100, total_number: 1, total_page: 1 } },
    }));
    seen.length = 0;
    expect(await tt.getCampaigns("7001", { campaignIds: ["1", "2"], includeDeleted: true }, auth, ["budget"])).toEqual([{ campaign_id: "1", budget: null }]);
    const url = new URL(seen[0]!.url!, "http://x");
    expect(url.pathname).toBe("/open_api/v1.3/campaign/get/");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: "1", page_size: "100", advertiser_id: "7001",
      filtering: '{"campaign_ids":["1","2"],"secondary_status":"CAMPAIGN_STATUS_ALL"}', fields: '["campaign_id","budget"]',
    });
    expect(seen[0]!.token).toBe("tok");

    answer = (_req, res) => res.writeHead(200).end(JSON.stringify({ code: 0, message: "OK", request_id: "r", data: {} }));
    seen.length = 0;
    await tt.updateCampaign("7001", "1", { budget: 50.5, advertiser_id: "9999" }, auth);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/open_api/v1.3/campaign/update/" });
    expect(JSON.parse(seen[0]!.body)).toEqual({ budget: 50.5, campaign_id: "1", advertiser_id: "7001" });
  });

  it("reads HTTP 429 with Retry-After as a throttle, 5xx pages and unreadable successes as transient", async () => {
    answer = (_req, res) => res.writeHead(429, { "retry-after": "7" }).end("slow down");
    const throttled = await err(tt.getCampaigns("7001", {}, auth));
    expect(throttled).toBeInstanceOf(TikTokThrottledError);
    expect((throttled as TikTokThrottledError).retryAfterMs).toBe(7000);

    answer = (_req, res) => res.writeHead(503, { "content-type": "text/html" }).end("<html>unavailable</html>");
    expect(await err(tt.getCampaigns("7001", {}, auth))).toBeInstanceOf(TikTokTransientError);

    // A create that says OK without an id leaves the outcome unknown: never a silent success.
    answer = (_req, res) => res.writeHead(200).end(JSON.stringify({ code: 0, message: "OK", request_id: "r", data: {} }));
    const unread = await err(tt.createCampaign("7001", {}, "1", auth));
    expect(unread).toBeInstanceOf(TikTokTransientError);
    expect((unread as Error).message).toMatch(/unexpected answer/);
  });

  it("treats a timeout and an unreachable host as transient", async () => {
    answer = () => undefined;
    const slow = await err(tt.getCampaigns("7001", {}, auth));
    expect(slow).toBeInstanceOf(TikTokTransientError);
    expect((slow as Error).message).toMatch(/timed out/);
    const dead = createTikTokClient({ baseUrl: "http://127.0.0.1:1", log });
    await expect(dead.getCampaigns("7001", {}, auth)).rejects.toBeInstanceOf(TikTokTransientError);
  });
});
