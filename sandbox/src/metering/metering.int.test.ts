import { describe, expect, it } from "vitest";
import { appleAs } from "../apple/test-client.ts";
import { graphAs } from "../test-support/graph-call.ts";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";
import { tiktokAs } from "../test-support/tiktok-call.ts";

const sandbox = useTestSandbox();

const countsOf = async (platform: string, account: string) => (await sandbox.control.metering()).find((m) => m.platform === platform && m.account === account);

describe("sandbox metering", () => {
  it("Meta: over the rate answers the chosen throttle body with a 100 % usage header and regain time; other accounts pass", async () => {
    const acct = await sandbox.control.createMetaAdAccount();
    const other = await sandbox.control.createMetaAdAccount();
    await sandbox.control.setMetering({ platform: "meta", account: acct.accountId, calls: 2, windowMs: 60_000, metaCode: 613 });
    const g = graphAs(sandbox.url, acct.accessToken);
    const first = await g.get(`/${acct.accountId}/campaigns`);
    expect(first.status).toBe(200);
    // Below the limit the usage header reads the metered share.
    expect(JSON.parse(first.headers.get("x-business-use-case-usage") ?? "{}")[acct.platformAccountId][0].call_count).toBe(50);
    expect((await g.get(`/${acct.accountId}/campaigns`)).status).toBe(200);
    const refused = await g.post(`/${acct.accountId}/campaigns`, { name: "x", objective: "OUTCOME_TRAFFIC", special_ad_categories: [], status: "PAUSED" });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 613, error_subcode: 1487742, is_transient: true });
    const usage = JSON.parse(refused.headers.get("x-business-use-case-usage") ?? "{}")[acct.platformAccountId][0];
    expect(usage).toMatchObject({ type: "ads_management", call_count: 100, estimated_time_to_regain_access: 1 });
    expect(await sandbox.control.ledger({ platform: "meta", account: acct.accountId })).toEqual([]);
    expect((await graphAs(sandbox.url, other.accessToken).get(`/${other.accountId}/campaigns`)).status).toBe(200);
    expect(await countsOf("meta", acct.accountId)).toMatchObject({ calls: 2, windowMs: 60_000, admitted: 2, throttled: 1 });
  });

  it("TikTok: over the rate answers 40100 in the envelope at HTTP 200, and the rate frees up after the window", async () => {
    const adv = await sandbox.control.createTiktokAdvertiser();
    await sandbox.control.setMetering({ platform: "tiktok", account: adv.advertiserId, calls: 1, windowMs: 300 });
    const t = tiktokAs(sandbox.url, adv.advertiserId, adv.accessToken);
    expect((await t.get("/campaign/get/")).body.code).toBe(0);
    const refused = await t.get("/campaign/get/");
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ code: 40100, message: "App reaches the QPS limit." });
    await new Promise((r) => setTimeout(r, 350));
    expect((await t.get("/campaign/get/")).body.code).toBe(0);
    expect(await countsOf("tiktok", adv.advertiserId)).toMatchObject({ admitted: 2, throttled: 1 });
  });

  it("Apple: over the rate answers 429 with Retry-After in seconds; clearing the rule stops metering", async () => {
    const o = await sandbox.control.createAppleOrg();
    await sandbox.control.setMetering({ platform: "apple", account: String(o.orgId), calls: 1, windowMs: 5_000 });
    const a = appleAs(sandbox.url, o.accessToken, o.orgId);
    expect((await a.get("/campaigns")).status).toBe(200);
    const refused = await a.get("/campaigns");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(4);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(5);
    expect(await countsOf("apple", String(o.orgId))).toMatchObject({ admitted: 1, throttled: 1 });
    await sandbox.control.clearMetering("apple", String(o.orgId));
    expect((await a.get("/campaigns")).status).toBe(200);
  });

  it("Meta: an ad set's budget changes at most `changes` times per window (4 per hour by default); the next change is code 17 and blocks the ad set for a window", async () => {
    const acct = await sandbox.control.createMetaAdAccount({
      campaigns: [{ name: "c", objective: "OUTCOME_TRAFFIC", adsets: [{ name: "a", daily_budget: 1000 }, { name: "b", daily_budget: 1000 }] }],
    });
    const [a, b] = acct.campaigns[0]!.adsets;
    const g = graphAs(sandbox.url, acct.accessToken);
    const limits = async () => (await sandbox.control.adSetBudgetChanges()).find((x) => x.account === acct.accountId);
    expect(await limits()).toBeUndefined();
    for (let i = 1; i <= 4; i++) expect((await g.post(`/${a!.id}`, { daily_budget: 1000 + i })).status).toBe(200);
    const refused = await g.post(`/${a!.id}`, { daily_budget: 2000 });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 17, message: "(#17) User request limit reached", is_transient: true });
    expect(refused.body.error.error_subcode).toBeUndefined();
    // Nothing applied; a call that changes no budget, and another ad set, are not limited.
    expect((await g.get(`/${a!.id}`, { fields: "daily_budget" })).body.daily_budget).toBe("1004");
    expect((await g.post(`/${a!.id}`, { name: "renamed", daily_budget: 1004 })).status).toBe(200);
    expect((await g.post(`/${b!.id}`, { daily_budget: 3000 })).status).toBe(200);
    expect(await limits()).toEqual({ account: acct.accountId, changes: 4, windowMs: 3_600_000, changed: 5, refused: 1 });
    // The ledger holds the four changes and the rename (which names the budget it keeps), not the refused change.
    const updates = (await sandbox.control.ledger({ platform: "meta", objectId: a!.id })).map((e) => e.fields);
    expect(updates.map((f) => f.daily_budget)).toEqual([1001, 1002, 1003, 1004, 1004]);
  });

  it("Meta: the ad set budget limit is set per account through the control API, and a refusal blocks the ad set for one window", async () => {
    const acct = await sandbox.control.createMetaAdAccount({ campaigns: [{ name: "c", objective: "OUTCOME_TRAFFIC", adsets: [{ name: "a", daily_budget: 1000 }] }] });
    const adSet = acct.campaigns[0]!.adsets[0]!.id;
    expect(await sandbox.control.setAdSetBudgetLimit({ account: acct.platformAccountId, changes: 1, windowMs: 300 })).toMatchObject({ account: acct.accountId, changes: 1, windowMs: 300 });
    const g = graphAs(sandbox.url, acct.accessToken);
    expect((await g.post(`/${adSet}`, { daily_budget: 1100 })).status).toBe(200);
    expect((await g.post(`/${adSet}`, { daily_budget: 1200 })).body.error.code).toBe(17);
    await new Promise((r) => setTimeout(r, 350));
    expect((await g.post(`/${adSet}`, { daily_budget: 1300 })).status).toBe(200);
    const bad = await fetch(`${sandbox.url}/_sandbox/adset-budget-limit`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ account: acct.accountId, changes: 0, windowMs: 300 }) });
    expect(bad.status).toBe(400);
  });

  it("refuses a bad rule with 400 and changes nothing", async () => {
    const res = await fetch(`${sandbox.url}/_sandbox/metering`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ platform: "meta", account: "act_1", calls: 0 }) });
    expect(res.status).toBe(400);
    expect((await sandbox.control.metering()).some((m) => m.account === "act_1")).toBe(false);
  });
});
