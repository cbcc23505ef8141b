import { z } from "zod";
import { invalidParam, parseTiktokTime } from "./envelope.ts";
import {
  BID_TYPES, BILLING_EVENTS, BUDGET_MODES, BUDGETED_MODES, CAMPAIGN_TYPES, OBJECTIVE_TYPES,
  OPERATION_STATUSES, PACINGS, PLACEMENT_TYPES, SCHEDULE_TYPES, SPECIAL_INDUSTRIES, type BudgetMode,
} from "./enums.ts";
import { minAdgroupBudget, minCampaignBudget, parseBudget } from "./money.ts";

/**
 * Request validation for the TikTok surface. Every refusal is a TtError with code 40002 whose
 * message names the parameter, e.g. `campaign_name: Too small…`.
 */

/** Ids are numeric strings; JSON numbers are accepted too and read as strings. */
const idSchema = z.union([z.string().regex(/^\d+$/, "must be a numeric id"), z.number().int().nonnegative()]).transform(String);
/** Create-time `request_id`: a string holding a 64-bit integer. */
const requestIdSchema = z.union([z.string().regex(/^\d{1,19}$/, "must be a 64-bit integer string"), z.number().int().nonnegative()]).transform(String);
const nameSchema = z.string().min(1).max(512);

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? "body" : issue.path.join(".");
  throw invalidParam(`${where}: ${issue?.message ?? "invalid"}`);
}

const campaignCreateSchema = z.object({
  campaign_name: nameSchema,
  objective_type: z.string().refine((o) => (OBJECTIVE_TYPES as readonly string[]).includes(o), {
    message: "must be a current objective_type (deprecated ones are refused for new campaigns)",
  }),
  budget_mode: z.enum(BUDGET_MODES).optional(),
  budget: z.unknown().optional(),
  budget_optimize_on: z.boolean().default(false),
  operation_status: z.enum(["ENABLE", "DISABLE"]).default("ENABLE"),
  special_industries: z.array(z.enum(SPECIAL_INDUSTRIES)).default([]),
  campaign_type: z.enum(CAMPAIGN_TYPES).default("REGULAR_CAMPAIGN"),
  app_id: idSchema.optional(),
  request_id: requestIdSchema.optional(),
});

export interface CampaignCreateInput {
  campaign_name: string;
  objective_type: string;
  budget_mode: BudgetMode;
  budget: number;
  budget_optimize_on: boolean;
  operation_status: "ENABLE" | "DISABLE";
  special_industries: string[];
  campaign_type: string;
  app_id?: string;
  request_id?: string;
}

/** Budget for a mode: required and ≥ `min` for budgeted modes, 0 for BUDGET_MODE_INFINITE. */
function budgetFor(mode: BudgetMode, raw: unknown, currency: string, min: number): number {
  if (!BUDGETED_MODES.has(mode)) return 0;
  if (raw === undefined || raw === null) throw invalidParam(`budget: required when budget_mode is ${mode}`);
  const b = parseBudget(raw, currency);
  if (!b.ok) throw invalidParam(`budget: ${b.reason}`);
  if (b.value < min) throw invalidParam(`budget: must be at least ${min} ${currency}`);
  return b.value;
}

export function parseCampaignCreate(body: unknown, currency: string): CampaignCreateInput {
  const b = parseWith(campaignCreateSchema, body);
  const mode = b.budget_mode ?? (b.objective_type === "RF_REACH" ? "BUDGET_MODE_INFINITE" : undefined);
  if (mode === undefined) throw invalidParam("budget_mode: required");
  if (b.budget_optimize_on && mode === "BUDGET_MODE_INFINITE") {
    throw invalidParam("budget_mode: campaign budget optimization needs BUDGET_MODE_DAY or BUDGET_MODE_TOTAL");
  }
  const { budget: _raw, request_id, app_id, ...rest } = b;
  return {
    ...rest,
    budget_mode: mode,
    budget: budgetFor(mode, b.budget, currency, minCampaignBudget(currency)),
    ...(app_id === undefined ? {} : { app_id }),
    ...(request_id === undefined ? {} : { request_id }),
  };
}

