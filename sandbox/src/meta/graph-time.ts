/**
 * Meta renders datetimes as `2026-11-22T15:37:00+0000` (ISO 8601, UTC, colon-less offset) and
 * accepts ISO 8601 strings or Unix seconds on input.
 */
export function formatGraphTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "+0000");
}

/** Returns undefined for input that is neither Unix seconds nor a parseable ISO 8601 datetime. */
export function parseGraphTime(v: string | number): Date | undefined {
  if (typeof v === "number" || /^\d+$/.test(v.trim())) {
    const secs = Number(v);
    return Number.isSafeInteger(secs) ? new Date(secs * 1000) : undefined;
  }
  const s = v.trim();
  // ISO 8601 with a date part; also accept +0000-style offsets, which Date.parse may not.
  if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return undefined;
  const normalised = s.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
