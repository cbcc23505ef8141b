/**
 * Keyset pagination cursors: the sort key of the last row served, opaque to callers. The
 * timestamp is kept as Postgres printed it (microseconds), so the next page starts exactly after it.
 */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id]), "utf8").toString("base64url");
}

/** Null for anything that is not a cursor this gateway issued. */
export function decodeCursor(raw: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(raw)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "string" || typeof v[1] !== "string") return null;
    if (Number.isNaN(Date.parse(v[0]))) return null;
    return { at: v[0], id: v[1] };
  } catch {
    return null;
  }
}
