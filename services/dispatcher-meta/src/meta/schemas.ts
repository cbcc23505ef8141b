import { z } from "zod";

/**
 * Graph answers as this service reads them. Ids and budgets are strings, `bid_amount` a number;
 * only requested fields are present and Meta adds fields over time, so every shape is loose.
 */

const adLabelsSchema = z.array(z.looseObject({ id: z.string().optional(), name: z.string() }));

export const metaCampaignSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  effective_status: z.string().optional(),
  objective: z.string().optional(),
  daily_budget: z.string().optional(),
  lifetime_budget: z.string().optional(),
  adlabels: adLabelsSchema.optional(),
});
export type MetaCampaign = z.infer<typeof metaCampaignSchema>;

export const metaAdSetSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  effective_status: z.string().optional(),
  campaign_id: z.string().optional(),
  daily_budget: z.string().optional(),
  lifetime_budget: z.string().optional(),
  bid_amount: z.union([z.number(), z.string()]).optional(),
  bid_strategy: z.string().optional(),
  billing_event: z.string().optional(),
  optimization_goal: z.string().optional(),
  targeting: z.record(z.string(), z.unknown()).optional(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  adlabels: adLabelsSchema.optional(),
});
export type MetaAdSet = z.infer<typeof metaAdSetSchema>;

/** `creative` reads as `{id}`, or with the sub-fields asked for (`creative{id,name}`). */
export const metaAdSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  effective_status: z.string().optional(),
  adset_id: z.string().optional(),
  creative: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  adlabels: adLabelsSchema.optional(),
});
export type MetaAd = z.infer<typeof metaAdSchema>;

export const metaAdCreativeSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  object_story_spec: z.record(z.string(), z.unknown()).optional(),
});
export type MetaAdCreative = z.infer<typeof metaAdCreativeSchema>;

export const createdSchema = z.looseObject({ id: z.string() });
export const successSchema = z.looseObject({ success: z.literal(true) });

/** One page of an edge (`/act_{id}/campaigns`, `/{campaign_id}/adsets`, …). */
export function pageSchemaOf<T extends z.ZodType>(item: T) {
  return z.looseObject({
    data: z.array(item),
    paging: z.looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
  });
}

/** Fields of a create or update, in Graph spelling (`daily_budget`, `object_story_spec`, …). */
export type MetaFields = Readonly<Record<string, unknown>>;
