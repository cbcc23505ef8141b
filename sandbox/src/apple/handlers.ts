import { invalidInput, notFound, success } from "./apple-error.ts";
import type { AppleContext, AppleMutation, AppleResult } from "./apple-context.ts";
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
  liveKeywords,
} from "./apply.ts";
import type { AppleAdGroup, AppleCampaign, AppleKeyword } from "./apple-types.ts";
import { parseAdGroupCreate, parseAdGroupUpdate } from "./adgroup-input.ts";
import { parseCampaignCreate, parseCampaignUpdate } from "./campaign-input.ts";
import { pathId } from "./fields.ts";
import { parseKeywordCreates, parseKeywordUpdates } from "./keyword-input.ts";
import { page, parsePageRequest } from "./paging.ts";
import { adGroupView, campaignView, keywordView } from "./views.ts";

// ------------------------------------------------------------------ lookups

function findCampaign(ctx: AppleContext): AppleCampaign {
  const raw = ctx.params.campaignId ?? "";
  const id = pathId(raw);
  const c = id === undefined ? undefined : ctx.store.campaign(id);
  // Another org's campaign is indistinguishable from one that does not exist.
  if (c === undefined || c.orgId !== ctx.org.orgId) throw notFound("Campaign", raw);
  return c;
}

function findAdGroup(ctx: AppleContext, c: AppleCampaign): AppleAdGroup {
  const raw = ctx.params.adGroupId ?? "";
  const id = pathId(raw);
  const g = id === undefined ? undefined : ctx.store.adGroup(id);
  if (g === undefined || g.campaignId !== c.id) throw notFound("AdGroup", raw);
  return g;
}

const cur = (ctx: AppleContext) => ctx.org.currency;

// ------------------------------------------------------------------ campaigns

export function createCampaign(ctx: AppleContext): AppleResult {
  const input = parseCampaignCreate(ctx.body, { orgId: ctx.org.orgId, currency: cur(ctx), now: ctx.now });
  const { budgetCents, endTime } = input;
  const c = applyCampaignCreate(ctx, input);
  const view = campaignView(c, cur(ctx));
  const fields = pick(view, ["name", "adamId", "countriesOrRegions", "dailyBudgetAmount", "supplySources", "adChannelType", "billingEvent", "biddingStrategy", "status", "startTime"]);
  if (budgetCents !== undefined) fields.budgetAmount = view.budgetAmount;
  if (endTime !== undefined) fields.endTime = endTime;
  return { body: success(view), mutations: [{ op: "create", objectId: String(c.id), fields }] };
}

export function listCampaigns(ctx: AppleContext): AppleResult {
  const p = page(ctx.store.campaigns(ctx.org.orgId), parsePageRequest(ctx.query));
  return { body: success(p.data.map((c) => campaignView(c, cur(ctx))), p.pagination) };
}

export function getCampaign(ctx: AppleContext): AppleResult {
  return { body: success(campaignView(findCampaign(ctx), cur(ctx))) };
}

export function updateCampaign(ctx: AppleContext): AppleResult {
  const c = findCampaign(ctx);
  const input = parseCampaignUpdate(ctx.body, { currency: cur(ctx) });
  const next = applyCampaignUpdate(ctx, c, input);
  const view = campaignView(next, cur(ctx));
  const fields = pick(view, Object.keys(input).map((k) => (k === "dailyBudgetCents" ? "dailyBudgetAmount" : k)));
  return { body: success(view), mutations: Object.keys(fields).length === 0 ? [] : [{ op: "update", objectId: String(c.id), fields }] };
}

export function deleteCampaign(ctx: AppleContext): AppleResult {
  const c = findCampaign(ctx);
  applyCampaignDelete(ctx, c, { cascade: false });
  return { body: success(null), mutations: [{ op: "delete", objectId: String(c.id), fields: { deleted: true } }] };
}

// ------------------------------------------------------------------ ad groups

export function createAdGroup(ctx: AppleContext): AppleResult {
  const c = findCampaign(ctx);
  const input = parseAdGroupCreate(ctx.body, { currency: cur(ctx) });
  const g = applyAdGroupCreate(ctx, c, input);
  const view = adGroupView(g, cur(ctx));
  const fields = pick(view, ["name", "pricingModel", "defaultBidAmount", "startTime", "status", "automatedKeywordsOptIn"]);
  if (g.cpaGoalCents !== undefined) fields.cpaGoal = view.cpaGoal;
  if (g.endTime !== undefined) fields.endTime = g.endTime;
  if (g.targetingDimensions) fields.targetingDimensions = g.targetingDimensions;
  return { body: success(view), mutations: [{ op: "create", objectId: String(g.id), fields }] };
}

