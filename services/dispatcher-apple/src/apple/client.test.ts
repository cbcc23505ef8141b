import { describe, expect, it } from "vitest";
import { createLogger, PermanentError } from "@layers/runtime";
import { createAppleClient, type AppleClientOptions } from "./client.ts";
import { AppleTransientError } from "./errors.ts";

/** Unit checks of the wire handling with a scripted fetch; the sandbox round trips are in client.int.test.ts. */

interface Seen {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
}

function scripted(answers: Array<{ status?: number; body: string; headers?: Record<string, string> }>) {
  const seen: Seen[] = [];
  const fake = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({
      method: init?.method ?? "GET",
      url: new URL(String(input)),
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === "string" ? init.body : undefined,
    });
    const a = answers.shift();
    if (a === undefined) throw new Error("no scripted answer left");
    return new Response(a.body, { status: a.status ?? 200, headers: a.headers ?? {} });
  }) as typeof fetch;
  return { seen, fake };
}

const client = (fake: typeof fetch, extra: Partial<AppleClientOptions> = {}) =>
  createAppleClient({ baseUrl: "https://apple.test/", fetch: fake, log: createLogger({ service: "test", level: "silent" }), ...extra });
const auth = { accessToken: "tok", orgId: "40669820" };
const big = "9007199254740993"; // 2^53 + 1: not a JS number
const campaignJson = (id: string, name: string, extra = "") =>
  `{"id":${id},"orgId":40669820,"name":"${name}","adamId":${big},"status":"PAUSED","deleted":false,"dailyBudgetAmount":{"amount":"25.5","currency":"USD"}${extra}}`;
const envelope = (data: string, pagination = "null") => `{"data":${data},"pagination":${pagination},"error":null}`;

