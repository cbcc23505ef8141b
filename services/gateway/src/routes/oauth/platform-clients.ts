import { createHash, randomBytes } from "node:crypto";
import { appleClientSecret, type AppleCredentials } from "./apple-credentials.ts";
import type { ConnectSettings } from "./connect-settings.ts";

/** One account a grant covers, as the platform lists it. */
export interface GrantedAccount {
  platformAccountId: string;
  name: string | null;
  currency: string;
}

/** What a finished authorization leaves: one token for every account it covers. */
export interface Grant {
  accessToken: string;
  /** Absent when the platform's token does not expire (TikTok advertiser tokens). */
  expiresAt?: Date;
  accounts: GrantedAccount[];
}

/**
 * A platform refused or failed a connect call. Never carries a token; `code` is the stable code the
 * return URL gets; `retryable` says whether trying the connection again may work.
 */
export class ConnectPlatformError extends Error {
  readonly code: "platform_error" | "invalid_credentials" | "no_ad_accounts";
  readonly retryable: boolean;
  constructor(code: ConnectPlatformError["code"], message: string, opts: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "ConnectPlatformError";
    this.code = code;
    this.retryable = opts.retryable ?? false;
  }
}

/** PKCE (RFC 7636, S256): the verifier stays with Layers, the challenge goes in the dialog URL. */
export function newPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** The platform's consent dialog for Meta and TikTok (Apple has none: Layers hosts its page). */
export function authorizeUrl(s: ConnectSettings, platform: "meta" | "tiktok", a: { state: string; redirectUri: string; codeChallenge?: string }): string {
  if (platform === "meta") {
    const u = new URL(`${s.meta.dialogUrl}/${s.meta.apiVersion}/dialog/oauth`);
    u.searchParams.set("client_id", s.meta.appId);
    u.searchParams.set("redirect_uri", a.redirectUri);
    u.searchParams.set("state", a.state);
    u.searchParams.set("response_type", "code");
    u.searchParams.set("scope", "ads_management,ads_read,business_management");
    if (a.codeChallenge) {
      u.searchParams.set("code_challenge", a.codeChallenge);
      u.searchParams.set("code_challenge_method", "S256");
    }
    return u.toString();
  }
  const u = new URL(s.tiktok.authUrl);
  u.searchParams.set("app_id", s.tiktok.appId);
  u.searchParams.set("state", a.state);
  u.searchParams.set("redirect_uri", a.redirectUri);
  return u.toString();
}

