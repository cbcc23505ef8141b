import { invalidParam } from "./envelope.ts";
import type { OperationStatus } from "./enums.ts";
import {
  adCreateSchema, adStatusSchema, adUpdateSchema, adgroupStatusSchema, campaignStatusSchema, getQuerySchema,
  parseAdgroupCreate, parseAdgroupUpdate, parseCampaignCreate, parseCampaignUpdate, parseWith, type GetQuery,
} from "./inputs.ts";
import type { TtContext, TtHandler, TtHandlerResult, TtMutation } from "./pipeline.ts";
import type { TtAd, TtAdgroup, TtCampaign } from "./tiktok-store.ts";
import { adView, adgroupView, campaignView, paginate, pickFields } from "./views.ts";

/** The TikTok calls, keyed by path under `/open_api/v1.3`. Each is pure over the store. */

function ownCampaign(ctx: TtContext, id: string, live = true): TtCampaign {
  const c = ctx.store.campaigns.get(id);
  if (c === undefined || c.advertiser_id !== ctx.advertiser.id) throw invalidParam(`campaign_id: campaign ${id} does not exist`);
  if (live && c.operation_status === "DELETE") throw invalidParam(`campaign_id: campaign ${id} has been deleted`);
  return c;
}

function ownAdgroup(ctx: TtContext, id: string, live = true): TtAdgroup {
  const g = ctx.store.adgroups.get(id);
  if (g === undefined || g.advertiser_id !== ctx.advertiser.id) throw invalidParam(`adgroup_id: ad group ${id} does not exist`);
  if (live && g.operation_status === "DELETE") throw invalidParam(`adgroup_id: ad group ${id} has been deleted`);
  return g;
}

function ownAd(ctx: TtContext, id: string, live = true): TtAd {
  const a = ctx.store.ads.get(id);
  if (a === undefined || a.advertiser_id !== ctx.advertiser.id) throw invalidParam(`ad_id: ad ${id} does not exist`);
  if (live && a.operation_status === "DELETE") throw invalidParam(`ad_id: ad ${id} has been deleted`);
  return a;
}

const newestFirst = <T extends { create_time: string }>(a: T, b: T) => (a.create_time < b.create_time ? 1 : a.create_time > b.create_time ? -1 : 0);

/** Deleted objects are hidden unless `secondary_status` asks for them (`…_STATUS_DELETE` or `…_STATUS_ALL`). */
function statusMatches(prefix: string, status: OperationStatus, wanted: string | undefined): boolean {
  if (wanted === undefined || wanted === `${prefix}_STATUS_NOT_DELETE`) return status !== "DELETE";
  if (wanted === `${prefix}_STATUS_ALL`) return true;
  return wanted === `${prefix}_STATUS_${status}`;
}

function readQuery(ctx: TtContext): GetQuery {
  return parseWith(getQuerySchema, ctx.params) as GetQuery;
}

function listAnswer<T>(items: T[], q: GetQuery, view: (x: T) => Record<string, unknown>): TtHandlerResult {
  const page = paginate(items, q.page, q.page_size);
  return { data: { list: page.list.map((x) => pickFields(view(x), q.fields)), page_info: page.page_info }, mutations: [] };
}

const campaignCreate: TtHandler = (ctx) => {
  const input = parseCampaignCreate(ctx.params, ctx.advertiser.currency);
  if (input.request_id !== undefined) {
    const prior = ctx.store.createdBy(ctx.advertiser.id, "campaign", input.request_id);
    // A repeated request_id creates nothing and answers the campaign the first request created.
    if (prior !== undefined) return { data: campaignView(ownCampaign(ctx, prior, false)), mutations: [] };
  }
  const { request_id, ...fields } = input;
  const at = ctx.now.toISOString();
  const c: TtCampaign = { campaign_id: ctx.store.newId(), advertiser_id: ctx.advertiser.id, ...fields, create_time: at, modify_time: at };
  ctx.store.campaigns.set(c.campaign_id, c);
  if (request_id !== undefined) ctx.store.rememberRequest(ctx.advertiser.id, "campaign", request_id, c.campaign_id);
  return { data: campaignView(c), mutations: [{ op: "create", objectId: c.campaign_id, fields: { ...input } }] };
};

const campaignUpdate: TtHandler = (ctx) => {
  const input = parseCampaignUpdate(ctx.params, ctx.advertiser.currency, (id) => ownCampaign(ctx, id).budget_mode);
  const c = ownCampaign(ctx, input.campaign_id);
  return applyChanges(ctx, c, input.campaign_id, input.changes, campaignView);
};

