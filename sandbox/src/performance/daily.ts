import { z } from "zod";

/** One day of one object's delivery; `spend` in minor units of the account currency. */
export interface DailyNumbers {
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number;
}

export const ZERO_DAY: DailyNumbers = Object.freeze({ spend: 0, impressions: 0, clicks: 0, conversions: 0 });

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "not a calendar date");

export const scriptedDaySchema = z.strictObject({ date: isoDateSchema, spend: count, impressions: count, clicks: count, conversions: count });
export type ScriptedDay = z.infer<typeof scriptedDaySchema>;

/** `PUT /_sandbox/performance/{platform}/{platformObjectId}`: the object's whole script. */
export const putPerformanceBodySchema = z.strictObject({
  daily: z.array(scriptedDaySchema).max(1000).refine((days) => new Set(days.map((d) => d.date)).size === days.length, "each date at most once"),
});
export type PutPerformanceBody = z.infer<typeof putPerformanceBodySchema>;

export function addDays(a: DailyNumbers, b: DailyNumbers): DailyNumbers {
  return { spend: a.spend + b.spend, impressions: a.impressions + b.impressions, clicks: a.clicks + b.clicks, conversions: a.conversions + b.conversions };
}

export function isZeroDay(d: DailyNumbers): boolean {
  return d.spend === 0 && d.impressions === 0 && d.clicks === 0 && d.conversions === 0;
}

/** Every date from `since` to `until` inclusive (UTC calendar days). */
export function datesBetween(since: string, until: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${until}T00:00:00Z`);
  for (let t = Date.parse(`${since}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Days from `since` to `until` inclusive; 0 when `until` is before `since`. */
export function spanDays(since: string, until: string): number {
  return Math.floor((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000) + 1;
}

/** FNV-1a, so the same object and date always report the same synthetic numbers. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Deterministic synthetic delivery of an unscripted leaf object on one day: a few hundred to two
 * thousand impressions, a 1–4 % click rate, 20–79 minor units per click and a 2–9 % conversion rate.
 */
export function syntheticDay(objectId: string, date: string): DailyNumbers {
  const h = hash(`${objectId}|${date}`);
  const impressions = 300 + (h % 1700);
  const clicks = Math.floor((impressions * (1 + ((h >>> 11) % 4))) / 100);
  const spend = clicks * (20 + ((h >>> 15) % 60));
  const conversions = Math.floor((clicks * (2 + ((h >>> 21) % 8))) / 100);
  return { spend, impressions, clicks, conversions };
}
