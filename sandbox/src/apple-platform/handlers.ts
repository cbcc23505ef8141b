import { duplicateName, notFound } from "../apple/apple-error.ts";
import type { AppleContext, AppleResult } from "../apple/apple-context.ts";
import type { AppleAdGroup, AppleCampaign, AppleKeyword } from "../apple/apple-types.ts";
import {
  applyAdGroupCreate,
  applyAdGroupDelete,
  applyAdGroupUpdate,
  applyCampaignCreate,
  applyCampaignDelete,
  applyCampaignUpdate,
  applyKeywordCreates,
  applyKeywordDelete,
  applyKeywordUpdate,
} from "../apple/apply.ts";
import { formatAppleTime } from "../apple/apple-time.ts";
import { asObject, pathId, readId, requireValue } from "../apple/fields.ts";
import {
  parseAdGroupCreateV1,
  parseAdGroupUpdateV1,
  parseCampaignCreateV1,
  parseCampaignUpdateV1,
  parseKeywordCreateV1,
  parseKeywordUpdateV1,
} from "./inputs.ts";
import { parseQuery, runQuery, type QueryRules } from "./query.ts";
import { adGroupViewV1, campaignViewV1, keywordViewV1 } from "./views.ts";

/**
 * The Platform API (`/v1/…`) on the same store as v5: flat resources, parents in bodies and
 * filters, 200 on every success (`{}` for deletes), soft deletes that cascade, `POST …/query`.
 * Ledger fields are the applied values in the Platform API's spelling, as read back.
 */

const cur = (ctx: AppleContext) => ctx.org.currency;
const ok = (result: unknown): Record<string, unknown> => ({ result });

// ------------------------------------------------------------------ lookups (another account's object is not found)

function campaignById(ctx: AppleContext, raw: unknown, what = "Campaign"): AppleCampaign {
  const id = typeof raw === "number" ? raw : pathId(String(raw ?? ""));
  const c = id === undefined ? undefined : ctx.store.campaign(id);
  if (c === undefined || c.orgId !== ctx.org.orgId) throw notFound(what, String(raw));
  return c;
}

function adGroupById(ctx: AppleContext, raw: unknown): { g: AppleAdGroup; c: AppleCampaign } {
  const id = typeof raw === "number" ? raw : pathId(String(raw ?? ""));
  const g = id === undefined ? undefined : ctx.store.adGroup(id);
  if (g === undefined || g.orgId !== ctx.org.orgId) throw notFound("AdGroup", String(raw));
  return { g, c: ctx.store.campaign(g.campaignId)! };
}

function keywordById(ctx: AppleContext, raw: unknown): { k: AppleKeyword; g: AppleAdGroup; c: AppleCampaign } {
  const id = pathId(String(raw ?? ""));
  const k = id === undefined ? undefined : ctx.store.keyword(id);
  if (k === undefined || k.orgId !== ctx.org.orgId) throw notFound("Keyword", String(raw));
  const g = ctx.store.adGroup(k.adGroupId)!;
  return { k, g, c: ctx.store.campaign(g.campaignId)! };
}

/** Writes to a deleted object answer not-found (Apple's campaign-update page). */
function live<T extends { deleted: boolean; id: number }>(o: T, what: string): T {
  if (o.deleted) throw notFound(what, String(o.id));
  return o;
}

function pick(view: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in view).map((k) => [k, view[k]]));
}

// ------------------------------------------------------------------ campaigns

export function createCampaign(ctx: AppleContext): AppleResult {
  const input = parseCampaignCreateV1(ctx.body, { adAccountId: ctx.org.orgId, currency: cur(ctx), now: ctx.now });
  const c = applyCampaignCreate(ctx, input);
  const view = campaignViewV1(c, cur(ctx));
  const keys = ["name", "billingEvent", "promotedObjectType", "promotedObjectId", "dailyBudget", "targeting", "bidStrategy", "status", "startTime", ...(c.endTime ? ["endTime"] : [])];
  return { body: ok(view), mutations: [{ op: "create", objectId: String(c.id), fields: pick(view, keys) }] };
}

export function getCampaign(ctx: AppleContext): AppleResult {
  return { body: ok(campaignViewV1(campaignById(ctx, ctx.params.id), cur(ctx))) };
}