export function listAdGroups(ctx: AppleContext): AppleResult {
  const c = findCampaign(ctx);
  const p = page(ctx.store.adGroups(c.id), parsePageRequest(ctx.query));
  return { body: success(p.data.map((g) => adGroupView(g, cur(ctx))), p.pagination) };
}

export function getAdGroup(ctx: AppleContext): AppleResult {
  return { body: success(adGroupView(findAdGroup(ctx, findCampaign(ctx)), cur(ctx))) };
}

export function updateAdGroup(ctx: AppleContext): AppleResult {
  const c = findCampaign(ctx);
  const g = findAdGroup(ctx, c);
  const input = parseAdGroupUpdate(ctx.body, { currency: cur(ctx) });
  const next = applyAdGroupUpdate(ctx, c, g, input);
  const view = adGroupView(next, cur(ctx));
  const rename: Record<string, string> = { defaultBidCents: "defaultBidAmount", cpaGoalCents: "cpaGoal" };
  const fields = pick(view, Object.keys(input).map((k) => rename[k] ?? k));
  return { body: success(view), mutations: Object.keys(fields).length === 0 ? [] : [{ op: "update", objectId: String(g.id), fields }] };
}

export function deleteAdGroup(ctx: AppleContext): AppleResult {
  const g = findAdGroup(ctx, findCampaign(ctx));
  applyAdGroupDelete(ctx, g, { cascade: false });
  return { body: success(null), mutations: [{ op: "delete", objectId: String(g.id), fields: { deleted: true } }] };
}

// ------------------------------------------------------------------ targeting keywords

export function createKeywords(ctx: AppleContext): AppleResult {
  const c = findCampaign(ctx);
  const g = findAdGroup(ctx, c);
  const inputs = parseKeywordCreates(ctx.body, { currency: cur(ctx) });
  const created = applyKeywordCreates(ctx, c, g, inputs, (i) => `[${i}].text`);
  const views = created.map((k) => keywordView(k, cur(ctx)));
  const mutations: AppleMutation[] = views.map((v) => ({
    op: "create",
    objectId: String(v.id),
    fields: pick(v, v.bidAmount === null ? ["text", "matchType", "status"] : ["text", "matchType", "status", "bidAmount"]),
  }));
  return { body: success(views), mutations };
}

export function updateKeywords(ctx: AppleContext): AppleResult {
  const c = findCampaign(ctx);
  const g = findAdGroup(ctx, c);
  const inputs = parseKeywordUpdates(ctx.body, { currency: cur(ctx) });
  const targets = inputs.map((u, i) => {
    const k = ctx.store.keyword(u.id);
    if (k === undefined || k.adGroupId !== g.id || k.deleted) throw invalidInput(`[${i}].id`, `Keyword ${u.id} was not found in ad group ${g.id}`);
    return k;
  });
  const mutations: AppleMutation[] = [];
  const views = inputs.map((u, i) => {
    const { id: _id, ...changes } = u;
    const next = applyKeywordUpdate(ctx, targets[i] as AppleKeyword, changes);
    const view = keywordView(next, cur(ctx));
    const fields = pick(view, [...(u.status === undefined ? [] : ["status"]), ...(u.bidCents === undefined ? [] : ["bidAmount"])]);
    if (Object.keys(fields).length > 0) mutations.push({ op: "update", objectId: String(next.id), fields });
    return view;
  });
  return { body: success(views), mutations };
}

export function listKeywords(ctx: AppleContext): AppleResult {
  const g = findAdGroup(ctx, findCampaign(ctx));
  const p = page(liveKeywords(ctx, g), parsePageRequest(ctx.query));
  return { body: success(p.data.map((k) => keywordView(k, cur(ctx))), p.pagination) };
}

export function deleteKeyword(ctx: AppleContext): AppleResult {
  const g = findAdGroup(ctx, findCampaign(ctx));
  const raw = ctx.params.keywordId ?? "";
  const id = pathId(raw);
  const k = id === undefined ? undefined : ctx.store.keyword(id);
  if (k === undefined || k.adGroupId !== g.id || k.deleted) throw notFound("Keyword", raw);
  applyKeywordDelete(ctx, k);
  return { body: success(null), mutations: [{ op: "delete", objectId: String(k.id), fields: { deleted: true } }] };
}

function pick(view: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in view).map((k) => [k, view[k]]));
}
