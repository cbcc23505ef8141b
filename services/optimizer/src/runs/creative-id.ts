import { createHash } from "node:crypto";

/** Keys sorted at every level, so the same content always hashes the same. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]));
  return v;
}

/** A creative's pool id: a hash of its content, so ads showing the same creative share it. */
export function creativeIdOf(creative: unknown): string {
  return `crv_${createHash("sha256").update(JSON.stringify(canonical(creative))).digest("hex").slice(0, 24)}`;
}
