import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * API key secrets: `lak_<env>_<32 base62>_<6 base62 crc32>`. The prefix lets secret scanners spot
 * them; the checksum lets the gateway reject typos and look-alikes before touching the database.
 * Only the sha256 of the secret is stored.
 */
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_RE = /^lak_(live|test)_([0-9A-Za-z]{32})([0-9A-Za-z]{6})$/;

function base62(bytes: Buffer, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += BASE62[bytes[i]! % 62];
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(s: string): number {
  let c = 0xffffffff;
  for (const b of Buffer.from(s, "utf8")) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function checksum(body: string): string {
  let n = crc32(body);
  let out = "";
  for (let i = 0; i < 6; i++) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function mintApiKeySecret(env: "live" | "test" = "live"): string {
  const body = `lak_${env}_${base62(randomBytes(32), 32)}`;
  return body + checksum(body);
}

/** Offline format + checksum check: true only for a well-formed secret. */
export function isWellFormedApiKey(secret: string): boolean {
  const m = KEY_RE.exec(secret);
  if (!m) return false;
  const body = secret.slice(0, -6);
  const given = Buffer.from(m[3]!);
  const want = Buffer.from(checksum(body));
  return given.length === want.length && timingSafeEqual(given, want);
}

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
