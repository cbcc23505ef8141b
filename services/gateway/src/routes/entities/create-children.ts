import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  createAdBodySchema,
  createAdGroupBodySchema,
  createKeywordBodySchema,
  ID_KIND_OF_ENTITY,
  newId,
  operationFor,
  PATH_OF_ENTITY,
  SCOPE_OF_OPERATION,
  type Capability,
  type ChildKind,
  type CreateAdGroupBody,
  type EntityKind,
  type Operation,
  type Platform,
  writeAcceptedSchema,
} from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { assertRepresentable } from "../../http/money.ts";
import { parseBody } from "../../http/parse.ts";
import { assertBidStrategy, assertFieldsAllowed, assertSupported, invalid } from "../../http/surface.ts";
import { assertActive } from "../../http/tenancy.ts";
import { findCampaign } from "../../repositories/campaigns.repository.ts";
import { submitEntityWrite } from "../../writes/submit-entity-write.ts";
import { assertCreativeFor } from "./creative-rules.ts";
import { assertWritable, resolveTarget, type EntityParams, type EntityTarget } from "./entity-target.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** The body each child kind is created with: the routes validate with these and declare them. */
const BODY_OF = { adset: createAdGroupBodySchema, adgroup: createAdGroupBodySchema, ad: createAdBodySchema, keyword: createKeywordBodySchema } as const;

/**
 * Creates below the campaign: `POST …/campaigns/:campaignId/{adsets|adgroups}`,
 * `POST …/{adsets|adgroups}/:id/ads`, `POST …/apple/adgroups/:id/keywords`, and
 * `POST …/{adsets|adgroups}/:id/creatives` (push a creative: a new ad carrying it, on the creative
 * axis). The new entity's id is allocated here and answered at once, like a campaign's.
 */
export function registerCreateChildren(app: FastifyInstance, ctx: RouteContext): void {
  const base = "/v1/projects/:projectId/ads/:platform";
  const routes: Array<{ url: string; parent: EntityKind; child: ChildKind; capability: Capability; operationId: string }> = [
    { url: `${base}/campaigns/:campaignId/adsets`, parent: "campaign", child: "adset", capability: "create", operationId: "createAdSet" },
    { url: `${base}/campaigns/:campaignId/adgroups`, parent: "campaign", child: "adgroup", capability: "create", operationId: "createAdGroup" },
    { url: `${base}/adsets/:id/ads`, parent: "adset", child: "ad", capability: "create", operationId: "createAdSetAd" },
    { url: `${base}/adgroups/:id/ads`, parent: "adgroup", child: "ad", capability: "create", operationId: "createAdGroupAd" },
    { url: `${base}/adgroups/:id/keywords`, parent: "adgroup", child: "keyword", capability: "create", operationId: "createKeyword" },
    { url: `${base}/adsets/:id/creatives`, parent: "adset", child: "ad", capability: "push_creative", operationId: "pushAdSetCreative" },
    { url: `${base}/adgroups/:id/creatives`, parent: "adgroup", child: "ad", capability: "push_creative", operationId: "pushAdGroupCreative" },
  ];
  for (const r of routes) {
    const scope = SCOPE_OF_OPERATION[operationFor(r.child, r.capability) as keyof typeof SCOPE_OF_OPERATION];
    const doc = routeDoc({
      operationId: r.operationId,
      tag: "Ad sets, ad groups, ads, keywords",
      summary: r.capability === "push_creative" ? `Push a creative (a new ad) into the ${r.parent}` : `Create a ${r.child} under the ${r.parent}`,
      body: BODY_OF[r.child],
      responses: { 202: writeAcceptedSchema },
      problems: [409],
    });
    app.post<{ Params: EntityParams }>(r.url, { config: { auth: { anyOf: [scope] }, idempotent: true, doc } }, (req, reply) =>
      create(ctx, req, reply, r.parent, r.child, r.capability),
    );
  }
}

async function create(ctx: RouteContext, req: FastifyRequest<{ Params: EntityParams }>, reply: FastifyReply, parentKind: EntityKind, kind: ChildKind, capability: Capability) {
  const parent = await resolveTarget(ctx, req, parentKind, req.params);
  const { platform } = parent;
  // The child must be this platform's level under that parent (`…/tiktok/adgroups/:id/keywords` is not).
  if (capability === "push_creative") assertSupported(platform, parentKind, "push_creative");
  else assertChildLevel(platform, parentKind, kind);
  const surface = assertSupported(platform, kind, "create");
  const entityId = newId(ID_KIND_OF_ENTITY[kind]);
  let params: Record<string, unknown>;
  let operation: Operation;
  if (kind === "adset" || kind === "adgroup") {
    const body = parseBody(BODY_OF[kind], req.body);
    await checkAdGroup(ctx, parent, kind, body);
    assertBidStrategy(platform, kind, surface, body.bidStrategy);
    params = { entityId, ...body, status: body.status ?? "PAUSED" };
    operation = kind === "adset" ? "create_adset" : "create_adgroup";
  } else if (kind === "ad") {
    const body = parseBody(BODY_OF[kind], req.body);
    assertCreativeFor(platform, body.creative, "/creative");
    params = { entityId, parentId: parent.entityId, ...body, status: body.status ?? "PAUSED" };
    operation = capability === "push_creative" ? "push_creative" : "create_ad";
  } else {
    const body = parseBody(BODY_OF[kind], req.body);
    assertRepresentable(platform, parent.currency, { bidCents: body.bidCents });
    params = { entityId, parentId: parent.entityId, ...body, status: body.status ?? "ACTIVE" };
    operation = "create_keyword";
  }
  assertActive(parent.project);
  assertWritable(parent);
  return submitEntityWrite(ctx, req, reply, { project: parent.project, platform, layerId: parent.layerId, operation, campaignId: parent.campaignId, entityId, params });
}