const campaignUpdateSchema = z.object({
  campaign_id: idSchema,
  campaign_name: nameSchema.optional(),
  budget: z.unknown().optional(),
  budget_mode: z.enum(BUDGET_MODES).optional(),
  special_industries: z.array(z.enum(SPECIAL_INDUSTRIES)).optional(),
});

export interface CampaignUpdateInput {
  campaign_id: string;
  /** Only the fields to change. */
  changes: { campaign_name?: string; budget?: number; special_industries?: string[] };
}

/** `current` is the campaign's budget mode, which never changes. */
export function parseCampaignUpdate(body: unknown, currency: string, current: (id: string) => BudgetMode): CampaignUpdateInput {
  const b = parseWith(campaignUpdateSchema, body);
  const mode = current(b.campaign_id);
  if (b.budget_mode !== undefined && b.budget_mode !== mode) throw invalidParam("budget_mode: cannot be changed after creation");
  const changes: CampaignUpdateInput["changes"] = {};
  if (b.campaign_name !== undefined) changes.campaign_name = b.campaign_name;
  if (b.special_industries !== undefined) changes.special_industries = b.special_industries;
  if (b.budget !== undefined) {
    if (!BUDGETED_MODES.has(mode)) throw invalidParam("budget: a BUDGET_MODE_INFINITE campaign has no budget");
    changes.budget = budgetFor(mode, b.budget, currency, minCampaignBudget(currency));
  }
  return { campaign_id: b.campaign_id, changes };
}

const statusFields = { operation_status: z.enum(OPERATION_STATUSES) };
export const campaignStatusSchema = z.object({ campaign_ids: z.array(idSchema).min(1).max(20), ...statusFields });
export const adgroupStatusSchema = z.object({ adgroup_ids: z.array(idSchema).min(1).max(20), ...statusFields });
export const adStatusSchema = z.object({ ad_ids: z.array(idSchema).min(1).max(20), ...statusFields });

const adgroupCreateSchema = z.object({
  campaign_id: idSchema,
  adgroup_name: nameSchema,
  placement_type: z.enum(PLACEMENT_TYPES).default("PLACEMENT_TYPE_AUTOMATIC"),
  location_ids: z.array(idSchema).min(1),
  billing_event: z.enum(BILLING_EVENTS),
  optimization_goal: z.string().min(1).optional(),
  bid_type: z.enum(BID_TYPES).optional(),
  bid_price: z.number().positive().optional(),
  schedule_type: z.enum(SCHEDULE_TYPES),
  schedule_start_time: z.string(),
  schedule_end_time: z.string().optional(),
  budget_mode: z.enum(["BUDGET_MODE_DAY", "BUDGET_MODE_TOTAL", "BUDGET_MODE_INFINITE"]).optional(),
  budget: z.unknown().optional(),
  pacing: z.enum(PACINGS).optional(),
  operation_status: z.enum(["ENABLE", "DISABLE"]).default("ENABLE"),
  request_id: requestIdSchema.optional(),
});

export type AdgroupCreateInput = Omit<z.infer<typeof adgroupCreateSchema>, "budget" | "budget_mode"> & { budget_mode: BudgetMode; budget: number };

