import { METADATA_MAX_KEYS } from "@layers/contracts";
import { ApiError } from "../../errors.ts";

/**
 * Stripe-shaped metadata merge: each key of the patch replaces the stored one, `""` unsets it,
 * `null` (the whole field) clears everything. The merged result must stay within 50 keys.
 */
export function mergeMetadata(current: Record<string, string>, patch: Record<string, string> | null | undefined): Record<string, string> {
  if (patch === undefined) return current;
  if (patch === null) return {};
  const out: Record<string, string> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === "") delete out[k];
    else out[k] = v;
  }
  if (Object.keys(out).length > METADATA_MAX_KEYS) {
    throw new ApiError("VALIDATION", "the request body is not valid", {
      errors: [{ pointer: "/metadata", detail: `metadata holds at most ${METADATA_MAX_KEYS} keys after the merge (it would hold ${Object.keys(out).length})` }],
    });
  }
  return out;
}