async function call(s: ConnectSettings, what: string, url: string, init: RequestInit = {}): Promise<unknown> {
  let res: Response;
  try {
    res = await s.fetch(url, { ...init, signal: AbortSignal.timeout(s.timeoutMs) });
  } catch (err) {
    throw new ConnectPlatformError("platform_error", `${what}: the platform did not answer`, { retryable: true, cause: err });
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch (err) {
    throw new ConnectPlatformError("platform_error", `${what}: answered ${res.status} with a body that is not JSON`, { retryable: res.status >= 500, cause: err });
  }
  if (res.status >= 500) throw new ConnectPlatformError("platform_error", `${what}: answered ${res.status}`, { retryable: true });
  if (res.status >= 400) {
    // Graph answers {error: {message, code}}; OAuth token endpoints (Apple) answer {error: "invalid_client"}.
    const error = (body as { error?: unknown }).error;
    const detail = typeof error === "string" ? error : ((error as { message?: string } | undefined)?.message ?? "");
    const code = res.status === 401 || error === "invalid_client" ? "invalid_credentials" : "platform_error";
    throw new ConnectPlatformError(code, `${what}: answered ${res.status}${detail ? ` (${detail})` : ""}`);
  }
  return body;
}

/** Meta: code → short-lived user token → long-lived (≈60 days) token, then the ad accounts it reaches. */
export async function metaGrant(s: ConnectSettings, a: { code: string; redirectUri: string; codeVerifier?: string }): Promise<Grant> {
  const base = `${s.meta.graphUrl}/${s.meta.apiVersion}`;
  const q = new URLSearchParams({ client_id: s.meta.appId, client_secret: s.meta.appSecret, redirect_uri: a.redirectUri, code: a.code });
  if (a.codeVerifier) q.set("code_verifier", a.codeVerifier);
  const short = (await call(s, "Meta code exchange", `${base}/oauth/access_token?${q}`)) as { access_token?: string };
  if (typeof short.access_token !== "string") throw new ConnectPlatformError("platform_error", "Meta code exchange: no access_token in the answer");
  const long = await metaExchange(s, short.access_token);
  const accounts: GrantedAccount[] = [];
  let next: string | undefined = `${base}/me/adaccounts?${new URLSearchParams({ fields: "id,account_id,name,currency,account_status", limit: "100" })}`;
  for (let page = 0; next && page < 20; page++) {
    const body = (await call(s, "Meta ad account list", next, { headers: { authorization: `Bearer ${long.accessToken}` } })) as {
      data?: Array<{ account_id?: string; id?: string; name?: string; currency?: string }>;
      paging?: { next?: string };
    };
    for (const r of body.data ?? []) {
      const id = r.account_id ?? r.id?.replace(/^act_/, "");
      if (id) accounts.push({ platformAccountId: id, name: r.name ?? null, currency: r.currency ?? "USD" });
    }
    next = body.paging?.next;
  }
  return { ...long, accounts };
}

/** Meta's `fb_exchange_token`: a valid user token → a long-lived one (≈60 days). Also renews a long-lived token before it expires. */
export async function metaExchange(s: ConnectSettings, token: string): Promise<{ accessToken: string; expiresAt?: Date }> {
  const q = new URLSearchParams({ grant_type: "fb_exchange_token", client_id: s.meta.appId, client_secret: s.meta.appSecret, fb_exchange_token: token });
  const long = (await call(s, "Meta long-lived token exchange", `${s.meta.graphUrl}/${s.meta.apiVersion}/oauth/access_token?${q}`)) as { access_token?: string; expires_in?: number };
  if (typeof long.access_token !== "string") throw new ConnectPlatformError("platform_error", "Meta long-lived exchange: no access_token in the answer");
  return { accessToken: long.access_token, ...(typeof long.expires_in === "number" ? { expiresAt: new Date(Date.now() + long.expires_in * 1000) } : {}) };
}

interface TtEnvelope<T> {
  code?: number;
  message?: string;
  data?: T;
}

function ttData<T>(what: string, body: unknown): T {
  const env = body as TtEnvelope<T>;
  if (env.code !== 0 || env.data === undefined) {
    // TikTok answers HTTP 200 with its own code: 40105/40104 token problems, 40110 bad auth_code, 5xxxx transient.
    const retryable = typeof env.code === "number" && env.code >= 50000;
    throw new ConnectPlatformError("platform_error", `${what}: TikTok code ${String(env.code)} (${env.message ?? "no message"})`, { retryable });
  }
  return env.data;
}

/** TikTok: `auth_code` → long-term advertiser token plus `advertiser_ids`; names and currencies from advertiser/info. */
export async function tiktokGrant(s: ConnectSettings, a: { code: string }): Promise<Grant> {
  const base = `${s.tiktok.apiUrl}/open_api/v1.3`;
  const tok = ttData<{ access_token?: string; advertiser_ids?: Array<string | number> }>(
    "TikTok token exchange",
    await call(s, "TikTok token exchange", `${base}/oauth2/access_token/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ app_id: s.tiktok.appId, secret: s.tiktok.appSecret, auth_code: a.code }),
    }),
  );
  if (typeof tok.access_token !== "string") throw new ConnectPlatformError("platform_error", "TikTok token exchange: no access_token in the answer");
  const ids = (tok.advertiser_ids ?? []).map(String);
  const names = new Map<string, string>();
  const list = ttData<{ list?: Array<{ advertiser_id?: string | number; advertiser_name?: string }> }>(
    "TikTok advertiser list",
    await call(s, "TikTok advertiser list", `${base}/oauth2/advertiser/get/?${new URLSearchParams({ app_id: s.tiktok.appId, secret: s.tiktok.appSecret })}`, {
      headers: { "access-token": tok.access_token },
    }),
  );
  for (const r of list.list ?? []) if (r.advertiser_id !== undefined) names.set(String(r.advertiser_id), r.advertiser_name ?? "");
  const currencies = new Map<string, string>();
  if (ids.length > 0) {
    const info = ttData<{ list?: Array<{ advertiser_id?: string | number; currency?: string; name?: string }> }>(
      "TikTok advertiser info",
      await call(s, "TikTok advertiser info", `${base}/advertiser/info/?${new URLSearchParams({ advertiser_ids: JSON.stringify(ids) })}`, {
        headers: { "access-token": tok.access_token },
      }),
    );
    for (const r of info.list ?? []) if (r.advertiser_id !== undefined && r.currency) currencies.set(String(r.advertiser_id), r.currency);
  }
  return {
    accessToken: tok.access_token,
    accounts: ids.map((id) => ({ platformAccountId: id, name: names.get(id) || null, currency: currencies.get(id) ?? "USD" })),
  };
}

/** TikTok's revoke call: the token stops working for every advertiser it covered. */
export async function tiktokRevoke(s: ConnectSettings, accessToken: string): Promise<void> {
  ttData(
    "TikTok revoke",
    await call(s, "TikTok revoke", `${s.tiktok.apiUrl}/open_api/v1.3/oauth2/revoke_token/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ app_id: s.tiktok.appId, secret: s.tiktok.appSecret, access_token: accessToken }),
    }),
  );
}

