import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adEntitySchema, campaignSchema, pageSchema, writeAcceptedSchema, type Platform } from "@layers/contracts";
import type { RunningGate } from "@layers/gate";
import { expectContract } from "@layers/gateway/testing";
import { createHarness, expectProblem, type Harness } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";

/**
 * The granular surface through the real gate: creates below the campaign on each platform, writes
 * on every level, and what each platform cannot do refused before anything is stored.
 */
describe("granular ads surface", () => {
  let h: Harness;
  let gate: RunningGate | null;
  let partner: string;
  let customer: string;
  let projectId: string;
  const accounts: Partial<Record<Platform, string>> = {};
  const P = () => `/v1/projects/${projectId}/ads`;

  const CREATE: Record<Platform, Record<string, unknown>> = {
    meta: { name: "Meta Q3", outcome: "conversions", dailyBudgetCents: 5000, campaignManagementMode: "autopilot", creativeMode: "autopilot" },
    tiktok: { name: "TikTok Q3", outcome: "traffic", dailyBudgetCents: 6000, campaignManagementMode: "autopilot", creativeMode: "autopilot", specialIndustries: ["HOUSING"] },
    apple: { name: "Apple Q3", outcome: "app_installs", dailyBudgetCents: 7000, campaignManagementMode: "autopilot", creativeMode: "autopilot", adamId: "1234567890", countriesOrRegions: ["US"] },
  };

  async function setLayer(platform: Platform, defaults: Record<string, string>, policy: Record<string, unknown> = {}) {
    const p = await h.send("PATCH", `${P()}/${platform}/policy`, { auth: customer, body: { partnerWritesEnabled: true, ...policy } });
    expect(p.statusCode, p.body).toBe(200);
    const d = await h.send("PATCH", `${P()}/${platform}/defaults`, { auth: customer, body: { authority: defaults } });
    expect(d.statusCode, d.body).toBe(200);
  }
  const AUTO = { creative: "auto", tactical: "auto", structural: "auto" };

  async function createCampaign(platform: Platform, over: Record<string, unknown> = {}, auth = partner): Promise<string> {
    const res = await h.send("POST", `${P()}/${platform}/campaigns`, { auth, body: { adAccountId: accounts[platform], ...CREATE[platform], ...over } });
    expect(res.statusCode, res.body).toBe(202);
    const body = expectContract(writeAcceptedSchema, res.json());
    expect(body.status).toBe("dispatching");
    return body.campaignId!;
  }

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 3000 });
    gate = await startTestGate(h.env);
    const t = await h.seedTenant();
    ({ partner, customer, projectId } = t);
    accounts.meta = t.adAccountId;
    accounts.tiktok = await h.seedAdAccount(projectId, "tiktok");
    accounts.apple = await h.seedAdAccount(projectId, "apple");
    await setLayer("meta", AUTO);
    await setLayer("tiktok", AUTO);
    await setLayer("apple", AUTO, { writerPreset: "END_TO_END" });
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
  });

  it("simplified create on TikTok and Apple keeps each platform's extras and starts PAUSED", async () => {
    const tiktok = await createCampaign("tiktok", { budgetOptimizeOn: true });
    const apple = await createCampaign("apple");
    const t = expectContract(campaignSchema, (await h.send("GET", `${P()}/tiktok/campaigns/${tiktok}`, { auth: partner })).json());
    expect(t).toMatchObject({ platform: "tiktok", status: "creating", dailyBudgetCents: 6000, attributes: { specialIndustries: ["HOUSING"], budgetOptimizeOn: true } });
    const a = expectContract(campaignSchema, (await h.send("GET", `${P()}/apple/campaigns/${apple}`, { auth: partner })).json());
    expect(a).toMatchObject({ platform: "apple", attributes: { adamId: "1234567890", countriesOrRegions: ["US"] } });
    const intent = await h.env.db.selectFrom("write_intents").select("payload").where("operation", "=", "create_campaign").where("platform", "=", "apple").executeTakeFirstOrThrow();
    expect((intent.payload as { params: Record<string, unknown> }).params).toMatchObject({ status: "PAUSED", adamId: "1234567890" });
  });

  it("simplified create refuses another platform's fields, Apple lifetime budgets and Apple without adamId", async () => {
    const wrongField = await h.send("POST", `${P()}/tiktok/campaigns`, { auth: partner, body: { adAccountId: accounts.tiktok, ...CREATE.tiktok, adamId: "1" } });
    expect(expectProblem(wrongField, 422, "VALIDATION").errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: "/adamId" })]));
    const { dailyBudgetCents: _d, ...noDaily } = CREATE.apple;
    const lifetime = await h.send("POST", `${P()}/apple/campaigns`, { auth: partner, body: { adAccountId: accounts.apple, ...noDaily, lifetimeBudgetCents: 90_000 } });
    // Neither of Apple's APIs has a lifetime budget: the surface table says so, not a body rule.
    expect(expectProblem(lifetime, 422, "UNSUPPORTED_ON_PLATFORM").errors).toEqual([expect.objectContaining({ pointer: "/lifetimeBudgetCents" })]);
    expectProblem(await h.send("PATCH", `${P()}/apple/campaigns/${await createCampaign("apple")}/budget`, { auth: partner, body: { lifetimeBudgetCents: 90_000 } }), 422, "UNSUPPORTED_ON_PLATFORM");
    // The Platform API has no adChannelType: one the placements contradict is refused, one they imply is fine.
    const channel = await h.send("POST", `${P()}/apple/campaigns`, { auth: partner, body: { adAccountId: accounts.apple, ...CREATE.apple, supplySources: ["APPSTORE_TODAY_TAB"], adChannelType: "SEARCH" } });
    expect(expectProblem(channel, 422, "UNSUPPORTED_ON_PLATFORM").errors).toEqual([expect.objectContaining({ pointer: "/adChannelType", detail: expect.stringContaining("DISPLAY") })]);
    await createCampaign("apple", { name: "Apple today tab", supplySources: ["APPSTORE_TODAY_TAB"], adChannelType: "DISPLAY" });
    const { adamId: _a, ...noAdam } = CREATE.apple;
    const missing = await h.send("POST", `${P()}/apple/campaigns`, { auth: partner, body: { adAccountId: accounts.apple, ...noAdam } });
    expect(expectProblem(missing, 422, "VALIDATION").errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: "/adamId" })]));
  });

  it("Meta: ad set → ad → creatives, each a gated write whose id is answered at once", async () => {
    const campaignId = await createCampaign("meta");
    const adset = await h.send("POST", `${P()}/meta/campaigns/${campaignId}/adsets`, {
      auth: partner,
      body: { name: "Broad US", targeting: { countries: ["US"], ageMin: 18 }, billingEvent: "IMPRESSIONS", optimizationGoal: "OFFSITE_CONVERSIONS" },
    });
    // The campaign has its own budget: Meta refuses budgets on both levels, so the ad set takes none.
    expect(adset.statusCode, adset.body).toBe(202);
    const adsetId = expectContract(writeAcceptedSchema, adset.json()).entityId!;
    expect(adsetId).toMatch(/^as_/);
    const row = expectContract(adEntitySchema, (await h.send("GET", `${P()}/meta/adsets/${adsetId}`, { auth: partner })).json());
    expect(row).toMatchObject({ kind: "adset", campaignId, parentId: null, status: "creating", targeting: { countries: ["US"], ageMin: 18 }, platformId: null });

    const creative = { primaryText: "Run further", linkUrl: "https://shoes.example/run", pageId: "1234" };
    const ad = await h.send("POST", `${P()}/meta/adsets/${adsetId}/ads`, { auth: partner, body: { name: "Hook A", creative } });
    expect(ad.statusCode, ad.body).toBe(202);
    const adId = ad.json().entityId as string;
    const pushed = await h.send("POST", `${P()}/meta/adsets/${adsetId}/creatives`, { auth: partner, body: { name: "Hook B", creative: { ...creative, primaryText: "Run faster" } } });
    expect(pushed.statusCode, pushed.body).toBe(202);
    const list = expectContract(pageSchema(adEntitySchema), (await h.send("GET", `${P()}/meta/adsets/${adsetId}/ads`, { auth: partner })).json());
    expect(list.data.map((e) => e.id).sort()).toEqual([adId, pushed.json().entityId].sort());

    const audit = await h.env.db.selectFrom("audit_log").select(["operation", "axis", "decision"]).where("entity_key", "=", `campaign:${campaignId}`).orderBy("occurred_at").execute();
    expect(audit.map((a) => `${a.operation}/${a.axis}/${a.decision}`)).toEqual([
      "create_campaign/structural/allow",
      "create_adset/structural/allow",
      "create_ad/structural/allow",
      "push_creative/creative/allow",
    ]);
    const replace = await h.send("PUT", `${P()}/meta/ads/${adId}/creative`, { auth: partner, body: { creative: { ...creative, headline: "New" } } });
    expect(replace.statusCode, replace.body).toBe(202);
    const prune = await h.send("DELETE", `${P()}/meta/ads/${adId}/creative`, { auth: partner });
    expect(prune.statusCode, prune.body).toBe(202);
  });

  it("Meta ad sets: budget rules, targeting fields and the page a Meta ad runs as are checked before anything is stored", async () => {
    const campaignId = await createCampaign("meta");
    const before = await h.count("write_intents");
    const withBudget = await h.send("POST", `${P()}/meta/campaigns/${campaignId}/adsets`, { auth: partner, body: { name: "x", dailyBudgetCents: 2000, targeting: { countries: ["US"] } } });
    expectProblem(withBudget, 422, "VALIDATION");
    const noCountry = await h.send("POST", `${P()}/meta/campaigns/${campaignId}/adsets`, { auth: partner, body: { name: "x", targeting: { ageMin: 20 } } });
    expect(expectProblem(noCountry, 422, "VALIDATION").errors?.[0]?.pointer).toBe("/targeting/countries");
    const tiktokField = await h.send("POST", `${P()}/meta/campaigns/${campaignId}/adsets`, { auth: partner, body: { name: "x", targeting: { countries: ["US"], locationIds: ["6252001"] } } });
    expect(expectProblem(tiktokField, 422, "UNSUPPORTED_ON_PLATFORM").errors?.[0]?.pointer).toBe("/targeting/locationIds");
    expect(await h.count("write_intents")).toBe(before);
  });

  it("TikTok: ad group and ad, and what TikTok cannot do is 422 UNSUPPORTED_ON_PLATFORM", async () => {
    const campaignId = await createCampaign("tiktok");
    const group = await h.send("POST", `${P()}/tiktok/campaigns/${campaignId}/adgroups`, {
      auth: partner,
      body: { name: "US 18+", dailyBudgetCents: 2500, bidCents: 150, targeting: { locationIds: ["6252001"] } },
    });
    expect(group.statusCode, group.body).toBe(202);
    const adgroupId = group.json().entityId as string;
    const ad = await h.send("POST", `${P()}/tiktok/adgroups/${adgroupId}/ads`, { auth: partner, body: { name: "Clip 1", creative: { primaryText: "Hi", linkUrl: "https://x.example", videoId: "v_1" } } });
    expect(ad.statusCode, ad.body).toBe(202);
    const before = await h.count("write_intents");
    expectProblem(await h.send("POST", `${P()}/tiktok/adgroups/${adgroupId}/archive`, { auth: partner }), 422, "UNSUPPORTED_ON_PLATFORM");
    expectProblem(await h.send("PATCH", `${P()}/tiktok/campaigns/${campaignId}/targeting`, { auth: partner, body: { locationIds: ["1"] } }), 422, "UNSUPPORTED_ON_PLATFORM");
    expectProblem(await h.send("PATCH", `${P()}/tiktok/campaigns/${campaignId}/bid`, { auth: partner, body: { bidCents: 100 } }), 422, "UNSUPPORTED_ON_PLATFORM");
    // TikTok's levels are adgroups and ads: an ad set URL does not exist there, and neither do keywords.
    const adsets = await h.send("GET", `${P()}/tiktok/adsets/as_00000000000000000000000000`, { auth: partner });
    expect(expectProblem(adsets, 404, "NOT_FOUND").detail).toContain("adgroups");
    expectProblem(await h.send("POST", `${P()}/tiktok/adgroups/${adgroupId}/keywords`, { auth: partner, body: { text: "x", matchType: "EXACT" } }), 422, "VALIDATION");
    expect(await h.count("write_intents")).toBe(before);
    const bid = await h.send("PATCH", `${P()}/tiktok/adgroups/${adgroupId}/bid`, { auth: partner, body: { bidCents: 175 } });
    expect(bid.statusCode, bid.body).toBe(202);
    const intent = await h.env.db.selectFrom("write_intents").select(["operation", "payload"]).where("operation", "=", "update_bid").orderBy("accepted_at", "desc").executeTakeFirstOrThrow();
    expect((intent.payload as { params: unknown }).params).toEqual({ campaignId, entityKind: "adgroup", entityId: adgroupId, bidCents: 175 });
  });

  it("Apple: ad group and keywords (ACTIVE by default), keyword bids are tactical, Apple has no ads", async () => {
    const campaignId = await createCampaign("apple");
    const group = await h.send("POST", `${P()}/apple/campaigns/${campaignId}/adgroups`, { auth: partner, body: { name: "Exact brand", bidCents: 120, targeting: { genders: ["female"] } } });
    expect(group.statusCode, group.body).toBe(202);
    const agId = group.json().entityId as string;
    const kw = await h.send("POST", `${P()}/apple/adgroups/${agId}/keywords`, { auth: partner, body: { text: "running shoes", matchType: "EXACT", bidCents: 95 } });
    expect(kw.statusCode, kw.body).toBe(202);
    const kwId = kw.json().entityId as string;
    const row = expectContract(adEntitySchema, (await h.send("GET", `${P()}/apple/adgroups/${agId}/keywords/${kwId}`, { auth: partner })).json());
    expect(row).toMatchObject({ kind: "keyword", parentId: agId, name: "running shoes", matchType: "EXACT", bidCents: 95 });
    const bid = await h.send("PATCH", `${P()}/apple/adgroups/${agId}/keywords/${kwId}/bid`, { auth: partner, body: { bidCents: 110 } });
    expect(bid.statusCode, bid.body).toBe(202);
    const audit = await h.env.db.selectFrom("audit_log").select(["axis"]).where("id", "=", bid.json().verdictId).executeTakeFirstOrThrow();
    expect(audit.axis).toBe("tactical");
    expectProblem(await h.send("POST", `${P()}/apple/adgroups/${agId}/ads`, { auth: partner, body: { name: "x", creative: { primaryText: "x", linkUrl: "https://x.example" } } }), 422, "VALIDATION");
    expectProblem(await h.send("PATCH", `${P()}/apple/adgroups/${agId}/budget`, { auth: partner, body: { dailyBudgetCents: 100 } }), 422, "UNSUPPORTED_ON_PLATFORM");
    expectProblem(await h.send("POST", `${P()}/apple/adgroups/${agId}/keywords/${kwId}/archive`, { auth: partner }), 422, "UNSUPPORTED_ON_PLATFORM");
    // A keyword is found only under its own ad group.
    const other = await h.send("POST", `${P()}/apple/campaigns/${campaignId}/adgroups`, { auth: partner, body: { name: "Other", bidCents: 100 } });
    expectProblem(await h.send("GET", `${P()}/apple/adgroups/${other.json().entityId}/keywords/${kwId}`, { auth: partner }), 404, "NOT_FOUND");
  });

  it("Apple writer preset both ways: a partner create needs END_TO_END; a customer may always create", async () => {
    await setLayer("apple", AUTO, { writerPreset: "ADGROUP_GRAIN" });
    const denied = await h.send("POST", `${P()}/apple/campaigns`, { auth: partner, body: { adAccountId: accounts.apple, ...CREATE.apple } });
    expect(expectProblem(denied, 403, "AUTHORITY_DENIED").reason).toBe("apple_adgroup_grain_violation");
    await createCampaign("apple", {}, customer);
    await setLayer("apple", AUTO, { writerPreset: "END_TO_END" });
    await createCampaign("apple");
  });

  it("each axis decides its own writes: structural off denies a create, tactical draft queues a bid, creative auto lets a push through", async () => {
    const campaignId = await createCampaign("meta", { dailyBudgetCents: 4000 });
    const auth = await h.send("PATCH", `${P()}/meta/campaigns/${campaignId}/authority`, { auth: customer, body: { authority: { structural: "off", tactical: "draft", creative: "auto" } } });
    expect(auth.statusCode, auth.body).toBe(200);
    const denied = await h.send("POST", `${P()}/meta/campaigns/${campaignId}/adsets`, { auth: partner, body: { name: "x", targeting: { countries: ["US"] } } });
    expect(expectProblem(denied, 403, "AUTHORITY_DENIED").reason).toBe("authority_axis_off");
    const queued = await h.send("PATCH", `${P()}/meta/campaigns/${campaignId}/bid`, { auth: partner, body: { bidStrategy: "COST_CAP" } });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ status: "pending_approval", campaignId });
    const badStrategy = await h.send("PATCH", `${P()}/meta/campaigns/${campaignId}/bid`, { auth: partner, body: { bidStrategy: "MANUAL_CPT" } });
    expectProblem(badStrategy, 422, "VALIDATION");
  });

  it("scopes: budgets and bids need ads:write:budgets, creatives ads:write:creative, lifecycle ads:write:lifecycle", async () => {
    const campaignId = await createCampaign("meta");
    const org = (await h.env.db.selectFrom("projects").select("organization_id").where("id", "=", projectId).executeTakeFirstOrThrow()).organization_id;
    const budgetsOnly = (await h.mintKey(org, ["ads:write:budgets"])).secret;
    expect((await h.send("PATCH", `${P()}/meta/campaigns/${campaignId}/bid`, { auth: budgetsOnly, body: { bidStrategy: "COST_CAP" } })).statusCode).toBe(202);
    expectProblem(await h.send("POST", `${P()}/meta/campaigns/${campaignId}/pause`, { auth: budgetsOnly }), 403, "INSUFFICIENT_SCOPE");
    expectProblem(await h.send("DELETE", `${P()}/meta/campaigns/${campaignId}`, { auth: budgetsOnly }), 403, "INSUFFICIENT_SCOPE");
    expectProblem(await h.send("PATCH", `${P()}/meta/campaigns/${campaignId}`, { auth: budgetsOnly, body: { name: "x" } }), 403, "INSUFFICIENT_SCOPE");
  });

  it("money a platform cannot represent in the layer currency is a 422 naming the field", async () => {
    await h.env.db.updateTable("layers").set({ currency: "BHD" }).where("project_id", "=", projectId).where("platform", "=", "apple").execute();
    try {
      const campaignId = await createCampaign("apple", { dailyBudgetCents: 10_000 });
      const res = await h.send("POST", `${P()}/apple/campaigns/${campaignId}/adgroups`, { auth: partner, body: { name: "BHD", bidCents: 1_235 } });
      expect(expectProblem(res, 422, "VALIDATION").errors?.[0]?.pointer).toBe("/bidCents");
      const ok = await h.send("POST", `${P()}/apple/campaigns/${campaignId}/adgroups`, { auth: partner, body: { name: "BHD ok", bidCents: 1_230 } });
      expect(ok.statusCode, ok.body).toBe(202);
    } finally {
      await h.env.db.updateTable("layers").set({ currency: "USD" }).where("project_id", "=", projectId).where("platform", "=", "apple").execute();
    }
  });

  it("writes to a deleted entity, or under one, or to one whose create was denied are 409 CONFLICT and store nothing", async () => {
    const campaignId = await createCampaign("tiktok");
    const group = await h.send("POST", `${P()}/tiktok/campaigns/${campaignId}/adgroups`, { auth: partner, body: { name: "G", dailyBudgetCents: 2500, targeting: { locationIds: ["1"] } } });
    const adgroupId = group.json().entityId as string;
    // What the dispatcher records once a delete has landed, and the gate once an approved create is denied.
    await h.env.db.updateTable("ad_entities").set({ status: "denied" }).where("id", "=", adgroupId).execute();
    await h.env.db.updateTable("campaigns").set({ status: "deleted" }).where("id", "=", campaignId).execute();
    const before = await h.count("write_intents");
    const onCampaign = await h.send("PATCH", `${P()}/tiktok/campaigns/${campaignId}/budget`, { auth: partner, body: { dailyBudgetCents: 7000 } });
    expect(expectProblem(onCampaign, 409, "CONFLICT").detail).toBe("the campaign is deleted");
    expectProblem(await h.send("POST", `${P()}/tiktok/campaigns/${campaignId}/adgroups`, { auth: partner, body: { name: "H", dailyBudgetCents: 2500, targeting: { locationIds: ["1"] } } }), 409, "CONFLICT");
    const onDenied = await h.send("PATCH", `${P()}/tiktok/adgroups/${adgroupId}/bid`, { auth: partner, body: { bidCents: 100 } });
    expect(expectProblem(onDenied, 409, "CONFLICT").detail).toContain("never created");
    expect(await h.count("write_intents")).toBe(before);
    // Reads still work.
    expect((await h.send("GET", `${P()}/tiktok/adgroups/${adgroupId}`, { auth: partner })).json()).toMatchObject({ status: "denied" });
  });
});
