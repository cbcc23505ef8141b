import { hasScope, type Actor, type Scope } from "@layers/contracts";

/** Who is calling: a partner's org API key, or a customer bound to one project of that org. */
export type Principal =
  | { kind: "api_key"; organizationId: string; apiKeyId: string; scopes: readonly string[]; /** Rate tier (SPEC §10). */ rateTier: string }
  | { kind: "customer"; organizationId: string; userId: string; projectId: string };

/** The actor recorded on intents, pending actions and audit rows. */
export function actorOf(p: Principal): Actor {
  return p.kind === "api_key"
    ? { type: "partner", organizationId: p.organizationId, apiKeyId: p.apiKeyId }
    : { type: "customer", organizationId: p.organizationId, userId: p.userId };
}

/** Idempotency keys are scoped to this (with the org): one key's retries never see another's answers. */
export function principalKey(p: Principal): string {
  return p.kind === "api_key" ? `key:${p.apiKeyId}` : `customer:${p.projectId}:${p.userId}`;
}

/** Customers hold every scope, but only on their own project (tenancy checks enforce the project). */
export function principalHasScope(p: Principal, needed: Scope): boolean {
  return p.kind === "customer" || hasScope(p.scopes, needed);
}

/** Another org's project, or a project a customer token is not bound to, does not exist for this caller. */
export function canSeeProject(p: Principal, project: { id: string; organization_id: string }): boolean {
  if (project.organization_id !== p.organizationId) return false;
  return p.kind === "api_key" || project.id === p.projectId;
}
