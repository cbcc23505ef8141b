import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Keyset pagination cursors: the sort key of the last row served. The timestamp is kept as
 * Postgres printed it (microseconds), so the next page starts exactly after it.
 *
 * A cursor goes back into SQL, so it is signed (HMAC-SHA256 with the gateway's cursor secret,
 * truncated to 128 bits): a value this gateway did not issue — forged, edited or from another
 * deployment — is refused before anything is parsed, never trusted.
 */
export interface Cursor {
  at: string;
  id: string;
}

export interface CursorCodec {
  encode(c: Cursor): string;
  /** Null for anything that is not a cursor this gateway issued. */
  decode(raw: string): Cursor | null;
}

const MAC_BYTES = 16;
const SHAPE = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{22})$/;

export function cursorCodec(secret: string | Buffer): CursorCodec {
  const mac = (payload: string) => createHmac("sha256", secret).update(payload).digest().subarray(0, MAC_BYTES);
  return {
    encode(c) {
      const payload = Buffer.from(JSON.stringify([c.at, c.id]), "utf8").toString("base64url");
      return `${payload}.${mac(payload).toString("base64url")}`;
    },
    decode(raw) {
      const m = SHAPE.exec(raw);
      if (!m) return null;
      const given = Buffer.from(m[2]!, "base64url");
      if (given.length !== MAC_BYTES || !timingSafeEqual(given, mac(m[1]!))) return null;
      try {
        const v: unknown = JSON.parse(Buffer.from(m[1]!, "base64url").toString("utf8"));
        if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "string" || typeof v[1] !== "string") return null;
        return { at: v[0], id: v[1] };
      } catch {
        return null;
      }
    },
  };
}

/**
 * The cursor key when none is configured: derived from the customer-token secret (which every
 * gateway of a deployment shares, so any instance accepts another's cursors) under its own label,
 * so the two uses never share a key.
 */
export function deriveCursorSecret(customerJwtSecret: string): Buffer {
  return createHmac("sha256", customerJwtSecret).update("layers/gateway/pagination-cursor/v1").digest();
}
