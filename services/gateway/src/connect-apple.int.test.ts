import { createPublicKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@layers/sandbox";
import { DEV_TOKEN_KEY, openToken } from "@layers/runtime";
import { createHarness, type Harness, type Tenant } from "./test-support/harness.ts";
import { connectSettings } from "./routes/oauth/connect-settings.ts";
import { renewExpiringTokens } from "./routes/oauth/token-refresh.ts";
import type { RouteContext } from "./context.ts";

const PUBLIC = "http://gateway.test";
const RETURN = "https://partner.example.com/customers/";

let sandbox: RunningSandbox;
let h: Harness;
let t: Tenant;

beforeAll(async () => {
  sandbox = await startSandbox();
  h = await createHarness({ publicBaseUrl: PUBLIC, connect: { sandboxUrl: sandbox.url } });
  t = await h.seedTenant();
  expect((await h.send("PUT", "/v1/oauth/return-urls", { auth: t.partner, body: { urls: [RETURN] } })).statusCode).toBe(200);
});
afterAll(async () => {
  await h?.close();
  await sandbox?.stop();
});

async function start(extra: Record<string, unknown> = {}) {
  const res = await h.send("POST", `/v1/projects/${t.projectId}/ads/ad-accounts/oauth-url`, { auth: t.partner, body: { platform: "apple_ads", returnUrl: `${RETURN}acme`, ...extra } });
  expect(res.statusCode, res.body).toBe(200);
  const url = new URL(res.json().url);
  expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC}/v1/oauth/apple/connect`);
  return { path: url.pathname + url.search, state: url.searchParams.get("state")! };
}

/** The Layers Apple page: its public key and the form's field names. */
async function openPage(path: string) {
  const res = await h.app.inject({ method: "GET", url: path });
  expect(res.statusCode, res.body).toBe(200);
  const pem = /<pre id="public-key">([^<]+)<\/pre>/.exec(res.body)?.[1]?.replaceAll("&#39;", "'");
  expect(pem).toContain("BEGIN PUBLIC KEY");
  const names = [...res.body.matchAll(/<input[^>]*name="([^"]+)"/g)].map((m) => m[1]);
  return { pem: pem!, names, html: res.body, headers: res.headers };
}

/** What a customer's Apple Ads admin does by hand: an API user with the page's public key. */
async function apiUser(publicKey: string, orgId?: number) {
  const res = await fetch(`${sandbox.url}/_sandbox/apple/api-users`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ publicKey, ...(orgId ? { orgId } : {}) }) });
  expect(res.status).toBe(201);
  return (await res.json()) as { clientId: string; teamId: string; keyId: string; orgId: number };
}

async function submit(fields: Record<string, string>) {
  return h.app.inject({ method: "POST", url: "/v1/oauth/apple/connect", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: new URLSearchParams(fields).toString() });
}

describe("Apple connect page", () => {
  it("shows a fresh P-256 public key (the same on reload) and a form with clientId, teamId and keyId", async () => {
    const s = await start();
    const page = await openPage(s.path);
    expect(page.names).toEqual(expect.arrayContaining(["state", "clientId", "teamId", "keyId"]));
    const key = createPublicKey(page.pem);
    expect(key.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect((await openPage(s.path)).pem).toBe(page.pem);
    expect((await openPage((await start()).path)).pem).not.toBe(page.pem);
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("connects the org the API user reaches, stores the private key sealed, and the token works at Apple", async () => {
    const s = await start();
    const page = await openPage(s.path);
    const creds = await apiUser(page.pem);
    const res = await submit({ state: s.state, clientId: creds.clientId, teamId: creds.teamId, keyId: creds.keyId, action: "connect" });
    expect(res.statusCode, res.body).toBe(303);
    const back = new URL(res.headers.location as string);
    expect(back.searchParams.get("status")).toBe("connected");
    const accountId = back.searchParams.get("accountId")!;
    const a = (await h.send("GET", `/v1/projects/${t.projectId}/ads/ad-accounts/${accountId}`, { auth: t.partner })).json();
    expect(a).toMatchObject({ platform: "apple_ads", platformAccountId: String(creds.orgId), status: "connected" });
    expect(Date.parse(a.tokenExpiresAt) - Date.now()).toBeLessThanOrEqual(3600_000);

    const row = await h.env.db.selectFrom("ad_accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
    expect(row.credentials_enc).not.toContain("PRIVATE KEY");
    const stored = JSON.parse(openToken(row.credentials_enc!, DEV_TOKEN_KEY)) as { clientId: string; privateKeyPem: string };
    expect(stored.clientId).toBe(creds.clientId);
    expect(createPublicKey(stored.privateKeyPem).export({ type: "spki", format: "pem" }).toString()).toBe(page.pem);
    const token = openToken(row.access_token_enc, DEV_TOKEN_KEY);
    const campaigns = await fetch(`${sandbox.url}/api/v5/campaigns`, { headers: { authorization: `Bearer ${token}`, "x-ap-context": `orgId=${creds.orgId}` } });
    expect(campaigns.status).toBe(200);
    expect(((await campaigns.json()) as { data: unknown[] }).data).toHaveLength(2);

    // The state is used up: submitting again is the plain 400 page.
    const again = await submit({ state: s.state, clientId: creds.clientId, teamId: creds.teamId, keyId: creds.keyId, action: "connect" });
    expect(again.statusCode).toBe(400);
  });

  it("credentials Apple refuses show the page again with the error; the state stays usable", async () => {
    const s = await start();
    const page = await openPage(s.path);
    const creds = await apiUser(page.pem);
    const wrong = await submit({ state: s.state, clientId: creds.clientId, teamId: creds.teamId, keyId: "not-the-key", action: "connect" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("did not accept these credentials");
    expect(wrong.body).toContain(creds.clientId);
    const missing = await submit({ state: s.state, clientId: "", teamId: creds.teamId, keyId: creds.keyId, action: "connect" });
    expect(missing.statusCode).toBe(422);
    // A key that is not the page's: the assertion does not verify against the registered key.
    const otherPage = await openPage((await start()).path);
    const otherCreds = await apiUser(otherPage.pem);
    expect((await submit({ state: s.state, ...pick(otherCreds), action: "connect" })).statusCode).toBe(422);
    const ok = await submit({ state: s.state, ...pick(creds), action: "connect" });
    expect(ok.statusCode).toBe(303);
    expect(new URL(ok.headers.location as string).searchParams.get("status")).toBe("connected");
  });

  it("Cancel redirects with status=error&code=access_denied; a bad state is a 400 page", async () => {
    const s = await start();
    await openPage(s.path);
    const res = await submit({ state: s.state, action: "cancel" });
    expect(res.statusCode).toBe(303);
    const back = new URL(res.headers.location as string);
    expect(back.searchParams.get("status")).toBe("error");
    expect(back.searchParams.get("code")).toBe("access_denied");
    expect((await h.app.inject({ method: "GET", url: s.path })).statusCode).toBe(400);
    expect((await h.app.inject({ method: "GET", url: "/v1/oauth/apple/connect?state=nope" })).statusCode).toBe(400);
    expect((await submit({ state: "A".repeat(43), clientId: "a", teamId: "b", keyId: "c" })).statusCode).toBe(400);
  });

  it("re-authorizes an account: a new API user on the same org reconnects it", async () => {
    const s1 = await start();
    const creds = await apiUser((await openPage(s1.path)).pem);
    const first = await submit({ state: s1.state, ...pick(creds), action: "connect" });
    const accountId = new URL(first.headers.location as string).searchParams.get("accountId")!;
    await h.env.db.updateTable("ad_accounts").set({ status: "token_expired" }).where("id", "=", accountId).execute();
    const s2 = await start({ adAccountId: accountId });
    const creds2 = await apiUser((await openPage(s2.path)).pem, creds.orgId);
    const res = await submit({ state: s2.state, ...pick(creds2), action: "connect" });
    const back = new URL(res.headers.location as string);
    expect(back.searchParams.get("status")).toBe("connected");
    expect(back.searchParams.get("accountId")).toBe(accountId);
    const row = await h.env.db.selectFrom("ad_accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
    expect(row.status).toBe("connected");
    expect((JSON.parse(openToken(row.credentials_enc!, DEV_TOKEN_KEY)) as { clientId: string }).clientId).toBe(creds2.clientId);
  });
});

describe("Apple access tokens", () => {
  it("are minted again from the sealed key before the hour runs out", async () => {
    const s = await start();
    const creds = await apiUser((await openPage(s.path)).pem);
    const res = await submit({ state: s.state, ...pick(creds), action: "connect" });
    const accountId = new URL(res.headers.location as string).searchParams.get("accountId")!;
    const issued = async () => ((await (await fetch(`${sandbox.url}/_sandbox/oauth/grants?platform=apple`)).json()) as { data: Array<{ userId: string; issuedAt: string }> }).data.find((g) => g.userId === creds.clientId)?.issuedAt;
    const first = await issued();
    await new Promise((r) => setTimeout(r, 5));
    await h.env.db.updateTable("ad_accounts").set({ token_expires_at: new Date(Date.now() + 5 * 60_000) }).where("id", "=", accountId).execute();
    const ctx = { db: h.env.db, log: h.env.log, connect: connectSettings({ sandboxUrl: sandbox.url }) } as unknown as RouteContext;
    expect((await renewExpiringTokens(ctx)).renewed).toContain(accountId);
    const row = await h.env.db.selectFrom("ad_accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
    expect(row.token_expires_at!.getTime() - Date.now()).toBeGreaterThan(50 * 60_000);
    // The sandbox saw a fresh client-credentials grant (a new signed assertion) for this API user.
    expect(Date.parse((await issued())!)).toBeGreaterThan(Date.parse(first!));
  });
});

describe("sandbox Apple token endpoint", () => {
  it("refuses a wrong grant type, a wrong scope and an unknown client", async () => {
    const post = (f: Record<string, string>) => fetch(`${sandbox.url}/auth/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(f) });
    expect((await post({ grant_type: "password", scope: "searchadsorg" })).status).toBe(400);
    expect((await post({ grant_type: "client_credentials", scope: "other" })).status).toBe(400);
    const r = await post({ grant_type: "client_credentials", scope: "searchadsorg", client_id: "SEARCHADS.nobody", client_secret: "x.y.z" });
    expect(r.status).toBe(401);
    expect(await r.json()).toEqual({ error: "invalid_client" });
  });
});

function pick(c: { clientId: string; teamId: string; keyId: string }) {
  return { clientId: c.clientId, teamId: c.teamId, keyId: c.keyId };
}
