import { createHash } from "node:crypto";
import { z } from "zod";
import { platformSchema } from "./authority.ts";
import { entityKindSchema } from "./entities.ts";
import { creativeSpecSchema } from "./operation-params.ts";

/** Keys sorted at every level, so the same content always hashes the same. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]));
  return v;
}

/** A creative's pool id: a hash of its content, so every ad showing the same creative shares it. */
export function creativeIdOf(creative: unknown): string {
  return `crv_${createHash("sha256").update(JSON.stringify(canonical(creative))).digest("hex").slice(0, 24)}`;
}

export const creativeOverrideSchema = z.enum(["include", "exclude"]).nullable();

/** `PATCH /v1/projects/:projectId/ads-content/:id`. */
export const patchAdsContentBodySchema = z.strictObject({ override: creativeOverrideSchema });

/** One creative of the project's pool (`GET /v1/projects/:projectId/ads-content`). */
export const adsContentItemSchema = z.strictObject({
  id: z.string().regex(/^crv_[0-9a-f]{24}$/),
  platform: platformSchema,
  creative: creativeSpecSchema,
  /** Layers ids of the ads showing it (made outside Layers included). */
  adIds: z.array(z.string()),
  impressions: z.number().int().nonnegative(),
  clicks: z.number().int().nonnegative(),
  /** CTR over the last 30 days of synced metrics; null without impressions. */
  score: z.number().nullable(),
  override: creativeOverrideSchema,
});
export type AdsContentItem = z.infer<typeof adsContentItemSchema>;
export const adsContentListSchema = z.strictObject({ data: z.array(adsContentItemSchema) });

/** `GET /v1/projects/:projectId/ads-metrics`. */
export const adsMetricsQuerySchema = z.strictObject({
  platform: z.enum(["meta", "tiktok", "apple", "meta_ads", "tiktok_ads", "apple_ads"]).optional(),
  level: entityKindSchema.optional(),
  since: z.iso.date().optional(),
  until: z.iso.date().optional(),
  entityId: z.string().min(1).max(64).optional(),
});
const metricNumbers = { spendCents: z.number().int().nonnegative(), impressions: z.number().int().nonnegative(), clicks: z.number().int().nonnegative(), conversions: z.number().int().nonnegative() };
export const adsMetricsResponseSchema = z.strictObject({
  data: z.array(z.strictObject({ entityId: z.string(), level: entityKindSchema, date: z.string(), ...metricNumbers })),
  totals: z.strictObject(metricNumbers),
});
export type AdsMetricsResponse = z.infer<typeof adsMetricsResponseSchema>;
