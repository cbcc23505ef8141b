import { forbidden, unauthorized } from "./apple-error.ts";
import { contextValue } from "./dialect.ts";
import type { AppleStore } from "./apple-store.ts";
import type { AppleOrg } from "./apple-types.ts";

/** `Authorization: Bearer <token>` → the token, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

/** `X-AP-Context: orgId=<digits>` → the org id, or undefined when missing or malformed. */
export function contextOrgId(header: string | undefined): number | undefined {
  return contextValue(header, "orgId");
}

/** The token's org: 401 for a missing or unknown token. */
export function tokenOrg(store: AppleStore, authorization: string | undefined): AppleOrg {
  const token = bearerToken(authorization);
  const org = token === undefined ? undefined : store.orgByToken(token);
  if (org === undefined) throw unauthorized();
  return org;
}

/** v5 `X-AP-Context: orgId=<id>` must name the token's org: 403 otherwise (the reports use it). */
export function checkContext(org: AppleOrg, header: string | undefined): void {
  const orgId = contextOrgId(header);
  if (orgId === undefined) throw forbidden("The X-AP-Context header must be orgId=<orgId>");
  if (orgId !== org.orgId) throw forbidden(`The caller has no access to org ${orgId}`);
}
