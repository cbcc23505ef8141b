import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, expectProblem, type Harness, type Tenant } from "./test-support/harness.ts";

/** Issue 11 §4: answers that send people the right way (platforms, id shapes, enum values). */
describe("helpful errors", () => {
  let h: Harness;
  let t: Tenant;
  let campaignId: string;
  const P = () => `/v1/projects/${t.projectId}`;

  beforeAll(async () => {
    h = await createHarness();
    t = await h.seedTenant({ consent: true });
    campaignId = await h.seedCampaign(t.projectId);
  });
  afterAll(async () => h?.close());

  it("an unknown platform in a path is 404 naming meta, tiktok and apple", async () => {
    const body = expectProblem(await h.send("GET", `${P()}/ads/google/campaigns`, { auth: t.partner }), 404, "NOT_FOUND");
    expect(body.detail).toBe("platform not found: the platforms are meta, tiktok, apple");
  });

  it("an id of the wrong shape names the expected prefix", async () => {
    const cmp = expectProblem(await h.send("GET", `${P()}/ads/meta/campaigns/${campaignId.replace("cmp_", "as_")}`, { auth: t.partner }), 404, "NOT_FOUND");
    expect(cmp.detail).toContain("campaign ids look like cmp_…");
    expect(cmp.detail).not.toContain("platform's own id");
    const aa = expectProblem(await h.send("GET", `${P()}/ads/ad-accounts/acme`, { auth: t.partner }), 404, "NOT_FOUND");
    expect(aa.detail).toContain("ad account ids look like aa_…");
  });

  it("a Meta / TikTok / Apple id where a Layers id belongs says to use the Layers id", async () => {
    const meta = expectProblem(await h.send("GET", `${P()}/ads/meta/campaigns/120210987654321098`, { auth: t.partner }), 404, "NOT_FOUND");
    expect(meta.detail).toContain("use the Layers id (cmp_…)");
    const account = expectProblem(await h.send("GET", `${P()}/ads/ad-accounts/act_1234567890`, { auth: t.partner }), 404, "NOT_FOUND");
    expect(account.detail).toContain("use the Layers id (aa_…)");
  });

  it("an enum value in a body lists the allowed values, and nothing is written", async () => {
    const jobs = await h.count("jobs");
    const res = await h.send("POST", `${P()}/ads/meta/campaigns`, {
      auth: t.partner,
      body: { adAccountId: t.adAccountId, name: "x", outcome: "clicks", dailyBudgetCents: 500, campaignManagementMode: "auto", creativeMode: "draft" },
    });
    const body = expectProblem(res, 422, "VALIDATION");
    expect(body.errors).toContainEqual({ pointer: "/campaignManagementMode", detail: "must be one of: manual, draft, autopilot" });
    expect(body.errors).toContainEqual({ pointer: "/outcome", detail: "must be one of: conversions, traffic, app_installs, awareness, engagement, leads, sales" });
    expect(await h.count("jobs")).toBe(jobs);
  });

  it("an enum value in a query lists the allowed values", async () => {
    const body = expectProblem(await h.send("GET", "/v1/projects?status=deleted", { auth: t.partner }), 422, "VALIDATION");
    expect(body.errors).toEqual([{ pointer: "/status", detail: "must be one of: active, archived" }]);
  });
});
