import { duplicateName, invalidInput, invalidState, notFound, success } from "./apple-error.ts";
import type { AppleContext, AppleMutation, AppleResult } from "./apple-context.ts";
import { formatAppleTime } from "./apple-time.ts";
import type { AppleAdGroup, AppleCampaign, AppleKeyword } from "./apple-types.ts";
import { parseAdGroupCreate, parseAdGroupUpdate } from "./adgroup-input.ts";
import { parseCampaignCreate, parseCampaignUpdate } from "./campaign-input.ts";
import { pathId } from "./fields.ts";
import { parseKeywordCreates, parseKeywordUpdates } from "./keyword-input.ts";
import { money } from "./money.ts";
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

function liveAdGroups(ctx: AppleContext, c: AppleCampaign): AppleAdGroup[] {
  return ctx.store.adGroups(c.id).filter((g) => !g.deleted);
}

function liveKeywords(ctx: AppleContext, g: AppleAdGroup): AppleKeyword[] {
  return ctx.store.keywords(g.id).filter((k) => !k.deleted);
}

const cur = (ctx: AppleContext) => ctx.org.currency;

// ------------------------------------------------------------------ campaigns

export function createCampaign(ctx: AppleContext): AppleResult {
  const input = parseCampaignCreate(ctx.body, { orgId: ctx.org.orgId, currency: cur(ctx), now: ctx.now });
  if (ctx.store.campaigns(ctx.org.orgId).some((c) => !c.deleted && c.name === input.name)) {
    throw duplicateName("name", `A campaign named "${input.name}" already exists in this org`);
  }
  const at = formatAppleTime(ctx.now);
  const { budgetCents, endTime, startTime, ...rest } = input;
  const c: AppleCampaign = {
    ...rest,
    id: ctx.store.newId(),
    orgId: ctx.org.orgId,
    startTime: startTime ?? at,
    deleted: false,
    creationTime: at,
    modificationTime: at,
    ...(budgetCents === undefined ? {} : { budgetCents }),
    ...(endTime === undefined ? {} : { endTime }),
  };
  ctx.store.putCampaign(c);
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
  if (c.deleted) throw invalidState(`Campaign ${c.id} is deleted and cannot be changed`);
  if (input.name !== undefined && ctx.store.campaigns(c.orgId).some((o) => o.id !== c.id && !o.deleted && o.name === input.name)) {
    throw duplicateName("name", `A campaign named "${input.name}" already exists in this org`);
  }
  if (input.dailyBudgetCents !== undefined) {
    const maxBid = Math.max(0, ...liveAdGroups(ctx, c).map((g) => g.defaultBidCents));
    if (input.dailyBudgetCents < maxBid) {
      throw invalidInput("dailyBudgetAmount", `dailyBudgetAmount must be at least the ad groups' defaultBidAmount (${money(maxBid, cur(ctx)).amount})`);
    }
  }
  const next: AppleCampaign = { ...c, ...input, startTime: input.startTime ?? c.startTime, modificationTime: formatAppleTime(ctx.now) };
  if (next.endTime !== undefined && next.endTime <= next.startTime) throw invalidInput("endTime", "endTime must be after startTime");
  ctx.store.putCampaign(next);
  const view = campaignView(next, cur(ctx));
  const fields = pick(view, Object.keys(input).map((k) => (k === "dailyBudgetCents" ? "dailyBudgetAmount" : k)));
  return { body: success(view), mutations: Object.keys(fields).length === 0 ? [] : [{ op: "update", objectId: String(c.id), fields }] };
}

export function deleteCampaign(ctx: AppleContext): AppleResult {
  const c = findCampaign(ctx);
  if (c.deleted) throw invalidState(`Campaign ${c.id} is already deleted`);
  ctx.store.putCampaign({ ...c, deleted: true, modificationTime: formatAppleTime(ctx.now) });
  return { body: success(null), mutations: [{ op: "delete", objectId: String(c.id), fields: { deleted: true } }] };
}

// ------------------------------------------------------------------ ad groups