describe("apple client wire format", () => {
  it("sends Bearer and X-AP-Context, writes ids as JSON numbers and reads them back as exact text", async () => {
    const { seen, fake } = scripted([{ body: envelope(campaignJson(big, "c")) }]);
    const c = await client(fake).createCampaign(
      {
        name: "c",
        adamId: big,
        countriesOrRegions: ["US"],
        dailyBudgetAmount: { amount: "25.50", currency: "USD" },
        supplySources: ["APPSTORE_SEARCH_RESULTS"],
        adChannelType: "SEARCH",
        billingEvent: "TAPS",
        status: "PAUSED",
      },
      auth,
    );
    expect(c).toMatchObject({ id: big, orgId: "40669820", adamId: big, dailyBudgetAmount: { amount: "25.5", currency: "USD" } });
    const req = seen[0]!;
    expect(req.method).toBe("POST");
    expect(req.url.href).toBe("https://apple.test/api/v5/campaigns");
    expect(req.headers).toMatchObject({ authorization: "Bearer tok", "x-ap-context": "orgId=40669820", "content-type": "application/json" });
    expect(req.body).toContain(`"adamId":${big}`);
    expect(JSON.parse(req.body!)).toMatchObject({ name: "c", status: "PAUSED", dailyBudgetAmount: { amount: "25.50", currency: "USD" } });
  });

  it("wraps only campaign updates in {campaign}, and reads a bare object back after PUT", async () => {
    const { seen, fake } = scripted([
      { body: campaignJson("11", "renamed") },
      { body: `{"id":12,"campaignId":11,"name":"g","status":"PAUSED","defaultBidAmount":{"amount":"1","currency":"USD"}}` },
    ]);
    const apple = client(fake);
    expect((await apple.updateCampaign("11", { name: "renamed", status: "ENABLED" }, auth)).name).toBe("renamed");
    expect((await apple.updateAdGroup("11", "12", { status: "PAUSED" }, auth)).id).toBe("12");
    expect(seen.map((s) => [s.method, s.url.pathname, JSON.parse(s.body!)])).toEqual([
      ["PUT", "/api/v5/campaigns/11", { campaign: { name: "renamed", status: "ENABLED" } }],
      ["PUT", "/api/v5/campaigns/11/adgroups/12", { status: "PAUSED" }],
    ]);
  });

  it("sends keyword updates with numeric ids and leaves out what is not changing", async () => {
    const kw = `{"id":${big},"adGroupId":12,"campaignId":11,"text":"a","matchType":"EXACT","status":"PAUSED","bidAmount":null}`;
    const { seen, fake } = scripted([{ body: envelope(`[${kw}]`) }]);
    const out = await client(fake).updateKeywords("11", "12", [{ id: big, status: "PAUSED" }], auth);
    expect(out[0]).toMatchObject({ id: big, adGroupId: "12", status: "PAUSED", bidAmount: null });
    expect(seen[0]!.url.pathname).toBe("/api/v5/campaigns/11/adgroups/12/targetingkeywords/bulk");
    expect(seen[0]!.body).toBe(`[{"id":${big},"status":"PAUSED"}]`);
  });

  it("pages with limit/offset until totalResults, without repeating an object that shifted pages", async () => {
    const { seen, fake } = scripted([
      { body: envelope(`[${campaignJson("1", "a")},${campaignJson("2", "b")}]`, `{"totalResults":5,"startIndex":0,"itemsPerPage":2}`) },
      // "b" shows again: an object was created meanwhile and pushed it into this page.
      { body: envelope(`[${campaignJson("2", "b")},${campaignJson("3", "c")}]`, `{"totalResults":5,"startIndex":2,"itemsPerPage":2}`) },
      { body: envelope(`[${campaignJson("4", "d")}]`, `{"totalResults":5,"startIndex":4,"itemsPerPage":1}`) },
    ]);
    const all = await client(fake, { pageSize: 2 }).listCampaigns(auth);
    expect(all.map((c) => c.id)).toEqual(["1", "2", "3", "4"]);
    expect(seen.map((s) => s.url.search)).toEqual(["?limit=2&offset=0", "?limit=2&offset=2", "?limit=2&offset=4"]);
  });

  it("stops on an empty page or an answer without pagination", async () => {
    const { seen, fake } = scripted([
      { body: envelope("[]", `{"totalResults":3,"startIndex":0,"itemsPerPage":0}`) },
      { body: envelope(`[${campaignJson("1", "a")}]`) },
    ]);
    const apple = client(fake);
    expect(await apple.listCampaigns(auth)).toEqual([]);
    expect(await apple.listCampaigns(auth)).toHaveLength(1);
    expect(seen[0]!.url.search).toBe("?limit=1000&offset=0");
  });

  it("accepts a void or enveloped-null answer to DELETE", async () => {
    const { seen, fake } = scripted([{ body: "" }, { body: envelope("null") }]);
    const apple = client(fake);
    await apple.deleteCampaign("11", auth);
    await apple.deleteKeyword("11", "12", "13", auth);
    expect(seen.map((s) => [s.method, s.url.pathname, s.body])).toEqual([
      ["DELETE", "/api/v5/campaigns/11", undefined],
      ["DELETE", "/api/v5/campaigns/11/adgroups/12/targetingkeywords/13", undefined],
    ]);
  });

  it("treats a 2xx it cannot read, or one carrying errors, as an unknown outcome", async () => {
    const { fake } = scripted([
      { body: envelope(`{"id":"x"}`) },
      { body: `{"data":null,"pagination":null,"error":{"errors":[{"messageCode":"INTERNAL_ERROR","message":"odd","field":null}]}}` },
      { body: campaignJson("1", "a") },
    ]);
    const apple = client(fake);
    const unreadable = await apple.getCampaign("1", auth).catch((e: unknown) => e);
    expect(unreadable).toBeInstanceOf(AppleTransientError);
    expect((unreadable as Error).message).toBe("unexpected answer from Apple for GET /campaigns/1");
    expect(await apple.getCampaign("1", auth).catch((e: unknown) => e)).toBeInstanceOf(AppleTransientError);
    // A bare object is only taken after PUT, where Apple's examples show one.
    expect(await apple.getCampaign("1", auth).catch((e: unknown) => e)).toBeInstanceOf(AppleTransientError);
  });

  it("makes no call for an empty bulk or an id that cannot be Apple's", async () => {
    const { seen, fake } = scripted([]);
    const apple = client(fake);
    expect(await apple.createKeywords("11", "12", [], auth)).toEqual([]);
    expect(await apple.updateKeywords("11", "12", [], auth)).toEqual([]);
    await expect(apple.getCampaign("../orgs", auth)).rejects.toBeInstanceOf(PermanentError);
    await expect(apple.getCampaign("11", { ...auth, orgId: "org-1" })).rejects.toThrow(/orgId/);
    await expect(apple.updateKeywords("11", "12", [{ id: "1.5" }], auth)).rejects.toThrow(/keyword id/);
    expect(seen).toEqual([]);
  });

  it("refuses a page size Apple would refuse", () => {
    const { fake } = scripted([]);
    expect(() => client(fake, { pageSize: 1001 })).toThrow(RangeError);
    expect(() => client(fake, { pageSize: 0 })).toThrow(RangeError);
  });
});
