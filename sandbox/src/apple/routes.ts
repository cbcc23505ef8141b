import type { FastifyInstance } from "fastify";
import { registerPlatformRoutes } from "../apple-platform/routes.ts";
import { registerAppleControlRoutes } from "./control-routes.ts";
import { V5_DIALECT } from "./dialect.ts";
import * as h from "./handlers.ts";
import { mountAppleApi } from "./mount.ts";
import type { PerformanceBook } from "../performance/performance-book.ts";
import type { AppleDeps } from "./pipeline.ts";

const CAMPAIGN = "/api/v5/campaigns/:campaignId";
const AD_GROUP = `${CAMPAIGN}/adgroups/:adGroupId`;

/**
 * Mounts Apple's Campaign Management API v5 (`/api/v5/…`), its successor the Apple Ads Platform API
 * (`/v1/…`, `../apple-platform/`) on the same store, and the `/_sandbox/apple` control calls.
 */
export function registerAppleRoutes(app: FastifyInstance, deps: AppleDeps & { book: PerformanceBook }): void {
  registerAppleControlRoutes(app, deps);
  mountAppleApi(
    app,
    deps,
    V5_DIALECT,
    [
      ["POST", "/api/v5/campaigns", h.createCampaign],
      ["GET", "/api/v5/campaigns", h.listCampaigns],
      ["GET", CAMPAIGN, h.getCampaign],
      ["PUT", CAMPAIGN, h.updateCampaign],
      ["DELETE", CAMPAIGN, h.deleteCampaign],
      ["POST", `${CAMPAIGN}/adgroups`, h.createAdGroup],
      ["GET", `${CAMPAIGN}/adgroups`, h.listAdGroups],
      ["GET", AD_GROUP, h.getAdGroup],
      ["PUT", AD_GROUP, h.updateAdGroup],
      ["DELETE", AD_GROUP, h.deleteAdGroup],
      ["POST", `${AD_GROUP}/targetingkeywords/bulk`, h.createKeywords],
      ["PUT", `${AD_GROUP}/targetingkeywords/bulk`, h.updateKeywords],
      ["GET", `${AD_GROUP}/targetingkeywords`, h.listKeywords],
      ["DELETE", `${AD_GROUP}/targetingkeywords/:keywordId`, h.deleteKeyword],
    ],
    "/api/v5",
  );
  registerPlatformRoutes(app, deps, deps.book);
}
