import type { FastifyInstance } from "fastify";
import { mountAppleApi } from "../apple/mount.ts";
import type { AppleDeps } from "../apple/pipeline.ts";
import * as h from "./handlers.ts";
import { createPlatformDialect } from "./platform-dialect.ts";
import type { PerformanceBook } from "../performance/performance-book.ts";
import { appsReportQuery } from "./reports.ts";

/**
 * The Apple Ads Platform API (`/v1/…`): the campaign tree, queries, account calls and the apps
 * reports, which read `book` — the same numbers v5's reports serve.
 */
export function registerPlatformRoutes(app: FastifyInstance, deps: AppleDeps, book: PerformanceBook): void {
  mountAppleApi(
    app,
    deps,
    createPlatformDialect(),
    [
      ["GET", "/v1/acls", h.acls, { context: false }],
      ["GET", "/v1/ad-accounts/:id", h.adAccount],
      ["POST", "/v1/campaigns", h.createCampaign],
      ["POST", "/v1/campaigns/query", h.queryCampaigns],
      ["GET", "/v1/campaigns/:id", h.getCampaign],
      ["PUT", "/v1/campaigns/:id", h.updateCampaign],
      ["DELETE", "/v1/campaigns/:id", h.deleteCampaign],
      ["POST", "/v1/adgroups", h.createAdGroup],
      ["POST", "/v1/adgroups/query", h.queryAdGroups],
      ["GET", "/v1/adgroups/:id", h.getAdGroup],
      ["PUT", "/v1/adgroups/:id", h.updateAdGroup],
      ["DELETE", "/v1/adgroups/:id", h.deleteAdGroup],
      ["POST", "/v1/keywords", h.createKeyword],
      ["POST", "/v1/keywords/query", h.queryKeywords],
      ["GET", "/v1/keywords/:id", h.getKeyword],
      ["PUT", "/v1/keywords/:id", h.updateKeyword],
      ["DELETE", "/v1/keywords/:id", h.deleteKeyword],
      ["POST", "/v1/reports/apps/:level/query", appsReportQuery(book)],
    ],
    "/v1",
  );
}
