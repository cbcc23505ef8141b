import type { FastifyRequest } from "fastify";
import { PLATFORMS, type Platform } from "@layers/contracts";
import type { LayerRow, ProjectRow } from "@layers/db";
import { ApiError, notFound } from "../errors.ts";
import { canSeeProject } from "../domain/principal.ts";
import { principalOf } from "../plugins/auth.ts";
import { findLayer } from "../repositories/layers.repository.ts";
import { findCampaign, findProjectWithCampaign } from "../repositories/campaigns.repository.ts";
import { UUID_RE } from "./parse.ts";
import { pathParamNotFoundDetail } from "../domain/path-param-hint.ts";
import type { RouteContext } from "../context.ts";
import type { RequestContext } from "../writes/submit-write.ts";

/**
 * Tenancy (OWASP API1): another org's project — or, for a customer, any project but theirs — is
 * reported exactly like a project that does not exist, so ids cannot be probed.
 */
export async function projectFor(ctx: RouteContext, req: FastifyRequest, projectId: string): Promise<ProjectRow> {
  if (!UUID_RE.test(projectId)) throw notFound("project");
  const row = await ctx.projects.find(projectId.toLowerCase());
  if (!row || !canSeeProject(principalOf(req), row)) throw notFound("project");
  return row;
}

/** Writes to an archived project are refused; reads still work. */
export function assertActive(project: ProjectRow): void {
  if (project.status !== "active") throw new ApiError("CONFLICT", "the project is archived");
}

export function platformOf(raw: string): Platform {
  if (!(PLATFORMS as readonly string[]).includes(raw)) throw new ApiError("NOT_FOUND", pathParamNotFoundDetail("platform", "platform", raw));
  return raw as Platform;
}

export async function layerFor(ctx: RouteContext, project: ProjectRow, platform: Platform): Promise<LayerRow> {
  const layer = await findLayer(ctx.db, project.id, platform);
  if (!layer) throw notFound("layer");
  return layer;
}

const CAMPAIGN_ID_RE = /^cmp_[0-9a-z]{26}$/;

export async function campaignFor(ctx: RouteContext, project: ProjectRow, platform: Platform, campaignId: string) {
  if (!CAMPAIGN_ID_RE.test(campaignId)) throw notFound("campaign");
  const row = await findCampaign(ctx.db, project.id, platform, campaignId);
  if (!row) throw notFound("campaign");
  return row;
}

/**
 * projectFor + platformOf + campaignFor in one round trip (the write routes' hot path), with the
 * same checks in the same order, so the same request gets the same 404.
 */
export async function projectAndCampaignFor(ctx: RouteContext, req: FastifyRequest, projectId: string, rawPlatform: string, campaignId: string) {
  if (!UUID_RE.test(projectId)) throw notFound("project");
  const found = await findProjectWithCampaign(ctx.db, projectId.toLowerCase(), rawPlatform, CAMPAIGN_ID_RE.test(campaignId) ? campaignId : null);
  if (!found || !canSeeProject(principalOf(req), found.project)) throw notFound("project");
  const platform = platformOf(rawPlatform);
  if (!found.campaign) throw notFound("campaign");
  return { project: found.project, platform, campaign: found.campaign };
}

export function requestContext(req: FastifyRequest): RequestContext {
  return { requestId: req.id, traceparent: req.traceparent, idem: req.idemClaim };
}