function assertChildLevel(platform: Platform, parentKind: EntityKind, kind: ChildKind): void {
  const expected = { meta: { campaign: "adset", adset: "ad" }, tiktok: { campaign: "adgroup", adgroup: "ad" }, apple: { campaign: "adgroup", adgroup: "keyword" } }[platform] as Partial<
    Record<EntityKind, ChildKind>
  >;
  if (expected[parentKind] !== kind) {
    const should = expected[parentKind];
    throw invalid("", should ? `on ${platform}, ${PATH_OF_ENTITY[parentKind]} hold ${PATH_OF_ENTITY[should]}, not ${PATH_OF_ENTITY[kind]}` : `${platform} has nothing below ${PATH_OF_ENTITY[parentKind]}`);
  }
}

/**
 * The platform rules of a second-level create that a shared schema cannot say: which fields the
 * level takes, money the platform can represent, and where the budget lives (Meta refuses a budget
 * on both a campaign and its ad sets; TikTok ignores ad group budgets under campaign budget optimisation).
 */
async function checkAdGroup(ctx: RouteContext, parent: EntityTarget, kind: "adset" | "adgroup", b: CreateAdGroupBody): Promise<void> {
  const { platform } = parent;
  const surface = assertSupported(platform, kind, "create");
  assertFieldsAllowed(platform, kind, { dailyBudgetCents: b.dailyBudgetCents, lifetimeBudgetCents: b.lifetimeBudgetCents }, surface.budget);
  assertFieldsAllowed(platform, kind, { bidCents: b.bidCents, bidStrategy: b.bidStrategy }, surface.bid);
  assertFieldsAllowed(platform, kind, { startTime: b.startTime, endTime: b.endTime }, platform === "tiktok" ? ["startTime", "endTime"] : surface.schedule);
  if (b.targeting) assertFieldsAllowed(platform, kind, b.targeting, surface.targeting, "/targeting");
  const platformOnly: Record<Platform, readonly string[]> = {
    meta: ["billingEvent", "optimizationGoal"],
    tiktok: ["billingEvent", "optimizationGoal", "pacing"],
    apple: ["pricingModel", "automatedKeywordsOptIn"],
  };
  const extras = { billingEvent: b.billingEvent, optimizationGoal: b.optimizationGoal, pricingModel: b.pricingModel, pacing: b.pacing, automatedKeywordsOptIn: b.automatedKeywordsOptIn };
  assertFieldsAllowed(platform, kind, extras, platformOnly[platform]);
  assertRepresentable(platform, parent.currency, { dailyBudgetCents: b.dailyBudgetCents, lifetimeBudgetCents: b.lifetimeBudgetCents, bidCents: b.bidCents });
  if (b.startTime && b.endTime && Date.parse(b.endTime) <= Date.parse(b.startTime)) throw invalid("/endTime", "endTime must be after startTime");

  const campaign = await findCampaign(ctx.db, parent.project.id, platform, parent.campaignId);
  const campaignBudget = campaign && (campaign.daily_budget_cents !== null || campaign.lifetime_budget_cents !== null);
  const hasBudget = b.dailyBudgetCents !== undefined || b.lifetimeBudgetCents !== undefined;
  if (platform === "meta") {
    if (!b.targeting?.countries) throw invalid("/targeting/countries", "Meta ad sets need at least one country to deliver in");
    if (campaignBudget && hasBudget) throw invalid("/dailyBudgetCents", "the campaign has its own budget (campaign budget optimisation); Meta refuses a budget on its ad sets too");
    if (!campaignBudget && !hasBudget) throw invalid("/dailyBudgetCents", "the campaign has no budget, so the ad set needs dailyBudgetCents or lifetimeBudgetCents");
    if (b.lifetimeBudgetCents !== undefined && !b.endTime) throw invalid("/endTime", "a lifetime budget needs an endTime");
  }
  if (platform === "tiktok") {
    if (!b.targeting?.locationIds) throw invalid("/targeting/locationIds", "TikTok ad groups need at least one location id");
    const cbo = campaign?.attributes?.budgetOptimizeOn === true;
    if (!cbo && !hasBudget) throw invalid("/dailyBudgetCents", "without campaign budget optimisation, TikTok ad groups need dailyBudgetCents or lifetimeBudgetCents");
    if (b.lifetimeBudgetCents !== undefined && !b.endTime) throw invalid("/endTime", "a lifetime budget needs an endTime");
  }
  if (platform === "apple" && b.bidCents === undefined) throw invalid("/bidCents", "Apple ad groups need a default bid (bidCents)");
}
