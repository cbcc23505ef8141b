import { currencySchema } from "@layers/contracts";
import { z } from "zod";
import { BUDGET_MODES, DEPRECATED_OBJECTIVE_TYPES, OBJECTIVE_TYPES, OPERATION_STATUSES } from "./enums.ts";
import type { TiktokStore, TtAdvertiser, TtCampaign } from "./tiktok-store.ts";

/** A campaign that exists before Layers sees the advertiser: any status, deprecated objectives allowed, never ledgered. */
export const tiktokSeedCampaignSchema = z.object({
  campaign_name: z.string().min(1).max(512),
  objective_type: z.enum([...OBJECTIVE_TYPES, ...DEPRECATED_OBJECTIVE_TYPES]).default("TRAFFIC"),
  budget_mode: z.enum(BUDGET_MODES).default("BUDGET_MODE_INFINITE"),
  budget: z.number().nonnegative().default(0),
  budget_optimize_on: z.boolean().default(false),
  operation_status: z.enum(OPERATION_STATUSES).default("ENABLE"),
});

export const createTiktokAdvertiserBodySchema = z.object({
  name: z.string().min(1).optional(),
  currency: currencySchema.default("USD"),
  campaigns: z.array(tiktokSeedCampaignSchema).default([]),
});
export type CreateTiktokAdvertiserBody = z.input<typeof createTiktokAdvertiserBodySchema>;

export interface CreateTiktokAdvertiserResponse {
  advertiserId: string;
  accessToken: string;
  name: string;
  currency: string;
  campaigns: Array<{ campaign_id: string; campaign_name: string }>;
}

export function seedAdvertiser(store: TiktokStore, body: z.infer<typeof createTiktokAdvertiserBodySchema>, now: Date): {
  advertiser: TtAdvertiser;
  campaigns: TtCampaign[];
} {
  const advertiser = store.createAdvertiser(body.name, body.currency);
  const campaigns = body.campaigns.map((seed, i): TtCampaign => {
    // Distinct, increasing create times keep "newest first" deterministic for seeds.
    const at = new Date(now.getTime() - (body.campaigns.length - i) * 1000).toISOString();
    const c: TtCampaign = {
      campaign_id: store.newId(), advertiser_id: advertiser.id, ...seed,
      budget: seed.budget_mode === "BUDGET_MODE_INFINITE" ? 0 : seed.budget,
      special_industries: [], campaign_type: "REGULAR_CAMPAIGN", create_time: at, modify_time: at,
    };
    store.campaigns.set(c.campaign_id, c);
    return c;
  });
  return { advertiser, campaigns };
}
