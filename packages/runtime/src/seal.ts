import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Platform access tokens, Apple private keys and webhook secrets are sealed at rest with
 * AES-256-GCM. Envelope: `v2.<keyId>.<iv>.<tag>.<ciphertext>` (base64url). The key id names the
 * key that sealed the value, so the key can rotate with no downtime:
 *
 * - `TOKEN_ENCRYPTION_KEY` is a key ring: one or more 32-byte base64 keys, comma-separated. The
 *   first seals; every key opens.
 * - A key's id is derived from the key itself (first 8 bytes of its sha256, base64url), so no
 *   service needs to agree on names, and a value sealed under a key nobody holds any more fails
 *   with an error naming that id.
 * - Values sealed before key ids existed (`v1.<iv>.<tag>.<ciphertext>`) still open: every key of
 *   the ring is tried (GCM's tag tells the right one).
 *
 * Rotation without downtime: first every service gets the ring `OLD,NEW` (opens both, still
 * seals under OLD, so an instance not yet restarted can open whatever a new one writes), then
 * `NEW,OLD` (seals under NEW), then `ops rotate-token-key` re-seals every stored value under NEW;
 * only then may OLD leave the ring. See docs/connect.md.
 */
export function sealToken(plaintext: string, keyRing: string): string {
  const [current] = parseKeyRing(keyRing);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current!.key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v2", current!.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

export function openToken(sealed: string, keyRing: string): string {
  const ring = parseKeyRing(keyRing);
  const parts = sealed.split(".");
  if (parts[0] === "v2" && parts.length === 5) {
    const [, kid, iv, tag, ct] = parts as [string, string, string, string, string];
    const k = ring.find((r) => r.id === kid);
    if (!k) throw new SealKeyMissingError(kid);
    return decrypt(k.key, iv, tag, ct);
  }
  if (parts[0] === "v1" && parts.length === 4) {
    const [, iv, tag, ct] = parts as [string, string, string, string];
    let last: unknown;
    for (const k of ring) {
      try {
        return decrypt(k.key, iv, tag, ct);
      } catch (err) {
        last = err;
      }
    }
    throw new Error("no key of the ring opens this sealed value", { cause: last });
  }
  throw new Error("not a sealed token");
}

/** The id of the key that sealed a value (`v1` values predate key ids: undefined). */
export function sealedKeyId(sealed: string): string | undefined {
  const parts = sealed.split(".");
  return parts[0] === "v2" && parts.length === 5 ? parts[1] : undefined;
}

/** The id of the ring's sealing (first) key. */
export function currentKeyId(keyRing: string): string {
  return parseKeyRing(keyRing)[0]!.id;
}

/** True when the value is sealed under the ring's current key (nothing to re-seal). */
export function isSealedUnderCurrentKey(sealed: string, keyRing: string): boolean {
  return sealedKeyId(sealed) === currentKeyId(keyRing);
}

/** Opens with any key of the ring and seals again under the current key. */
export function resealToken(sealed: string, keyRing: string): string {
  return sealToken(openToken(sealed, keyRing), keyRing);
}

/** A sealed value names a key the ring does not hold (it was dropped before the rotation finished). */
export class SealKeyMissingError extends Error {
  readonly keyId: string;
  readonly retryable = false;
  constructor(keyId: string) {
    super(`no key with id ${keyId} in TOKEN_ENCRYPTION_KEY (rotate before dropping a key)`);
    this.name = "SealKeyMissingError";
    this.keyId = keyId;
  }
}

interface RingKey {
  id: string;
  key: Buffer;
}

// Parsing is cheap but runs on every seal/open; the ring strings are few (one per config).
const parsedRings = new Map<string, RingKey[]>();

export function parseKeyRing(keyRing: string): RingKey[] {
  const cached = parsedRings.get(keyRing);
  if (cached) return cached;
  const parts = keyRing.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (parts.length === 0) throw new Error("TOKEN_ENCRYPTION_KEY must be 32 bytes, base64");
  const ring = parts.map((b64) => {
    const key = Buffer.from(b64, "base64");
    if (key.length !== 32) throw new Error("TOKEN_ENCRYPTION_KEY must be 32 bytes, base64 (comma-separated for a key ring)");
    return { id: keyIdOf(key), key };
  });
  if (parsedRings.size > 64) parsedRings.clear();
  parsedRings.set(keyRing, ring);
  return ring;
}

function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest().subarray(0, 8).toString("base64url");
}

function decrypt(key: Buffer, iv: string, tag: string, ct: string): string {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

/** The development key used by the dev stack and tests; production sets its own. */
export const DEV_TOKEN_KEY = Buffer.alloc(32, 7).toString("base64");
