import { z } from "zod";

/** The scope vocabulary of SPEC §5. There is deliberately no kill-switch scope. */
export const SCOPES = [
  "ads:read",
  "ads:write:connect",
  "ads:write:campaigns",
  "ads:write:budgets",
  "ads:write:creative",
  "ads:write:lifecycle",
  "ads:write:policy",
  "ads:write:optimizer_trigger",
  "ads:write:pending",
  "ads:write:capi",
  "ads:write:override",
  "projects:read",
  "projects:write",
  "webhooks:read",
  "webhooks:write",
  "audit:read",
  "org:admin",
] as const;
export type Scope = (typeof SCOPES)[number];

/** The legacy `ads:write` scope means exactly these eight sub-scopes (not connect, not override). */
export const LEGACY_ADS_WRITE: readonly Scope[] = [
  "ads:write:campaigns",
  "ads:write:budgets",
  "ads:write:creative",
  "ads:write:lifecycle",
  "ads:write:policy",
  "ads:write:optimizer_trigger",
  "ads:write:pending",
  "ads:write:capi",
];

/** A granted scope as stored on a key: a concrete scope, a wildcard, or the legacy `ads:write`. */
export const grantedScopeSchema = z
  .string()
  .refine((s) => isGrantableScope(s), { message: "unknown scope" });

export function isGrantableScope(s: string): boolean {
  if (s === "*" || s === "ads:write") return true;
  if ((SCOPES as readonly string[]).includes(s)) return true;
  if (s.endsWith(":*")) {
    const stem = s.slice(0, -1); // keeps the trailing ':'
    return SCOPES.some((scope) => scope.startsWith(stem));
  }
  return false;
}

/**
 * Scopes no wildcard covers: they must be granted by name (`org:admin` acts for other orgs, so a
 * `*` key minted before sub-organizations existed does not quietly gain that power).
 */
export const DENY_BY_DEFAULT_SCOPES: readonly Scope[] = ["org:admin"];
const WILDCARD_COVERABLE = SCOPES.filter((s) => !DENY_BY_DEFAULT_SCOPES.includes(s));

/** Expands a key's granted scopes into the concrete scopes they cover. */
export function expandScopes(granted: readonly string[]): Set<Scope> {
  const out = new Set<Scope>();
  for (const g of granted) {
    if (g === "*") WILDCARD_COVERABLE.forEach((s) => out.add(s));
    else if (g === "ads:write") LEGACY_ADS_WRITE.forEach((s) => out.add(s));
    else if (g.endsWith(":*")) {
      // `<resource>:*` and `<resource>:<action>:*` both cover every scope under that stem.
      const stem = g.slice(0, -1);
      WILDCARD_COVERABLE.filter((s) => s.startsWith(stem)).forEach((s) => out.add(s));
    } else if ((SCOPES as readonly string[]).includes(g)) out.add(g as Scope);
  }
  return out;
}

export function hasScope(granted: readonly string[], needed: Scope): boolean {
  return expandScopes(granted).has(needed);
}