function applyChanges<T extends { modify_time: string }>(
  ctx: TtContext, target: T, id: string, changes: Partial<T>, view: (x: T) => Record<string, unknown>,
): TtHandlerResult {
  const mutations: TtMutation[] = [];
  if (Object.keys(changes).length > 0) {
    Object.assign(target, changes, { modify_time: ctx.now.toISOString() });
    mutations.push({ op: "update", objectId: id, fields: { ...changes } });
  }
  return { data: view(target), mutations };
}

const campaignGet: TtHandler = (ctx) => {
  const q = readQuery(ctx);
  const f = q.filtering ?? {};
  const items = [...ctx.store.campaigns.values()]
    .filter((c) => c.advertiser_id === ctx.advertiser.id)
    .filter((c) => f.campaign_ids === undefined || f.campaign_ids.includes(c.campaign_id))
    .filter((c) => f.campaign_name === undefined || c.campaign_name.includes(f.campaign_name))
    .filter((c) => f.objective_type === undefined || c.objective_type === f.objective_type)
    .filter((c) => statusMatches("CAMPAIGN", c.operation_status, f.secondary_status))
    .sort(newestFirst);
  return listAnswer(items, q, campaignView);
};

/** Status changes: all ids must exist and none may be deleted, else nothing changes. */
function statusUpdate<T extends { operation_status: OperationStatus; modify_time: string }>(
  ctx: TtContext, ids: string[], status: OperationStatus, find: (id: string) => T, noun: string,
): TtMutation[] {
  const targets = [...new Set(ids)].map((id) => {
    const t = find(id);
    if (t.operation_status === "DELETE") throw invalidParam(`operation_status: ${noun} ${id} has been deleted; its status can no longer be changed`);
    return [id, t] as const;
  });
  return targets.map(([id, t]) => {
    t.operation_status = status;
    t.modify_time = ctx.now.toISOString();
    return { op: status === "DELETE" ? "delete" : "update", objectId: id, fields: { operation_status: status } };
  });
}

const campaignStatus: TtHandler = (ctx) => {
  const b = parseWith(campaignStatusSchema, ctx.params);
  const mutations = statusUpdate(ctx, b.campaign_ids, b.operation_status, (id) => ownCampaign(ctx, id, false), "campaign");
  const ids = mutations.map((m) => m.objectId);
  return {
    data: { campaign_ids: ids, status: b.operation_status, campaign_list: ids.map((campaign_id) => ({ campaign_id, status: b.operation_status })) },
    mutations,
  };
};

const adgroupCreate: TtHandler = (ctx) => {
  const input = parseAdgroupCreate(ctx.params, ctx.advertiser.currency, (id) => ownCampaign(ctx, id).budget_optimize_on);
  if (input.request_id !== undefined) {
    const prior = ctx.store.createdBy(ctx.advertiser.id, "adgroup", input.request_id);
    if (prior !== undefined) return { data: adgroupView(ownAdgroup(ctx, prior, false)), mutations: [] };
  }
  ownCampaign(ctx, input.campaign_id);
  const { request_id, ...fields } = input;
  const at = ctx.now.toISOString();
  const g: TtAdgroup = { adgroup_id: ctx.store.newId(), advertiser_id: ctx.advertiser.id, ...fields, create_time: at, modify_time: at };
  ctx.store.adgroups.set(g.adgroup_id, g);
  if (request_id !== undefined) ctx.store.rememberRequest(ctx.advertiser.id, "adgroup", request_id, g.adgroup_id);
  return { data: adgroupView(g), mutations: [{ op: "create", objectId: g.adgroup_id, fields: { ...input } }] };
};

const adgroupUpdate: TtHandler = (ctx) => {
  const input = parseAdgroupUpdate(ctx.params, ctx.advertiser.currency, (id) => ownAdgroup(ctx, id));
  return applyChanges(ctx, ownAdgroup(ctx, input.adgroup_id), input.adgroup_id, input.changes, adgroupView);
};

const adgroupGet: TtHandler = (ctx) => {
  const q = readQuery(ctx);
  const f = q.filtering ?? {};
  const items = [...ctx.store.adgroups.values()]
    .filter((g) => g.advertiser_id === ctx.advertiser.id)
    .filter((g) => f.campaign_ids === undefined || f.campaign_ids.includes(g.campaign_id))
    .filter((g) => f.adgroup_ids === undefined || f.adgroup_ids.includes(g.adgroup_id))
    .filter((g) => f.adgroup_name === undefined || g.adgroup_name.includes(f.adgroup_name))
    .filter((g) => statusMatches("ADGROUP", g.operation_status, f.secondary_status))
    .sort(newestFirst);
  return listAnswer(items, q, adgroupView);
};

