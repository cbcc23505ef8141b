import type { FastifyInstance } from "fastify";
import { principalOf } from "../../plugins/auth.ts";

/** GET /v1/whoami — who the credential speaks for; any valid credential, no scope needed. */
export function registerGetWhoami(app: FastifyInstance): void {
  app.get("/v1/whoami", async (req) => {
    const p = principalOf(req);
    if (p.kind === "api_key") {
      return { organizationId: p.organizationId, actor: { type: "partner", apiKeyId: p.apiKeyId }, scopes: p.scopes };
    }
    return { organizationId: p.organizationId, actor: { type: "customer", userId: p.userId }, scopes: ["*"], projectId: p.projectId };
  });
}
