import type { AuthorityPatch } from "@layers/contracts";
import { ApiError } from "../../errors.ts";

/** An empty authority patch would still take a sequence number and an audit row for nothing. */
export function requireSomeAxis(patch: AuthorityPatch, pointer = "/authority"): void {
  if (Object.keys(patch).length === 0) {
    throw new ApiError("VALIDATION", "the request body is not valid", {
      errors: [{ pointer, detail: "name at least one of creative, tactical, structural" }],
    });
  }
}
