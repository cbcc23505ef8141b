import { duplicateName, invalidInput, invalidState } from "./apple-error.ts";
import type { AppleContext } from "./apple-context.ts";
import { formatAppleTime } from "./apple-time.ts";
import type { AppleAdGroup, AppleCampaign, AppleKeyword } from "./apple-types.ts";
import type { AdGroupCreateInput, AdGroupInput } from "./adgroup-input.ts";
import type { CampaignCreateInput, CampaignUpdateInput } from "./campaign-input.ts";
import type { KeywordCreateInput, KeywordUpdateInput } from "./keyword-input.ts";
import { money } from "./money.ts";

/**
 * The rules of Apple's campaign tree, shared by both APIs the sandbox serves (v5 and the Platform
 * API): each API parses its own wire format into these inputs, applies them here to the one store,
 * and renders the result in its own spelling. So an object made through one API is the same object
 * through the other, with the same id.
 */

const cur = (ctx: AppleContext) => ctx.org.currency;

export function liveAdGroups(ctx: AppleContext, c: AppleCampaign): AppleAdGroup[] {
  return ctx.store.adGroups(c.id).filter((g) => !g.deleted);
}

export function liveKeywords(ctx: AppleContext, g: AppleAdGroup): AppleKeyword[] {
  return ctx.store.keywords(g.id).filter((k) => !k.deleted);
}

export function applyCampaignCreate(ctx: AppleContext, input: CampaignCreateInput): AppleCampaign {
  if (ctx.store.campaigns(ctx.org.orgId).some((c) => !c.deleted && c.name === input.name)) {
    throw duplicateName("name", `A campaign named "${input.name}" already exists in this org`);
  }
  const at = formatAppleTime(ctx.now);
  const { budgetCents, endTime, startTime, bidCeilingCents, ...rest } = input;
  const c: AppleCampaign = {
    ...rest,
    id: ctx.store.newId(),
    orgId: ctx.org.orgId,
    startTime: startTime ?? at,
    deleted: false,
    creationTime: at,
    modificationTime: at,
    ...(budgetCents === undefined ? {} : { budgetCents }),
    ...(bidCeilingCents === undefined ? {} : { bidCeilingCents }),
    ...(endTime === undefined ? {} : { endTime }),
  };
  ctx.store.putCampaign(c);
  return c;
}

export function applyCampaignUpdate(ctx: AppleContext, c: AppleCampaign, input: CampaignUpdateInput): AppleCampaign {
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
  return next;
}

/** Soft delete. `cascade` (the Platform API's rule) also marks the campaign's ad groups and keywords deleted. */
export function applyCampaignDelete(ctx: AppleContext, c: AppleCampaign, opts: { cascade: boolean }): void {
  if (c.deleted) throw invalidState(`Campaign ${c.id} is already deleted`);
  const at = formatAppleTime(ctx.now);
  ctx.store.putCampaign({ ...c, deleted: true, modificationTime: at });
  if (opts.cascade) for (const g of liveAdGroups(ctx, c)) applyAdGroupDelete(ctx, g, opts);
}

export function checkBidWithinBudget(ctx: AppleContext, c: AppleCampaign, bidCents: number): void {
  if (bidCents > c.dailyBudgetCents) {
    throw invalidInput("defaultBidAmount", `defaultBidAmount cannot exceed the campaign dailyBudgetAmount (${money(c.dailyBudgetCents, cur(ctx)).amount})`);
  }
}

export function applyAdGroupCreate(ctx: AppleContext, c: AppleCampaign, input: AdGroupCreateInput): AppleAdGroup {
  if (c.deleted) throw invalidState(`Campaign ${c.id} is deleted`);
  checkBidWithinBudget(ctx, c, input.defaultBidCents);
  const at = formatAppleTime(ctx.now);
  const g: AppleAdGroup = { ...input, id: ctx.store.newId(), orgId: c.orgId, campaignId: c.id, deleted: false, creationTime: at, modificationTime: at };
  ctx.store.putAdGroup(g);
  return g;
}

export function applyAdGroupUpdate(ctx: AppleContext, c: AppleCampaign, g: AppleAdGroup, input: AdGroupInput): AppleAdGroup {
  if (g.deleted) throw invalidState(`AdGroup ${g.id} is deleted and cannot be changed`);
  if (input.defaultBidCents !== undefined) checkBidWithinBudget(ctx, c, input.defaultBidCents);
  const next: AppleAdGroup = { ...g, ...input, modificationTime: formatAppleTime(ctx.now) };
  if (next.endTime !== undefined && next.endTime <= next.startTime) throw invalidInput("endTime", "endTime must be after startTime");
  ctx.store.putAdGroup(next);
  return next;
}

export function applyAdGroupDelete(ctx: AppleContext, g: AppleAdGroup, opts: { cascade: boolean }): void {
  if (g.deleted) throw invalidState(`AdGroup ${g.id} is already deleted`);
  const at = formatAppleTime(ctx.now);
  ctx.store.putAdGroup({ ...g, deleted: true, modificationTime: at });
  if (opts.cascade) for (const k of liveKeywords(ctx, g)) ctx.store.putKeyword({ ...k, deleted: true, modificationTime: at });
}

/** All or nothing: every input is checked against the ad group's live keywords before any is stored. `field(i)` names item i in errors. */
export function applyKeywordCreates(ctx: AppleContext, c: AppleCampaign, g: AppleAdGroup, inputs: readonly KeywordCreateInput[], field: (i: number) => string): AppleKeyword[] {
  if (g.deleted || c.deleted) throw invalidState(`AdGroup ${g.id} is deleted`);
  const existing = new Set(liveKeywords(ctx, g).map((k) => `${k.matchType}:${k.text.toLowerCase()}`));
  inputs.forEach((k, i) => {
    if (existing.has(`${k.matchType}:${k.text.toLowerCase()}`)) {
      throw invalidInput(field(i), `keyword "${k.text}" with match type ${k.matchType} already exists in this ad group`);
    }
  });
  const at = formatAppleTime(ctx.now);
  return inputs.map((k) => {
    const kw: AppleKeyword = { ...k, id: ctx.store.newId(), orgId: c.orgId, campaignId: c.id, adGroupId: g.id, deleted: false, creationTime: at, modificationTime: at };
    ctx.store.putKeyword(kw);
    return kw;
  });
}

export function applyKeywordUpdate(ctx: AppleContext, k: AppleKeyword, u: Omit<KeywordUpdateInput, "id">): AppleKeyword {
  const next: AppleKeyword = { ...k, ...u, modificationTime: formatAppleTime(ctx.now) };
  ctx.store.putKeyword(next);
  return next;
}

export function applyKeywordDelete(ctx: AppleContext, k: AppleKeyword): void {
  ctx.store.putKeyword({ ...k, deleted: true, modificationTime: formatAppleTime(ctx.now) });
}
