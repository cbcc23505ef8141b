import { createHash, generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../app.ts";

const REDIRECT = "https://api.layers.test/v1/oauth/callback/meta";
const running: RunningSandbox[] = [];
afterAll(async () => {
  for (const s of running) await s.stop();
});

async function sandbox(stateFile?: string): Promise<RunningSandbox> {
  const s = await startSandbox(stateFile ? { stateFile } : {});
  running.push(s);
  return s;
}

/** Dialog → Allow: the code on the redirect, and the browser's session cookie. */
async function metaCode(url: string, cookie = "", challenge?: string): Promise<{ code: string; cookie: string; accounts: string[] }> {
  const q = new URLSearchParams({ client_id: "app-1", redirect_uri: REDIRECT, state: "st-1", ...(challenge ? { code_challenge: challenge, code_challenge_method: "S256" } : {}) });
  const page = await fetch(`${url}/v21.0/dialog/oauth?${q}`, { headers: cookie ? { cookie } : {} });
  const jar = page.headers.get("set-cookie")?.split(";")[0] ?? cookie;
  const html = await page.text();
  const pending = /name="pending" value="([^"]+)"/.exec(html)![1]!;
  const accounts = [...html.matchAll(/name="account" value="([^"]+)" checked/g)].map((m) => m[1]!);
  const form = new URLSearchParams({ pending, decision: "allow" });
  for (const a of accounts) form.append("account", a);
  const res = await fetch(`${url}/_sandbox/oauth/consent`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar }, body: form, redirect: "manual" });
  const back = new URL(res.headers.get("location")!);
  expect(back.searchParams.get("state")).toBe("st-1");
  return { code: back.searchParams.get("code")!, cookie: jar, accounts };
}

async function exchange(url: string, params: Record<string, string>) {
  const res = await fetch(`${url}/v21.0/oauth/access_token?${new URLSearchParams({ client_id: "app-1", client_secret: "s", redirect_uri: REDIRECT, ...params })}`);
  return { status: res.status, body: (await res.json()) as { access_token?: string; expires_in?: number; error?: { code: number } } };
}

describe("sandbox Meta OAuth", () => {
  it("a code is single-use, bound to its redirect_uri, and to its PKCE challenge", async () => {
    const s = await sandbox();
    const verifier = "v".repeat(50);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const { code } = await metaCode(s.url, "", challenge);
    expect((await exchange(s.url, { code, code_verifier: "wrong" })).status).toBe(400);
    expect((await exchange(s.url, { code, code_verifier: verifier, redirect_uri: "https://evil.test/cb" })).status).toBe(400);
    const ok = await exchange(s.url, { code, code_verifier: verifier });
    expect(ok.status).toBe(200);
    expect(ok.body.expires_in).toBe(7200);
    const replay = await exchange(s.url, { code, code_verifier: verifier });
    expect(replay.status).toBe(400);
    const long = await exchange(s.url, { grant_type: "fb_exchange_token", fb_exchange_token: ok.body.access_token! });
    expect(long.body.expires_in).toBe(60 * 24 * 3600);
    const debug = (await (await fetch(`${s.url}/v21.0/debug_token?input_token=${long.body.access_token}`)).json()) as { data: { is_valid: boolean; type: string } };
    expect(debug.data).toMatchObject({ is_valid: true, type: "USER" });
    // Revoking the app ends every token it was given.
    const del = await fetch(`${s.url}/v21.0/me/permissions`, { method: "DELETE", headers: { authorization: `Bearer ${long.body.access_token}` } });
    expect(del.status).toBe(200);
    expect((await fetch(`${s.url}/v21.0/me/adaccounts?access_token=${long.body.access_token}`)).status).toBe(400);
  });

  it("keeps sessions, grants and Apple API users across a restart from the state file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sb-oauth-")), "state.json");
    const first = await sandbox(file);
    const { code, cookie, accounts } = await metaCode(first.url);
    const token = (await exchange(first.url, { code })).body.access_token!;
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const api = await fetch(`${first.url}/_sandbox/apple/api-users`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ publicKey: publicKey.export({ type: "spki", format: "pem" }) }) });
    expect(api.status).toBe(201);
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const second = await sandbox(file);
    const mine = (await (await fetch(`${second.url}/v21.0/me/adaccounts?access_token=${token}`)).json()) as { data: Array<{ account_id: string }> };
    expect(mine.data.map((a) => a.account_id)).toEqual(accounts);
    const campaigns = await fetch(`${second.url}/v21.0/act_${accounts[0]}/campaigns?fields=name&access_token=${token}`);
    expect(campaigns.status).toBe(200);
    // The same browser is the same user: offered the same account.
    expect((await metaCode(second.url, cookie)).accounts).toEqual(accounts);
    const grants = (await (await fetch(`${second.url}/_sandbox/oauth/grants?platform=meta`)).json()) as { data: Array<{ accessToken: string }> };
    expect(grants.data.map((g) => g.accessToken)).toContain(token);
  });

  it("a new browser is a new user with one fresh account holding two campaigns", async () => {
    const s = await sandbox();
    const a = await metaCode(s.url);
    const b = await metaCode(s.url);
    expect(a.accounts).toHaveLength(1);
    expect(b.accounts).toHaveLength(1);
    expect(a.accounts[0]).not.toBe(b.accounts[0]);
    const token = (await exchange(s.url, { code: a.code })).body.access_token!;
    const list = (await (await fetch(`${s.url}/v21.0/act_${a.accounts[0]}/campaigns?fields=name&access_token=${token}`)).json()) as { data: unknown[] };
    expect(list.data).toHaveLength(2);
    // The token acts only on the accounts its grant covers.
    expect((await fetch(`${s.url}/v21.0/act_${b.accounts[0]}/campaigns?fields=name&access_token=${token}`)).status).toBe(400);
  });
});
