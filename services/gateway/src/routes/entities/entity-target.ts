import type { FastifyRequest } from "fastify";
import type { EntityKind, Platform } from "@layers/contracts";
import type { ProjectRow } from "@layers/db";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { projectAndEntityFor } from "../../http/entity-for.ts";
import type { AdEntityWithLayer } from "../../repositories/ad-entities.repository.ts";
import { assertLevel } from "../../http/surface.ts";
import { projectAndCampaignFor } from "../../http/tenancy.ts";
import { assertAccountConnected } from "../ad-accounts/account-conflict.ts";

/** The entity a write route acts on, resolved with the same 404s whatever its level. */
export interface EntityTarget {
  project: ProjectRow;
  platform: Platform;
  kind: EntityKind;
  layerId: string;
  currency: string;
  campaignId: string;
  /** Absent for a campaign. */
  entityId?: string;
  /** The stored row of an ad set / ad group / ad / keyword (absent for a campaign). */
  row?: AdEntityWithLayer;
  /** The entity's Layers status (`creating`, `active`, `paused`, `deleted`, `denied`, `rejected`, …). */
  status: string;
  /** The status of the ad account the entity lives on (`connected`, `token_expired`, `disconnected`). */
  accountStatus: string;
}

const LABEL: Record<EntityKind, string> = { campaign: "campaign", adset: "ad set", adgroup: "ad group", ad: "ad", keyword: "keyword" };

/**
 * A write to (or under) an entity that is deleted, or whose create was denied or failed, can never
 * land: `409 CONFLICT` before anything is stored, rather than a job that fails at the platform.
 */
export function assertWritable(t: EntityTarget): void {
  const what = LABEL[t.kind];
  assertAccountConnected(t.accountStatus);
  if (t.status === "deleted") throw new ApiError("CONFLICT", `the ${what} is deleted`);
  if (t.status === "denied" || t.status === "failed" || t.status === "rejected") {
    const why = { denied: "was denied", failed: "failed", rejected: "was rejected or canceled" }[t.status];
    throw new ApiError("CONFLICT", `the ${what} was never created on the platform (its create ${why})`);
  }
}

/** URL params of every entity route: `campaignId` for campaigns, `id` for the other levels, `keywordId` for keywords. */
export interface EntityParams {
  projectId: string;
  platform: string;
  campaignId?: string;
  id?: string;
  keywordId?: string;
}

export async function resolveTarget(ctx: RouteContext, req: FastifyRequest, kind: EntityKind, p: EntityParams): Promise<EntityTarget> {
  if (kind === "campaign") {
    const { project, platform, campaign } = await projectAndCampaignFor(ctx, req, p.projectId, p.platform, p.campaignId ?? "");
    return { project, platform, kind, layerId: campaign.layer_id, currency: campaign.layer_currency, campaignId: campaign.id, status: campaign.status, accountStatus: campaign.account_status };
  }
  const id = kind === "keyword" ? (p.keywordId ?? "") : (p.id ?? "");
  const { project, platform, entity } = await projectAndEntityFor(ctx, req, p.projectId, p.platform, kind, id);
  // A keyword is addressed under its ad group: another ad group's keyword is not found here.
  if (kind === "keyword" && entity.parent_id !== p.id) throw notFound("keyword");
  return {
    project,
    platform,
    kind,
    layerId: entity.layer_id,
    currency: entity.layer_currency,
    campaignId: entity.campaign_id,
    entityId: entity.id,
    row: entity,
    status: entity.status,
    accountStatus: entity.account_status,
  };
}

/** The route path of one entity of a level (`…/ads/:platform/adsets/:id`). */
export function entityPath(kind: EntityKind): string {
  const base = "/v1/projects/:projectId/ads/:platform";
  switch (kind) {
    case "campaign":
      return `${base}/campaigns/:campaignId`;
    case "keyword":
      return `${base}/adgroups/:id/keywords/:keywordId`;
    default:
      return `${base}/${kind}s/:id`;
  }
}

/** The entity fields of a write's params: none for a campaign (the campaign is the target). */
export function targetParams(t: EntityTarget): Record<string, unknown> {
  return t.entityId ? { entityKind: t.kind, entityId: t.entityId } : {};
}

export { assertLevel };
