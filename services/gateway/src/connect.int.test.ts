import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@layers/sandbox";
import { DEV_TOKEN_KEY, openToken } from "@layers/runtime";
import { createHarness, type Harness, type Tenant } from "./test-support/harness.ts";
import { consentBrowser, followLayers } from "./test-support/connect-driver.ts";
import { stateId } from "./routes/oauth/connect-state.ts";
import { connectSettings } from "./routes/oauth/connect-settings.ts";
import { renewExpiringTokens } from "./routes/oauth/token-refresh.ts";
import type { RouteContext } from "./context.ts";

const PUBLIC = "http://gateway.test";
const RETURN = "http://127.0.0.1:9/partner/customers/";

let sandbox: RunningSandbox;
let h: Harness;
let t: Tenant;

beforeAll(async () => {
  sandbox = await startSandbox();
  h = await createHarness({ publicBaseUrl: PUBLIC, connect: { sandboxUrl: sandbox.url, allowLoopbackHttp: true } });
  t = await h.seedTenant();
  const put = await h.send("PUT", "/v1/oauth/return-urls", { auth: t.partner, body: { urls: [RETURN, "https://partner.example.com/customers"] } });
  expect(put.statusCode, put.body).toBe(200);
});
afterAll(async () => {
  await h?.close();
  await sandbox?.stop();
});

async function oauthUrl(body: Record<string, unknown>, auth = t.partner, projectId = t.projectId) {
  return h.send("POST", `/v1/projects/${projectId}/ads/ad-accounts/oauth-url`, { auth, body });
}

/** oauth-url → consent page → Allow → Layers callback: the final redirect. */
async function connectThrough(platform: "meta_ads" | "tiktok_ads", browser = consentBrowser(sandbox.url), extra: Record<string, unknown> = {}) {
  const start = await oauthUrl({ platform, returnUrl: `${RETURN}acme?ref=7`, ...extra });
  expect(start.statusCode, start.body).toBe(200);
  const page = await browser.open(start.json().url);
  expect(page.accounts.length).toBeGreaterThan(0);
  const back = await browser.decide(page.pending, "allow", page.accounts);
  expect(back.startsWith(`${PUBLIC}/v1/oauth/callback/`)).toBe(true);
  const cb = await followLayers(h.app, back);
  return { start: start.json() as { url: string; expiresAt: string }, page, back, cb };
}

