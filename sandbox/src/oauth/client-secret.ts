import { verify } from "node:crypto";

export function verifyClientSecret(jwt: string, user: { clientId: string; teamId: string; keyId: string; publicKeyPem: string }, now: Date): boolean {
  const parts = jwt.split(".");
  if (parts.length !== 3) return false;
  try {
    const head = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as { alg?: string; kid?: string };
    const claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as { sub?: string; iss?: string; aud?: string; iat?: number; exp?: number };
    const t = Math.floor(now.getTime() / 1000);
    if (head.alg !== "ES256" || head.kid !== user.keyId) return false;
    if (claims.sub !== user.clientId || claims.iss !== user.teamId || claims.aud !== "https://appleid.apple.com") return false;
    if (typeof claims.exp !== "number" || typeof claims.iat !== "number" || claims.exp <= t || claims.exp - claims.iat > 180 * 24 * 3600) return false;
    return verify("sha256", Buffer.from(`${parts[0]}.${parts[1]}`), { key: user.publicKeyPem, dsaEncoding: "ieee-p1363" }, Buffer.from(parts[2]!, "base64url"));
  } catch {
    return false;
  }
}
