import { createPublicKey, randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { verifyClientSecret } from "./client-secret.ts";
import { APPLE_TOKEN_TTL_S, header, issue, parseForm, type OauthDeps } from "./oauth-deps.ts";
import { freshAccount } from "./sessions.ts";

/**
 * Apple: the client-credentials token endpoint (a form; the ES256 client assertion is checked
 * against the API user's registered public key), `GET /api/v5/acls`, and the control call that
 * plays the customer's Apple Ads admin (`POST /_sandbox/apple/api-users`).
 */
export function registerAppleOauthRoutes(app: FastifyInstance, deps: OauthDeps): void {
  const now = () => (deps.now ?? (() => new Date()))();
  const { store } = deps;
  const changed = () => deps.onMutation?.();
  app.register(async (scope) => {
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
      done(null, parseForm(typeof body === "string" ? body : body.toString("utf8")));
    });

    // ---- Apple: the token endpoint takes a form ----
    scope.post<{ Body: Record<string, string | string[]> | undefined }>("/auth/oauth2/token", async (req, reply) => {
      const f = req.body ?? {};
      const str = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : undefined);
      if (str("grant_type") !== "client_credentials") return reply.code(400).send({ error: "unsupported_grant_type" });
      if (str("scope") !== "searchadsorg") return reply.code(400).send({ error: "invalid_scope" });
      const user = store.appleUsers.get(str("client_id") ?? "");
      const secret = str("client_secret");
      if (!user || !secret || !verifyClientSecret(secret, user, now())) return reply.code(401).send({ error: "invalid_client" });
      const org = deps.apple.org(user.orgIds[0]!);
      if (!org) return reply.code(401).send({ error: "invalid_client" });
      // The Apple surface knows one token per org; a minted token is that org's token.
      issue(store, { platform: "apple", accessToken: org.accessToken, kind: "client_credentials", accountIds: user.orgIds.map(String), userId: user.clientId, clientId: user.clientId }, now(), APPLE_TOKEN_TTL_S);
      changed();
      return { access_token: org.accessToken, token_type: "Bearer", expires_in: APPLE_TOKEN_TTL_S, scope: "searchadsorg" };
    });
  });

  // ---- Apple ACLs ----
  app.get("/api/v5/acls", async (req, reply) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header(req, "authorization") ?? "")?.[1];
    const org = token === undefined ? undefined : deps.apple.orgByToken(token);
    if (!org) return reply.code(401).send({ data: null, pagination: null, error: { errors: [{ messageCode: "UNAUTHORIZED", message: "token is invalid or expired", field: "" }] } });
    const users = [...store.appleUsers.values()].filter((u) => u.orgIds.includes(org.orgId));
    const orgIds = users.length > 0 ? [...new Set(users.flatMap((u) => u.orgIds))] : [org.orgId];
    const data = orgIds
      .map((id) => deps.apple.org(id))
      .filter((o) => o !== undefined)
      .map((o) => ({ orgId: o.orgId, orgName: o.name, displayName: o.name, currency: o.currency, timeZone: "America/Los_Angeles", paymentModel: "PAYG", roleNames: ["API Account Manager"], parentOrgId: null }));
    return { data, pagination: null, error: null };
  });

  // ---- control API ----
  const apiUserBody = z.strictObject({ publicKey: z.string().min(1), orgId: z.number().int().positive().optional() });
  app.post("/_sandbox/apple/api-users", async (req, reply) => {
    const r = apiUserBody.safeParse(req.body ?? {});
    if (!r.success) return reply.code(400).send({ error: { message: "invalid request", issues: r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) } });
    let publicKeyPem: string;
    try {
      const key = createPublicKey(r.data.publicKey);
      if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") throw new Error("not P-256");
      publicKeyPem = key.export({ type: "spki", format: "pem" }).toString();
    } catch {
      return reply.code(400).send({ error: { message: "publicKey must be a PEM EC public key on P-256 (prime256v1)" } });
    }
    let orgId = r.data.orgId;
    if (orgId !== undefined && deps.apple.org(orgId) === undefined) return reply.code(404).send({ error: { message: `unknown Apple org ${orgId}` } });
    orgId ??= (await freshAccount(app, "apple", `Sandbox Apple org ${randomUUID().slice(0, 6)}`)).id as unknown as number;
    const user = { clientId: `SEARCHADS.${randomUUID()}`, teamId: `SEARCHADS.${randomUUID()}`, keyId: randomUUID(), publicKeyPem, orgIds: [Number(orgId)] };
    store.appleUsers.set(user.clientId, user);
    changed();
    return reply.code(201).send({ clientId: user.clientId, teamId: user.teamId, keyId: user.keyId, orgId: Number(orgId) });
  });
}
