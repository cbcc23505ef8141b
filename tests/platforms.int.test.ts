import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "@layers/contracts";
import type { SeedDevResult } from "@layers/ops/seed-dev";
import { connectAccountIn } from "./support/accounts.ts";
import { apiClient, ledger, waitForJob, type ApiClient, type LedgerEntryWithPath } from "./support/api.ts";
import { startStack, type E2EStack } from "./support/stack.ts";

/**
 * The granular surface on all three platforms, from a partner's HTTP calls to the sandboxed
 * platform: each level is created and changed through the gate, lands once, in the platform's own
 * units, and shows up in the Layers view with its platform id.
 */
describe("Meta, TikTok and Apple end to end", () => {
  let stack: E2EStack;
  let seed: SeedDevResult;
  let partner: ApiClient;
  let customer: ApiClient;
  const ads = (platform: Platform) => `/v1/projects/${seed.projectId}/ads/${platform}`;

  async function landed(res: { status: number; body: any }): Promise<{ id: string; platformId: string }> {
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const job = await waitForJob(partner, res.body.jobId, 30_000);
    expect(job.status, JSON.stringify(job)).toBe("completed");
    return { id: res.body.entityId ?? res.body.campaignId, platformId: job.result.platformId };
  }
  const entries = async (platform: Platform, objectId: string): Promise<LedgerEntryWithPath[]> =>
    (await ledger(stack.sandboxUrl, undefined, platform)).filter((e) => e.objectId === objectId);

  beforeAll(async () => {
    stack = await startStack({ platforms: ["meta", "tiktok", "apple"] });
    seed = await stack.seed();
    partner = apiClient(stack.apiUrl, seed.apiKey);
    customer = apiClient(stack.apiUrl, seed.customerToken);
    for (const p of ["meta", "tiktok", "apple"] as const) {
      const res = await customer.patch(`${ads(p)}/defaults`, { authority: { structural: "auto", tactical: "auto", creative: "auto" } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it("GET …/ads/campaigns lists the campaigns made outside Layers on every platform, with platform ids", async () => {
    const res = await partner.get(`/v1/projects/${seed.projectId}/ads/campaigns`);
    expect(res.status).toBe(200);
    const byPlatform = (p: Platform) => res.body.data.filter((c: any) => c.platform === p && c.origin === "platform");
    expect(byPlatform("meta").map((c: any) => c.name).sort()).toEqual(["Evergreen prospecting", "Spring retargeting"]);
    expect(byPlatform("tiktok").map((c: any) => c.name)).toEqual(["Always-on video views"]);
    expect(byPlatform("apple").map((c: any) => c.name)).toEqual(["Brand search US"]);
    for (const c of res.body.data) expect(c.platformCampaignId).toMatch(/^\d+$/);
    const tiktok = byPlatform("tiktok")[0];
    expect(tiktok.dailyBudgetCents).toBe(8000);
  });

  it("structures made outside Layers: a campaign's ad sets / ad groups, ads and keywords are listed and writable", async () => {
    const all = await partner.get(`/v1/projects/${seed.projectId}/ads/campaigns`);
    const outside = (p: Platform, name: string) => all.body.data.find((c: any) => c.platform === p && c.name === name);
    const cases = [
      { platform: "meta" as const, campaign: "Evergreen prospecting", level2: "adsets", level2Name: "Broad US", level3: "ads", level3Name: "Evergreen video" },
      { platform: "tiktok" as const, campaign: "Always-on video views", level2: "adgroups", level2Name: "US all", level3: "ads", level3Name: "Spark clip" },
      { platform: "apple" as const, campaign: "Brand search US", level2: "adgroups", level2Name: "Brand exact", level3: "keywords", level3Name: "acme shoes" },
    ];
    for (const c of cases) {
      const campaign = outside(c.platform, c.campaign);
      expect(campaign, c.platform).toBeDefined();
      const level2 = await partner.get(`${ads(c.platform)}/campaigns/${campaign.id}/${c.level2}`);
      expect(level2.status).toBe(200);
      expect(level2.body.data, c.platform).toEqual([expect.objectContaining({ name: c.level2Name, origin: "platform", platformId: expect.stringMatching(/^\d+$/) })]);
      const parent = level2.body.data[0];
      const level3 = await partner.get(`${ads(c.platform)}/${c.level2}/${parent.id}/${c.level3}`);
      expect(level3.body.data, c.platform).toEqual([expect.objectContaining({ name: c.level3Name, origin: "platform", parentId: parent.id })]);
      // Layers can manage what it did not create: pause the ad set / ad group on the platform.
      const paused = await landed(await partner.post(`${ads(c.platform)}/${c.level2}/${parent.id}/pause`));
      expect(paused.platformId, c.platform).toBe(parent.platformId);
      expect((await partner.get(`${ads(c.platform)}/${c.level2}/${parent.id}`)).body.status).toBe("paused");
    }
  });

  it("TikTok: campaign → ad group → ad, budgets in major units, ad group bid and pause", async () => {
    const campaign = await landed(
      await partner.post(`${ads("tiktok")}/campaigns`, {
        adAccountId: seed.layers.tiktok.adAccountId,
        name: "TT prospecting",
        outcome: "traffic",
        dailyBudgetCents: 5050,
        campaignManagementMode: "autopilot",
        creativeMode: "autopilot",
      }),
    );
    const [create] = await entries("tiktok", campaign.platformId);
    expect(create).toMatchObject({ op: "create", path: "/open_api/v1.3/campaign/create/", fields: { budget: 50.5, budget_mode: "BUDGET_MODE_DAY", operation_status: "DISABLE" } });

    const group = await landed(
      await partner.post(`${ads("tiktok")}/campaigns/${campaign.id}/adgroups`, { name: "US", dailyBudgetCents: 2500, bidCents: 150, targeting: { locationIds: ["6252001"] } }),
    );
    expect((await entries("tiktok", group.platformId))[0]).toMatchObject({ op: "create", fields: { budget: 25, bid_price: 1.5, location_ids: ["6252001"] } });
    const ad = await landed(
      await partner.post(`${ads("tiktok")}/adgroups/${group.id}/ads`, { name: "Clip 1", creative: { primaryText: "Run", linkUrl: "https://shoes.example", videoId: "v_100" } }),
    );
    expect(ad.platformId).toMatch(/^\d+$/);
    await landed(await partner.patch(`${ads("tiktok")}/adgroups/${group.id}/bid`, { bidCents: 175 }));
    await landed(await partner.post(`${ads("tiktok")}/adgroups/${group.id}/pause`));
    const row = await partner.get(`${ads("tiktok")}/adgroups/${group.id}`);
    expect(row.body).toMatchObject({ platformId: group.platformId, status: "paused", bidCents: 175, dailyBudgetCents: 2500 });
    const updates = (await entries("tiktok", group.platformId)).map((e) => e.op);
    expect(updates).toEqual(["create", "update", "update"]);
  });

  it("Apple (on the Platform API, the default): campaign PAUSED by default → ad group → keyword; money as decimal strings; keyword bid and pause", async () => {
    const campaign = await landed(
      await partner.post(`${ads("apple")}/campaigns`, {
        adAccountId: seed.layers.apple.adAccountId,
        name: "Apple brand",
        outcome: "app_installs",
        dailyBudgetCents: 10_000,
        campaignManagementMode: "autopilot",
        creativeMode: "autopilot",
        adamId: "1234567890",
        countriesOrRegions: ["US", "CA"],
      }),
    );
    const [create] = await entries("apple", campaign.platformId);
    expect(create).toMatchObject({
      op: "create",
      path: "/v1/campaigns",
      fields: { status: "PAUSED", promotedObjectType: "APPSTORE_APP", promotedObjectId: "1234567890", targeting: { countryOrRegion: { include: ["US", "CA"] } } },
    });
    expect((create!.fields.dailyBudget as { value: { amount: string } }).value.amount).toBe("100.00");

    const group = await landed(await partner.post(`${ads("apple")}/campaigns/${campaign.id}/adgroups`, { name: "Exact", bidCents: 125 }));
    const [groupCreate] = await entries("apple", group.platformId);
    expect(groupCreate).toMatchObject({ path: "/v1/adgroups", fields: { pricingModel: "CPT", bidStrategy: { bid: { amount: "1.25", currency: "USD" } } } });
    const kw = await landed(await partner.post(`${ads("apple")}/adgroups/${group.id}/keywords`, { text: "running shoes", matchType: "EXACT", bidCents: 90 }));
    await landed(await partner.patch(`${ads("apple")}/adgroups/${group.id}/keywords/${kw.id}/bid`, { bidCents: 110 }));
    await landed(await partner.post(`${ads("apple")}/adgroups/${group.id}/keywords/${kw.id}/pause`));
    const row = await partner.get(`${ads("apple")}/adgroups/${group.id}/keywords/${kw.id}`);
    expect(row.body).toMatchObject({ platformId: kw.platformId, status: "paused", bidCents: 110, matchType: "EXACT" });
    expect((await entries("apple", kw.platformId)).map((e) => [e.op, e.method, e.path])).toEqual([
      ["create", "POST", "/v1/keywords"],
      ["update", "PUT", `/v1/keywords/${kw.platformId}`],
      ["update", "PUT", `/v1/keywords/${kw.platformId}`],
    ]);
  });

  it("Meta: ad set → ad → pushed, replaced and pruned creatives, each on the creative axis", async () => {
    const campaign = await landed(
      await partner.post(`${ads("meta")}/campaigns`, {
        adAccountId: seed.layers.meta.adAccountId,
        name: "Meta pool",
        outcome: "traffic",
        dailyBudgetCents: 4000,
        campaignManagementMode: "autopilot",
        creativeMode: "autopilot",
      }),
    );
    const adset = await landed(await partner.post(`${ads("meta")}/campaigns/${campaign.id}/adsets`, { name: "US broad", targeting: { countries: ["US"] } }));
    const creative = { primaryText: "Run further", linkUrl: "https://shoes.example/run", pageId: "1000001" };
    const ad = await landed(await partner.post(`${ads("meta")}/adsets/${adset.id}/ads`, { name: "Hook A", creative }));
    const pushed = await landed(await partner.post(`${ads("meta")}/adsets/${adset.id}/creatives`, { name: "Hook B", status: "ACTIVE", creative: { ...creative, headline: "New" } }));
    await landed(await partner.put(`${ads("meta")}/ads/${ad.id}/creative`, { creative: { ...creative, primaryText: "Run faster" } }));
    await landed(await partner.raw("DELETE", `${ads("meta")}/ads/${pushed.id}/creative`, undefined, { "idempotency-key": crypto.randomUUID() }));
    const list = await partner.get(`${ads("meta")}/adsets/${adset.id}/ads`);
    const byId = Object.fromEntries(list.body.data.map((a: any) => [a.id, a]));
    expect(byId[ad.id].creative).toMatchObject({ primaryText: "Run faster" });
    expect(byId[pushed.id].status).toBe("paused");
    const audit = await partner.get(`/v1/audit-log?projectId=${seed.projectId}&limit=100`);
    const creativeOps = audit.body.data.filter((a: any) => a.axis === "creative").map((a: any) => a.operation).sort();
    expect(creativeOps).toEqual(["prune_creative", "push_creative", "replace_creative"]);
  });

  it("one granular write per platform under off, draft and auto: 403, queued then landed on approval, landed", async () => {
    const cases: Array<{ platform: Platform; create: Record<string, unknown>; child: (cid: string) => [string, Record<string, unknown>]; write: (childId: string) => [string, Record<string, unknown>] }> = [
      {
        platform: "meta",
        create: { adAccountId: seed.layers.meta.adAccountId, outcome: "traffic", dailyBudgetCents: 3000 },
        child: (cid) => [`${ads("meta")}/campaigns/${cid}/adsets`, { name: "A", targeting: { countries: ["US"] } }],
        write: (id) => [`${ads("meta")}/adsets/${id}/targeting`, { countries: ["US", "CA"], ageMin: 21 }],
      },
      {
        platform: "tiktok",
        create: { adAccountId: seed.layers.tiktok.adAccountId, outcome: "traffic", dailyBudgetCents: 6000 },
        child: (cid) => [`${ads("tiktok")}/campaigns/${cid}/adgroups`, { name: "A", dailyBudgetCents: 2500, targeting: { locationIds: ["6252001"] } }],
        write: (id) => [`${ads("tiktok")}/adgroups/${id}/targeting`, { locationIds: ["6251999"] }],
      },
      {
        platform: "apple",
        create: { adAccountId: seed.layers.apple.adAccountId, outcome: "app_installs", dailyBudgetCents: 6000, adamId: "99", countriesOrRegions: ["US"] },
        child: (cid) => [`${ads("apple")}/campaigns/${cid}/adgroups`, { name: "A", bidCents: 100 }],
        write: (id) => [`${ads("apple")}/adgroups/${id}/targeting`, { ageMin: 25, genders: ["female"] }],
      },
    ];
    for (const c of cases) {
      const campaign = await landed(
        await partner.post(`${ads(c.platform)}/campaigns`, { name: `Axis ${c.platform}`, campaignManagementMode: "autopilot", creativeMode: "autopilot", ...c.create }),
      );
      const [childUrl, childBody] = c.child(campaign.id);
      const child = await landed(await partner.post(childUrl, childBody));
      const [url, body] = c.write(child.id);
      const setTactical = async (mode: string) =>
        expect((await customer.patch(`${ads(c.platform)}/campaigns/${campaign.id}/authority`, { authority: { tactical: mode } })).status).toBe(200);

      await setTactical("off");
      const denied = await partner.patch(url, body);
      expect(denied.status, c.platform).toBe(403);
      expect(denied.body).toMatchObject({ code: "AUTHORITY_DENIED", reason: "authority_axis_off" });

      await setTactical("draft");
      const queued = await partner.patch(url, body);
      expect(queued.body).toMatchObject({ status: "pending_approval" });
      const approve = await customer.post(`${ads(c.platform)}/pending/${queued.body.pendingActionId}/approve`, { comment: "ok" });
      expect(approve.status, JSON.stringify(approve.body)).toBe(202);
      expect((await waitForJob(partner, queued.body.jobId, 30_000)).status).toBe("completed");

      await setTactical("auto");
      await landed(await partner.patch(url, body));
      const row = await partner.get(`${url.replace(/\/targeting$/, "")}`);
      expect(row.body.targeting, c.platform).toEqual(body);
    }
  });

  it("money in JPY and BHD layers lands in each platform's units", async () => {
    const project = await partner.post("/v1/projects", { name: "Money" });
    const projectId = project.body.id as string;
    for (const p of ["meta", "tiktok", "apple"] as const) {
      await stack.env.db.updateTable("layers").set({ partner_writes_enabled: true, writer_preset: p === "apple" ? "END_TO_END" : null, defaults: JSON.stringify({ creative: "auto", tactical: "auto", structural: "auto" }) }).where("project_id", "=", projectId).where("platform", "=", p).execute();
    }
    const expected: Record<"JPY" | "BHD", Record<Platform, unknown>> = {
      // ¥6000: Meta counts yen whole (offset 1), TikTok and Apple take whole yen.
      JPY: { meta: 6000, tiktok: 6000, apple: "6000" },
      // 60.120 BHD: Meta counts BHD in 1/100 (offset 100) → 6012; TikTok 60.12; Apple "60.12".
      BHD: { meta: 6012, tiktok: 60.12, apple: "60.12" },
    };
    const minor = { JPY: 6000, BHD: 60_120 };
    for (const currency of ["JPY", "BHD"] as const) {
      for (const platform of ["meta", "tiktok", "apple"] as const) {
        const acct = await connectAccountIn(stack, projectId, platform, currency);
        const res = await partner.post(`/v1/projects/${projectId}/ads/${platform}/campaigns`, {
          adAccountId: acct.adAccountId,
          name: `${currency} ${platform}`,
          outcome: platform === "apple" ? "app_installs" : "traffic",
          dailyBudgetCents: minor[currency],
          campaignManagementMode: "autopilot",
          creativeMode: "autopilot",
          ...(platform === "apple" ? { adamId: "42", countriesOrRegions: ["JP"] } : {}),
        });
        const c = await landed(res);
        const [create] = await entries(platform, c.platformId);
        const wire = platform === "meta" ? create!.fields.daily_budget : platform === "tiktok" ? create!.fields.budget : (create!.fields.dailyBudget as { value: { amount: string } }).value.amount;
        expect(String(wire), `${currency} ${platform}`).toBe(String(expected[currency][platform]));
        const row = await partner.get(`/v1/projects/${projectId}/ads/${platform}/campaigns/${c.id}`);
        expect(row.body).toMatchObject({ dailyBudgetCents: minor[currency], currency });
        // One minor unit more than any platform can carry: refused before anything is stored.
        if (currency === "BHD") {
          const odd = await partner.patch(`/v1/projects/${projectId}/ads/${platform}/campaigns/${c.id}/budget`, { dailyBudgetCents: 60_125 });
          expect(odd.status, platform).toBe(422);
        }
      }
    }
  });
});