/** `cbo`: the campaign has budget optimisation on, so ad group budget and pacing are ignored. */
export function parseAdgroupCreate(body: unknown, currency: string, cbo: (campaignId: string) => boolean): AdgroupCreateInput {
  const b = parseWith(adgroupCreateSchema, body);
  const start = parseTiktokTime(b.schedule_start_time);
  if (start === undefined) throw invalidParam("schedule_start_time: must be UTC YYYY-MM-DD HH:MM:SS");
  let days = 1;
  if (b.schedule_type === "SCHEDULE_START_END") {
    const end = b.schedule_end_time === undefined ? undefined : parseTiktokTime(b.schedule_end_time);
    if (end === undefined) throw invalidParam("schedule_end_time: required with SCHEDULE_START_END, as UTC YYYY-MM-DD HH:MM:SS");
    if (end <= start) throw invalidParam("schedule_end_time: must be after schedule_start_time");
    days = (end.getTime() - start.getTime()) / 86_400_000;
  }
  const { budget: raw, budget_mode, ...rest } = b;
  if (cbo(b.campaign_id)) return { ...rest, budget_mode: "BUDGET_MODE_INFINITE", budget: 0 };
  if (budget_mode === undefined || budget_mode === "BUDGET_MODE_INFINITE") {
    throw invalidParam("budget_mode: BUDGET_MODE_DAY or BUDGET_MODE_TOTAL required unless the campaign has budget optimization on");
  }
  if (budget_mode === "BUDGET_MODE_TOTAL" && b.schedule_type !== "SCHEDULE_START_END") {
    throw invalidParam("schedule_type: BUDGET_MODE_TOTAL needs SCHEDULE_START_END");
  }
  if (b.pacing === undefined) throw invalidParam("pacing: required unless the campaign has budget optimization on");
  return { ...rest, budget_mode, budget: budgetFor(budget_mode, raw, currency, minAdgroupBudget(currency, budget_mode, days)) };
}

const adgroupUpdateSchema = z.object({
  adgroup_id: idSchema,
  adgroup_name: nameSchema.optional(),
  budget: z.unknown().optional(),
  bid_price: z.number().positive().optional(),
  location_ids: z.array(idSchema).min(1).optional(),
  schedule_type: z.enum(SCHEDULE_TYPES).optional(),
  schedule_end_time: z.string().optional(),
});

export interface AdgroupUpdateInput {
  adgroup_id: string;
  changes: { adgroup_name?: string; budget?: number; bid_price?: number; location_ids?: string[]; schedule_type?: string; schedule_end_time?: string };
}

export function parseAdgroupUpdate(
  body: unknown, currency: string, current: (id: string) => { budget_mode: BudgetMode; schedule_type: string; schedule_start_time: string; schedule_end_time?: string },
): AdgroupUpdateInput {
  const b = parseWith(adgroupUpdateSchema, body);
  const cur = current(b.adgroup_id);
  const changes: AdgroupUpdateInput["changes"] = {};
  if (b.adgroup_name !== undefined) changes.adgroup_name = b.adgroup_name;
  if (b.bid_price !== undefined) changes.bid_price = b.bid_price;
  if (b.location_ids !== undefined) changes.location_ids = b.location_ids;
  // Giving an open-ended ad group an end date means switching it to SCHEDULE_START_END, as at create.
  if (b.schedule_type !== undefined && b.schedule_type !== cur.schedule_type) {
    if (b.schedule_type === "SCHEDULE_START_END" && (b.schedule_end_time ?? cur.schedule_end_time) === undefined) {
      throw invalidParam("schedule_end_time: required with SCHEDULE_START_END, as UTC YYYY-MM-DD HH:MM:SS");
    }
    if (b.schedule_type === "SCHEDULE_FROM_NOW" && b.schedule_end_time !== undefined) throw invalidParam("schedule_end_time: not allowed with SCHEDULE_FROM_NOW");
    if (b.schedule_type === "SCHEDULE_FROM_NOW" && cur.budget_mode === "BUDGET_MODE_TOTAL") throw invalidParam("schedule_type: BUDGET_MODE_TOTAL needs SCHEDULE_START_END");
    changes.schedule_type = b.schedule_type;
    if (b.schedule_type === "SCHEDULE_FROM_NOW" && cur.schedule_end_time !== undefined) changes.schedule_end_time = undefined;
  }
  const endText = changes.schedule_type === "SCHEDULE_FROM_NOW" ? undefined : (b.schedule_end_time ?? cur.schedule_end_time);
  if (b.schedule_end_time !== undefined) {
    const end = parseTiktokTime(b.schedule_end_time);
    const start = parseTiktokTime(cur.schedule_start_time);
    if (end === undefined || start === undefined || end <= start) throw invalidParam("schedule_end_time: must be UTC YYYY-MM-DD HH:MM:SS after schedule_start_time");
    changes.schedule_end_time = b.schedule_end_time;
  }
  if (b.budget !== undefined) {
    if (cur.budget_mode !== "BUDGET_MODE_DAY" && cur.budget_mode !== "BUDGET_MODE_TOTAL") {
      throw invalidParam("budget: this ad group has no budget of its own");
    }
    const start = parseTiktokTime(cur.schedule_start_time);
    const end = endText === undefined ? undefined : parseTiktokTime(endText);
    const days = start !== undefined && end !== undefined ? (end.getTime() - start.getTime()) / 86_400_000 : 1;
    changes.budget = budgetFor(cur.budget_mode, b.budget, currency, minAdgroupBudget(currency, cur.budget_mode, days));
  }
  return { adgroup_id: b.adgroup_id, changes };
}

