import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import { createHarness, type Harness, type Tenant } from "./test-support/harness.ts";

let h: Harness;
let t: Tenant;

beforeAll(async () => {
  h = await createHarness();
  t = await h.seedTenant({ consent: true });
});
afterAll(async () => h?.close());

async function setStatus(accountId: string, status: string) {
  await h.env.db.updateTable("ad_accounts").set({ status }).where("id", "=", accountId).execute();
}

async function campaignAccount(campaignId: string) {
  return (await h.env.db.selectFrom("campaigns").select("ad_account_id").where("id", "=", campaignId).executeTakeFirstOrThrow()).ad_account_id;
}

async function stored() {
  return { jobs: await h.count("jobs"), intents: await h.count("write_intents"), pending: await h.count("pending_actions") };
}

describe("writes to an ad account that is not connected", () => {
  it.each([
    ["token_expired", "ad_account_token_expired"],
    ["disconnected", "ad_account_disconnected"],
  ])("%s: every write path answers 409 CONFLICT with reason %s and stores nothing", async (status, reason) => {
    const campaignId = await h.seedCampaign(t.projectId);
    const accountId = await campaignAccount(campaignId);
    const { pendingActionId } = await h.seedPending(t.org, t.projectId, campaignId);
    await setStatus(accountId, status);
    const before = await stored();
    const base = `/v1/projects/${t.projectId}/ads/meta`;
    const answers = [
      await h.send("PATCH", `${base}/campaigns/${campaignId}/budget`, { auth: t.partner, body: { dailyBudgetCents: 6000 } }),
      await h.send("POST", `${base}/campaigns/${campaignId}/pause`, { auth: t.partner }),
      await h.send("POST", `${base}/campaigns/${campaignId}/adsets`, { auth: t.partner, body: { name: "US", targeting: { countries: ["US"] } } }),
      await h.send("POST", `${base}/campaigns`, {
        auth: t.partner,
        body: { adAccountId: accountId, name: "New", outcome: "traffic", dailyBudgetCents: 5000, campaignManagementMode: "autopilot", creativeMode: "autopilot" },
      }),
      await h.send("POST", `${base}/pending/${pendingActionId}/approve`, { auth: t.customer, body: { comment: "ok" } }),
    ];
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: "CONFLICT", reason });
      expect(res.json().requestId).toBeTruthy();
    }
    expect(await stored()).toEqual(before);
    // Reads still work.
    expect((await h.send("GET", `${base}/campaigns/${campaignId}`, { auth: t.partner })).statusCode).toBe(200);
    // Connected again → the write is accepted.
    await setStatus(accountId, "connected");
    const ok = await h.send("PATCH", `${base}/campaigns/${campaignId}/budget`, { auth: t.partner, body: { dailyBudgetCents: 6000 } });
    expect(ok.statusCode, ok.body).toBe(202);
    expect((await stored()).intents).toBe(before.intents + 1);
  });

  it("a write to an ad set of such an account is refused the same way", async () => {
    const campaignId = await h.seedCampaign(t.projectId);
    const c = await h.env.db.selectFrom("campaigns").selectAll().where("id", "=", campaignId).executeTakeFirstOrThrow();
    const adSetId = newId("adSet");
    await h.env.db
      .insertInto("ad_entities")
      .values({
        id: adSetId, kind: "adset", project_id: t.projectId, layer_id: c.layer_id, ad_account_id: c.ad_account_id, platform: "meta", campaign_id: campaignId,
        parent_id: null, platform_entity_id: "120200000000000001", name: "US", status: "active", bid_strategy: null, targeting: null, creative: null, origin: "layers",
      })
      .execute();
    await setStatus(c.ad_account_id, "token_expired");
    const before = await stored();
    const res = await h.send("POST", `/v1/projects/${t.projectId}/ads/meta/adsets/${adSetId}/pause`, { auth: t.partner });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().reason).toBe("ad_account_token_expired");
    expect(await stored()).toEqual(before);
    await setStatus(c.ad_account_id, "connected");
    expect((await h.send("POST", `/v1/projects/${t.projectId}/ads/meta/adsets/${adSetId}/pause`, { auth: t.partner })).statusCode).toBe(202);
  });
});
