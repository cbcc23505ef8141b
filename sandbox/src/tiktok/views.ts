import { tiktokTime } from "./envelope.ts";
import type { TtAd, TtAdgroup, TtCampaign } from "./tiktok-store.ts";

/** Read shapes: times as UTC `YYYY-MM-DD HH:MM:SS`, budgets as JSON numbers, ids as strings. */

const SECONDARY = { ENABLE: "ENABLE", DISABLE: "DISABLE", DELETE: "DELETE" } as const;

export function campaignView(c: TtCampaign): Record<string, unknown> {
  const { create_time, modify_time, ...rest } = c;
  return {
    ...rest,
    secondary_status: `CAMPAIGN_STATUS_${SECONDARY[c.operation_status]}`,
    create_time: tiktokTime(new Date(create_time)),
    modify_time: tiktokTime(new Date(modify_time)),
  };
}

export function adgroupView(g: TtAdgroup): Record<string, unknown> {
  const { create_time, modify_time, ...rest } = g;
  return {
    ...rest,
    secondary_status: `ADGROUP_STATUS_${SECONDARY[g.operation_status]}`,
    create_time: tiktokTime(new Date(create_time)),
    modify_time: tiktokTime(new Date(modify_time)),
  };
}

export function adView(a: TtAd): Record<string, unknown> {
  const { create_time, modify_time, ...rest } = a;
  return {
    ...rest,
    secondary_status: `AD_STATUS_${SECONDARY[a.operation_status]}`,
    create_time: tiktokTime(new Date(create_time)),
    modify_time: tiktokTime(new Date(modify_time)),
  };
}

/** Keeps only `fields` (plus nothing else) when given; unknown names are simply absent, as on TikTok. */
export function pickFields(view: Record<string, unknown>, fields: readonly string[] | undefined): Record<string, unknown> {
  if (fields === undefined) return view;
  return Object.fromEntries(fields.filter((f) => f in view).map((f) => [f, view[f]]));
}

export interface PageInfo {
  page: number;
  page_size: number;
  total_number: number;
  total_page: number;
}

/** One page of `items` (1-based `page`); a page past the end is empty with the true totals. */
export function paginate<T>(items: readonly T[], page: number, pageSize: number): { list: T[]; page_info: PageInfo } {
  const start = (page - 1) * pageSize;
  return {
    list: items.slice(start, start + pageSize),
    page_info: { page, page_size: pageSize, total_number: items.length, total_page: Math.ceil(items.length / pageSize) },
  };
}
