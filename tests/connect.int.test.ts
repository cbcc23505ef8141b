import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { adAccountListSchema, adAccountSchema, eventSchema } from "@layers/contracts";
import { eventually, waitForJob } from "./support/api.ts";
import { bareTenant, fetchBrowser, type BareTenant } from "./support/connect.ts";
import { expectContract } from "./support/contract.ts";
import { readEvents } from "./support/events.ts";
import { startStack, type E2EStack } from "./support/stack.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver.ts";

/**
 * Step 1 of the partner guide with nothing seeded: a partner connects a customer's Meta account
 * through the consent page, its campaigns made outside Layers are listed at once, writes land; a
 * token the platform refuses marks the account token_expired once (event), writes are then 409
 * until the customer re-authorizes, after which writes flow again.
 */
describe("connect, token expiry and reconnect (Meta)", () => {
  let stack: E2EStack;
  let t: BareTenant;
  const consent = fetchBrowser();
  let accountId: string;
  let act: string;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    stack = await startStack({ platforms: ["meta", "tiktok", "apple"], webhooks: true });
    t = await bareTenant(stack);
    receiver = await startWebhookReceiver();
    const ep = await t.partner.post("/v1/webhooks/endpoints", { url: `${receiver.url}/hooks`, events: ["ads.account.*"] });
    expect(ep.status).toBe(201);
  });
  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  /** Account events delivered to the partner's endpoint (signed webhooks, like every other event). */
  const delivered = (type: string, id: string) =>
    receiver.received.map((r) => JSON.parse(r.body) as { type: string; data: { adAccountId?: string } }).filter((e) => e.type === type && e.data.adAccountId === id);

  it("connects through the consent page and lists the account's pre-existing campaigns", async () => {
    const start = await t.partner.post(`/v1/projects/${t.projectId}/ads/ad-accounts/oauth-url`, { platform: "meta_ads", returnUrl: `${t.returnUrl}?customer=acme` });
    expect(start.status).toBe(200);
    const back = await consent(start.body.url);
    expect(back.searchParams.get("status")).toBe("connected");
    expect(back.searchParams.get("customer")).toBe("acme");
    accountId = back.searchParams.get("accountId")!;
    const list = expectContract(adAccountListSchema, (await t.partner.get(`/v1/projects/${t.projectId}/ads/ad-accounts`)).body);
    expect(list.data.map((a) => a.id)).toEqual([accountId]);
    act = `act_${list.data[0]!.platformAccountId}`;
    const campaigns = await t.partner.get(`/v1/projects/${t.projectId}/ads/meta/campaigns`);
    expect(campaigns.status).toBe(200);
    expect(campaigns.body.data.map((c: { name: string; origin: string }) => [c.name, c.origin]).sort()).toEqual([
      ["Always-on prospecting", "platform"],
      ["Holiday retargeting", "platform"],
    ]);
    const all = await t.partner.get(`/v1/projects/${t.projectId}/ads/campaigns`);
    expect(all.body.data).toHaveLength(2);
    const connected = await eventually(async () => (await readEvents(stack)).find((e) => e.type === "ads.account.connected" && e.data.adAccountId === accountId), "ads.account.connected");
    expect(eventSchema.parse(connected).data).toMatchObject({ organizationId: t.orgId, platform: "meta", projectId: t.projectId });
    await eventually(async () => (delivered("ads.account.connected", accountId).length > 0 ? true : undefined), "ads.account.connected delivered");
    expect(receiver.received[0]!.headers["webhook-signature"]).toMatch(/^v1,/);
  });

  it("expired token: the write fails with token_expired, the account is marked once, later writes are 409, reconnect makes writes flow", async () => {
    const consentOn = await t.customer.patch(`/v1/projects/${t.projectId}/ads/meta/policy`, { partnerWritesEnabled: true });
    expect([200, 202]).toContain(consentOn.status);
    if (consentOn.status === 202) await waitForJob(t.customer, consentOn.body.jobId);
    expect((await t.customer.patch(`/v1/projects/${t.projectId}/ads/meta/defaults`, { authority: { tactical: "auto", structural: "auto" } })).status).toBe(200);
    const campaigns = (await t.partner.get(`/v1/projects/${t.projectId}/ads/meta/campaigns`)).body.data as Array<{ id: string; name: string }>;
    const cid = campaigns.find((c) => c.name === "Always-on prospecting")!.id;
    const budget = `/v1/projects/${t.projectId}/ads/meta/campaigns/${cid}/budget`;

    const fault = await fetch(`${stack.sandboxUrl}/_sandbox/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ platform: "meta", account: act, expiredToken: true }) });
    expect(fault.status).toBe(200);
    const refused = await t.partner.patch(budget, { dailyBudgetCents: 4100 });
    expect(refused.status).toBe(202);
    const failed = await waitForJob(t.partner, refused.body.jobId, 30_000);
    expect(failed.status).toBe("failed");
    expect(JSON.stringify(failed.error)).toContain("token_expired");
    const acct = expectContract(adAccountSchema, (await t.partner.get(`/v1/projects/${t.projectId}/ads/ad-accounts/${accountId}`)).body);
    expect(acct.status).toBe("token_expired");
    const expiredEvents = async () => (await readEvents(stack)).filter((e) => e.type === "ads.account.token_expired" && e.data.adAccountId === accountId);
    await eventually(async () => ((await expiredEvents()).length > 0 ? true : undefined), "ads.account.token_expired");
    await eventually(async () => (delivered("ads.account.token_expired", accountId).length > 0 ? true : undefined), "ads.account.token_expired delivered");

    const blocked = await t.partner.patch(budget, { dailyBudgetCents: 4200 });
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ code: "CONFLICT", reason: "ad_account_token_expired" });
    expect(await expiredEvents()).toHaveLength(1);

    // The customer re-authorizes (same browser: the same account is offered, pre-selected).
    await fetch(`${stack.sandboxUrl}/_sandbox/faults?platform=meta&account=${act}`, { method: "DELETE" });
    const again = await t.partner.post(`/v1/projects/${t.projectId}/ads/ad-accounts/oauth-url`, { platform: "meta_ads", returnUrl: t.returnUrl, adAccountId: accountId });
    const back = await consent(again.body.url);
    expect(back.searchParams.get("status")).toBe("connected");
    expect(back.searchParams.get("accountId")).toBe(accountId);
    expect((await t.partner.get(`/v1/projects/${t.projectId}/ads/ad-accounts/${accountId}`)).body.status).toBe("connected");

    const ok = await t.partner.patch(budget, { dailyBudgetCents: 4300 });
    expect(ok.status).toBe(202);
    const landed = await waitForJob(t.partner, ok.body.jobId, 30_000);
    expect(landed.status).toBe("completed");
    const onMeta = await fetch(`${stack.sandboxUrl}/_sandbox/ledger?platform=meta`).then((r) => r.json() as Promise<{ entries: Array<{ fields: Record<string, unknown> }> }>);
    expect(onMeta.entries.some((e) => e.fields.daily_budget === 4300)).toBe(true);
  });

  it("disconnect: writes are 409 ad_account_disconnected; the account stays listed as disconnected", async () => {
    const del = await t.partner.raw("DELETE", `/v1/projects/${t.projectId}/ads/ad-accounts/${accountId}`);
    expect(del.status).toBe(200);
    expect(del.body.status).toBe("disconnected");
    const cid = ((await t.partner.get(`/v1/projects/${t.projectId}/ads/meta/campaigns`)).body.data as Array<{ id: string }>)[0]!.id;
    const res = await t.partner.post(`/v1/projects/${t.projectId}/ads/meta/campaigns/${cid}/pause`);
    expect(res.status).toBe(409);
    expect(res.body.reason).toBe("ad_account_disconnected");
    await eventually(async () => (await readEvents(stack)).find((e) => e.type === "ads.account.disconnected" && e.data.adAccountId === accountId), "ads.account.disconnected");
    await eventually(async () => (delivered("ads.account.disconnected", accountId).length > 0 ? true : undefined), "ads.account.disconnected delivered");
  });

  it("no token the sandbox issued is stored in clear in any table", async () => {
    // Connect TikTok too, so every kind of grant is in the database.
    const tt = await t.partner.post(`/v1/projects/${t.projectId}/ads/ad-accounts/oauth-url`, { platform: "tiktok_ads", returnUrl: t.returnUrl });
    expect((await consent(tt.body.url)).searchParams.get("status")).toBe("connected");
    const grants = (await fetch(`${stack.sandboxUrl}/_sandbox/oauth/grants`).then((r) => r.json())) as { data: Array<{ accessToken: string; platform: string }> };
    const tokens = grants.data.map((g) => g.accessToken);
    expect(new Set(grants.data.map((g) => g.platform))).toEqual(new Set(["meta", "tiktok"]));
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    // The dump does see what is stored in clear (the org id), so an empty result means something.
    expect((await dumpLeaks(stack, [t.orgId])).length).toBeGreaterThan(0);
    const leaks = await dumpLeaks(stack, tokens);
    expect(leaks).toEqual([]);
  });
});

/** Every table of the database as text, searched for each token. */
async function dumpLeaks(stack: E2EStack, secrets: readonly string[]): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(stack.env.db);
  expect(tables.rows.length).toBeGreaterThan(10);
  const leaks: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table_name)} t`.execute(stack.env.db);
    for (const r of rows.rows) for (const s of secrets) if (r.row.includes(s)) leaks.push(`${table_name}: ${s.slice(0, 6)}…`);
  }
  return leaks;
}
