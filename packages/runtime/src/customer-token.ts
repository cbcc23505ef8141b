import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Customer JWTs (HS256). A customer token speaks for one end customer of one project: it carries
 * the organization, the project and the user. `typ: "customer"` keeps other HS256 tokens out.
 */
export const customerClaimsSchema = z.object({
  typ: z.literal("customer"),
  sub: z.string().min(1),
  org: z.string().regex(/^org_/),
  project: z.uuid(),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type CustomerClaims = z.infer<typeof customerClaimsSchema>;

const b64url = (v: Buffer | string) => Buffer.from(v).toString("base64url");

export function signCustomerToken(
  claims: { sub: string; org: string; project: string },
  secret: string,
  ttlSeconds = 24 * 3600,
  now = Math.floor(Date.now() / 1000),
): string {
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = b64url(JSON.stringify({ typ: "customer", ...claims, iat: now, exp: now + ttlSeconds }));
  const sig = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${sig}`;
}

export type VerifyResult = { ok: true; claims: CustomerClaims } | { ok: false; why: string };

export function verifyCustomerToken(token: string, secret: string, now = Math.floor(Date.now() / 1000)): VerifyResult {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, why: "not a JWT" };
  const [h, p, s] = parts as [string, string, string];
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(h, "base64url").toString("utf8"));
  } catch {
    return { ok: false, why: "bad header" };
  }
  if ((header as { alg?: string })?.alg !== "HS256") return { ok: false, why: "unsupported alg" };
  const want = createHmac("sha256", secret).update(`${h}.${p}`).digest();
  const got = Buffer.from(s, "base64url");
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, why: "bad signature" };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
  } catch {
    return { ok: false, why: "bad payload" };
  }
  const claims = customerClaimsSchema.safeParse(payload);
  if (!claims.success) return { ok: false, why: "bad claims" };
  if (claims.data.exp <= now) return { ok: false, why: "expired" };
  return { ok: true, claims: claims.data };
}

/** Heuristic used by the gateway to route a bearer credential: JWTs have three dot-separated parts. */
export function looksLikeJwt(bearer: string): boolean {
  return bearer.split(".").length === 3;
}