function checkBidWithinBudget(ctx: AppleContext, c: AppleCampaign, bidCents: number): void {
  if (bidCents > c.dailyBudgetCents) {
    throw invalidInput("defaultBidAmount", `defaultBidAmount cannot exceed the campaign dailyBudgetAmount (${money(c.dailyBudgetCents, cur(ctx)).amount})`);
  }
}

export function createAdGroup(ctx: AppleContext): AppleResult {
  const c = findCampaign(ctx);
  const input = parseAdGroupCreate(ctx.body, { currency: cur(ctx) });
  if (c.deleted) throw invalidState(`Campaign ${c.id} is deleted`);
  checkBidWithinBudget(ctx, c, input.defaultBidCents);
  const at = formatAppleTime(ctx.now);
  const g: AppleAdGroup = { ...input, id: ctx.store.newId(), orgId: c.orgId, campaignId: c.id, deleted: false, creationTime: at, modificationTime: at };
  ctx.store.putAdGroup(g);
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
  if (g.deleted) throw invalidState(`AdGroup ${g.id} is deleted and cannot be changed`);
  if (input.defaultBidCents !== undefined) checkBidWithinBudget(ctx, c, input.defaultBidCents);
  const next: AppleAdGroup = { ...g, ...input, modificationTime: formatAppleTime(ctx.now) };
  if (next.endTime !== undefined && next.endTime <= next.startTime) throw invalidInput("endTime", "endTime must be after startTime");
  ctx.store.putAdGroup(next);
  const view = adGroupView(next, cur(ctx));
  const rename: Record<string, string> = { defaultBidCents: "defaultBidAmount", cpaGoalCents: "cpaGoal" };
  const fields = pick(view, Object.keys(input).map((k) => rename[k] ?? k));
  return { body: success(view), mutations: Object.keys(fields).length === 0 ? [] : [{ op: "update", objectId: String(g.id), fields }] };
}

export function deleteAdGroup(ctx: AppleContext): AppleResult {
  const g = findAdGroup(ctx, findCampaign(ctx));
  if (g.deleted) throw invalidState(`AdGroup ${g.id} is already deleted`);
  ctx.store.putAdGroup({ ...g, deleted: true, modificationTime: formatAppleTime(ctx.now) });
  return { body: success(null), mutations: [{ op: "delete", objectId: String(g.id), fields: { deleted: true } }] };
}

// ------------------------------------------------------------------ targeting keywords

export function createKeywords(ctx: AppleContext): AppleResult {
  const c = findCampaign(ctx);
  const g = findAdGroup(ctx, c);
  const inputs = parseKeywordCreates(ctx.body, { currency: cur(ctx) });
  if (g.deleted || c.deleted) throw invalidState(`AdGroup ${g.id} is deleted`);
  const existing = new Set(liveKeywords(ctx, g).map((k) => `${k.matchType}:${k.text.toLowerCase()}`));
  inputs.forEach((k, i) => {
    if (existing.has(`${k.matchType}:${k.text.toLowerCase()}`)) {
      throw invalidInput(`[${i}].text`, `keyword "${k.text}" with match type ${k.matchType} already exists in this ad group`);
    }
  });
  const at = formatAppleTime(ctx.now);
  const created = inputs.map((k) => {
    const kw: AppleKeyword = { ...k, id: ctx.store.newId(), orgId: c.orgId, campaignId: c.id, adGroupId: g.id, deleted: false, creationTime: at, modificationTime: at };
    ctx.store.putKeyword(kw);
    return kw;
  });
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
  const at = formatAppleTime(ctx.now);
  const mutations: AppleMutation[] = [];
  const views = inputs.map((u, i) => {
    const { id: _id, ...changes } = u;
    const next: AppleKeyword = { ...(targets[i] as AppleKeyword), ...changes, modificationTime: at };
    ctx.store.putKeyword(next);
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
  ctx.store.putKeyword({ ...k, deleted: true, modificationTime: formatAppleTime(ctx.now) });
  return { body: success(null), mutations: [{ op: "delete", objectId: String(k.id), fields: { deleted: true } }] };
}

function pick(view: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in view).map((k) => [k, view[k]]));
}
