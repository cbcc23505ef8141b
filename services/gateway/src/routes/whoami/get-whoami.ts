import type { FastifyInstance } from "fastify";
import { whoamiSchema, type Whoami } from "@layers/contracts";
import type { Principal } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * What a credential speaks for. Customers hold every scope, on their one project only. With
 * `X-Layers-Organization` the org is the child acted inside, its parent the acting org.
 */
export function whoamiOf(p: Principal): Whoami {
  const parentOrganizationId = p.parentOrganizationId ?? null;
  if (p.kind === "api_key") {
    const actor = p.actingOrganizationId ? { type: "partner" as const, apiKeyId: p.apiKeyId, onBehalfOf: p.organizationId } : { type: "partner" as const, apiKeyId: p.apiKeyId };
    return { organizationId: p.organizationId, parentOrganizationId, actor, scopes: [...p.scopes] };
  }
  return { organizationId: p.organizationId, parentOrganizationId, actor: { type: "customer", userId: p.userId }, scopes: ["*"], projectId: p.projectId };
}

/** GET /v1/whoami — who the credential speaks for; any valid credential, no scope needed. */
export function registerGetWhoami(app: FastifyInstance): void {
  const doc = routeDoc({ operationId: "getWhoami", tag: "Identity", summary: "Who the credential speaks for", responses: { 200: whoamiSchema } });
  app.get("/v1/whoami", { config: { doc } }, async (req) => whoamiOf(principalOf(req)));
}
