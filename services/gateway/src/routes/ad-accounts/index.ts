import type { FastifyInstance } from "fastify";
import type { RouteContext } from "../../context.ts";
import { registerAppleConnect } from "../oauth/apple-connect.ts";
import { registerOauthCallback } from "../oauth/callback.ts";
import { registerReturnUrls } from "../oauth/return-urls.ts";
import { scheduleTokenRenewal } from "../oauth/token-refresh.ts";
import { registerDeleteAdAccount } from "./delete-ad-account.ts";
import { registerOauthUrl } from "./oauth-url.ts";
import { registerReadAdAccounts } from "./read-ad-accounts.ts";

/** Connecting customers' ad accounts (issue 9): allowlist, start, platform callbacks, Apple page, accounts. */
export function registerConnectRoutes(app: FastifyInstance, ctx: RouteContext): void {
  registerReturnUrls(app, ctx);
  registerOauthUrl(app, ctx);
  registerOauthCallback(app, ctx);
  registerAppleConnect(app, ctx);
  registerReadAdAccounts(app, ctx);
  registerDeleteAdAccount(app, ctx);
  scheduleTokenRenewal(app, ctx, ctx.connect.renewEveryMs);
}
