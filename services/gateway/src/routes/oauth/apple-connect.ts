import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { appleConnectFormSchema } from "@layers/contracts";
import { openToken, sealToken } from "@layers/runtime";
import type { RouteContext } from "../../context.ts";
import { consumeState, peekState, setAppleKeyOnce } from "../../repositories/connect.repository.ts";
import { newAppleKeyPair, publicKeyOf, type AppleCredentials } from "./apple-credentials.ts";
import { plausibleState, publicBase, stateId } from "./connect-state.ts";
import { errorRedirect, finishConnection } from "./finish-connection.ts";
import { sendApplePage, sendBadStatePage } from "./pages.ts";
import { appleGrant, ConnectPlatformError, type Grant } from "./platform-clients.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

const PATH = "/v1/oauth/apple/connect";
const PAGE = { schema: z.string(), contentType: "text/html" };

/**
 * Apple Ads has no consent dialog, so Layers hosts the connect page (no API key: the `state` is
 * the credential). GET shows the connection's public key (generated once per state) and the form;
 * POST signs a client secret with the private key, gets a token, lists the orgs the API user
 * reaches and connects them. Wrong credentials show the page again (the state stays usable);
 * Cancel uses the state up and returns `status=error&code=access_denied`.
 */
export function registerAppleConnect(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: { state?: string } }>(PATH,
    {
      config: {
        auth: false,
        takesQuery: true,
        doc: routeDoc({
          operationId: "appleConnectPage",
          tag: "Ad accounts",
          summary: "The Apple Ads connect page the customer fills in (not called by partners)",
          query: z.looseObject({ state: z.string().optional() }),
          responses: { 200: PAGE, 400: PAGE },
        }),
      },
    }, async (req, reply) => {
    const raw = req.query.state;
    if (!plausibleState(raw)) return sendBadStatePage(reply, req.id);
    const state = await peekState(ctx.db, stateId(raw), "apple");
    if (!state) return sendBadStatePage(reply, req.id);
    const sealed = state.apple_private_key_enc ?? (await setAppleKeyOnce(ctx.db, state.id, sealToken(newAppleKeyPair().privateKeyPem, ctx.connect.tokenKey)));
    const publicKeyPem = publicKeyOf(openToken(sealed, ctx.connect.tokenKey));
    return sendApplePage(reply, { state: raw, publicKeyPem, action: `${publicBase(ctx.connect, req)}${PATH}` });
  });

  // The form posts application/x-www-form-urlencoded, a body type only this scope parses.
  app.register(async (scope) => {
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(typeof body === "string" ? body : body.toString("utf8"))));
    });
    scope.post<{ Body: Record<string, string> | undefined }>(
      PATH,
      {
        config: {
          auth: false,
          doc: routeDoc({
            operationId: "appleConnectSubmit",
            tag: "Ad accounts",
            summary: "The Apple Ads connect form's submission (not called by partners)",
            body: appleConnectFormSchema,
            bodyContentType: "application/x-www-form-urlencoded",
            responses: { 303: { schema: null, description: "To the partner's return URL", headers: ["Location"] }, 400: PAGE, 422: PAGE },
          }),
        },
      }, async (req, reply) => {
      const form = req.body ?? {};
      const raw = form.state;
      if (!plausibleState(raw)) return sendBadStatePage(reply, req.id);
      const id = stateId(raw);
      if (form.action === "cancel") {
        const used = await consumeState(ctx.db, id, "apple");
        return used ? reply.redirect(errorRedirect(used, "access_denied"), 303) : sendBadStatePage(reply, req.id);
      }
      const state = await peekState(ctx.db, id, "apple");
      if (!state?.apple_private_key_enc) return sendBadStatePage(reply, req.id);
      const privateKeyPem = openToken(state.apple_private_key_enc, ctx.connect.tokenKey);
      const again = (error: string) =>
        sendApplePage(reply, { state: raw, publicKeyPem: publicKeyOf(privateKeyPem), action: `${publicBase(ctx.connect, req)}${PATH}`, error, values: form }, 422);
      const parsed = appleConnectFormSchema.safeParse(form);
      if (!parsed.success) return again("Enter the clientId, teamId and keyId Apple shows for the API user.");
      const credentials: AppleCredentials = { clientId: parsed.data.clientId, teamId: parsed.data.teamId, keyId: parsed.data.keyId, privateKeyPem };
      let grant: Grant;
      try {
        grant = await appleGrant(ctx.connect, credentials);
      } catch (err) {
        if (!(err instanceof ConnectPlatformError)) throw err;
        req.log.warn({ err }, "Apple refused the connection");
        if (err.code === "invalid_credentials") return again("Apple did not accept these credentials. Check that the public key above was added to this API user and that clientId, teamId and keyId are copied exactly.");
        const used = await consumeState(ctx.db, id, "apple");
        return used ? reply.redirect(errorRedirect(used, err.code), 303) : sendBadStatePage(reply, req.id);
      }
      const used = await consumeState(ctx.db, id, "apple");
      if (!used) return sendBadStatePage(reply, req.id);
      return reply.redirect(await finishConnection(ctx, req, used, grant, JSON.stringify(credentials)), 303);
    });
  });
}
