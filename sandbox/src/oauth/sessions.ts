import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { header, type OauthDeps } from "./oauth-deps.ts";
import { OauthStore, type OauthPlatform, type SandboxUser } from "./oauth-store.ts";

export function accountSummary(deps: OauthDeps, platform: "meta" | "tiktok", id: string): { id: string; label: string; name: string; currency: string } {
  const a = platform === "meta" ? deps.meta.account(id) : deps.tiktok.advertiser(id);
  return { id, label: platform === "meta" ? `act_${id}` : id, name: a?.name ?? id, currency: a?.currency ?? "USD" };
}

const COOKIE = { meta: "sb_meta_session", tiktok: "sb_tiktok_session" } as const;

export function sessionUserId(store: OauthStore, platform: "meta" | "tiktok", req: FastifyRequest): string | undefined {
  const cookie = header(req, "cookie") ?? "";
  const m = new RegExp(`(?:^|;\\s*)${COOKIE[platform]}=([A-Za-z0-9_-]+)`).exec(cookie);
  return m ? store.sessions.get(`${platform}:${m[1]}`) : undefined;
}

/** The browser's signed-in user, or a new one (with one fresh account) and a session cookie. */
export async function sessionUser(app: FastifyInstance, store: OauthStore, platform: "meta" | "tiktok", req: FastifyRequest, reply: FastifyReply): Promise<SandboxUser> {
  const known = sessionUserId(store, platform, req);
  const user = known === undefined ? undefined : store.users.get(known);
  if (user) return user;
  const fresh = await freshAccount(app, platform, undefined);
  const created: SandboxUser = { id: randomUUID(), platform, accountIds: [String(fresh.id)] };
  store.users.set(created.id, created);
  const session = OauthStore.newSecret(24);
  store.sessions.set(`${platform}:${session}`, created.id);
  void reply.header("set-cookie", `${COOKIE[platform]}=${session}; Path=/; HttpOnly; SameSite=Lax`);
  return created;
}

const FRESH_SEEDS: Record<OauthPlatform, { url: string; body: (name: string) => Record<string, unknown>; id: (a: Record<string, unknown>) => string }> = {
  meta: {
    url: "/_sandbox/meta/ad-accounts",
    body: (name) => ({
      name,
      currency: "USD",
      campaigns: [
        { name: "Always-on prospecting", objective: "OUTCOME_SALES", status: "ACTIVE", daily_budget: 3000 },
        { name: "Holiday retargeting", objective: "OUTCOME_TRAFFIC", status: "PAUSED", daily_budget: 1500 },
      ],
    }),
    id: (a) => String(a.platformAccountId),
  },
  tiktok: {
    url: "/_sandbox/tiktok/advertisers",
    body: (name) => ({
      name,
      currency: "USD",
      campaigns: [
        { campaign_name: "Always-on video views", objective_type: "VIDEO_VIEWS", budget_mode: "BUDGET_MODE_DAY", budget: 60 },
        { campaign_name: "Launch traffic", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 40 },
      ],
    }),
    id: (a) => String(a.advertiserId),
  },
  apple: {
    url: "/_sandbox/apple/orgs",
    body: (name) => ({
      name,
      currency: "USD",
      campaigns: [
        { name: "Brand search US", dailyBudgetAmount: "120" },
        { name: "Competitor search US", dailyBudgetAmount: "80" },
      ],
    }),
    id: (a) => String(a.orgId),
  },
};

/** A new account with two campaigns made outside Layers, through the platform's own control route. */
export async function freshAccount(app: FastifyInstance, platform: OauthPlatform, name: string | undefined): Promise<{ id: string }> {
  const seed = FRESH_SEEDS[platform];
  const res = await app.inject({ method: "POST", url: seed.url, payload: seed.body(name ?? `Sandbox ${platform} account ${randomUUID().slice(0, 6)}`) });
  if (res.statusCode !== 201) throw new Error(`could not seed a fresh ${platform} account: ${res.statusCode} ${res.body}`);
  return { id: seed.id(res.json() as Record<string, unknown>) };
}

/** Checks an Apple client secret: ES256 JWT, `kid` = keyId, sub/iss/aud as Apple requires, unexpired, signed by the user's key. */
