import type { FastifyRequest } from "fastify";
import type { AppleStore } from "../apple/apple-store.ts";
import type { MetaStore } from "../meta/meta-store.ts";
import type { TiktokStore } from "../tiktok/tiktok-store.ts";
import type { IssuedGrant, OauthStore } from "./oauth-store.ts";

/** What the OAuth surfaces share: their own store and the platform stores whose tokens they grant. */
export interface OauthDeps {
  store: OauthStore;
  meta: MetaStore;
  tiktok: TiktokStore;
  apple: AppleStore;
  /** Called after every change worth keeping (the state file's writer hooks in here). */
  onMutation?: () => void;
  now?: () => Date;
}

export const CODE_TTL_MS = 10 * 60_000;
export const PENDING_TTL_MS = 30 * 60_000;
export const META_SHORT_TTL_S = 2 * 3600;
export const META_LONG_TTL_S = 60 * 24 * 3600;
export const APPLE_TOKEN_TTL_S = 3600;

/** Form bodies as the consent page and Apple's token endpoint send them (repeated fields → arrays). */
export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prior = out[k];
    out[k] = prior === undefined ? v : Array.isArray(prior) ? [...prior, v] : [prior, v];
  }
  return out;
}

export function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function expired(g: IssuedGrant, now: Date): boolean {
  return g.expiresAt !== null && Date.parse(g.expiresAt) <= now.getTime();
}

export function issue(store: OauthStore, g: Omit<IssuedGrant, "issuedAt" | "expiresAt" | "revoked">, now: Date, ttlSeconds: number | null): IssuedGrant {
  const full: IssuedGrant = { ...g, issuedAt: now.toISOString(), expiresAt: ttlSeconds === null ? null : new Date(now.getTime() + ttlSeconds * 1000).toISOString(), revoked: false };
  store.grants.set(full.accessToken, full);
  return full;
}

export function metaGrantOf(store: OauthStore, req: FastifyRequest): IssuedGrant | undefined {
  const q = req.query as Record<string, string | undefined>;
  const token = q.access_token ?? /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header(req, "authorization") ?? "")?.[1];
  const g = token === undefined ? undefined : store.grants.get(token);
  return g && g.platform === "meta" && !g.revoked && !expired(g, new Date()) ? g : undefined;
}

export function tiktokGrantOf(store: OauthStore, req: FastifyRequest): IssuedGrant | undefined {
  const token = header(req, "access-token");
  const g = token === undefined ? undefined : store.grants.get(token);
  return g && g.platform === "tiktok" && !g.revoked ? g : undefined;
}

