/** Deeper than any body the gateway accepts (json-body refuses more than BODY_LIMITS.maxDepth): a guard, never a rule. */
export const CANONICAL_MAX_DEPTH = 64;

/** A value too deep to canonicalize: a bug upstream (the body limits should have refused it), not bad input to echo. */
export class CanonicalJsonTooDeepError extends Error {
  readonly retryable = false;
  constructor() {
    super(`value nested deeper than ${CANONICAL_MAX_DEPTH} levels`);
    this.name = "CanonicalJsonTooDeepError";
  }
}

/**
 * JSON with object keys sorted at every depth, so two bodies that differ only in key order or
 * whitespace fingerprint the same. `undefined` members are dropped, as JSON.stringify does.
 * Bounded in depth: no input can exhaust the stack.
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (depth >= CANONICAL_MAX_DEPTH) throw new CanonicalJsonTooDeepError();
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v, depth + 1))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, depth + 1)}`).join(",")}}`;
}
