import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Platform access tokens are sealed at rest with AES-256-GCM. Format: `v1.<iv>.<tag>.<ciphertext>`
 * (base64url), so the key can be rotated later by adding `v2`.
 */
export function sealToken(plaintext: string, keyB64: string): string {
  const key = keyFrom(keyB64);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

export function openToken(sealed: string, keyB64: string): string {
  const [v, iv, tag, ct] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || !ct) throw new Error("not a sealed token");
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(keyB64), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

function keyFrom(keyB64: string): Buffer {
  const key = Buffer.from(keyB64, "base64");
  if (key.length !== 32) throw new Error("TOKEN_ENCRYPTION_KEY must be 32 bytes, base64");
  return key;
}

/** The development key used by the dev stack and tests; production sets its own. */
export const DEV_TOKEN_KEY = Buffer.alloc(32, 7).toString("base64");
