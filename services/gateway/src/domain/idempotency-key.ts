import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.ts";

/**
 * The header value, or null when malformed. Keys are 1–255 visible ASCII characters; the IETF
 * draft's structured-field form (`"…"`) is accepted and unquoted.
 */
export function parseIdempotencyKey(raw: string): string | null {
  const v = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  return /^[\x21-\x7e]{1,255}$/.test(v) ? v : null;
}

/** What a retry must repeat exactly: method, path and the canonical body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()}\n${path}\n${body === undefined ? "" : canonicalJson(body)}`)
    .digest("hex");
}
