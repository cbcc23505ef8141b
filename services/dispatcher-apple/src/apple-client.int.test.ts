import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger, PermanentError } from "@layers/runtime";
import { createSandboxClient, startSandbox, type CreateAppleOrgResponse, type RunningSandbox, type SandboxClient } from "@layers/sandbox";
import {
  AppleRequestError,
  AppleThrottledError,
  AppleTokenError,
  AppleTransientError,
  createAppleClient,
  fromAppleMoney,
  toAppleMoney,
  type AppleAuth,
  type AppleCampaignCreate,
  type AppleClient,
  type AppleClientOptions,
} from "./apple/index.ts";
import { createPlatformClient } from "./platform/index.ts";
import { APPLE_APIS, wireOf, type AppleApi } from "./test-support/wire.ts";

const log = createLogger({ service: "test", level: "silent" });
const err = async (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

/** What each API calls its failures: the detail codes and fields the named errors keep. */
const CODES = {
  v5: { invalid: "INVALID_ATTRIBUTE_TYPE", currencyField: "dailyBudgetAmount.currency", throttled: "REQUEST_LIMIT_EXCEEDED", server: "INTERNAL_ERROR" },
  platform: { invalid: "INVALID_VALUE", currencyField: "dailyBudget.value.currency", throttled: "RATE_LIMIT_EXCEEDED", server: "INTERNAL_SERVER_ERROR" },
} as const;

/**
 * Both wire clients against the sandbox, through the one `AppleClient` interface the adapter uses:
 * the same behaviour, each in its API's spelling on the wire.
 */
describe.each(APPLE_APIS)("apple wire client (%s) against the sandbox", (api: AppleApi) => {
  const W = wireOf(api);
  const C = CODES[api];
  const clientFor = (opts: AppleClientOptions): AppleClient => (api === "platform" ? createPlatformClient(opts) : createAppleClient(opts));
  let sandbox: RunningSandbox;
  let sbx: SandboxClient;
  let apple: AppleClient;
  let usdOrg: CreateAppleOrgResponse;
  let jpyOrg: CreateAppleOrgResponse;
  let usd: AppleAuth;
  let jpy: AppleAuth;

  const campaign = (name: string, currency: string, minor: number): AppleCampaignCreate => ({
    name,
    adamId: "1234567890",
    countriesOrRegions: ["US", "GB"],
    dailyBudgetAmount: toAppleMoney(minor, currency),
    supplySources: ["APPSTORE_SEARCH_RESULTS"],
    adChannelType: "SEARCH",
    billingEvent: "TAPS",
    status: "PAUSED",
  });
  const adGroup = (name: string, bid = toAppleMoney(150, "USD")) => ({ name, pricingModel: "CPC", defaultBidAmount: bid, startTime: "2030-01-01T00:00:00.000", status: "PAUSED" as const });

  beforeAll(async () => {
    sandbox = await startSandbox();
    sbx = createSandboxClient(sandbox.url);
    // A page size of 2 makes every list below cross several pages.
    apple = clientFor({ baseUrl: sandbox.url, pageSize: 2, log });
    usdOrg = await sbx.createAppleOrg({
      currency: "USD",
      campaigns: [{ name: "seed-1" }, { name: "seed-2", status: "PAUSED" }, { name: "seed-gone", deleted: true }],
    });
    jpyOrg = await sbx.createAppleOrg({ currency: "JPY" });
    usd = { accessToken: usdOrg.accessToken, orgId: String(usdOrg.orgId) };
    jpy = { accessToken: jpyOrg.accessToken, orgId: String(jpyOrg.orgId) };
  });
  afterEach(async () => sbx.clearAppleFaults());
  afterAll(async () => sandbox.stop());

  it("campaigns - create PAUSED, update (v5: in the envelope), read, list across pages, soft delete", async () => {
    const created = await apple.createCampaign(campaign("new", "USD", 2550), usd);
    expect(created).toMatchObject({
      orgId: usd.orgId,
      name: "new",
      adamId: "1234567890",
      status: "PAUSED",
      countriesOrRegions: ["US", "GB"],
      supplySources: ["APPSTORE_SEARCH_RESULTS"],
      adChannelType: "SEARCH",
      billingEvent: "TAPS",
      deleted: false,
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(fromAppleMoney(created.dailyBudgetAmount!, "USD")).toBe(2550);

    const updated = await apple.updateCampaign(created.id, { dailyBudgetAmount: toAppleMoney(3000, "USD"), status: "ENABLED" }, usd);
    expect(updated).toMatchObject({ id: created.id, status: "ENABLED", dailyBudgetAmount: W.money(3000) });
    expect(await apple.getCampaign(created.id, usd)).toMatchObject({ id: created.id, status: "ENABLED", displayStatus: "RUNNING" });

    const all = await apple.listCampaigns(usd);
    expect(all.map((c) => [c.name, c.deleted]).sort()).toEqual([["new", false], ["seed-1", false], ["seed-2", false], ["seed-gone", true]]);

    await apple.deleteCampaign(created.id, usd);
    expect(await apple.getCampaign(created.id, usd)).toMatchObject({ deleted: true, displayStatus: "DELETED" });

    const ledger = await sbx.ledger({ platform: "apple", objectId: created.id });
    expect(ledger.map((e) => [e.api, e.op, e.method, e.path])).toEqual([
      [api, "create", "POST", W.campaignsPath],
      [api, "update", "PUT", W.campaignPath(created.id)],
      [api, "delete", "DELETE", W.campaignPath(created.id)],
    ]);
    // v5: adamId went out as a JSON number; the Platform API's promotedObjectId as a string (the sandbox refuses either the other way).
    expect(ledger[0]!.fields).toMatchObject(W.campaignCreate({ name: "new", countries: ["US", "GB"], dailyMinor: 2550, status: "PAUSED" }));
    expect(Object.keys(ledger[1]!.fields).sort()).toEqual([...Object.keys(W.budget(3000)), "status"].sort());
  });

  it("ad groups - create, update un-enveloped, read, list, soft delete", async () => {
    const c = await apple.createCampaign(campaign("with groups", "USD", 10_000), usd);
    const g = await apple.createAdGroup(c.id, adGroup("g1"), usd);
    expect(g).toMatchObject({ campaignId: c.id, name: "g1", status: "PAUSED", pricingModel: "CPC", defaultBidAmount: W.money(150) });
    const moved = await apple.updateAdGroup(c.id, g.id, { defaultBidAmount: toAppleMoney(275, "USD"), status: "ENABLED" }, usd);
    expect(moved).toMatchObject({ id: g.id, status: "ENABLED", defaultBidAmount: W.money(275) });
    expect(await apple.getAdGroup(c.id, g.id, usd)).toMatchObject({ id: g.id, status: "ENABLED" });

    await apple.createAdGroup(c.id, adGroup("g2"), usd);
    await apple.createAdGroup(c.id, adGroup("g3"), usd);
    expect((await apple.listAdGroups(c.id, usd)).map((x) => x.name).sort()).toEqual(["g1", "g2", "g3"]);

    await apple.deleteAdGroup(c.id, g.id, usd);
    expect(await apple.getAdGroup(c.id, g.id, usd)).toMatchObject({ deleted: true, displayStatus: "DELETED" });
    expect((await sbx.ledger({ platform: "apple", objectId: g.id })).map((e) => e.op)).toEqual(["create", "update", "delete"]);
  });

  it("keywords - create several (v5: one bulk call), update status and bid, list across pages, delete", async () => {
    const c = await apple.createCampaign(campaign("with keywords", "USD", 10_000), usd);
    const g = await apple.createAdGroup(c.id, adGroup("kw"), usd);
    const created = await apple.createKeywords(
      c.id,
      g.id,
      [
        { text: "photo editor", matchType: "EXACT", bidAmount: toAppleMoney(120, "USD") },
        { text: "photo", matchType: "BROAD", status: "PAUSED" },
        { text: "camera", matchType: "EXACT" },
      ],
      usd,
    );
    // Without a bid of its own a keyword reads back with none (v5) or its ad group's (Platform API).
    const groupBid = W.inheritedKeywordBid(W.money(150));
    expect(created.map((k) => [k.text, k.matchType, k.status, k.bidAmount])).toEqual([
      ["photo editor", "EXACT", "ACTIVE", W.money(120)],
      ["photo", "BROAD", "PAUSED", groupBid],
      ["camera", "EXACT", "ACTIVE", groupBid],
    ]);
    const [a, b, cam] = created as [(typeof created)[0], (typeof created)[0], (typeof created)[0]];

    const updated = await apple.updateKeywords(c.id, g.id, [{ id: a.id, status: "PAUSED" }, { id: b.id, status: "ACTIVE", bidAmount: toAppleMoney(99, "USD") }], usd);
    expect(updated.map((k) => [k.id, k.status, k.bidAmount])).toEqual([
      [a.id, "PAUSED", W.money(120)],
      [b.id, "ACTIVE", W.money(99)],
    ]);

    await apple.deleteKeyword(c.id, g.id, cam.id, usd);
    const left = await apple.listKeywords(c.id, g.id, usd);
    expect(left.map((k) => [k.id, k.status]).sort()).toEqual([[a.id, "PAUSED"], [b.id, "ACTIVE"]].sort());
    expect((await sbx.ledger({ platform: "apple", objectId: b.id })).map((e) => [e.op, e.fields])).toEqual([
      ["create", W.keywordCreate({ adGroupId: g.id, text: "photo", matchType: "BROAD", status: "PAUSED" })],
      ["update", { ...W.keywordStatus("ACTIVE"), ...W.keywordBid(99) }],
    ]);
  });

  it("money - a JPY org takes and answers whole yen, and refuses another currency", async () => {
    const c = await apple.createCampaign(campaign("yen", "JPY", 5000), jpy);
    expect(c.dailyBudgetAmount).toEqual({ amount: "5000", currency: "JPY" });
    expect(fromAppleMoney(c.dailyBudgetAmount!, "JPY")).toBe(5000);
    const g = await apple.createAdGroup(c.id, adGroup("yen group", toAppleMoney(150, "JPY")), jpy);
    expect(fromAppleMoney(g.defaultBidAmount!, "JPY")).toBe(150);
    const [kw] = await apple.createKeywords(c.id, g.id, [{ text: "yen", matchType: "EXACT", bidAmount: toAppleMoney(80, "JPY") }], jpy);
    expect(kw?.bidAmount).toEqual({ amount: "80", currency: "JPY" });
    expect((await sbx.ledger({ platform: "apple", objectId: c.id }))[0]!.fields).toMatchObject(W.budget(5000, "JPY"));

    const wrong = await err(apple.updateCampaign(c.id, { dailyBudgetAmount: toAppleMoney(5000, "USD") }, jpy));
    expect(wrong).toBeInstanceOf(AppleRequestError);
    expect((wrong as AppleRequestError).detail).toMatchObject({ httpStatus: 400, messageCode: C.invalid, field: C.currencyField });
  });

  it("find - a create whose answer was lost is found again by name; deleted ones are not", async () => {
    await sbx.setAppleFaults({ orgId: usdOrg.orgId, failAfterApply: 1 });
    const lost = await err(apple.createCampaign(campaign("lost answer", "USD", 5000), usd));
    expect(lost).toBeInstanceOf(AppleTransientError);
    const found = await apple.findCampaignByName("lost answer", usd);
    expect(found).toMatchObject({ name: "lost answer", status: "PAUSED" });
    expect((await sbx.ledger({ platform: "apple", objectId: found!.id })).map((e) => e.op)).toEqual(["create"]);

    expect(await apple.findCampaignByName("seed-gone", usd)).toBeUndefined();
    expect(await apple.findCampaignByName("never made", usd)).toBeUndefined();
    await apple.deleteCampaign(found!.id, usd);
    expect(await apple.findCampaignByName("lost answer", usd)).toBeUndefined();
    const again = await apple.createCampaign(campaign("lost answer", "USD", 5000), usd);
    expect((await apple.findCampaignByName("lost answer", usd))?.id).toBe(again.id);

    const g = await apple.createAdGroup(again.id, adGroup("kept"), usd);
    const gone = await apple.createAdGroup(again.id, adGroup("dropped"), usd);
    await apple.deleteAdGroup(again.id, gone.id, usd);
    expect((await apple.findAdGroupByName(again.id, "kept", usd))?.id).toBe(g.id);
    expect(await apple.findAdGroupByName(again.id, "dropped", usd)).toBeUndefined();
    const second = await err(apple.createAdGroup(again.id, adGroup("kept"), usd));
    if (api === "platform") {
      // The Platform API keeps ad group names unique in a campaign.
      expect((second as AppleRequestError).detail).toMatchObject({ httpStatus: 400, messageCode: "DUPLICATE_NAME", field: "name" });
    } else {
      // v5 (and its sandbox) does not stop two ad groups sharing a name: then the key is ambiguous.
      expect(second).toBeUndefined();
      const twice = await err(apple.findAdGroupByName(again.id, "kept", usd));
      expect(twice).toBeInstanceOf(PermanentError);
      expect((twice as PermanentError).code).toBe("ambiguous_platform_object");
    }
  });

  it("errors - refusals, token, throttle and 5xx become named errors; nothing faulted is applied", async () => {
    const dup = await err(apple.createCampaign(campaign("seed-1", "USD", 5000), usd));
    expect(dup).toBeInstanceOf(AppleRequestError);
    expect((dup as AppleRequestError).code).toBe("platform_rejected");
    expect((dup as AppleRequestError).detail).toEqual({ httpStatus: 400, messageCode: "DUPLICATE_NAME", field: "name" });
    expect((dup as Error).message).toMatch(/already exists/);
    const missing = await err(apple.getCampaign("999999999", usd));
    expect(missing).toBeInstanceOf(AppleRequestError);
    expect((missing as AppleRequestError).detail).toMatchObject({ httpStatus: 404, messageCode: "NOT_FOUND" });

    expect(await err(apple.listCampaigns({ ...usd, accessToken: "nope" }))).toBeInstanceOf(AppleTokenError);
    await sbx.setAppleFaults({ orgId: usdOrg.orgId, expiredToken: true });
    const expired = await err(apple.createCampaign(campaign("never", "USD", 5000), usd));
    expect(expired).toBeInstanceOf(AppleTokenError);
    expect((expired as AppleTokenError).code).toBe("token_expired");
    expect((expired as AppleTokenError).detail).toEqual({ httpStatus: 401, messageCode: "UNAUTHORIZED" });
    await sbx.clearAppleFaults(usdOrg.orgId);

    await sbx.setAppleFaults({ orgId: usdOrg.orgId, throttle: 1, throttleRegainMinutes: 2 });
    const throttled = await err(apple.createCampaign(campaign("never", "USD", 5000), usd));
    expect(throttled).toBeInstanceOf(AppleThrottledError);
    expect((throttled as AppleThrottledError).retryAfterMs).toBe(120_000);
    expect((throttled as AppleThrottledError).detail.messageCode).toBe(C.throttled);

    await sbx.setAppleFaults({ orgId: usdOrg.orgId, fail5xx: 1 });
    const failed = await err(apple.createCampaign(campaign("never", "USD", 5000), usd));
    expect(failed).toBeInstanceOf(AppleTransientError);
    expect((failed as AppleTransientError).detail).toEqual({ httpStatus: 500, messageCode: C.server });
    expect(await apple.findCampaignByName("never", usd)).toBeUndefined();
  });

  it("X-AP-Context - the header is what admits a call: missing or another org's is refused", async () => {
    const before = (await sbx.ledger({ platform: "apple", account: usd.orgId })).length;
    const otherOrg = await err(apple.createCampaign(campaign("ctx", "USD", 5000), { ...usd, orgId: jpy.orgId }));
    expect(otherOrg).toBeInstanceOf(AppleRequestError);
    expect((otherOrg as AppleRequestError).detail).toMatchObject({ httpStatus: 403, messageCode: "FORBIDDEN", field: "X-AP-Context" });

    // The same client with the header stripped on the way out.
    const stripping: typeof fetch = async (input, init) => {
      const headers = { ...(init?.headers as Record<string, string>) };
      delete headers["x-ap-context"];
      return fetch(input, { ...init, headers });
    };
    const headless = clientFor({ baseUrl: sandbox.url, fetch: stripping, log });
    const missing = await err(headless.createCampaign(campaign("ctx", "USD", 5000), usd));
    expect(missing).toBeInstanceOf(AppleRequestError);
    expect((missing as AppleRequestError).detail).toMatchObject({ httpStatus: 403, field: "X-AP-Context" });
    expect((await sbx.ledger({ platform: "apple", account: usd.orgId })).length).toBe(before);
  });

  it("network - an unreachable host or a timeout is transient", async () => {
    const dead = clientFor({ baseUrl: "http://127.0.0.1:1", log });
    await expect(dead.getCampaign("1", usd)).rejects.toBeInstanceOf(AppleTransientError);
    // A host that accepts and never answers (our own, so closing it cannot hang on the sandbox).
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const { port } = silent.address() as AddressInfo;
      const impatient = clientFor({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 100, log });
      const e = await err(impatient.listCampaigns(usd));
      expect(e).toBeInstanceOf(AppleTransientError);
      expect((e as Error).message).toMatch(/timed out/);
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });
});
