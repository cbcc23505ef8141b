import type { FastifyInstance } from "fastify";
import type { Whoami } from "@layers/contracts";
import type { Principal } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";

/** What a credential speaks for. Customers hold every scope, on their one project only. */
export function whoamiOf(p: Principal): Whoami {
  if (p.kind === "api_key") {
    return { organizationId: p.organizationId, actor: { type: "partner", apiKeyId: p.apiKeyId }, scopes: [...p.scopes] };
  }
  return { organizationId: p.organizationId, actor: { type: "customer", userId: p.userId }, scopes: ["*"], projectId: p.projectId };
}

/** GET /v1/whoami — who the credential speaks for; any valid credential, no scope needed. */
export function registerGetWhoami(app: FastifyInstance): void {
  app.get("/v1/whoami", async (req) => whoamiOf(principalOf(req)));
}