/** Apple: a client-credentials token signed with the connection's key (no refresh token; about an hour). */
export async function appleToken(s: ConnectSettings, c: AppleCredentials): Promise<{ accessToken: string; expiresAt: Date }> {
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: c.clientId, client_secret: appleClientSecret(c), scope: "searchadsorg" });
  const tok = (await call(s, "Apple token", s.apple.tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body })) as {
    access_token?: string;
    expires_in?: number;
  };
  if (typeof tok.access_token !== "string") throw new ConnectPlatformError("platform_error", "Apple token: no access_token in the answer");
  return { accessToken: tok.access_token, expiresAt: new Date(Date.now() + (tok.expires_in ?? 3600) * 1000) };
}

/**
 * Apple: the accounts the API user reaches, from the configured API's ACLs. The Ads Platform API
 * (`GET /v1/acls`) names ad accounts without their currency, so each one is read once
 * (`GET /v1/ad-accounts/:id`); v5 (`GET /api/v5/acls`) lists orgs with theirs.
 */
export async function appleGrant(s: ConnectSettings, c: AppleCredentials): Promise<Grant> {
  const token = await appleToken(s, c);
  const auth = { authorization: `Bearer ${token.accessToken}` };
  if (s.apple.api === "v5") {
    const acls = (await call(s, "Apple ACL list", `${s.apple.apiUrl}/api/v5/acls`, { headers: auth })) as {
      data?: Array<{ orgId?: number | string; orgName?: string; currency?: string }>;
    };
    const accounts = (acls.data ?? [])
      .filter((r) => r.orgId !== undefined)
      .map((r) => ({ platformAccountId: String(r.orgId), name: r.orgName ?? null, currency: r.currency ?? "USD" }));
    return { accessToken: token.accessToken, expiresAt: token.expiresAt, accounts };
  }
  const acls = (await call(s, "Apple ACL list", `${s.apple.apiUrl}/v1/acls`, { headers: auth })) as {
    result?: { acls?: Array<{ adAccount?: { id?: number | string; name?: string } }> };
  };
  const accounts = [];
  for (const acl of acls.result?.acls ?? []) {
    const id = acl.adAccount?.id;
    if (id === undefined) continue;
    const account = (await call(s, "Apple ad account", `${s.apple.apiUrl}/v1/ad-accounts/${encodeURIComponent(String(id))}`, {
      headers: { ...auth, "x-ap-context": `adAccountId=${id}` },
    })) as { result?: { currency?: string; name?: string } };
    accounts.push({ platformAccountId: String(id), name: account.result?.name ?? acl.adAccount?.name ?? null, currency: account.result?.currency ?? "USD" });
  }
  return { accessToken: token.accessToken, expiresAt: token.expiresAt, accounts };
}

