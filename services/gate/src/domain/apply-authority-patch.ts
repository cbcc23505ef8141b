import { AXES, type AuthorityBlock, type AuthorityPatch } from "@layers/contracts";

/** The block after a patch: omitted axes keep their mode. */
export function applyAuthorityPatch(base: AuthorityBlock, patch: AuthorityPatch): AuthorityBlock {
  const next = { ...base };
  for (const axis of AXES) {
    const mode = patch[axis];
    if (mode !== undefined) next[axis] = mode;
  }
  return next;
}
