import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "@layers/contracts";
import { createHarness, expectProblem, type Harness } from "./test-support/harness.ts";

/** Money a platform cannot take exactly in the layer's currency is a 422 at the edge, before anything is written. */
describe("platform money at the gateway", () => {
  let h: Harness;
  let key: string;
  let projectId: string;
  let adAccountId: string;
  const campaigns: Partial<Record<Platform, string>> = {};
  const P = () => `/v1/projects/${projectId}`;
  const createBody = (money: Record<string, number>) => ({ adAccountId, name: "Money", outcome: "conversions", campaignManagementMode: "draft", creativeMode: "draft", ...money });
  const written = async () => ({
    jobs: await h.count("jobs"),
    intents: await h.count("write_intents"),
    audit: Number((await h.env.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
    campaigns: await h.count("campaigns"),
    idem: await h.count("idempotency_keys"),
  });
  const setCurrency = (platform: Platform, currency: string) =>
    h.env.db.updateTable("layers").set({ currency }).where("project_id", "=", projectId).where("platform", "=", platform).execute();

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 100 });
    ({ partner: key, projectId, adAccountId } = await h.seedTenant());
    for (const p of ["meta", "tiktok", "apple"] as const) campaigns[p] = await h.seedCampaign(projectId, { platform: p });
  });
  afterAll(async () => h?.close());

  async function expectUnrepresentable(method: "POST" | "PATCH", url: string, body: unknown, pointer: string, detail: RegExp) {
    const before = await written();
    const res = await h.send(method, url, { auth: key, body, headers: { "idempotency-key": crypto.randomUUID() } });
    const problem = expectProblem(res, 422, "VALIDATION");
    expect(problem.errors).toEqual([{ pointer, detail: expect.stringMatching(detail) }]);
    expect(await written()).toEqual(before);
  }

  async function expectAccepted(method: "POST" | "PATCH", url: string, body: unknown) {
    const res = await h.send(method, url, { auth: key, body });
    expect(res.statusCode, res.body).toBe(202);
  }

  it("money - USD layers (the default) take odd cents on every platform", async () => {
    await expectAccepted("POST", `${P()}/ads/meta/campaigns`, createBody({ dailyBudgetCents: 1505 }));
    for (const p of ["meta", "tiktok", "apple"] as const) {
      await expectAccepted("PATCH", `${P()}/ads/${p}/campaigns/${campaigns[p]}/budget`, { dailyBudgetCents: 1505 });
    }
  });

  it("money - Meta: BHD 1.505 and TWD 1.50 are refused at create and on budgets; whole Meta units pass", async () => {
    await setCurrency("meta", "BHD");
    await expectUnrepresentable("POST", `${P()}/ads/meta/campaigns`, createBody({ dailyBudgetCents: 1505 }), "/dailyBudgetCents", /cannot be sent to Meta/);
    await expectUnrepresentable("POST", `${P()}/ads/meta/campaigns`, createBody({ lifetimeBudgetCents: 123456789 }), "/lifetimeBudgetCents", /BHD/);
    await expectUnrepresentable("PATCH", `${P()}/ads/meta/campaigns/${campaigns.meta}/budget`, { dailyBudgetCents: 1505 }, "/dailyBudgetCents", /BHD/);
    await expectAccepted("POST", `${P()}/ads/meta/campaigns`, createBody({ dailyBudgetCents: 1500 }));
    await expectAccepted("PATCH", `${P()}/ads/meta/campaigns/${campaigns.meta}/budget`, { dailyBudgetCents: 1500 });

    await setCurrency("meta", "TWD");
    await expectUnrepresentable("POST", `${P()}/ads/meta/campaigns`, createBody({ dailyBudgetCents: 150 }), "/dailyBudgetCents", /TWD/);
    await expectUnrepresentable("PATCH", `${P()}/ads/meta/campaigns/${campaigns.meta}/budget`, { lifetimeBudgetCents: 150 }, "/lifetimeBudgetCents", /TWD/);
    await expectAccepted("PATCH", `${P()}/ads/meta/campaigns/${campaigns.meta}/budget`, { dailyBudgetCents: 200 });
    await setCurrency("meta", "USD");
  });

  it("money - Apple and TikTok: a 3-decimal amount must be a multiple of 10 (at most 2 decimals)", async () => {
    for (const p of ["apple", "tiktok"] as const) {
      await setCurrency(p, "BHD");
      await expectUnrepresentable("PATCH", `${P()}/ads/${p}/campaigns/${campaigns[p]}/budget`, { dailyBudgetCents: 1505 }, "/dailyBudgetCents", /more than 2 decimals/);
      await expectAccepted("PATCH", `${P()}/ads/${p}/campaigns/${campaigns[p]}/budget`, { dailyBudgetCents: 1500 });
    }
    // JPY has no decimals: any whole amount converts.
    await setCurrency("apple", "JPY");
    await expectAccepted("PATCH", `${P()}/ads/apple/campaigns/${campaigns.apple}/budget`, { dailyBudgetCents: 1505 });
  });
});
