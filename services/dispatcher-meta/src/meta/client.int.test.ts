import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@layers/runtime";
import { createSandboxClient, startSandbox, type CreateMetaAdAccountResponse, type RunningSandbox, type SandboxClient } from "@layers/sandbox";
import { createMetaClient, MetaRequestError, MetaThrottledError, MetaTokenError, MetaTransientError, type MetaClient } from "./index.ts";

describe("meta client against the sandbox", () => {
  let sandbox: RunningSandbox;
  let sbx: SandboxClient;
  let meta: MetaClient;
  let acct: CreateMetaAdAccountResponse;
  let auth: { accessToken: string };

  beforeAll(async () => {
    sandbox = await startSandbox();
    sbx = createSandboxClient(sandbox.url);
    // A page size of 2 makes every list below cross several pages.
    meta = createMetaClient({ baseUrl: sandbox.url, apiVersion: "v21.0", pageSize: 2, log: createLogger({ service: "test", level: "silent" }) });
    acct = await sbx.createMetaAdAccount({
      campaigns: [
        { name: "seed-1", objective: "OUTCOME_SALES", daily_budget: 1000 },
        { name: "seed-2", objective: "OUTCOME_TRAFFIC", status: "PAUSED" },
        { name: "seed-3", objective: "OUTCOME_LEADS", status: "ARCHIVED" },
      ],
    });
    auth = { accessToken: acct.accessToken };
  });
  afterAll(async () => sandbox.stop());

  it("client - create, update, read, list across pages and delete, form-encoded", async () => {
    const { id } = await meta.createCampaign(acct.platformAccountId, {
      name: "new",
      objective: "OUTCOME_SALES",
      status: "PAUSED",
      special_ad_categories: [],
      daily_budget: 2500,
      adlabels: [{ name: "layers:cmp_x" }],
    }, auth);
    await meta.updateCampaign(id, { daily_budget: 3000, status: "ACTIVE" }, auth);
    const read = await meta.getCampaign(id, ["id", "status", "daily_budget", "objective", "adlabels"], auth);
    expect(read).toMatchObject({ id, status: "ACTIVE", daily_budget: "3000", objective: "OUTCOME_SALES", adlabels: [expect.objectContaining({ name: "layers:cmp_x" })] });

    const visible = await meta.listCampaigns(acct.accountId, ["id", "name"], auth);
    expect(visible.map((c) => c.name).sort()).toEqual(["new", "seed-1", "seed-2"]);
    const withArchived = await meta.listCampaigns(acct.accountId, ["id", "name"], auth, { includeArchived: true });
    expect(withArchived.map((c) => c.name).sort()).toEqual(["new", "seed-1", "seed-2", "seed-3"]);

    await meta.deleteCampaign(id, auth);
    expect((await meta.getCampaign(id, ["status"], auth)).status).toBe("DELETED");
    const ledger = await sbx.ledger({ objectId: id });
    expect(ledger.map((e) => e.op)).toEqual(["create", "update", "delete"]);
    expect(ledger[0]!.fields).toMatchObject({ daily_budget: 2500, special_ad_categories: [], adlabels: [{ name: "layers:cmp_x" }] });
    expect(ledger[0]!.path).toBe(`/v21.0/${acct.accountId}/campaigns`);
  });

  it("client - ad sets, creatives and ads: create, read, update and list across pages", async () => {
    const { id: campaignId } = await meta.createCampaign(acct.accountId, { name: "parent", objective: "OUTCOME_TRAFFIC", status: "PAUSED", special_ad_categories: [] }, auth);
    const adSetFields = { campaign_id: campaignId, billing_event: "IMPRESSIONS", optimization_goal: "LINK_CLICKS", targeting: { geo_locations: { countries: ["US"] } }, daily_budget: 1000, status: "PAUSED" };
    const adSetIds: string[] = [];
    for (const n of [1, 2, 3]) adSetIds.push((await meta.createAdSet(acct.accountId, { ...adSetFields, name: `s${n}`, adlabels: [{ name: `layers:as_${n}` }] }, auth)).id);
    await meta.updateAdSet(adSetIds[0]!, { bid_amount: 75 }, auth);
    expect(await meta.getAdSet(adSetIds[0]!, ["bid_amount", "targeting"], auth)).toEqual({ id: adSetIds[0], bid_amount: 75, targeting: adSetFields.targeting });
    const listed = await meta.listAdSets(campaignId, ["id", "adlabels"], auth, { includeArchived: true });
    expect(listed.map((s) => s.adlabels?.[0]?.name).sort()).toEqual(["layers:as_1", "layers:as_2", "layers:as_3"]);

    const story = { page_id: "1", link_data: { link: "https://e.com", message: "hi" } };
    const creativeIds: string[] = [];
    for (const n of [1, 2, 3]) creativeIds.push((await meta.createAdCreative(acct.accountId, { name: `layers:ad_x:int_${n}`, object_story_spec: story }, auth)).id);
    expect((await meta.listAdCreatives(acct.accountId, ["id", "name"], auth)).map((c) => c.name)).toEqual(expect.arrayContaining(["layers:ad_x:int_1", "layers:ad_x:int_2", "layers:ad_x:int_3"]));
    for (const n of [0, 1, 2]) await meta.createAd(acct.accountId, { name: `a${n}`, adset_id: adSetIds[0], creative: { creative_id: creativeIds[n] }, status: "PAUSED", adlabels: [{ name: `layers:ad_${n}` }] }, auth);
    const ads = await meta.listAds(adSetIds[0]!, ["id", "adlabels", "creative"], auth, { includeArchived: true });
    expect(ads).toHaveLength(3);
    await meta.updateAd(ads[0]!.id, { creative: { creative_id: creativeIds[2] } }, auth);
    expect(await meta.getAd(ads[0]!.id, ["creative{id,name}"], auth)).toEqual({ id: ads[0]!.id, creative: { id: creativeIds[2], name: "layers:ad_x:int_3" } });
  });

  it("client - classifies Meta's refusals into named errors", async () => {
    const err = async (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
    const bad = await err(meta.createCampaign(acct.accountId, { name: "x", objective: "LINK_CLICKS", special_ad_categories: [] }, auth));
    expect(bad).toBeInstanceOf(MetaRequestError);
    expect((bad as MetaRequestError).detail.code).toBe(100);
    expect((bad as Error).message).toMatch(/no longer available/);
    expect(await err(meta.getCampaign("999", ["id"], auth))).toBeInstanceOf(MetaRequestError);
    expect(await err(meta.getCampaign("999", ["id"], { accessToken: "nope" }))).toBeInstanceOf(MetaTokenError);

    await sbx.setFaults({ platform: "meta", account: acct.accountId, throttle: 1, throttleRegainMinutes: 2 });
    const throttled = await err(meta.listCampaigns(acct.accountId, ["id"], auth));
    expect(throttled).toBeInstanceOf(MetaThrottledError);
    expect((throttled as MetaThrottledError).retryAfterMs).toBe(120_000);

    await sbx.setFaults({ platform: "meta", account: acct.accountId, fail5xx: 1 });
    expect(await err(meta.listCampaigns(acct.accountId, ["id"], auth))).toBeInstanceOf(MetaTransientError);

    await sbx.setFaults({ platform: "meta", account: acct.accountId, expiredToken: true });
    const expired = await err(meta.listCampaigns(acct.accountId, ["id"], auth));
    expect(expired).toBeInstanceOf(MetaTokenError);
    expect((expired as MetaTokenError).detail).toMatchObject({ code: 190, subcode: 463 });
    await sbx.clearFaults();
  });

  it("client - an unreachable host or a timeout is transient", async () => {
    const dead = createMetaClient({ baseUrl: "http://127.0.0.1:1", log: createLogger({ service: "test", level: "silent" }) });
    await expect(dead.getCampaign("1", ["id"], auth)).rejects.toBeInstanceOf(MetaTransientError);
    // A host that accepts and never answers (our own, so closing it cannot hang on the sandbox).
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const { port } = silent.address() as AddressInfo;
      const impatient = createMetaClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 100, log: createLogger({ service: "test", level: "silent" }) });
      const err = await impatient.listCampaigns(acct.accountId, ["id"], auth).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MetaTransientError);
      expect((err as Error).message).toMatch(/timed out/);
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });
});
