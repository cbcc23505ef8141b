/** TikTok API for Business v1.3 enums (current values; deprecated objectives are refused on create). */
export const OBJECTIVE_TYPES = [
  "APP_PROMOTION", "WEB_CONVERSIONS", "TRAFFIC", "REACH", "VIDEO_VIEWS", "ENGAGEMENT", "LEAD_GENERATION",
  "PRODUCT_SALES", "RF_REACH", "TOPVIEW_REACH", "RF_TRAFFIC", "RF_VIDEO_VIEW", "BRAND_CONSIDERATION",
] as const;
export const DEPRECATED_OBJECTIVE_TYPES = ["APP_INSTALL", "CONVERSIONS", "CATALOG_SALES", "SHOP_PURCHASES", "RF_APP_INSTALL", "RF_ENGAGEMENT"] as const;
export const BUDGET_MODES = ["BUDGET_MODE_INFINITE", "BUDGET_MODE_DAY", "BUDGET_MODE_TOTAL", "BUDGET_MODE_DYNAMIC_DAILY_BUDGET"] as const;
export type BudgetMode = (typeof BUDGET_MODES)[number];
export const OPERATION_STATUSES = ["ENABLE", "DISABLE", "DELETE"] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
export const SPECIAL_INDUSTRIES = ["HOUSING", "EMPLOYMENT", "CREDIT"] as const;
export const CAMPAIGN_TYPES = ["REGULAR_CAMPAIGN", "IOS14_CAMPAIGN"] as const;
export const BILLING_EVENTS = ["CPC", "CPM", "CPV", "OCPM"] as const;
export const BID_TYPES = ["BID_TYPE_CUSTOM", "BID_TYPE_NO_BID"] as const;
export const PACINGS = ["PACING_MODE_SMOOTH", "PACING_MODE_FAST"] as const;
export const PLACEMENT_TYPES = ["PLACEMENT_TYPE_AUTOMATIC", "PLACEMENT_TYPE_NORMAL"] as const;
export const SCHEDULE_TYPES = ["SCHEDULE_START_END", "SCHEDULE_FROM_NOW"] as const;

/** Budget modes that need a `budget`. */
export const BUDGETED_MODES: ReadonlySet<string> = new Set(["BUDGET_MODE_DAY", "BUDGET_MODE_TOTAL", "BUDGET_MODE_DYNAMIC_DAILY_BUDGET"]);
