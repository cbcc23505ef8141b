import { currencySchema } from "@layers/contracts";
import { z } from "zod";
import { tiktokTime } from "./envelope.ts";
import { BUDGET_MODES, DEPRECATED_OBJECTIVE_TYPES, OBJECTIVE_TYPES, OPERATION_STATUSES } from "./enums.ts";
import type { TiktokStore, TtAd, TtAdgroup, TtAdvertiser, TtCampaign } from "./tiktok-store.ts";

/** An ad that exists before Layers sees the advertiser: any status, no creative, never ledgered. */
export const tiktokSeedAdSchema = z.object({
  ad_name: z.string().min(1).max(512),
  operation_status: z.enum(OPERATION_STATUSES).default("ENABLE"),
});

/** A pre-existing ad group: any status or budget (no minimums, no CBO rules), never ledgered. */
export const tiktokSeedAdgroupSchema = z.object({
  adgroup_name: z.string().min(1).max(512),
  budget_mode: z.enum(BUDGET_MODES).default("BUDGET_MODE_INFINITE"),
  budget: z.number().nonnegative().default(0),
  bid_price: z.number().positive().optional(),
  operation_status: z.enum(OPERATION_STATUSES).default("ENABLE"),
  ads: z.array(tiktokSeedAdSchema).default([]),
});

/** A campaign that exists before Layers sees the advertiser: any status, deprecated objectives allowed, never ledgered. */
export const tiktokSeedCampaignSchema = z.object({
  campaign_name: z.string().min(1).max(512),
  objective_type: z.enum([...OBJECTIVE_TYPES, ...DEPRECATED_OBJECTIVE_TYPES]).default("TRAFFIC"),
  budget_mode: z.enum(BUDGET_MODES).default("BUDGET_MODE_INFINITE"),
  budget: z.number().nonnegative().default(0),
  budget_optimize_on: z.boolean().default(false),
  operation_status: z.enum(OPERATION_STATUSES).default("ENABLE"),
  adgroups: z.array(tiktokSeedAdgroupSchema).default([]),
});

export const createTiktokAdvertiserBodySchema = z.object({
  name: z.string().min(1).optional(),
  currency: currencySchema.default("USD"),
  campaigns: z.array(tiktokSeedCampaignSchema).default([]),
});
export type CreateTiktokAdvertiserBody = z.input<typeof createTiktokAdvertiserBodySchema>;
type SeedBody = z.infer<typeof createTiktokAdvertiserBodySchema>;

export interface CreateTiktokAdvertiserResponse {
  advertiserId: string;
  accessToken: string;
  name: string;
  currency: string;
  campaigns: Array<{
    campaign_id: string;
    campaign_name: string;
    adgroups: Array<{ adgroup_id: string; adgroup_name: string; ads: Array<{ ad_id: string; ad_name: string }> }>;
  }>;
}

export interface SeededCampaign {
  campaign: TtCampaign;
  adgroups: Array<{ adgroup: TtAdgroup; ads: TtAd[] }>;
}

export function seedAdvertiser(store: TiktokStore, body: SeedBody, now: Date): { advertiser: TtAdvertiser; campaigns: SeededCampaign[] } {
  const advertiser = store.createAdvertiser(body.name, body.currency);
  // Distinct, increasing create times (1 s apart, ending before `now`, parents before children)
  // keep "newest first" deterministic for seeds.
  const count = body.campaigns.reduce((n, c) => n + 1 + c.adgroups.reduce((m, g) => m + 1 + g.ads.length, 0), 0);
  let step = 0;
  const nextTime = () => new Date(now.getTime() - (count - step++) * 1000);

  const campaigns = body.campaigns.map(({ adgroups, ...seed }): SeededCampaign => {
    const at = nextTime().toISOString();
    const c: TtCampaign = {
      campaign_id: store.newId(), advertiser_id: advertiser.id, ...seed,
      budget: seed.budget_mode === "BUDGET_MODE_INFINITE" ? 0 : seed.budget,
      special_industries: [], campaign_type: "REGULAR_CAMPAIGN", create_time: at, modify_time: at,
    };
    store.campaigns.set(c.campaign_id, c);
    return { campaign: c, adgroups: adgroups.map((g) => seedAdgroup(store, c, g, nextTime)) };
  });
  return { advertiser, campaigns };
}

function seedAdgroup(store: TiktokStore, c: TtCampaign, seed: SeedBody["campaigns"][number]["adgroups"][number], nextTime: () => Date) {
  const { ads, bid_price, ...fields } = seed;
  const start = nextTime();
  const at = start.toISOString();
  const budgeted = fields.budget_mode !== "BUDGET_MODE_INFINITE";
  // The delivery settings a seed does not name get the values an Ads Manager ad group would show.
  const g: TtAdgroup = {
    adgroup_id: store.newId(), campaign_id: c.campaign_id, advertiser_id: c.advertiser_id, ...fields,
    budget: budgeted ? fields.budget : 0,
    placement_type: "PLACEMENT_TYPE_AUTOMATIC", location_ids: ["6252001"], billing_event: "CPC",
    schedule_type: "SCHEDULE_FROM_NOW", schedule_start_time: tiktokTime(start),
    ...(bid_price === undefined ? { bid_type: "BID_TYPE_NO_BID" } : { bid_type: "BID_TYPE_CUSTOM", bid_price }),
    ...(budgeted ? { pacing: "PACING_MODE_SMOOTH" } : {}),
    create_time: at, modify_time: at,
  };
  store.adgroups.set(g.adgroup_id, g);
  const seededAds = ads.map((ad): TtAd => {
    const adAt = nextTime().toISOString();
    const a: TtAd = {
      ad_id: store.newId(), adgroup_id: g.adgroup_id, campaign_id: c.campaign_id, advertiser_id: c.advertiser_id, ...ad, create_time: adAt, modify_time: adAt,
    };
    store.ads.set(a.ad_id, a);
    return a;
  });
  return { adgroup: g, ads: seededAds };
}

/** The control answer for a seed: every new id, nested as seeded. */
export function seededAnswer(advertiser: TtAdvertiser, campaigns: readonly SeededCampaign[]): CreateTiktokAdvertiserResponse {
  return {
    advertiserId: advertiser.id,
    accessToken: advertiser.accessToken,
    name: advertiser.name,
    currency: advertiser.currency,
    campaigns: campaigns.map(({ campaign: c, adgroups }) => ({
      campaign_id: c.campaign_id,
      campaign_name: c.campaign_name,
      adgroups: adgroups.map(({ adgroup: g, ads }) => ({
        adgroup_id: g.adgroup_id, adgroup_name: g.adgroup_name, ads: ads.map((a) => ({ ad_id: a.ad_id, ad_name: a.ad_name })),
      })),
    })),
  };
}