const adgroupStatus: TtHandler = (ctx) => {
  const b = parseWith(adgroupStatusSchema, ctx.params);
  const mutations = statusUpdate(ctx, b.adgroup_ids, b.operation_status, (id) => ownAdgroup(ctx, id, false), "ad group");
  return { data: { adgroup_ids: mutations.map((m) => m.objectId), status: b.operation_status }, mutations };
};

const adCreate: TtHandler = (ctx) => {
  const b = parseWith(adCreateSchema, ctx.params);
  const g = ownAdgroup(ctx, b.adgroup_id);
  const at = ctx.now.toISOString();
  const ads = b.creatives.map((cr): TtAd => ({
    ad_id: ctx.store.newId(), adgroup_id: g.adgroup_id, campaign_id: g.campaign_id, advertiser_id: ctx.advertiser.id,
    operation_status: "ENABLE", ...cr, create_time: at, modify_time: at,
  }));
  for (const a of ads) ctx.store.ads.set(a.ad_id, a);
  return {
    data: { ad_ids: ads.map((a) => a.ad_id), creatives: ads.map(adView) },
    mutations: ads.map((a, i) => ({ op: "create", objectId: a.ad_id, fields: { adgroup_id: g.adgroup_id, ...b.creatives[i] } })),
  };
};

const adUpdate: TtHandler = (ctx) => {
  const b = parseWith(adUpdateSchema, ctx.params);
  ownAdgroup(ctx, b.adgroup_id);
  const targets = b.creatives.map(({ ad_id, ...changes }) => {
    const a = ownAd(ctx, ad_id);
    if (a.adgroup_id !== b.adgroup_id) throw invalidParam(`ad_id: ad ${ad_id} is not in ad group ${b.adgroup_id}`);
    return { a, changes };
  });
  const mutations = targets.flatMap(({ a, changes }) => applyChanges(ctx, a, a.ad_id, changes, adView).mutations);
  return { data: { ad_ids: targets.map((t) => t.a.ad_id), creatives: targets.map((t) => adView(t.a)) }, mutations };
};

const adGet: TtHandler = (ctx) => {
  const q = readQuery(ctx);
  const f = q.filtering ?? {};
  const items = [...ctx.store.ads.values()]
    .filter((a) => a.advertiser_id === ctx.advertiser.id)
    .filter((a) => f.campaign_ids === undefined || f.campaign_ids.includes(a.campaign_id))
    .filter((a) => f.adgroup_ids === undefined || f.adgroup_ids.includes(a.adgroup_id))
    .filter((a) => f.ad_ids === undefined || f.ad_ids.includes(a.ad_id))
    .filter((a) => statusMatches("AD", a.operation_status, f.secondary_status))
    .sort(newestFirst);
  return listAnswer(items, q, adView);
};

const adStatus: TtHandler = (ctx) => {
  const b = parseWith(adStatusSchema, ctx.params);
  const mutations = statusUpdate(ctx, b.ad_ids, b.operation_status, (id) => ownAd(ctx, id, false), "ad");
  return { data: { ad_ids: mutations.map((m) => m.objectId), status: b.operation_status }, mutations };
};

export const TIKTOK_HANDLERS: ReadonlyArray<{ method: "GET" | "POST"; path: string; handler: TtHandler }> = [
  { method: "POST", path: "/campaign/create/", handler: campaignCreate },
  { method: "POST", path: "/campaign/update/", handler: campaignUpdate },
  { method: "POST", path: "/campaign/status/update/", handler: campaignStatus },
  { method: "GET", path: "/campaign/get/", handler: campaignGet },
  { method: "POST", path: "/adgroup/create/", handler: adgroupCreate },
  { method: "POST", path: "/adgroup/update/", handler: adgroupUpdate },
  { method: "POST", path: "/adgroup/status/update/", handler: adgroupStatus },
  { method: "GET", path: "/adgroup/get/", handler: adgroupGet },
  { method: "POST", path: "/ad/create/", handler: adCreate },
  { method: "POST", path: "/ad/update/", handler: adUpdate },
  { method: "POST", path: "/ad/status/update/", handler: adStatus },
  { method: "GET", path: "/ad/get/", handler: adGet },
];
