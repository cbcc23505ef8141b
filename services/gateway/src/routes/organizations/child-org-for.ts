import type { FastifyRequest } from "fastify";
import type { OrganizationRow } from "@layers/db";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { PREFIXED_ID_RE } from "../../http/parse.ts";
import { principalOf } from "../../plugins/auth.ts";
import { findChildOrg } from "../../repositories/organizations.repository.ts";

const ORG_ID_RE = PREFIXED_ID_RE("org");

/** Every control-plane route: `org:admin`, partner keys only, never through `X-Layers-Organization`. */
export const CONTROL_PLANE_AUTH = { anyOf: ["org:admin"], partnerOnly: true, noActingOrg: true } as const;

/** The caller's org, which must be top-level: hierarchy is one level deep. */
export function parentOrgOf(req: FastifyRequest): string {
  const p = principalOf(req);
  if (p.parentOrganizationId) {
    throw new ApiError("VALIDATION", "a child organization cannot have children: the hierarchy is one level deep");
  }
  return p.organizationId;
}

/**
 * A direct child of the caller's org. Anything else — a sibling's child, a stranger, the caller
 * itself, a malformed id — is reported exactly like an id that does not exist.
 */
export async function childOrgFor(ctx: RouteContext, req: FastifyRequest, orgId: string): Promise<OrganizationRow> {
  if (!ORG_ID_RE.test(orgId)) throw notFound("organization");
  const row = await findChildOrg(ctx.db, principalOf(req).organizationId, orgId);
  if (!row) throw notFound("organization");
  return row;
}

export function assertNotArchived(org: OrganizationRow): void {
  if (org.status === "archived") throw new ApiError("CONFLICT", "the organization is archived: it is read-only");
}