export function updateCampaign(ctx: AppleContext): AppleResult {
  const c = live(campaignById(ctx, ctx.params.id), "Campaign");
  const input = parseCampaignUpdateV1(ctx.body, c, cur(ctx));
  const next = applyCampaignUpdate(ctx, c, input);
  const view = campaignViewV1(next, cur(ctx));
  const fields = pick(view, Object.keys(asObject(ctx.body, null)));
  return { body: ok(view), mutations: Object.keys(fields).length === 0 ? [] : [{ op: "update", objectId: String(c.id), fields }] };
}

export function deleteCampaign(ctx: AppleContext): AppleResult {
  const c = live(campaignById(ctx, ctx.params.id), "Campaign");
  applyCampaignDelete(ctx, c, { cascade: true });
  return { body: {}, mutations: [{ op: "delete", objectId: String(c.id), fields: { deleted: true } }] };
}

const CAMPAIGN_QUERY: QueryRules = {
  fields: {
    id: ["EQUALS", "NOT_EQUALS", "IN", "NOT_IN"],
    name: ["EQUALS", "NOT_EQUALS", "IN", "NOT_IN", "LIKE", "STARTS_WITH", "ENDS_WITH"],
    status: ["EQUALS", "NOT_EQUALS", "IN", "NOT_IN"],
    displayStatus: ["EQUALS", "IN"],
    billingEvent: ["EQUALS", "IN"],
    promotedObjectId: ["EQUALS", "IN"],
    deleted: ["EQUALS", "IN"],
  },
  maxPageSize: 1000,
};

export function queryCampaigns(ctx: AppleContext): AppleResult {
  const q = parseQuery(ctx.body, CAMPAIGN_QUERY);
  return { body: runQuery(ctx.store.campaigns(ctx.org.orgId).map((c) => campaignViewV1(c, cur(ctx))), q) };
}

// ------------------------------------------------------------------ ad groups

/** The Platform API keeps ad group names unique within a campaign (Apple's DUPLICATE_NAME example); v5 did not say. */
function checkAdGroupName(ctx: AppleContext, c: AppleCampaign, name: string | undefined, self?: number): void {
  if (name === undefined) return;
  if (ctx.store.adGroups(c.id).some((g) => !g.deleted && g.id !== self && g.name === name)) {
    throw duplicateName("name", `An ad group named "${name}" already exists in campaign ${c.id}`);
  }
}

export function createAdGroup(ctx: AppleContext): AppleResult {
  const body = asObject(ctx.body, null);
  const c = live(campaignById(ctx, readId(requireValue(body, "campaignId"), "campaignId")), "Campaign");
  const input = parseAdGroupCreateV1(body, c, { currency: cur(ctx), now: formatAppleTime(ctx.now) });
  checkAdGroupName(ctx, c, input.name);
  const g = applyAdGroupCreate(ctx, c, input);
  const view = adGroupViewV1(g, c, cur(ctx));
  const keys = ["campaignId", "name", "pricingModel", "bidStrategy", "startTime", "status", "automatedKeywordsOptIn", ...(g.endTime ? ["endTime"] : []), ...(g.targetingDimensions ? ["targeting"] : [])];
  return { body: ok(view), mutations: [{ op: "create", objectId: String(g.id), fields: pick(view, keys) }] };
}

export function getAdGroup(ctx: AppleContext): AppleResult {
  const { g, c } = adGroupById(ctx, ctx.params.id);
  return { body: ok(adGroupViewV1(g, c, cur(ctx))) };
}

export function updateAdGroup(ctx: AppleContext): AppleResult {
  const { g, c } = adGroupById(ctx, ctx.params.id);
  live(g, "AdGroup");
  const input = parseAdGroupUpdateV1(ctx.body, c, cur(ctx));
  checkAdGroupName(ctx, c, input.name, g.id);
  const next = applyAdGroupUpdate(ctx, c, g, input);
  const view = adGroupViewV1(next, c, cur(ctx));
  const fields = pick(view, Object.keys(asObject(ctx.body, null)));
  return { body: ok(view), mutations: Object.keys(fields).length === 0 ? [] : [{ op: "update", objectId: String(g.id), fields }] };
}

export function deleteAdGroup(ctx: AppleContext): AppleResult {
  const { g } = adGroupById(ctx, ctx.params.id);
  applyAdGroupDelete(ctx, live(g, "AdGroup"), { cascade: true });
  return { body: {}, mutations: [{ op: "delete", objectId: String(g.id), fields: { deleted: true } }] };
}

const ADGROUP_QUERY: QueryRules = {
  fields: {
    campaignId: ["EQUALS"],
    id: ["EQUALS", "IN"],
    name: ["EQUALS", "STARTS_WITH"],
    status: ["EQUALS", "IN"],
    deleted: ["EQUALS", "IN"],
  },
  maxPageSize: 1000,
};

