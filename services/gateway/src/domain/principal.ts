import { hasScope, type Actor, type OrgStatus, type Scope } from "@layers/contracts";

/** What every principal knows about the org it acts in (read through the org cache on each request). */
interface OrgContext {
  /**
   * The org the request acts in: the credential's own org, or — with `X-Layers-Organization` —
   * the direct child a parent key acts inside. Every tenancy check compares against this.
   */
  organizationId: string;
  /** That org's parent (null for a top-level org); optional only for principals built in unit tests. */
  parentOrganizationId?: string | null;
  /** That org's state: suspended and archived orgs cannot write. Absent = active. */
  orgStatus?: OrgStatus;
}

/** Who is calling: a partner's org API key, or a customer bound to one project of that org. */
export type Principal =
  | (OrgContext & {
      kind: "api_key";
      apiKeyId: string;
      scopes: readonly string[];
      /** Rate tier (SPEC §10). */
      rateTier: string;
      /** Set when the key's own org (a parent) acts inside `organizationId` through the header. */
      actingOrganizationId?: string;
      /** `live` or `test`, from the secret's prefix: keys this key mints for children are of the same kind. */
      keyEnv?: "live" | "test";
    })
  | (OrgContext & { kind: "customer"; userId: string; projectId: string });

/** The org the credential itself belongs to (the parent when acting on behalf of a child). */
export function credentialOrgOf(p: Principal): string {
  return p.kind === "api_key" && p.actingOrganizationId ? p.actingOrganizationId : p.organizationId;
}

/** The actor recorded on intents, pending actions and audit rows: the acting key's org, and the child it acted inside. */
export function actorOf(p: Principal): Actor {
  if (p.kind === "customer") return { type: "customer", organizationId: p.organizationId, userId: p.userId };
  return p.actingOrganizationId
    ? { type: "partner", organizationId: p.actingOrganizationId, apiKeyId: p.apiKeyId, onBehalfOf: p.organizationId }
    : { type: "partner", organizationId: p.organizationId, apiKeyId: p.apiKeyId };
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

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why this org may not take this request, or null. Suspended and archived orgs keep reading;
 * every other method writes (or could), and is refused before the body is read.
 */
export function orgWriteRefusal(status: OrgStatus | undefined, method: string): "ORG_SUSPENDED" | "ORG_ARCHIVED" | null {
  if (!status || status === "active" || READ_METHODS.has(method)) return null;
  return status === "suspended" ? "ORG_SUSPENDED" : "ORG_ARCHIVED";
}
