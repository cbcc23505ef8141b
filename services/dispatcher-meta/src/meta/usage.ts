/** One ad account's reading from `X-Business-Use-Case-Usage`. */
export interface BusinessUsage {
  /** The bare ad account id the header keys it by. */
  accountId: string;
  /** The highest of call count, CPU time and total time, in percent of the account's budget. */
  pct: number;
  /** `estimated_time_to_regain_access` in ms; undefined while the account is not blocked. */
  regainMs: number | undefined;
}

/**
 * Reads `{"<id>":[{"type","call_count","total_cputime","total_time","estimated_time_to_regain_access"}]}`.
 * Several use-case entries for one account fold into the tightest; a malformed header reads as nothing.
 */
export function parseBusinessUsage(header: string | null | undefined): BusinessUsage[] {
  if (!header) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return [];
  const out: BusinessUsage[] = [];
  for (const [accountId, entries] of Object.entries(parsed)) {
    if (!Array.isArray(entries)) continue;
    let pct = -1;
    let regainMin = 0;
    for (const e of entries as Record<string, unknown>[]) {
      for (const f of ["call_count", "total_cputime", "total_time"]) {
        const v = e?.[f];
        if (typeof v === "number" && Number.isFinite(v) && v > pct) pct = v;
      }
      const m = e?.estimated_time_to_regain_access;
      if (typeof m === "number" && Number.isFinite(m) && m > regainMin) regainMin = m;
    }
    if (pct >= 0) out.push({ accountId: accountId.replace(/^act_/, ""), pct, regainMs: regainMin > 0 ? regainMin * 60_000 : undefined });
  }
  return out;
}