describe("return URL allowlist", () => {
  it("stores normalized prefixes and refuses bad ones with a pointer per entry, changing nothing", async () => {
    const got = await h.send("GET", "/v1/oauth/return-urls", { auth: t.partner });
    expect(got.json().urls).toEqual(["http://127.0.0.1:9/partner/customers/", "https://partner.example.com/customers"]);
    const bad = await h.send("PUT", "/v1/oauth/return-urls", { auth: t.partner, body: { urls: ["https://ok.example.com", "http://evil.test/", "https://a@b.example.com/"] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/urls/1", "/urls/2"]);
    const after = await h.send("GET", "/v1/oauth/return-urls", { auth: t.partner });
    expect(after.json().urls).toHaveLength(2);
  });

  it("needs ads:write:connect", async () => {
    const key = await h.mintKey(t.org, ["ads:read"]);
    expect((await h.send("GET", "/v1/oauth/return-urls", { auth: key.secret })).statusCode).toBe(403);
    expect((await oauthUrl({ platform: "meta_ads", returnUrl: `${RETURN}x` }, key.secret)).statusCode).toBe(403);
  });

  it.each([
    "https://partner.example.com.evil.test/customers/acme",
    "https://partner.example.com/customersX",
    "https://partner.example.com:8443/customers/acme",
    "https://user@partner.example.com/customers/acme",
    "http://partner.example.com/customers/acme",
    "http://127.0.0.1:9/partner/other",
  ])("refuses %s with 422 at /returnUrl and stores no state", async (returnUrl) => {
    const before = await h.env.db.selectFrom("oauth_states").select(h.env.db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const res = await oauthUrl({ platform: "meta_ads", returnUrl });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("VALIDATION");
    expect(res.json().errors[0].pointer).toBe("/returnUrl");
    const after = await h.env.db.selectFrom("oauth_states").select(h.env.db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe("oauth-url idempotency", () => {
  it("a retry with the same Idempotency-Key replays the same URL; the stored answer is sealed (the state is a credential)", async () => {
    const key = "connect-retry-1";
    const body = { platform: "meta_ads", returnUrl: `${RETURN}acme` };
    const first = await h.send("POST", `/v1/projects/${t.projectId}/ads/ad-accounts/oauth-url`, { auth: t.partner, body, headers: { "idempotency-key": key } });
    const again = await h.send("POST", `/v1/projects/${t.projectId}/ads/ad-accounts/oauth-url`, { auth: t.partner, body, headers: { "idempotency-key": key } });
    expect(again.statusCode).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().url).toBe(first.json().url);
    const state = new URL(first.json().url).searchParams.get("state")!;
    const stored = await h.env.db.selectFrom("idempotency_keys").select("response_body").where("idem_key", "=", key).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.response_body)).not.toContain(state);
  });
});

describe("Meta connect", () => {
  it("authorize URL carries state and PKCE; the callback stores the account and redirects with status=connected", async () => {
    const { start, cb } = await connectThrough("meta_ads");
    const dialog = new URL(start.url);
    expect(dialog.pathname).toBe("/v21.0/dialog/oauth");
    expect(dialog.searchParams.get("redirect_uri")).toBe(`${PUBLIC}/v1/oauth/callback/meta`);
    expect(dialog.searchParams.get("code_challenge_method")).toBe("S256");
    expect(Date.parse(start.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(cb.status).toBe(302);
    const back = new URL(cb.location!);
    expect(`${back.origin}${back.pathname}`).toBe(`${RETURN}acme`);
    expect(back.searchParams.get("ref")).toBe("7");
    expect(back.searchParams.get("status")).toBe("connected");
    const accountId = back.searchParams.get("accountId")!;
    expect(accountId).toMatch(/^aa_/);

    const got = await h.send("GET", `/v1/projects/${t.projectId}/ads/ad-accounts/${accountId}`, { auth: t.partner });
    expect(got.statusCode).toBe(200);
    const a = got.json();
    expect(a).toMatchObject({ id: accountId, platform: "meta_ads", status: "connected", currency: "USD" });
    expect(Date.parse(a.tokenExpiresAt) - Date.now()).toBeGreaterThan(59 * 24 * 3600_000);
    const layer = await h.env.db.selectFrom("layers").select("id").where("project_id", "=", t.projectId).where("platform", "=", "meta").executeTakeFirstOrThrow();
    expect(a.layerId).toBe(layer.id);
    const list = await h.send("GET", `/v1/projects/${t.projectId}/ads/ad-accounts`, { auth: t.partner });
    expect(list.json().data.map((x: { id: string }) => x.id)).toContain(accountId);
    expect(JSON.stringify(list.json())).not.toMatch(/EAAS/);

    // The long-lived token is what is stored, sealed; it works on the account at the (sandboxed) platform.
    const row = await h.env.db.selectFrom("ad_accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
    const token = openToken(row.access_token_enc, DEV_TOKEN_KEY);
    const grants = (await (await fetch(`${sandbox.url}/_sandbox/oauth/grants?platform=meta`)).json()) as { data: Array<{ accessToken: string; kind: string }> };
    expect(grants.data.find((g) => g.accessToken === token)?.kind).toBe("long_lived");
    const onMeta = await fetch(`${sandbox.url}/v21.0/act_${row.platform_account_id}/campaigns?fields=name&access_token=${token}`);
    expect(onMeta.status).toBe(200);
    expect(((await onMeta.json()) as { data: unknown[] }).data).toHaveLength(2);

    const ev = await h.env.db.selectFrom("event_outbox").selectAll().where("subject_type", "=", "ads.account.connected").execute();
    const mine = ev.map((e) => e.payload as { data: { adAccountId: string; platform: string; organizationId: string } }).find((p) => p.data.adAccountId === accountId);
    expect(mine?.data).toMatchObject({ platform: "meta", organizationId: t.org, projectId: t.projectId });
  });

  it("Cancel redirects with status=error&code=access_denied and connects nothing", async () => {
    const before = await h.count("layers");
    const accountsBefore = (await h.send("GET", `/v1/projects/${t.projectId}/ads/ad-accounts`, { auth: t.partner })).json().data.length;
    const browser = consentBrowser(sandbox.url);
    const start = await oauthUrl({ platform: "meta_ads", returnUrl: `${RETURN}acme` });
    const page = await browser.open(start.json().url);
    const cb = await followLayers(h.app, await browser.decide(page.pending, "cancel", []));
    expect(cb.status).toBe(302);
    const back = new URL(cb.location!);
    expect(back.searchParams.get("status")).toBe("error");
    expect(back.searchParams.get("code")).toBe("access_denied");
    expect((await h.send("GET", `/v1/projects/${t.projectId}/ads/ad-accounts`, { auth: t.partner })).json().data.length).toBe(accountsBefore);
    expect(await h.count("layers")).toBe(before);
  });

  it("a state is single-use: replaying the callback is a plain 400 page", async () => {
    const browser = consentBrowser(sandbox.url);
    const start = await oauthUrl({ platform: "meta_ads", returnUrl: `${RETURN}acme` });
    const page = await browser.open(start.json().url);
    const back = await browser.decide(page.pending, "allow", page.accounts);
    expect((await followLayers(h.app, back)).status).toBe(302);
    const again = await followLayers(h.app, back);
    expect(again.status).toBe(400);
    expect(again.location).toBeUndefined();
    expect(again.body).toContain("not valid");
  });

  it("a tampered, unknown, other-platform or expired state connects nothing", async () => {
    const browser = consentBrowser(sandbox.url);
    const start = await oauthUrl({ platform: "meta_ads", returnUrl: `${RETURN}acme` });
    const page = await browser.open(start.json().url);
    const back = new URL(await browser.decide(page.pending, "allow", page.accounts));
    const state = back.searchParams.get("state")!;
    const tampered = new URL(back);
    tampered.searchParams.set("state", (state[0] === "A" ? "B" : "A") + state.slice(1));
    expect((await followLayers(h.app, tampered.toString())).status).toBe(400);
    const other = new URL(back);
    other.pathname = "/v1/oauth/callback/tiktok";
    expect((await followLayers(h.app, other.toString())).status).toBe(400);
    const missing = new URL(back);
    missing.searchParams.delete("state");
    expect((await followLayers(h.app, missing.toString())).status).toBe(400);
    // Expire it in place: the genuine callback is now refused too.
    await h.env.db.updateTable("oauth_states").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", stateId(state)).execute();
    expect((await followLayers(h.app, back.toString())).status).toBe(400);
    const row = await h.env.db.selectFrom("oauth_states").select("used_at").where("id", "=", stateId(state)).executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
  });

  it("re-authorizing in the same browser reconnects the same account (new token, connected again)", async () => {
    const browser = consentBrowser(sandbox.url);
    const first = await connectThrough("meta_ads", browser);
    const accountId = new URL(first.cb.location!).searchParams.get("accountId")!;
    await h.env.db.updateTable("ad_accounts").set({ status: "token_expired" }).where("id", "=", accountId).execute();
    const before = await h.env.db.selectFrom("ad_accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
    const again = await connectThrough("meta_ads", browser, { adAccountId: accountId });
    const back = new URL(again.cb.location!);
    expect(back.searchParams.get("status")).toBe("connected");
    expect(back.searchParams.get("accountId")).toBe(accountId);
    const after = await h.env.db.selectFrom("ad_accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
    expect(after.status).toBe("connected");
    expect(openToken(after.access_token_enc, DEV_TOKEN_KEY)).not.toBe(openToken(before.access_token_enc, DEV_TOKEN_KEY));
    expect(after.connected_at.getTime()).toBeGreaterThan(before.connected_at.getTime());
  });

  it("re-authorizing an account the grant does not cover redirects with account_not_granted", async () => {
    const first = await connectThrough("meta_ads");
    const accountId = new URL(first.cb.location!).searchParams.get("accountId")!;
    // A new browser is a new sandbox user with another account.
    const again = await connectThrough("meta_ads", consentBrowser(sandbox.url), { adAccountId: accountId });
    expect(new URL(again.cb.location!).searchParams.get("code")).toBe("account_not_granted");
  });
});

describe("TikTok connect", () => {
  it("auth_code → advertiser token; the advertiser is stored and its campaigns reachable with the stored token", async () => {
    const { start, cb } = await connectThrough("tiktok_ads");
    const auth = new URL(start.url);
    expect(auth.pathname).toBe("/portal/auth");
    expect(auth.searchParams.get("app_id")).toBeTruthy();
    const back = new URL(cb.location!);
    expect(back.searchParams.get("status")).toBe("connected");
    const accountId = back.searchParams.get("accountId")!;
    const a = (await h.send("GET", `/v1/projects/${t.projectId}/ads/ad-accounts/${accountId}`, { auth: t.partner })).json();
    expect(a).toMatchObject({ platform: "tiktok_ads", status: "connected" });
    expect(a.tokenExpiresAt).toBeUndefined();
    const row = await h.env.db.selectFrom("ad_accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
    const token = openToken(row.access_token_enc, DEV_TOKEN_KEY);
    const res = await fetch(`${sandbox.url}/open_api/v1.3/campaign/get/?advertiser_id=${row.platform_account_id}`, { headers: { "access-token": token } });
    const body = (await res.json()) as { code: number; data: { list: unknown[] } };
    expect(body.code).toBe(0);
    expect(body.data.list).toHaveLength(2);
  });

  it("disconnect wipes the token, revokes it at TikTok, emits ads.account.disconnected once", async () => {
    const { cb } = await connectThrough("tiktok_ads");
    const accountId = new URL(cb.location!).searchParams.get("accountId")!;
    const row = await h.env.db.selectFrom("ad_accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
    const token = openToken(row.access_token_enc, DEV_TOKEN_KEY);
    const del = await h.send("DELETE", `/v1/projects/${t.projectId}/ads/ad-accounts/${accountId}`, { auth: t.partner });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().status).toBe("disconnected");
    const after = await h.env.db.selectFrom("ad_accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
    expect(after.access_token_enc).toBe("");
    expect(after.status).toBe("disconnected");
    const grants = (await (await fetch(`${sandbox.url}/_sandbox/oauth/grants?platform=tiktok`)).json()) as { data: Array<{ accessToken: string; revoked: boolean }> };
    expect(grants.data.find((g) => g.accessToken === token)?.revoked).toBe(true);
    const res = await fetch(`${sandbox.url}/open_api/v1.3/campaign/get/?advertiser_id=${row.platform_account_id}`, { headers: { "access-token": token } });
    expect(((await res.json()) as { code: number }).code).toBe(40105);
    // Twice: still 200, no second event.
    expect((await h.send("DELETE", `/v1/projects/${t.projectId}/ads/ad-accounts/${accountId}`, { auth: t.partner })).statusCode).toBe(200);
    const events = await h.env.db.selectFrom("event_outbox").selectAll().where("subject_type", "=", "ads.account.disconnected").execute();
    expect(events.filter((e) => (e.payload as { data: { adAccountId: string } }).data.adAccountId === accountId)).toHaveLength(1);
  });
});

describe("accounts and tenancy", () => {
  it("another org's account and project are 404", async () => {
    const other = await h.seedTenant();
    const { cb } = await connectThrough("meta_ads");
    const accountId = new URL(cb.location!).searchParams.get("accountId")!;
    expect((await h.send("GET", `/v1/projects/${t.projectId}/ads/ad-accounts/${accountId}`, { auth: other.partner })).statusCode).toBe(404);
    expect((await h.send("GET", `/v1/projects/${other.projectId}/ads/ad-accounts/${accountId}`, { auth: other.partner })).statusCode).toBe(404);
    expect((await h.send("DELETE", `/v1/projects/${other.projectId}/ads/ad-accounts/${accountId}`, { auth: other.partner })).statusCode).toBe(404);
    expect((await oauthUrl({ platform: "meta_ads", returnUrl: `${RETURN}x` }, other.partner, t.projectId)).statusCode).toBe(404);
    // The other org has no allowlist at all.
    expect((await oauthUrl({ platform: "meta_ads", returnUrl: `${RETURN}x` }, other.partner, other.projectId)).statusCode).toBe(422);
  });

  it("adAccountId of another platform or project is 422 at /adAccountId", async () => {
    const res = await oauthUrl({ platform: "tiktok_ads", returnUrl: `${RETURN}x`, adAccountId: t.adAccountId });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].pointer).toBe("/adAccountId");
  });

  it("connecting makes the project's layer when it has none, with conservative defaults", async () => {
    const t2 = await h.seedTenant();
    await h.send("PUT", "/v1/oauth/return-urls", { auth: t2.partner, body: { urls: [RETURN] } });
    await h.env.db.deleteFrom("layers").where("project_id", "=", t2.projectId).where("platform", "=", "tiktok").execute();
    const start = await oauthUrl({ platform: "tiktok_ads", returnUrl: `${RETURN}x` }, t2.partner, t2.projectId);
    const browser = consentBrowser(sandbox.url);
    const page = await browser.open(start.json().url);
    const cb = await followLayers(h.app, await browser.decide(page.pending, "allow", page.accounts));
    expect(new URL(cb.location!).searchParams.get("status")).toBe("connected");
    const layer = await h.env.db.selectFrom("layers").selectAll().where("project_id", "=", t2.projectId).where("platform", "=", "tiktok").executeTakeFirstOrThrow();
    expect(layer.defaults).toEqual({ creative: "draft", tactical: "draft", structural: "draft" });
    expect(layer.partner_writes_enabled).toBe(false);
    expect(layer.kill_switch_active).toBe(false);
  });
});

describe("token renewal before expiry", () => {
  it("renews a Meta long-lived token a week before it expires; far-off and expired tokens are left alone", async () => {
    const { cb } = await connectThrough("meta_ads");
    const accountId = new URL(cb.location!).searchParams.get("accountId")!;
    const ctx = { db: h.env.db, log: h.env.log, connect: connectSettings({ sandboxUrl: sandbox.url }) } as unknown as RouteContext;
    const before = await h.env.db.selectFrom("ad_accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
    // 60 days away: nothing to do.
    expect((await renewExpiringTokens(ctx)).renewed).not.toContain(accountId);
    await h.env.db.updateTable("ad_accounts").set({ token_expires_at: new Date(Date.now() + 2 * 24 * 3600_000) }).where("id", "=", accountId).execute();
    const out = await renewExpiringTokens(ctx);
    expect(out.renewed).toContain(accountId);
    const after = await h.env.db.selectFrom("ad_accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
    expect(openToken(after.access_token_enc, DEV_TOKEN_KEY)).not.toBe(openToken(before.access_token_enc, DEV_TOKEN_KEY));
    expect(after.token_expires_at!.getTime() - Date.now()).toBeGreaterThan(59 * 24 * 3600_000);
    const onMeta = await fetch(`${sandbox.url}/v21.0/act_${after.platform_account_id}/campaigns?fields=name&access_token=${openToken(after.access_token_enc, DEV_TOKEN_KEY)}`);
    expect(onMeta.status).toBe(200);
    // An already expired token cannot be exchanged: left for the customer to re-authorize.
    await h.env.db.updateTable("ad_accounts").set({ token_expires_at: new Date(Date.now() - 1000) }).where("id", "=", accountId).execute();
    expect((await renewExpiringTokens(ctx)).renewed).not.toContain(accountId);
  });
});