export function queryAdGroups(ctx: AppleContext): AppleResult {
  const q = parseQuery(ctx.body, ADGROUP_QUERY);
  const rows = ctx.store
    .campaigns(ctx.org.orgId)
    .flatMap((c) => ctx.store.adGroups(c.id).map((g) => adGroupViewV1(g, c, cur(ctx))));
  return { body: runQuery(rows, q) };
}

// ------------------------------------------------------------------ keywords

export function createKeyword(ctx: AppleContext): AppleResult {
  const body = asObject(ctx.body, null);
  const { g, c } = adGroupById(ctx, readId(requireValue(body, "adGroupId"), "adGroupId"));
  live(g, "AdGroup");
  const input = parseKeywordCreateV1(body, cur(ctx));
  const [k] = applyKeywordCreates(ctx, c, g, [input], () => "text");
  const view = keywordViewV1(k!, g, cur(ctx));
  const keys = ["adGroupId", "text", "matchType", "status", ...(k!.bidCents === undefined ? [] : ["bid"])];
  return { body: ok(view), mutations: [{ op: "create", objectId: String(k!.id), fields: pick(view, keys) }] };
}

export function getKeyword(ctx: AppleContext): AppleResult {
  const { k, g } = keywordById(ctx, ctx.params.id);
  return { body: ok(keywordViewV1(k, g, cur(ctx))) };
}

export function updateKeyword(ctx: AppleContext): AppleResult {
  const { k, g } = keywordById(ctx, ctx.params.id);
  live(k, "Keyword");
  const input = parseKeywordUpdateV1(ctx.body, cur(ctx));
  const next = applyKeywordUpdate(ctx, k, input);
  const view = keywordViewV1(next, g, cur(ctx));
  const fields = pick(view, Object.keys(asObject(ctx.body, null)));
  return { body: ok(view), mutations: Object.keys(fields).length === 0 ? [] : [{ op: "update", objectId: String(k.id), fields }] };
}

export function deleteKeyword(ctx: AppleContext): AppleResult {
  const { k } = keywordById(ctx, ctx.params.id);
  applyKeywordDelete(ctx, live(k, "Keyword"));
  return { body: {}, mutations: [{ op: "delete", objectId: String(k.id), fields: { deleted: true } }] };
}

const KEYWORD_QUERY: QueryRules = {
  fields: {
    adGroupId: ["EQUALS", "IN"],
    campaignId: ["EQUALS"],
    id: ["EQUALS", "IN"],
    text: ["EQUALS", "STARTS_WITH"],
    matchType: ["EQUALS", "IN"],
    status: ["EQUALS", "IN"],
    deleted: ["EQUALS", "IN"],
  },
  maxPageSize: 1000,
  requires: (filters) =>
    filters.some((f) => f.field === "adGroupId" || f.field === "campaignId" || f.field === "id") ? undefined : "a keyword query needs an adGroupId or campaignId filter",
};

export function queryKeywords(ctx: AppleContext): AppleResult {
  const q = parseQuery(ctx.body, KEYWORD_QUERY);
  const rows = ctx.store.campaigns(ctx.org.orgId).flatMap((c) =>
    ctx.store.adGroups(c.id).flatMap((g) => ctx.store.keywords(g.id).map((k) => keywordViewV1(k, g, cur(ctx)))),
  );
  return { body: runQuery(rows, q) };
}

// ------------------------------------------------------------------ account

/** `GET /v1/acls`: the token reaches exactly its own ad account (the v5 org, same number). No X-AP-Context. */
export function acls(ctx: AppleContext): AppleResult {
  const o = ctx.org;
  return { body: ok({ acls: [{ adAccount: { id: o.orgId, name: o.name, orgId: o.orgId }, roles: ["API Account Manager"] }] }) };
}

export function adAccount(ctx: AppleContext): AppleResult {
  if (pathId(ctx.params.id ?? "") !== ctx.org.orgId) throw notFound("AdAccount", ctx.params.id ?? "");
  const o = ctx.org;
  return {
    body: ok({
      id: o.orgId, name: o.name, orgId: o.orgId, timezone: "UTC", currency: o.currency, paymentModel: "PAYG", systemStatus: "ACTIVE",
      systemStatusReasons: [], productFeatures: ["APPSTORE_APP_MANUAL"], creationTime: o.createdTime, modificationTime: o.createdTime,
    }),
  };
}