const creativeFields = {
  ad_format: z.string().min(1).optional(),
  ad_text: z.string().min(1).max(1000).optional(),
  landing_page_url: z.string().url().optional(),
  call_to_action: z.string().min(1).optional(),
  identity_id: z.string().min(1).optional(),
  identity_type: z.string().min(1).optional(),
  video_id: z.string().min(1).optional(),
  image_ids: z.array(z.string().min(1)).optional(),
};

export const adCreateSchema = z.object({
  adgroup_id: idSchema,
  // Each creative may start paused (`operation_status`, default ENABLE), as the official SDK's AdcreateCreatives allows.
  creatives: z.array(z.object({ ad_name: nameSchema, operation_status: z.enum(["ENABLE", "DISABLE"]).optional(), ...creativeFields })).min(1).max(20),
});

export const adUpdateSchema = z.object({
  adgroup_id: idSchema,
  creatives: z.array(z.object({ ad_id: idSchema, ad_name: nameSchema.optional(), ...creativeFields })).min(1).max(20),
});

const pageSchema = z.coerce.number().int().min(1).default(1);
const pageSizeSchema = z.coerce.number().int().min(1).max(1000).default(10);

/** `filtering` (a JSON object, usually sent JSON-encoded in the query) for the three `/get/` calls. */
const filteringSchema = z.object({
  campaign_ids: z.array(idSchema).max(100).optional(),
  adgroup_ids: z.array(idSchema).max(100).optional(),
  ad_ids: z.array(idSchema).max(100).optional(),
  campaign_name: z.string().optional(),
  adgroup_name: z.string().optional(),
  objective_type: z.string().optional(),
  /** Includes the pseudo statuses `…_STATUS_ALL` and `…_STATUS_NOT_DELETE` (the default). */
  secondary_status: z.string().optional(),
  primary_status: z.string().optional(),
});
export type GetFiltering = z.infer<typeof filteringSchema>;

const jsonParam = (inner: z.ZodType) =>
  z.preprocess((v) => {
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return Symbol("invalid JSON");
    }
  }, inner);

export const getQuerySchema = z.object({
  page: pageSchema,
  page_size: pageSizeSchema,
  filtering: jsonParam(filteringSchema).optional(),
  // A JSON array (`fields=["campaign_id"]`, TikTok's documented form) or repeated `fields=` keys (the official Node SDK).
  fields: z.preprocess((v) => (typeof v === "string" && !v.trimStart().startsWith("[") ? [v] : v), jsonParam(z.array(z.string().min(1)))).optional(),
});
export type GetQuery = { page: number; page_size: number; filtering?: GetFiltering; fields?: string[] };

