import type { EntityKind } from "@layers/contracts";

/** One entity's delivery on one day, as the optimizer stores it (money in contract minor units). */
export interface ReportRow {
  level: EntityKind;
  platformId: string;
  date: string;
  spendCents: number;
  impressions: number;
  clicks: number;
  conversions: number;
}

/** The connected account a report is read for (token already opened). */
export interface ReportAccount {
  platformAccountId: string;
  accessToken: string;
  currency: string;
}

export interface ReportWindow {
  since: string;
  until: string;
}

/** Reads every level's daily rows of one account for a window; one implementation per platform. */
export type ReportReader = (account: ReportAccount, window: ReportWindow) => Promise<ReportRow[]>;

/** A platform's reporting API refused or failed; `retryable` when a later sync may succeed. */
export class ReportError extends Error {
  readonly retryable: boolean;
  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ReportError";
    this.retryable = options.retryable;
  }
}

/** Splits a window into consecutive windows of at most `days` days (TikTok: 30 with daily rows). */
export function chunkWindow(window: ReportWindow, days: number): ReportWindow[] {
  const out: ReportWindow[] = [];
  const end = Date.parse(`${window.until}T00:00:00Z`);
  for (let start = Date.parse(`${window.since}T00:00:00Z`); start <= end; start += days * 86_400_000) {
    const stop = Math.min(end, start + (days - 1) * 86_400_000);
    out.push({ since: iso(start), until: iso(stop) });
  }
  return out;
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Fetch with a timeout; network failures and 5xx/429 are retryable, other statuses are not. */
export async function fetchJson(fetchFn: typeof fetch, url: string, init: RequestInit, timeoutMs: number): Promise<{ status: number; body: any }> {
  let res: Response;
  try {
    res = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new ReportError(`request to ${new URL(url).pathname} failed`, { retryable: true, cause: err });
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch (err) {
    throw new ReportError(`${new URL(url).pathname} answered ${res.status} with non-JSON`, { retryable: res.status >= 500, cause: err });
  }
  return { status: res.status, body };
}
