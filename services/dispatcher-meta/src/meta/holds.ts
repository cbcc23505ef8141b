import type { MetaFields } from "./schemas.ts";

/** Graph fields holding instants: sent as ISO 8601, read back as `2030-01-01T00:00:00+0000`. */
const TIME_FIELDS: ReadonlySet<string> = new Set(["start_time", "end_time", "stop_time"]);

/**
 * Reconcile check for an update: true when the object Meta returned already holds every field
 * the write sets, so an earlier attempt landed and calling again would be a second mutation.
 * Money reads back as numeric strings and times in Graph's own spelling, so scalars compare by
 * value; objects (targeting) compare on the keys we sent, since Meta adds defaults of its own,
 * and lists compare as sets (Meta does not promise to keep the order of countries or genders).
 */
export function metaHolds(current: Readonly<Record<string, unknown>>, fields: MetaFields): boolean {
  return Object.entries(fields).every(([key, want]) => {
    if (want === undefined || want === null) return true;
    const have = current[key];
    return TIME_FIELDS.has(key) ? sameInstant(have, want) : holdsValue(have, want);
  });
}

/** Graph fields to read for `metaHolds` on a given write. */
export function fieldsToVerify(fields: MetaFields): string[] {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k]) => k);
}

function holdsValue(have: unknown, want: unknown): boolean {
  if (have === undefined || have === null) return false;
  if (Array.isArray(want)) {
    return Array.isArray(have) && have.length === want.length && want.every((w) => have.some((h) => holdsValue(h, w)));
  }
  if (typeof want === "object") {
    if (typeof have !== "object" || Array.isArray(have)) return false;
    const h = have as Record<string, unknown>;
    return Object.entries(want as Record<string, unknown>).every(([k, w]) => w === undefined || holdsValue(h[k], w));
  }
  return String(have) === String(want);
}

function sameInstant(have: unknown, want: unknown): boolean {
  const a = instant(have);
  return a !== undefined && a === instant(want);
}

function instant(v: unknown): number | undefined {
  if (typeof v !== "string") return undefined;
  // `+0000` → `+00:00`: Date.parse does not promise to read colon-less offsets.
  const ms = Date.parse(v.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(ms) ? undefined : ms;
}
